// A parallel step: its own title and clock, then one column per role's track still at work, side by side, each
// showing that track's current step. A track that has reached its end folds into a short "已完成" strip, so the
// tracks still at work get the room.
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
  const roleOf = (role: string) => pick(view.plan.roles.find((r) => r.id === role)?.title, lang) || role;
  // Tracks still at work share the width; finished ones fold into a short strip above them.
  const working = tracks.flatMap((t) => (t.step && t.active ? [{ ...t, step: t.step, active: t.active }] : []));
  const done = tracks.filter((t) => !(t.step && t.active));
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
          compact
        />
      </div>
      {done.length > 0 && (
        <div className="tracks-done">
          {done.map(({ track }) => (
            <section
              key={track.start}
              className="track-now is-done"
              aria-labelledby={`track-${track.start}`}
              data-track={track.role}
            >
              <h3 id={`track-${track.start}`} className="track-role">
                {roleOf(track.role)}
              </h3>
              <p className="track-done">
                <span aria-hidden="true">✓ </span>
                {t('run.trackDone')}
              </p>
            </section>
          ))}
        </div>
      )}
      <div className={`tracks-now tracks-${working.length}`}>
        {working.map(({ track, step: current, active: trackActive }) => (
          <section
            key={track.start}
            className="track-now"
            aria-labelledby={`track-${track.start}`}
            data-track={track.role}
          >
            <h3 id={`track-${track.start}`} className="track-role">
              {roleOf(track.role)}
            </h3>
            <StepCard
              step={current}
              active={trackActive}
              view={view}
              index={index}
              actions={actions}
              run={run}
              inTrack
            />
          </section>
        ))}
      </div>
    </article>
  );
}
