// The trainer's console during a drill, meant for a second window or tab beside the runner: the scenario clock
// (pause and resume), the players' current steps, and the MSEL with what has been delivered, what is due and a
// "fire now" for each inject. It follows the exercise (drills.changed) and its run (run.changed) live.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../../shared/plan/labels';
import type { Plan } from '../../../shared/plan/schema';
import { indexSteps } from '../../../shared/plan/stepIndex';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useApi } from '../api/ApiContext';
import { hrefFor } from '../app/router';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { ErrorNote } from '../people/ErrorNote';
import { formatDuration } from '../run/time';
import { useRun } from '../run/useRun';
import { ConsoleMsel } from './ConsoleMsel';
import { exerciseState, roleTitle } from './labels';
import { useAsTrainer, useExercise, usePlanVersion, type LoadedExercise } from './useDrills';
import { scenarioTimeRuns, useScenarioClock } from './useScenarioClock';

export function ConsoleScreen({ exerciseId }: { exerciseId: string }) {
  const [state, reload] = useExercise(exerciseId);
  return (
    <section className="drill-console" aria-labelledby="console-title">
      <div className="mode-banner mode-banner-drill console-banner">
        <ConsoleBannerText />
      </div>
      <LoadState state={state} retry={reload}>
        {(loaded: LoadedExercise) =>
          loaded.view.run ? (
            <WithRun key={loaded.view.run.runId} runId={loaded.view.run.runId} loaded={loaded} reload={reload} />
          ) : (
            <Console loaded={loaded} run={undefined} reload={reload} />
          )
        }
      </LoadState>
    </section>
  );
}

function ConsoleBannerText() {
  const { t } = useTranslation();
  return (
    <>
      <strong className="mode-name">{t('drills.console.banner')}</strong>
      <span className="mode-note">{t('drills.console.bannerNote')}</span>
    </>
  );
}

function WithRun({ runId, loaded, reload }: { runId: string; loaded: LoadedExercise; reload: () => void }) {
  const run = useRun(runId);
  return (
    <Console
      loaded={loaded}
      run={run.view}
      reload={() => {
        reload();
        run.reload();
      }}
    />
  );
}

function Console({ loaded, run, reload }: { loaded: LoadedExercise; run: RunView | undefined; reload: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const asTrainer = useAsTrainer();
  const { view } = loaded;
  const planState = usePlanVersion(view.spec.planId, view.spec.planVersion);
  const plan = run?.plan ?? (planState.status === 'ready' ? planState.value : undefined);
  const clock = useScenarioClock(view, loaded.receivedAt);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const act = async (key: string, action: () => Promise<unknown>) => {
    setBusy(key);
    setError(undefined);
    try {
      await asTrainer(action);
      reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };
  const state = exerciseState(view);
  return (
    <>
      <div className="console-head">
        <h1 id="console-title">
          <span className="console-kicker">{t('drills.console.title')}</span> {view.spec.title}
        </h1>
        <a href={hrefFor({ screen: 'drills', exerciseId: view.id })}>{t('drills.console.exercise')}</a>
      </div>
      <div className="console-top">
        <div className="scenario-clock-box">
          <span id="scenario-clock-label" className="scenario-clock-label">
            {t('drills.console.clock')}
          </span>
          <span
            role="timer"
            aria-labelledby="scenario-clock-label"
            className={`scenario-clock${view.status === 'paused' ? ' is-paused' : ''}`}
            data-testid="scenario-clock"
          >
            {formatDuration(clock ?? 0)}
          </span>
          <div className="form-actions">
            {state === 'planned' && view.spec.announced ? (
              <button
                type="button"
                className="primary big"
                disabled={busy !== undefined}
                onClick={() => void act('start', () => api.call('drills.start', { exerciseId: view.id }))}
              >
                {t('drills.page.start')}
              </button>
            ) : view.status === 'paused' ? (
              <button
                type="button"
                className="primary big"
                disabled={busy !== undefined}
                onClick={() => void act('resume', () => api.call('drills.resume', { exerciseId: view.id }))}
              >
                {t('drills.console.resume')}
              </button>
            ) : (
              <button
                type="button"
                className="big"
                disabled={busy !== undefined || !scenarioTimeRuns(view)}
                onClick={() => void act('pause', () => api.call('drills.pause', { exerciseId: view.id }))}
              >
                {t('drills.console.pause')}
              </button>
            )}
          </div>
        </div>
        <CurrentSteps run={run} plan={plan} />
      </div>
      <p role="status" className="console-state" data-state={state}>
        {state === 'planned' && t('drills.console.notStarted')}
        {state === 'paused' && t('drills.console.paused')}
        {state === 'ended' && t('drills.console.ended')}
        {state === 'cancelled' && t('drills.console.cancelled')}
      </p>
      {error !== undefined && <ErrorNote error={error} />}
      <ConsoleMsel
        view={view}
        run={run}
        plan={plan}
        clock={clock}
        firing={busy?.startsWith('fire:') ? busy.slice('fire:'.length) : undefined}
        onFire={(injectId) =>
          void act(`fire:${injectId}`, () => api.call('drills.fire', { exerciseId: view.id, injectId }))
        }
      />
    </>
  );
}

/** The steps the players are on now (each track's step of a parallel step, with its role). */
function CurrentSteps({ run, plan }: { run: RunView | undefined; plan: Plan | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const index = plan ? indexSteps(plan) : undefined;
  const steps =
    run?.status === 'active'
      ? run.active.flatMap((active) => {
          const entry = index?.get(active.step);
          if (!entry || entry.step.kind === 'parallel') return [];
          const title = pick(entry.step.title, lang) || active.step;
          const role = entry.track ? roleTitle(plan, entry.track.role, lang) : undefined;
          return [{ id: active.step, text: role ? `${role}${lang === 'en' ? ': ' : '：'}${title}` : title }];
        })
      : [];
  return (
    <section className="console-steps" aria-labelledby="console-steps-title">
      <h2 id="console-steps-title">{t('drills.console.currentSteps')}</h2>
      {steps.length === 0 ? (
        <p className="muted">{t('drills.console.noSteps')}</p>
      ) : (
        <ul aria-live="polite">
          {steps.map((s) => (
            <li key={s.id} data-step={s.id}>
              {s.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
