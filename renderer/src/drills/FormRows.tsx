// The planning form's repeated rows for people and aims: objectives (free text, optionally a step of the plan),
// participants (an app user or someone typed in, with their role in the plan) and evaluators (app users).
import { useTranslation } from 'react-i18next';
import type { PublicUser } from '../../../shared/people/roles';
import type { Plan } from '../../../shared/plan/schema';
import { EXERCISE_LIMITS } from '../../../shared/limits';
import { pick } from '../../../shared/plan/labels';
import { useLanguage } from '../components/useLanguage';
import { personLabel } from '../people/labels';
import { fieldId, nextId, type ExerciseForm, type FormProblems } from './planningForm';
import { Field, RowFrame } from './FormField';
import { planSteps } from './labels';

export type UpdateForm = (recipe: (form: ExerciseForm) => ExerciseForm) => void;

interface RowsProps {
  form: ExerciseForm;
  update: UpdateForm;
  plan: Plan | undefined;
  problems: FormProblems;
}

export function ObjectiveRows({ form, update, plan, problems }: RowsProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const steps = plan ? planSteps(plan, lang) : [];
  const set = (id: string, patch: Partial<ExerciseForm['objectives'][number]>) =>
    update((f) => ({ ...f, objectives: f.objectives.map((o) => (o.id === id ? { ...o, ...patch } : o)) }));
  return (
    <fieldset className="drill-group">
      <legend>{t('drills.form.objectives')}</legend>
      {form.objectives.map((row, i) => (
        <RowFrame
          key={row.id}
          className="objective-row"
          name={t('drills.form.objective', { n: i + 1 })}
          onRemove={() =>
            update((f) => ({
              ...f,
              objectives: f.objectives.filter((o) => o.id !== row.id),
              injects: f.injects.map((inj) => (inj.objectiveId === row.id ? { ...inj, objectiveId: '' } : inj)),
            }))
          }
        >
          <Field
            id={fieldId('objective', row.id, 'text')}
            label={t('drills.form.objectiveText')}
            problems={problems}
            className="drill-field-wide"
          >
            {(props) => (
              <input
                {...props}
                value={row.text}
                maxLength={EXERCISE_LIMITS.text}
                onChange={(e) => set(row.id, { text: e.target.value })}
              />
            )}
          </Field>
          <Field id={fieldId('objective', row.id, 'step')} label={t('drills.form.step')} problems={problems}>
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
        </RowFrame>
      ))}
      <button
        type="button"
        onClick={() =>
          update((f) => ({
            ...f,
            objectives: [
              ...f.objectives,
              {
                id: nextId(
                  'obj',
                  f.objectives.map((o) => o.id),
                ),
                text: '',
                stepId: '',
              },
            ],
          }))
        }
      >
        {t('drills.form.addObjective')}
      </button>
    </fieldset>
  );
}

export function ParticipantRows({ form, update, plan, problems, users }: RowsProps & { users: PublicUser[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const roles = plan?.roles ?? [];
  const set = (key: string, patch: Partial<ExerciseForm['participants'][number]>) =>
    update((f) => ({ ...f, participants: f.participants.map((p) => (p.key === key ? { ...p, ...patch } : p)) }));
  return (
    <fieldset className="drill-group">
      <legend>{t('drills.form.participants')}</legend>
      {form.participants.map((row, i) => (
        <RowFrame
          key={row.key}
          className="participant-row"
          name={t('drills.form.participant', { n: i + 1 })}
          onRemove={() => update((f) => ({ ...f, participants: f.participants.filter((p) => p.key !== row.key) }))}
        >
          <Field id={fieldId('participant', row.key, 'user')} label={t('drills.form.person')} problems={problems}>
            {(props) => (
              <select
                {...props}
                value={row.userId}
                onChange={(e) => {
                  const user = users.find((u) => u.id === e.target.value);
                  set(row.key, { userId: e.target.value, name: user?.name ?? '' });
                }}
              >
                <option value="">{t('drills.form.external')}</option>
                {users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {personLabel(u, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {!row.userId && (
            <Field id={fieldId('participant', row.key, 'name')} label={t('drills.form.name')} problems={problems}>
              {(props) => (
                <input
                  {...props}
                  value={row.name}
                  maxLength={EXERCISE_LIMITS.title}
                  onChange={(e) => set(row.key, { name: e.target.value })}
                />
              )}
            </Field>
          )}
          <Field id={fieldId('participant', row.key, 'role')} label={t('drills.form.role')} problems={problems}>
            {(props) => (
              <select {...props} value={row.role} onChange={(e) => set(row.key, { role: e.target.value })}>
                {!row.role && <option value="">—</option>}
                {roles.map((r) => (
                  <option key={r.id} value={r.id}>
                    {pick(r.title, lang) || r.id}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </RowFrame>
      ))}
      <button
        type="button"
        onClick={() =>
          update((f) => ({
            ...f,
            participants: [
              ...f.participants,
              {
                key: nextId(
                  'p',
                  f.participants.map((p) => p.key),
                ),
                userId: '',
                name: '',
                role: roles[0]?.id ?? '',
              },
            ],
          }))
        }
      >
        {t('drills.form.addParticipant')}
      </button>
    </fieldset>
  );
}

export function EvaluatorRows({ form, update, problems, users }: Omit<RowsProps, 'plan'> & { users: PublicUser[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <fieldset className="drill-group">
      <legend>{t('drills.form.evaluators')}</legend>
      {form.evaluators.map((row, i) => (
        <RowFrame
          key={row.key}
          className="evaluator-row"
          name={t('drills.form.evaluator', { n: i + 1 })}
          onRemove={() => update((f) => ({ ...f, evaluators: f.evaluators.filter((e) => e.key !== row.key) }))}
        >
          <Field id={fieldId('evaluator', row.key, 'user')} label={t('drills.form.person')} problems={problems}>
            {(props) => (
              <select
                {...props}
                value={row.userId}
                onChange={(e) =>
                  update((f) => ({
                    ...f,
                    evaluators: f.evaluators.map((x) => (x.key === row.key ? { ...x, userId: e.target.value } : x)),
                  }))
                }
              >
                <option value="">{t('drills.form.chooseUser')}</option>
                {users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {personLabel(u, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </RowFrame>
      ))}
      <button
        type="button"
        onClick={() =>
          update((f) => ({
            ...f,
            evaluators: [
              ...f.evaluators,
              {
                key: nextId(
                  'e',
                  f.evaluators.map((e) => e.key),
                ),
                userId: '',
              },
            ],
          }))
        }
      >
        {t('drills.form.addEvaluator')}
      </button>
    </fieldset>
  );
}
