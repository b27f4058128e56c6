// Per published plan: its drill interval, the last drill (its record; marked when it was an unannounced drill
// declared on a live run), the next due date and status (overdue in red, first), and the next planned exercise.
import { useTranslation } from 'react-i18next';
import type { CoverageView } from '../../../shared/drills/coverageView';
import { hrefFor } from '../app/router';
import { useLanguage } from '../components/useLanguage';
import { formatDateTime } from '../records/recordTime';
import { byUrgency, policyName, type PlanCoverageRow } from './coverageOrder';

export function CoverageTable({ coverage }: { coverage: CoverageView }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (coverage.plans.length === 0) return <p className="muted">{t('coverage.plans.none')}</p>;
  const titles = new Map(coverage.calendar.map((e) => [e.id, e.title]));
  const policyHintOf = (everyDays: number) => {
    const name = policyName(everyDays);
    return name ? t(`coverage.plans.${name}`) : '';
  };
  return (
    <>
      <table className="training-table coverage-table">
        <caption className="visually-hidden">{t('coverage.plans.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coverage.plans.columns.plan')}</th>
            <th scope="col">{t('coverage.plans.columns.policy')}</th>
            <th scope="col">{t('coverage.plans.columns.last')}</th>
            <th scope="col">{t('coverage.plans.columns.due')}</th>
            <th scope="col">{t('coverage.plans.columns.status')}</th>
            <th scope="col">{t('coverage.plans.columns.next')}</th>
          </tr>
        </thead>
        <tbody>
          {byUrgency(coverage.plans).map((row) => (
            <tr key={row.planId} data-plan={row.planId} className={`coverage-${row.status}`}>
              <th scope="row">
                <a href={hrefFor({ screen: 'plans', planId: row.planId })}>{row.title[lang]}</a>
              </th>
              <td className="coverage-policy">
                {t('coverage.plans.everyDays', { days: row.everyDays })}
                {policyHintOf(row.everyDays)}
              </td>
              <td className="coverage-last">
                <LastDrill row={row} />
              </td>
              <td className="coverage-due">
                {row.dueDate ? (
                  <time dateTime={row.dueDate}>{row.dueDate}</time>
                ) : (
                  <span className="muted">{t('coverage.plans.noDue')}</span>
                )}
              </td>
              <td className="coverage-status">
                <StatusBadge row={row} />
              </td>
              <td className="coverage-next">
                {row.nextPlanned ? (
                  <a href={hrefFor({ screen: 'drills', exerciseId: row.nextPlanned.id })}>
                    <time dateTime={row.nextPlanned.scheduledAt}>
                      {formatDateTime(row.nextPlanned.scheduledAt, false)}
                    </time>
                    {titles.has(row.nextPlanned.id) && (
                      <span className="coverage-next-title">{titles.get(row.nextPlanned.id)}</span>
                    )}
                  </a>
                ) : (
                  <span className="muted">{t('coverage.plans.notPlanned')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {coverage.skipped > 0 && (
        <p className="muted small">{t('coverage.plans.skipped', { count: coverage.skipped })}</p>
      )}
    </>
  );
}

function LastDrill({ row }: { row: PlanCoverageRow }) {
  const { t } = useTranslation();
  const last = row.lastDrill;
  if (!last) return <span className="muted">{t('coverage.plans.noDrill')}</span>;
  return (
    <>
      <a href={hrefFor({ screen: 'records', runId: last.runId })}>
        <time dateTime={last.at}>{last.localDate}</time>
      </a>
      {last.declared && (
        <span className="badge training-badge-unannounced" title={t('coverage.plans.declaredTitle')}>
          {t('coverage.plans.declared')}
        </span>
      )}
      {last.afterNow && <span className="coverage-clock small">{t('coverage.plans.afterNow')}</span>}
    </>
  );
}

const STATUS_CLASS: Record<PlanCoverageRow['status'], string> = {
  overdue: 'training-badge-overdue',
  never: 'badge-error',
  'due-soon': 'badge-warning',
  ok: 'badge-ok',
};

function StatusBadge({ row }: { row: PlanCoverageRow }) {
  const { t } = useTranslation();
  const days = row.daysLeft ?? 0;
  return (
    <>
      <span className={`badge ${STATUS_CLASS[row.status]}`} data-status={row.status}>
        {t(`coverage.plans.status.${row.status}`, { days: -days })}
      </span>
      {row.status === 'due-soon' && (
        <span className="coverage-days small">
          {days === 0 ? t('coverage.plans.dueToday') : t('coverage.plans.daysLeft', { days })}
        </span>
      )}
    </>
  );
}
