// The runner: walks a guard through a live incident or a drill, one recorded tap at a time. Shows the current
// step(s) in large type with their clocks, checklists, numbers and big buttons; notes, the timeline, the end.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../../shared/plan/labels';
import { indexSteps } from '../../../shared/plan/stepIndex';
import type { RunView } from '../../../shared/run/runViewSchema';
import { hrefFor } from '../app/router';
import { useSettings } from '../app/SettingsContext';
import { afterNextPaint } from '../components/afterNextPaint';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { AbortControl } from '../run/AbortControl';
import { ActionButton } from '../run/ActionButton';
import { currentSteps, workStepsOf } from '../run/currentSteps';
import { NoteDialog, NoteList } from '../run/Notes';
import { ParallelTracks } from '../run/ParallelTracks';
import { actionId, registerRunActions, useActionKeys } from '../run/runActions';
import {
  CommandError,
  DeclaredNotice,
  InjectCards,
  ModeBanner,
  RewrittenBanner,
  WriteErrorBanner,
} from '../run/RunBanners';
import { preloadCloseOutForm, RunEnd } from '../run/SignOff';
import { StepCard } from '../run/StepCard';
import { EscalationLinks, FollowOnButtons } from '../run/FollowOn';
import { SilentRunContext } from '../run/StepTimer';
import { formatClock, formatDuration, secondsBetween } from '../run/time';
import { Timeline } from '../run/Timeline';
import { useNow } from '../run/useNow';
import { runLoadState, useRun, type RunHandle } from '../run/useRun';

export function RunScreen({ runId }: { runId: string }) {
  const run = useRun(runId);
  const state = runLoadState(run);
  useEffect(() => afterNextPaint(preloadCloseOutForm), []);
  return (
    <LoadState state={state} retry={run.reload}>
      {(view) => (
        <SilentRunContext.Provider value={view.silent}>
          <Runner view={view} run={run} />
        </SilentRunContext.Provider>
      )}
    </LoadState>
  );
}

function Runner({ view, run }: { view: RunView; run: RunHandle }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { state: settings } = useSettings();
  const [noteOpen, setNoteOpen] = useState(false);
  const index = useMemo(() => indexSteps(view.plan), [view.plan]);
  const current = useMemo(() => currentSteps(view, index), [view, index]);
  const work = useMemo(() => workStepsOf(current), [current]);
  const { send } = run;
  const actions = useMemo(
    () =>
      registerRunActions({
        view,
        work,
        lang,
        t,
        directory: settings.settings.contacts,
        send,
        openNote: () => setNoteOpen(true),
      }),
    [view, work, lang, t, settings.settings.contacts, send],
  );
  useActionKeys(actions);
  const noteAction = actions.get(actionId.note);
  const active = view.status === 'active';

  return (
    <section
      className={`run mode-${view.mode}${view.silent ? ' silent' : ''}`}
      aria-labelledby="run-title"
      data-status={view.status}
      data-silent={view.silent || undefined}
    >
      <ModeBanner mode={view.mode} />
      <DeclaredNotice exercise={view.exercise} />
      <WriteErrorBanner writeError={run.writeError} />
      <RewrittenBanner rewritten={view.rewritten} mode={view.mode} />
      <div className="run-head">
        <a className="run-back" href={hrefFor({ screen: 'home' })}>
          ← {t('run.back')}
        </a>
        <div className="run-heading">
          <h1 id="run-title">{pick(view.plan.title, lang)}</h1>
          <RunClock view={view} />
          {view.silent && <p className="run-silent muted small">{t('escalation.silent')}</p>}
          <EscalationLinks view={view} to="run" />
        </div>
        <div className="run-tools">
          {noteAction && <ActionButton action={noteAction} run={run} className="note-button" />}
          {active && <AbortControl run={run} mode={view.mode} />}
        </div>
      </div>
      {active && <CommandError run={run} />}
      <div className="run-body">
        <div className="run-main">
          <p className="visually-hidden" aria-live="polite">
            {active && t('run.currentSteps', { steps: work.map((w) => pick(w.step.title, lang)).join('；') })}
          </p>
          {view.injects.length > 0 && <InjectCards view={view} />}
          <FollowOnButtons view={view} />
          {current.map((c) =>
            c.kind === 'step' ? (
              <StepCard
                key={`${c.step.id}@${c.active.enteredAt}`}
                step={c.step}
                active={c.active}
                view={view}
                index={index}
                actions={actions}
                run={run}
              />
            ) : (
              <ParallelTracks
                key={`${c.step.id}@${c.active.enteredAt}`}
                step={c.step}
                active={c.active}
                tracks={c.tracks}
                view={view}
                index={index}
                actions={actions}
                run={run}
              />
            ),
          )}
          {!active && <RunEnd view={view} index={index} run={run} />}
          {active && <p className="shortcuts muted small">{t('run.shortcuts')}</p>}
        </div>
        <aside className="run-side" aria-label={t('run.timeline', { count: view.timeline.length, context: view.mode })}>
          <NoteList view={view} index={index} />
          <Timeline view={view} />
        </aside>
      </div>
      <NoteDialog
        open={noteOpen}
        onClose={() => setNoteOpen(false)}
        run={run}
        step={work[0]?.step.id}
        mode={view.mode}
      />
    </section>
  );
}

function RunClock({ view }: { view: RunView }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const now = useNow();
  const end = view.outcome?.at;
  return (
    <p className="run-clock">
      {t('run.startedAt', { time: formatClock(view.startedAt, lang) })} ·{' '}
      {t('run.elapsed', { elapsed: formatDuration(secondsBetween(view.startedAt, end ?? now)) })} ·{' '}
      <span className="run-operator">{t('run.operator', { name: view.operator ?? t('records.unidentified') })}</span>
    </p>
  );
}
