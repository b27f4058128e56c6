// Planning an exercise (and changing one until it starts): a published plan (its version now is the one drilled),
// title, scenario, the branch-local date and time, announced or not, then objectives, people and the MSEL. Fields
// missing something are marked in place; a refusal by the backend (the spec does not fit the plan) is shown above
// the save button, and nothing typed is lost.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseSpec } from '../../../shared/drills/exercise';
import type { ExerciseView } from '../../../shared/drills/exerciseView';
import { EXERCISE_LIMITS } from '../../../shared/limits';
import { useApi } from '../api/ApiContext';
import { usePlans } from '../app/PlansContext';
import { hrefFor, navigate } from '../app/router';
import { useAsync } from '../app/useAsync';
import { displayTimeZone } from '../components/displayTimeZone';
import { useLanguage } from '../components/useLanguage';
import { ErrorNote } from '../people/ErrorNote';
import { useSession } from '../people/SessionContext';
import {
  emptyForm,
  formOfSpec,
  specOfForm,
  withoutPlanReferences,
  type ExerciseForm,
  type FormProblems,
} from './planningForm';
import { Field } from './FormField';
import { EvaluatorRows, ObjectiveRows, ParticipantRows, type UpdateForm } from './FormRows';
import { InjectRows } from './InjectRows';
import { useAsTrainer } from './useDrills';

export function NewExercise() {
  const { t } = useTranslation();
  return (
    <section className="drills-screen" aria-labelledby="exercise-form-title">
      <p>
        <a href={hrefFor({ screen: 'drills' })}>{t('drills.back')}</a>
      </p>
      <h1 id="exercise-form-title">{t('drills.form.newTitle')}</h1>
      <ExerciseEditor
        labelledBy="exercise-form-title"
        onSaved={(view) => navigate({ screen: 'drills', exerciseId: view.id })}
      />
    </section>
  );
}

const NO_PROBLEMS: FormProblems = new Map();

export function ExerciseEditor({
  editing,
  labelledBy,
  onSaved,
  onDiscard,
}: {
  /** The exercise being changed; absent for a new one. */
  editing?: { exerciseId: string; spec: ExerciseSpec };
  labelledBy: string;
  onSaved: (view: ExerciseView) => void;
  onDiscard?: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const asTrainer = useAsTrainer();
  const session = useSession();
  const zone = displayTimeZone();
  const published = usePlans().filter((p) => p.status === 'published');
  const [form, setForm] = useState<ExerciseForm>(() => (editing ? formOfSpec(editing.spec, zone) : emptyForm(zone)));
  // Marked only after a save was tried, then kept current as the fields are corrected.
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const update: UpdateForm = (recipe) => setForm(recipe);

  const [detail] = useAsync(
    () => (form.planId ? api.call('plans.get', { id: form.planId }) : Promise.resolve(undefined)),
    [form.planId],
  );
  const plan = detail.status === 'ready' ? detail.value?.plan : undefined;
  const planVersion = detail.status === 'ready' ? detail.value?.summary.version : undefined;

  const { reloadUsers, users } = session;
  useEffect(() => {
    reloadUsers().catch(() => {}); // the pickers stay empty; external names can still be typed
  }, [reloadUsers]);
  const enabled = useMemo(() => (users ?? []).filter((u) => !u.disabled), [users]);
  const names = useMemo(() => new Map(enabled.map((u) => [u.id, u.name])), [enabled]);

  const result = specOfForm(form, planVersion ?? 0, zone, names);
  const problems = checked && 'problems' in result ? result.problems : NO_PROBLEMS;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setChecked(true);
    if ('problems' in result) {
      const first = [...result.problems.keys()][0];
      document.getElementById(first === 'ef-when' ? 'ef-date' : (first ?? ''))?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const spec = result.spec;
      const view = await asTrainer(() =>
        editing
          ? api.call('drills.update', { exerciseId: editing.exerciseId, spec })
          : api.call('drills.plan', { spec }),
      );
      onSaved(view);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const rows = { form, update, plan, problems };
  return (
    <form className="exercise-form" aria-labelledby={labelledBy} onSubmit={submit} noValidate>
      <fieldset className="drill-group">
        <legend>{t('drills.form.basics')}</legend>
        <Field
          id="ef-plan"
          label={t('drills.form.plan')}
          problems={problems}
          {...(planVersion ? { hint: t('drills.form.planVersion', { version: planVersion }) } : {})}
        >
          {(props) => (
            <select
              {...props}
              value={form.planId}
              onChange={(e) => setForm((f) => withoutPlanReferences(f, e.target.value))}
            >
              <option value="">{t('drills.form.choosePlan')}</option>
              {published.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title[lang]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {detail.status === 'loading' && form.planId && <p className="muted">{t('drills.form.loadingPlan')}</p>}
        {detail.status === 'error' && <ErrorNote error={detail.error} />}
        <Field id="ef-title" label={t('drills.form.title')} problems={problems} className="drill-field-wide">
          {(props) => (
            <input
              {...props}
              value={form.title}
              maxLength={EXERCISE_LIMITS.title}
              autoComplete="off"
              onChange={(e) => setForm((f) => ({ ...f, title: e.target.value }))}
            />
          )}
        </Field>
        <Field id="ef-scenario" label={t('drills.form.scenario')} problems={problems} className="drill-field-wide">
          {(props) => (
            <textarea
              {...props}
              rows={4}
              value={form.scenario}
              maxLength={EXERCISE_LIMITS.scenario}
              onChange={(e) => setForm((f) => ({ ...f, scenario: e.target.value }))}
            />
          )}
        </Field>
        <div className="drill-when">
          <Field id="ef-date" label={t('drills.form.date')} problems={problems} problemId="ef-when">
            {(props) => (
              <input
                {...props}
                type="date"
                value={form.date}
                onChange={(e) => setForm((f) => ({ ...f, date: e.target.value }))}
              />
            )}
          </Field>
          <Field
            id="ef-time"
            label={t('drills.form.time')}
            problems={problems}
            problemId="ef-when"
            hint={t('drills.form.timeZone', { zone })}
          >
            {(props) => (
              <input
                {...props}
                type="time"
                value={form.time}
                onChange={(e) => setForm((f) => ({ ...f, time: e.target.value }))}
              />
            )}
          </Field>
        </div>
        <label className="choice drill-announced">
          <input
            type="checkbox"
            checked={form.announced}
            aria-describedby="ef-announced-hint"
            onChange={(e) => setForm((f) => ({ ...f, announced: e.target.checked }))}
          />
          <span>{t('drills.form.announced')}</span>
        </label>
        <p id="ef-announced-hint" className="drill-hint">
          {t('drills.form.announcedHint')}
        </p>
      </fieldset>
      <ObjectiveRows {...rows} />
      <ParticipantRows {...rows} users={enabled} />
      <EvaluatorRows form={form} update={update} problems={problems} users={enabled} />
      <InjectRows {...rows} />
      {problems.size > 0 && (
        <p role="alert" className="notice notice-error">
          {t('drills.form.problems')}
        </p>
      )}
      {error !== undefined && <ErrorNote error={error} />}
      <div className="form-actions">
        <button
          type="submit"
          className="primary big"
          disabled={busy || (form.planId !== '' && planVersion === undefined)}
          aria-busy={busy || undefined}
        >
          {busy ? t('drills.form.saving') : t('drills.form.save')}
        </button>
        {onDiscard && (
          <button type="button" onClick={onDiscard}>
            {t('drills.form.discard')}
          </button>
        )}
      </div>
    </form>
  );
}
