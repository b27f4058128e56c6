// One exercise: its facts and what was planned; while planned, changing or cancelling it and starting it (announced)
// or declaring the guard's live run (unannounced); once it has its run, the console, the runner, the record, the
// evaluation and the drill report, and the improvement actions the drill produced.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseView } from '../../../shared/drills/exerciseView';
import { EXERCISE_LIMITS } from '../../../shared/limits';
import { useApi } from '../api/ApiContext';
import { usePlans } from '../app/PlansContext';
import { hrefFor } from '../app/router';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { ExerciseActions } from '../drillReview/ExerciseActions';
import { ErrorNote } from '../people/ErrorNote';
import { formatDateTime } from '../records/recordTime';
import { DeclarePanel } from './DeclarePanel';
import { ExerciseEditor } from './ExerciseForm';
import { KindBadge, StatusBadge } from './ExerciseList';
import { ExerciseSummary } from './ExerciseSummary';
import { planTitle } from './labels';
import { useAsTrainer, useExercise, usePlanVersion, type LoadedExercise } from './useDrills';

export function ExercisePage({ exerciseId }: { exerciseId: string }) {
  const { t } = useTranslation();
  const [state, reload] = useExercise(exerciseId);
  return (
    <section className="drills-screen" aria-labelledby="exercise-title">
      <p>
        <a href={hrefFor({ screen: 'drills' })}>{t('drills.back')}</a>
      </p>
      <LoadState state={state} retry={reload}>
        {({ view }: LoadedExercise) => <Exercise view={view} reload={reload} />}
      </LoadState>
    </section>
  );
}

function Exercise({ view, reload }: { view: ExerciseView; reload: () => void }) {
  const { t } = useTranslation();
  const plan = usePlanVersion(view.spec.planId, view.spec.planVersion);
  const [editing, setEditing] = useState(false);
  const planned = view.status === 'planned';
  return (
    <>
      <h1 id="exercise-title">{view.spec.title}</h1>
      <Facts view={view} />
      {view.cancelled && (
        <div className="notice notice-warning exercise-cancelled">
          <p>{t('drills.page.cancelled', { at: formatDateTime(view.cancelled.at), name: view.cancelled.by.name })}</p>
          {view.cancelled.reason && <p>{t('drills.page.cancelledReason', { reason: view.cancelled.reason })}</p>}
        </div>
      )}
      {view.status !== 'cancelled' && <RunLinks view={view} />}
      {view.run && <ExerciseActions exerciseId={view.id} />}
      {planned && editing ? (
        <section aria-labelledby="exercise-edit-title">
          <h2 id="exercise-edit-title">{t('drills.form.editTitle')}</h2>
          <ExerciseEditor
            editing={{ exerciseId: view.id, spec: view.spec }}
            labelledBy="exercise-edit-title"
            onSaved={() => {
              setEditing(false);
              reload();
            }}
            onDiscard={() => setEditing(false)}
          />
        </section>
      ) : (
        <>
          {planned && <PlannedActions view={view} onEdit={() => setEditing(true)} onChanged={reload} />}
          <ExerciseSummary spec={view.spec} plan={plan.status === 'ready' ? plan.value : undefined} />
        </>
      )}
    </>
  );
}

function Facts({ view }: { view: ExerciseView }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const plans = usePlans();
  const { spec } = view;
  return (
    <dl className="facts exercise-facts">
      <dt>{t('drills.page.plan')}</dt>
      <dd>{t('drills.page.planVersion', { title: planTitle(plans, spec.planId, lang), version: spec.planVersion })}</dd>
      <dt>{t('drills.page.scheduled')}</dt>
      <dd>
        <time dateTime={spec.scheduledAt}>{formatDateTime(spec.scheduledAt, false)}</time>
      </dd>
      <dt>{t('drills.page.kind')}</dt>
      <dd>
        <KindBadge announced={spec.announced} />
      </dd>
      <dt>{t('drills.page.status')}</dt>
      <dd>
        <StatusBadge view={view} />
      </dd>
      <dt>{t('drills.page.plannedBy')}</dt>
      <dd>{t('drills.page.byAt', { name: view.planned.by.name, at: formatDateTime(view.planned.at) })}</dd>
      {view.updated && (
        <>
          <dt>{t('drills.page.updatedBy')}</dt>
          <dd>{t('drills.page.byAt', { name: view.updated.by.name, at: formatDateTime(view.updated.at) })}</dd>
        </>
      )}
      {view.run && (
        <>
          <dt>{t('drills.page.run')}</dt>
          <dd data-testid="exercise-run">
            {t(view.run.declared ? 'drills.page.declaredBy' : 'drills.page.startedBy', {
              at: formatDateTime(view.run.at),
              name: view.run.by.name,
            })}
          </dd>
        </>
      )}
    </dl>
  );
}

