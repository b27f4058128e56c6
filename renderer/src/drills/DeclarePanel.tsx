// An unannounced exercise is conducted on a live run: the guard starts the plan as a real incident, as always, and
// the trainer declares that run the drill, during it or after its end (before sign-off). This lists the live runs
// of the exercise's plan (kept current as runs start and move on) with a button to declare each.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseView } from '../../../shared/drills/exerciseView';
import { useApi, usePush } from '../api/ApiContext';
import { useAsync } from '../app/useAsync';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { ErrorNote } from '../people/ErrorNote';
import { formatDateTime } from '../records/recordTime';
import { useAsTrainer } from './useDrills';
import type { RunSummary } from '../../../shared/run/runViewSchema';

export function DeclarePanel({ view, onDeclared }: { view: ExerciseView; onDeclared: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const asTrainer = useAsTrainer();
  const [runs, reload] = useAsync(() => api.call('runs.unfinished'), []);
  // A run started or moved on in another window: the list follows.
  usePush(
    'run.changed',
    useCallback(() => reload(), []),
  );
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const declare = async (runId: string) => {
    setBusy(runId);
    setError(undefined);
    try {
      await asTrainer(() => api.call('drills.declare', { exerciseId: view.id, runId }));
      onDeclared();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };
  const live = (list: RunSummary[]) =>
    list.filter(
      (run) =>
        run.planId === view.spec.planId &&
        run.mode === 'incident' &&
        (run.status === 'active' || run.status === 'ended'),
    );
  return (
    <section className="declare-panel" aria-labelledby="declare-title">
      <h2 id="declare-title">{t('drills.page.declareHeading')}</h2>
      <p className="drill-hint">{t('drills.page.declareHint')}</p>
      <LoadState state={runs} retry={reload}>
        {(list: RunSummary[]) =>
          live(list).length === 0 ? (
            <p className="muted" data-testid="no-live-runs">
              {t('drills.page.noLiveRuns')}
            </p>
          ) : (
            <ul className="live-runs">
              {live(list).map((run) => (
                <li key={run.runId} className="live-run" data-run={run.runId}>
                  <div id={`live-${run.runId}`}>
                    <strong>{t('drills.page.liveRun', { at: formatDateTime(run.startedAt) })}</strong>
                    {run.status === 'ended' && <span> · {t('drills.status.ended')}</span>}
                    {run.currentTitles.length > 0 && (
                      <span className="muted">
                        {' '}
                        · {t('drills.page.liveRunSteps', { steps: run.currentTitles.map((s) => s[lang]).join('；') })}
                      </span>
                    )}
                  </div>
                  <button
                    type="button"
                    className="primary"
                    aria-describedby={`live-${run.runId}`}
                    disabled={busy !== undefined}
                    aria-busy={busy === run.runId || undefined}
                    onClick={() => void declare(run.runId)}
                  >
                    {t('drills.page.declare')}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
      <button type="button" onClick={reload}>
        {t('drills.page.refresh')}
      </button>
      {error !== undefined && <ErrorNote error={error} />}
    </section>
  );
}
