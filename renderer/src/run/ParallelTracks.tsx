// A parallel step: its own title and clock, then one column per role's track, side by side, each showing
// that track's current step, or "已完成" once the track has reached its end.
import { useTranslation } from 'react-i18next';
import { pick } from '../../../shared/plan/labels';
import type { IndexedStep } from '../../../shared/plan/stepIndex';
import type { ParallelStep } from '../../../shared/plan/schema';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useLanguage } from '../components/useLanguage';
import type { Pending } from './ActionButton';
import type { ActiveEntry, TrackNow } from './currentSteps';
import type { RunActions } from './runActions';
import { StepCard } from './StepCard';
import { StepTimer } from './StepTimer';

export function ParallelTracks({
  step,
  active,
  tracks,
  view,
  index,
  actions,
  run,
}: {
  step: ParallelStep;
  active: ActiveEntry;
  tracks: TrackNow[];
  view: RunView;
  index: Map<string, IndexedStep>;
  actions: RunActions;
  run: Pending;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const titleId = `step-title-${step.id}`;
  return (
    <article className="step-card kind-parallel" aria-labelledby={titleId} data-step={step.id}>
      <div className="step-head">
        <div className="step-heading">
          <span className="role-chip">{t('run.parallel')}</span>
          <h2 id={titleId} className="step-title">
            {pick(step.title, lang)}
          </h2>
          {step.detail && <p className="step-detail">{pick(step.detail, lang)}</p>}
        </div>
        <StepTimer
          active={active}
          {...(step.targetSeconds !== undefined ? { targetSeconds: step.targetSeconds } : {})}
          {...(step.timeout
            ? {
                timeout: {
                  seconds: step.timeout.seconds,
                  nextTitle: pick(index.get(step.timeout.next)?.step.title, lang) || step.timeout.next,
                },
              }
            : {})}
        />
      </div>
      <div className={`tracks-now tracks-${tracks.length}`}>
        {tracks.map(({ track, step: current, active: trackActive }) => {
          const role = pick(view.plan.roles.find((r) => r.id === track.role)?.title, lang) || track.role;
          const headingId = `track-${track.start}`;
          return (
            <section
              key={track.start}
              className={`track-now${current ? '' : ' is-done'}`}
              aria-labelledby={headingId}
              data-track={track.role}
            >
              <h3 id={headingId} className="track-role">
                {role}
              </h3>
              {current && trackActive ? (
                <StepCard
                  step={current}
                  active={trackActive}
                  view={view}
                  index={index}
                  actions={actions}
                  run={run}
                  inTrack
                />
              ) : (
                <p className="track-done">✓ {t('run.trackDone')}</p>
              )}
            </section>
          );
        })}
      </div>
    </article>
  );
}
