// The branch's plan library: every plan with its status (in use, retired, a draft, in review, a newer template) and
// one plan in detail — its findings, diagram and outline, and what a manager does with it (revise, review, compare,
// history, export, retire, import). Loaded on first use: an emergency never needs it.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail, PlanSummary } from '../../../shared/api/channels';
import { contactNumber } from '../../../shared/contacts/directory';
import { VERSION_SOURCE_LABELS } from '../../../shared/library/labels';
import { formatLocalDateTime } from '../../../shared/time/localTime';
import { usePush } from '../api/ApiContext';
import { displayTimeZone } from '../components/displayTimeZone';
import { PlanDiagram } from '../diagram/PlanDiagram';
import { useSession } from '../people/SessionContext';
import { CompareView } from '../plans/CompareView';
import { HistoryView } from '../plans/HistoryView';
import { ImportPanel } from '../plans/ImportPanel';
import { ReleasesPanel } from '../headOfficeSync/ReleasesPanel';
import { PlanActions } from '../plans/PlanActions';
import { ReviewView } from '../plans/ReviewView';
import '../plans/strings';
import '../styles/library.css';
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../../../shared/plan/labels';
import { hrefFor, type PlanView } from '../app/router';
import { useSettings } from '../app/SettingsContext';
import { CategoryIcon } from '../components/CategoryIcon';
import { LoadState } from '../components/LoadState';
import { usePlanDetail } from '../plans/usePlanDetail';
import { PlanOutline } from '../components/PlanOutline';
import { useLanguage } from '../components/useLanguage';

export function PlansScreen({ plans }: { plans: PlanSummary[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession();
  return (
    <section aria-labelledby="plans-title">
      <h1 id="plans-title">{t('plans.title')}</h1>
      <p className="muted">{t('plans.notOffered')}</p>
      {session.mayEditAs('manager') && <ImportPanel />}
      <ReleasesPanel />
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
              <LibraryBadges plan={plan} />
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

export function PlanDetailScreen({ planId, view }: { planId: string; view?: PlanView }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [state, retry] = usePlanDetail(planId);
  usePush(
    'plans.changed',
    useCallback(() => retry(), []),
  );
  return (
    <section aria-labelledby="plan-title" className="plan-detail">
      <p>
        <a href={hrefFor(view ? { screen: 'plans', planId } : { screen: 'plans' })}>
          ← {view ? t('library.back') : t('plans.back')}
        </a>
      </p>
      <LoadState state={state} retry={retry}>
        {(detail) => (
          <>
            <h1 id="plan-title">{detail.summary.title[lang]}</h1>
            <p>
              <LibraryBadges plan={detail.summary} /> <StatusBadge plan={detail.summary} />
            </p>
            <PlanActions summary={detail.summary} />
            {view?.kind === 'history' ? (
              <HistoryView planId={planId} hasDraft={detail.summary.draft !== undefined} />
            ) : view?.kind === 'compare' ? (
              <CompareView planId={planId} a={view.a} b={view.b} />
            ) : view?.kind === 'review' ? (
              <ReviewView planId={planId} />
            ) : (
              <PlanOverview detail={detail} />
            )}
          </>
        )}
      </LoadState>
    </section>
  );
}

function PlanOverview({ detail }: { detail: PlanDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { state: settings } = useSettings();
  const { summary, plan, findings, file } = detail;
  return (
    <>
      <p>{summary.summary[lang]}</p>
      <dl className="facts">
        <dt>{t('plans.version', { version: summary.version })}</dt>
        <dd>
          {CATEGORY_LABELS[summary.category][lang]} · {SEVERITY_LABELS[summary.severity][lang]} ·{' '}
          {VERSION_SOURCE_LABELS[summary.source][lang]}
          {summary.publishedAt && ` · ${t('library.publishedAt', { at: when(summary.publishedAt) })}`}
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
                    `${c.name[lang] || c.id} ${contactNumber(plan, c.id, settings.settings.contacts) ?? `(${t('plans.setLocally')})`}`,
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
          <h2>{t('library.diagram')}</h2>
          <PlanDiagram plan={plan} lang={lang} label={t('library.diagram')} />
          <h2>{t('plans.outline')}</h2>
          <PlanOutline plan={plan} directory={settings.settings.contacts} />
        </>
      )}
    </>
  );
}

function LibraryBadges({ plan }: { plan: PlanSummary }) {
  const { t } = useTranslation();
  return (
    <>
      {plan.status !== 'published' && <span className="badge badge-muted">{t(`library.status.${plan.status}`)}</span>}
      {plan.draft && (
        <span className={`badge ${plan.draft.status === 'in-review' ? 'badge-warning' : 'badge-muted'}`}>
          {t(`library.draft.${plan.draft.status}`, { name: plan.draft.updatedBy })}
        </span>
      )}
      {plan.templateUpdate && <span className="badge badge-muted">{t('library.templateUpdate')}</span>}
    </>
  );
}

function when(at: string): string {
  return formatLocalDateTime(Date.parse(at), displayTimeZone(), false);
}