/** While planned: change, cancel (with a reason), and start it or declare the guard's run. */
function PlannedActions({
  view,
  onEdit,
  onChanged,
}: {
  view: ExerciseView;
  onEdit: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const asTrainer = useAsTrainer();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await asTrainer(action);
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const cancel = (event: FormEvent) => {
    event.preventDefault();
    void act(() => api.call('drills.cancel', { exerciseId: view.id, reason: reason.trim() }));
  };
  return (
    <section className="exercise-actions" aria-labelledby="exercise-actions-title">
      <h2 id="exercise-actions-title" className="visually-hidden">
        {t('drills.page.actions')}
      </h2>
      {view.spec.announced ? (
        <div className="exercise-start">
          <button
            type="button"
            className="primary big"
            disabled={busy}
            aria-describedby="exercise-start-hint"
            onClick={() => void act(() => api.call('drills.start', { exerciseId: view.id }))}
          >
            {t('drills.page.start')}
          </button>
          <p id="exercise-start-hint" className="drill-hint">
            {t('drills.page.startHint')}
          </p>
        </div>
      ) : (
        <DeclarePanel view={view} onDeclared={onChanged} />
      )}
      <div className="form-actions exercise-change">
        <button type="button" onClick={onEdit} disabled={busy}>
          {t('drills.page.edit')}
        </button>
        {!cancelling && (
          <button type="button" className="danger-outline" onClick={() => setCancelling(true)} disabled={busy}>
            {t('drills.page.cancel')}
          </button>
        )}
      </div>
      {cancelling && (
        <form className="exercise-cancel" aria-label={t('drills.page.cancel')} onSubmit={cancel}>
          <label htmlFor="exercise-cancel-reason">{t('drills.page.cancelReason')}</label>
          <textarea
            id="exercise-cancel-reason"
            rows={2}
            value={reason}
            maxLength={EXERCISE_LIMITS.cancelReason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="form-actions">
            <button type="submit" className="danger" disabled={busy}>
              {t('drills.page.cancelConfirm')}
            </button>
            <button type="button" onClick={() => setCancelling(false)}>
              {t('drills.page.keep')}
            </button>
          </div>
        </form>
      )}
      {error !== undefined && <ErrorNote error={error} />}
    </section>
  );
}

/**
 * The trainer's console (best in a second window, opened before the start to watch it begin), and once the exercise
 * has its run, the players' runner and the run's record.
 */
function RunLinks({ view }: { view: ExerciseView }) {
  const { t } = useTranslation();
  const runId = view.run?.runId;
  const consoleHref = hrefFor({ screen: 'drills', exerciseId: view.id, console: true });
  return (
    <nav className="exercise-run-links" aria-label={t('drills.page.links')}>
      <button
        type="button"
        className="primary"
        // Not noopener: the new tab takes this tab's session storage (the browser edition's token) with it.
        onClick={() => window.open(new URL(consoleHref, window.location.href).href, '_blank')}
      >
        {t('drills.page.consoleWindow')}
      </button>
      <a className="button-link" href={consoleHref}>
        {t('drills.page.console')}
      </a>
      {runId && (
        <>
          <a className="button-link" href={hrefFor({ screen: 'run', runId })}>
            {t('drills.page.runner')}
          </a>
          <a className="button-link" href={hrefFor({ screen: 'records', runId })}>
            {t('drills.page.record')}
          </a>
          {/* The evaluation and the drill report (their words come with ExerciseActions' strings). */}
          <a className="button-link" href={hrefFor({ screen: 'drills', exerciseId: view.id, evaluate: true })}>
            {t('review.exercise.evaluate')}
          </a>
          <a className="button-link" href={hrefFor({ screen: 'drills', exerciseId: view.id, report: true })}>
            {t('review.exercise.report')}
          </a>
        </>
      )}
    </nav>
  );
}
