// The planning form's MSEL: each inject with its scenario time (or marked a contingency inject, fired by hand), what
// the players are told, to which role, the action expected (for the console only), and the step or objective it tests.
import { useTranslation } from 'react-i18next';
import { EXERCISE_LIMITS } from '../../../shared/limits';
import { pick } from '../../../shared/plan/labels';
import { useLanguage } from '../components/useLanguage';
import { fieldId, nextId, type ExerciseForm, type FormProblems, type InjectRow } from './planningForm';
import { Field, RowFrame } from './FormField';
import type { UpdateForm } from './FormRows';
import { planSteps } from './labels';
import type { Plan } from '../../../shared/plan/schema';

export function InjectRows({
  form,
  update,
  plan,
  problems,
}: {
  form: ExerciseForm;
  update: UpdateForm;
  plan: Plan | undefined;
  problems: FormProblems;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const steps = plan ? planSteps(plan, lang) : [];
  const roles = plan?.roles ?? [];
  const set = (id: string, patch: Partial<InjectRow>) =>
    update((f) => ({ ...f, injects: f.injects.map((i) => (i.id === id ? { ...i, ...patch } : i)) }));
  return (
    <fieldset className="drill-group">
      <legend>{t('drills.form.injects')}</legend>
      <p className="drill-hint">{t('drills.form.injectsHint')}</p>
      {form.injects.map((row, n) => {
        const id = (field: string) => fieldId('inject', row.id, field);
        return (
          <RowFrame
            key={row.id}
            className="inject-row"
            name={t('drills.form.inject', { n: n + 1 })}
            onRemove={() => update((f) => ({ ...f, injects: f.injects.filter((i) => i.id !== row.id) }))}
          >
            <Field id={id('at')} label={t('drills.form.at')} problems={problems} className="drill-field-time">
              {(props) => (
                <input
                  {...props}
                  value={row.contingency ? '' : row.at}
                  disabled={row.contingency}
                  inputMode="numeric"
                  placeholder="0:00"
                  autoComplete="off"
                  onChange={(e) => set(row.id, { at: e.target.value })}
                />
              )}
            </Field>
            <label className="choice drill-contingency">
              <input
                type="checkbox"
                checked={row.contingency}
                onChange={(e) => set(row.id, { contingency: e.target.checked })}
              />
              <span>{t('drills.form.contingency')}</span>
            </label>
            <Field id={id('text')} label={t('drills.form.text')} problems={problems} className="drill-field-wide">
              {(props) => (
                <textarea
                  {...props}
                  rows={2}
                  value={row.text}
                  maxLength={EXERCISE_LIMITS.text}
                  onChange={(e) => set(row.id, { text: e.target.value })}
                />
              )}
            </Field>
            <Field id={id('to')} label={t('drills.form.toRole')} problems={problems}>
              {(props) => (
                <select {...props} value={row.toRole} onChange={(e) => set(row.id, { toRole: e.target.value })}>
                  <option value="">{t('drills.form.everyone')}</option>
                  {roles.map((r) => (
                    <option key={r.id} value={r.id}>
                      {pick(r.title, lang) || r.id}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id={id('expected')}
              label={t('drills.form.expected')}
              problems={problems}
              className="drill-field-wide"
            >
              {(props) => (
                <textarea
                  {...props}
                  rows={2}
                  value={row.expected}
                  maxLength={EXERCISE_LIMITS.text}
                  onChange={(e) => set(row.id, { expected: e.target.value })}
                />
              )}
            </Field>
            <Field id={id('step')} label={t('drills.form.step')} problems={problems}>
              {(props) => (
                <select {...props} value={row.stepId} onChange={(e) => set(row.id, { stepId: e.target.value })}>
                  <option value="">{t('drills.form.noStep')}</option>
                  {steps.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.title}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={id('objective')} label={t('drills.form.objectiveOf')} problems={problems}>
              {(props) => (
                <select
                  {...props}
                  value={row.objectiveId}
                  onChange={(e) => set(row.id, { objectiveId: e.target.value })}
                >
                  <option value="">{t('drills.form.none')}</option>
                  {form.objectives.map((o, i) => (
                    <option key={o.id} value={o.id}>
                      {o.text.trim() || t('drills.form.objective', { n: i + 1 })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </RowFrame>
        );
      })}
      <button
        type="button"
        onClick={() =>
          update((f) => ({
            ...f,
            injects: [
              ...f.injects,
              {
                id: nextId(
                  'inj',
                  f.injects.map((i) => i.id),
                ),
                at: '',
                contingency: false,
                text: '',
                toRole: '',
                expected: '',
                stepId: '',
                objectiveId: '',
              },
            ],
          }))
        }
      >
        {t('drills.form.addInject')}
      </button>
    </fieldset>
  );
}
