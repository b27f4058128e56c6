// Before a quiz: which plans (all by default) and how many questions. Big labels, for a tablet as for a PC.
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../shared/api/channels';
import { useLanguage } from '../components/useLanguage';

export const QUESTION_COUNTS = [5, 10] as const;
export type QuestionCount = (typeof QUESTION_COUNTS)[number];

export interface QuizSettings {
  /** The plans chosen; all published plans when every one is. */
  planIds: ReadonlySet<string>;
  count: QuestionCount;
}

export function QuizSetup({
  plans,
  settings,
  onChange,
  onStart,
  busy,
}: {
  plans: readonly PlanSummary[];
  settings: QuizSettings;
  onChange: (settings: QuizSettings) => void;
  onStart: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (plans.length === 0) return <p className="muted">{t('study.setup.noPlans')}</p>;
  const chosen = plans.filter((p) => settings.planIds.has(p.id));
  const all = chosen.length === plans.length;
  const toggle = (planId: string, on: boolean) => {
    const next = new Set(settings.planIds);
    if (on) next.add(planId);
    else next.delete(planId);
    onChange({ ...settings, planIds: next });
  };
  return (
    <form
      className="quiz-setup"
      aria-labelledby="study-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen.length > 0 && !busy) onStart();
      }}
    >
      <fieldset className="quiz-plans">
        <legend>{t('study.setup.plans')}</legend>
        <label className="quiz-option quiz-option-all">
          <input
            type="checkbox"
            checked={all}
            ref={(input) => {
              if (input) input.indeterminate = !all && chosen.length > 0;
            }}
            onChange={(event) =>
              onChange({ ...settings, planIds: new Set(event.target.checked ? plans.map((p) => p.id) : []) })
            }
          />
          {t('study.setup.all')}
        </label>
        <div className="quiz-plan-list">
          {plans.map((plan) => (
            <label key={plan.id} className="quiz-option" data-plan={plan.id}>
              <input
                type="checkbox"
                checked={settings.planIds.has(plan.id)}
                onChange={(event) => toggle(plan.id, event.target.checked)}
              />
              {plan.title[lang]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="quiz-count">
        <legend>{t('study.setup.count')}</legend>
        {QUESTION_COUNTS.map((count) => (
          <label key={count} className="quiz-option">
            <input
              type="radio"
              name="quiz-count"
              value={count}
              checked={settings.count === count}
              onChange={() => onChange({ ...settings, count })}
            />
            {t('study.setup.countOption', { count })}
          </label>
        ))}
      </fieldset>
      {chosen.length === 0 && (
        <p className="notice notice-warning" role="status">
          {t('study.setup.none')}
        </p>
      )}
      <button type="submit" className="primary big" disabled={busy || chosen.length === 0}>
        {busy ? t('study.setup.starting') : t('study.setup.start')}
      </button>
    </form>
  );
}
