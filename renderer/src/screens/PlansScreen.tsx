// The plan library (read-only for now): every plan with its check status, and one plan in detail.
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../shared/api/channels';
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../../../shared/plan/labels';
import { hrefFor } from '../app/router';
import { useSettings } from '../app/SettingsContext';
import { CategoryIcon } from '../components/CategoryIcon';
import { LoadState } from '../components/LoadState';
import { usePlanDetail } from '../plans/usePlanDetail';
import { PlanOutline } from '../components/PlanOutline';
import { useLanguage } from '../components/useLanguage';

export function PlansScreen({ plans }: { plans: PlanSummary[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <section aria-labelledby="plans-title">
      <h1 id="plans-title">{t('plans.title')}</h1>
      <p className="muted">{t('plans.notOffered')}</p>
      <ul className="plan-list">
        {plans.map((plan) => (
          <li key={plan.id}>
            <a className="plan-row" href={hrefFor({ screen: 'plans', planId: plan.id })}>
              <CategoryIcon category={plan.category} size={28} />
              <span className="plan-row-title">{plan.title[lang]}</span>
              <span className="muted small">
                {CATEGORY_LABELS[plan.category][lang]} · {SEVERITY_LABELS[plan.severity][lang]} ·{' '}
                {t('plans.version', { version: plan.version })}
              </span>
              <StatusBadge plan={plan} />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function StatusBadge({ plan }: { plan: PlanSummary }) {
  const { t } = useTranslation();
  if (plan.errors > 0) return <span className="badge badge-error">{t('plans.errors', { count: plan.errors })}</span>;
  if (plan.warnings > 0)
    return <span className="badge badge-warning">{t('plans.warnings', { count: plan.warnings })}</span>;
  return <span className="badge badge-ok">{t('plans.valid')}</span>;
}

export function PlanDetailScreen({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { state: settings } = useSettings();
  const [state, retry] = usePlanDetail(planId);
  return (
    <section aria-labelledby="plan-title">
      <p>
        <a href={hrefFor({ screen: 'plans' })}>← {t('plans.back')}</a>
      </p>
      <LoadState state={state} retry={retry}>
        {({ summary, plan, findings, file }) => (
          <>
            <h1 id="plan-title">{summary.title[lang]}</h1>
            <p>{summary.summary[lang]}</p>
            <dl className="facts">
              <dt>{t('plans.version', { version: summary.version })}</dt>
              <dd>
                {CATEGORY_LABELS[summary.category][lang]} · {SEVERITY_LABELS[summary.severity][lang]}
              </dd>
              <dt>{t('plans.hash')}</dt>
              <dd>
                <code className="small">{summary.contentHash}</code>
              </dd>
              <dt>{t('plans.file')}</dt>
              <dd>
                <code className="small">{file}</code>
              </dd>
              {plan && (
                <>
                  <dt>{t('plans.roles')}</dt>
                  <dd>{plan.roles.map((r) => r.title[lang] || r.id).join('、')}</dd>
                  <dt>{t('plans.contacts')}</dt>
                  <dd>
                    {plan.contacts
                      .map(
                        (c) =>
                          `${c.name[lang] || c.id} ${settings.settings.phones[c.id] || c.phone || `(${t('plans.setLocally')})`}`,
                      )
                      .join('、')}
                  </dd>
                  <dt>{t('plans.drill', { days: plan.drill.everyDays })}</dt>
                  <dd />
                </>
              )}
            </dl>
            <h2>{t('plans.findings')}</h2>
            {findings.length === 0 ? (
              <p className="badge badge-ok">{t('plans.noFindings')}</p>
            ) : (
              <ul className="findings">
                {findings.map((f, i) => (
                  <li key={i} className={`finding finding-${f.severity}`}>
                    <span className={`badge badge-${f.severity}`}>{f.severity === 'error' ? '✖' : '⚠'}</span>{' '}
                    {f.stepId && <code>{f.stepId}</code>} {f.message[lang]}{' '}
                    <span className="muted small">
                      {f.line !== undefined && t('plans.line', { line: f.line })} <code>{f.path}</code> [{f.code}]
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {plan && (
              <>
                <h2>{t('plans.outline')}</h2>
                <PlanOutline plan={plan} phones={settings.settings.phones} />
              </>
            )}
          </>
        )}
      </LoadState>
    </section>
  );
}
