// "Make it an action": an area for improvement becomes an improvement action (整改措施) with an owner, a due date by
// the branch's calendar and, when the plan itself must change, the plan to revise (the exercise's, unless changed).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionView } from '../../../shared/actions/actionView';
import type { EvaluationView } from '../../../shared/drills/evaluationView';
import type { ExerciseView } from '../../../shared/drills/exerciseView';
import { ACTION_LIMITS } from '../../../shared/limits';
import { formatLocalDate } from '../../../shared/time/localTime';
import { useApi } from '../api/ApiContext';
import { usePlans } from '../app/PlansContext';
import { displayTimeZone } from '../components/displayTimeZone';
import { useLanguage } from '../components/useLanguage';
import { useAsTrainer } from '../drills/useDrills';
import { FormFooter } from './FormFooter';
import { OwnerFields, ownerOf, useEnabledUsers, type OwnerDraft } from './OwnerFields';

type Finding = EvaluationView['findings'][number];

/** A month from today: a usual first due date for a drill's corrective action. */
const DEFAULT_DAYS = 30;

export function ActionForm({
  exercise,
  finding,
  onOpened,
  onCancel,
}: {
  exercise: ExerciseView;
  finding: Finding;
  onOpened: (action: ActionView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const asTrainer = useAsTrainer();
  const plans = usePlans();
  const users = useEnabledUsers();
  const id = `action-${finding.findingId}`;
  const [title, setTitle] = useState(finding.text.slice(0, ACTION_LIMITS.title));
  const [owner, setOwner] = useState<OwnerDraft>({ userId: '', name: '' });
  const [due, setDue] = useState(() => formatLocalDate(Date.now() + DEFAULT_DAYS * 86_400_000, displayTimeZone()));
  const [planId, setPlanId] = useState(exercise.spec.planId);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const ownerGiven = ownerOf(owner);
  const missing = { title: !title.trim(), owner: !ownerGiven, due: !/^\d{4}-\d{2}-\d{2}$/.test(due) };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (missing.title || !ownerGiven || missing.due) {
      const first = missing.title ? `${id}-title` : !ownerGiven ? `${id}-owner-name` : `${id}-due`;
      document.getElementById(first)?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const action = await asTrainer(() =>
        api.call('actions.open', {
          spec: {
            title: title.trim(),
            source: {
              kind: 'drill',
              exerciseId: exercise.id,
              title: exercise.spec.title,
              findingId: finding.findingId,
            },
            owner: ownerGiven,
            due,
            ...(planId ? { planId } : {}),
          },
        }),
      );
      onOpened(action);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const problem = (field: keyof typeof missing) =>
    checked && missing[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-problem` } : {};
  const problemText = (field: keyof typeof missing) =>
    checked &&
    missing[field] && (
      <span id={`${id}-${field}-problem`} className="field-error">
        {t('review.required')}
      </span>
    );

  return (
    <form className="review-form action-form" aria-labelledby={`${id}-heading`} onSubmit={(e) => void submit(e)}>
      <h4 id={`${id}-heading`}>{t('review.makeAction.heading')}</h4>
      <div className="review-field review-field-wide">
        <label htmlFor={`${id}-title`}>{t('review.makeAction.title')}</label>
        <input
          id={`${id}-title`}
          value={title}
          maxLength={ACTION_LIMITS.title}
          onChange={(e) => setTitle(e.target.value)}
          {...problem('title')}
        />
        {problemText('title')}
      </div>
      <div className="review-row">
        <OwnerFields idPrefix={id} owner={owner} onChange={setOwner} users={users} missing={checked && !ownerGiven} />
        <div className="review-field">
          <label htmlFor={`${id}-due`}>{t('review.makeAction.due')}</label>
          <input
            id={`${id}-due`}
            type="date"
            value={due}
            onChange={(e) => setDue(e.target.value)}
            {...problem('due')}
          />
          {problemText('due')}
        </div>
        <div className="review-field">
          <label htmlFor={`${id}-plan`}>{t('review.makeAction.plan')}</label>
          <select
            id={`${id}-plan`}
            value={planId}
            aria-describedby={`${id}-plan-hint`}
            onChange={(e) => setPlanId(e.target.value)}
          >
            <option value="">{t('review.makeAction.noPlan')}</option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title[lang]}
              </option>
            ))}
          </select>
          <span id={`${id}-plan-hint`} className="review-hint">
            {t('review.makeAction.planHint')}
          </span>
        </div>
      </div>
      <FormFooter submit={t('review.makeAction.submit')} busy={busy} onCancel={onCancel} error={error} />
    </form>
  );
}
