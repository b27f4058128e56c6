// The dashboard (hq.dashboard, one call): the coverage matrix — branches × plans, each cell coloured and worded, overdue
// branches first, filtered by region — then incidents by category, region and month (a chart and its table),
// inspection scores, and branches that have not synced. Not configured: says so, and links the connection settings.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HqDashboardView } from '../../../shared/api/channels';
import { ApiError } from '../../../shared/api/errors';
import { CATEGORY_LABELS } from '../../../shared/plan/labels';
import { useApi } from '../api/ApiContext';
import { hrefFor } from '../app/router';
import { useAsync } from '../app/useAsync';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { formatDateTime } from '../records/recordTime';
import { TrendChart, type ChartBuilder } from '../training/TrendChart';
import { useUnlockedCall } from '../training/useUnlockedCall';
import { PublishPanel } from './PublishPanel';
import { notUnlocked } from './strings';

type Coverage = HqDashboardView['coverage'];
type Cell = NonNullable<Coverage['branches'][number]['cells'][number]>;

const STALE_DAYS = 7;

export function Dashboard() {
  const { t } = useTranslation();
  const api = useApi();
  const asManager = useUnlockedCall('manager', notUnlocked);
  const [state, reload] = useAsync(
    () => asManager(() => api.call('hq.dashboard', { staleDays: STALE_DAYS })),
    [asManager],
  );
  const notConfigured = state.status === 'error' && isNotConfigured(state.error);
  return (
    <>
      <div className="hq-heading">
        <h1 id="hq-title">{t('hq.title')}</h1>
        <a href={hrefFor({ screen: 'hq', view: { kind: 'settings' } })}>{t('hq.configure')}</a>
      </div>
      {notConfigured ? (
        <div className="notice hq-banner" role="status">
          <p>{t('hq.notConfigured')}</p>
          <a className="button primary" href={hrefFor({ screen: 'hq', view: { kind: 'settings' } })}>
            {t('hq.configure')}
          </a>
        </div>
      ) : (
        <LoadState state={state} retry={reload}>
          {(view: HqDashboardView) => <DashboardView view={view} />}
        </LoadState>
      )}
    </>
  );
}

function isNotConfigured(error: unknown): boolean {
  return error instanceof ApiError && error.body.code === 'invalid-input';
}

function DashboardView({ view }: { view: HqDashboardView }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">{t('hq.zone', { zone: view.coverage.zone, today: view.coverage.today })}</p>
      <CoverageMatrix coverage={view.coverage} />
      <Incidents view={view} />
      <Inspections view={view} />
      <Unsynced view={view} />
      <PublishPanel branches={view.coverage.branches} />
    </>
  );
}

const STATUS_CLASS: Record<Cell['status'], string> = {
  overdue: 'hq-cell-overdue',
  never: 'hq-cell-never',
  'due-soon': 'hq-cell-due-soon',
  ok: 'hq-cell-ok',
};

function CoverageMatrix({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [region, setRegion] = useState('');
  const regions = useMemo(() => [...new Set(coverage.branches.map((b) => b.region))].sort(), [coverage]);
  const shown = coverage.branches.filter((b) => region === '' || b.region === region);
  return (
    <section aria-labelledby="hq-coverage">
      <h2 id="hq-coverage">{t('hq.coverage.heading')}</h2>
      <label className="hq-filter">
        <span>{t('hq.coverage.region')}</span>
        <select name="hq-region" value={region} onChange={(e) => setRegion(e.target.value)}>
          <option value="">{t('hq.coverage.allRegions')}</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      {coverage.plans.length === 0 ? (
        <p className="muted">{t('hq.coverage.noPlans')}</p>
      ) : shown.length === 0 ? (
        <p className="muted">{t('hq.coverage.noBranches')}</p>
      ) : (
        <div className="hq-scroll">
          <table className="hq-table hq-matrix">
            <caption className="visually-hidden">{t('hq.coverage.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hq.coverage.branch')}</th>
                {coverage.plans.map((p) => (
                  <th scope="col" key={p.planId} data-plan={p.planId}>
                    {p.title[lang]}
                    <span className="muted small hq-every">{t('hq.coverage.everyDays', { days: p.everyDays })}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((b) => (
                <tr key={b.code} data-branch={b.code}>
                  <th scope="row">
                    <a href={hrefFor({ screen: 'hq', view: { kind: 'branch', code: b.code } })}>
                      {b.code} {b.name}
                    </a>
                    <span className="muted small hq-branch-meta">
                      {b.region} · {b.lastReceiptAt ? formatDateTime(b.lastReceiptAt, false) : t('hq.coverage.never')}
                    </span>
                    {b.stale && (
                      <span className="badge badge-warning">
                        {t('hq.coverage.stale', { days: coverage.staleDays })}
                      </span>
                    )}
                    {b.failedRecords > 0 && (
                      <span className="badge badge-error" title={t('hq.coverage.failedTitle')}>
                        {t('hq.coverage.failed', { count: b.failedRecords })}
                      </span>
                    )}
                  </th>
                  {b.cells.map((cell, i) => (
                    <CoverageCellView key={coverage.plans[i]!.planId} cell={cell} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CoverageCellView({ cell }: { cell: Cell | null }) {
  const { t } = useTranslation();
  if (!cell) return <td className="hq-cell-na muted">{t('hq.coverage.notInScope')}</td>;
  return (
    <td className={STATUS_CLASS[cell.status]} data-status={cell.status}>
      <span className="hq-cell-status">{t(`hq.coverage.status.${cell.status}`, { days: -(cell.daysLeft ?? 0) })}</span>
      {cell.lastDrill && <time dateTime={cell.lastDrill.startedAt}>{cell.lastDrill.localDate}</time>}
      {cell.dueDate && <span className="small">{t('hq.coverage.due', { date: cell.dueDate })}</span>}
      {cell.failed > 0 && (
        <span className="small hq-flagged" title={t('hq.coverage.failedTitle')}>
          {t('hq.coverage.failed', { count: cell.failed })}
        </span>
      )}
    </td>
  );
}

function categoryLabel(category: string, lang: 'zh-CN' | 'en'): string {
  return (CATEGORY_LABELS as Record<string, { 'zh-CN': string; en: string } | undefined>)[category]?.[lang] ?? category;
}

function Incidents({ view }: { view: HqDashboardView }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const build = useIncidentChart(view.incidents, lang);
  return (
    <section aria-labelledby="hq-incidents">
      <h2 id="hq-incidents">{t('hq.incidents.heading')}</h2>
      <p className="muted small">{t('hq.incidents.range', view.range)}</p>
      {view.incidents.length === 0 ? (
        <p className="muted">{t('hq.incidents.none')}</p>
      ) : (
        <>
          <TrendChart label={t('hq.incidents.chart')} build={build} />
          <table className="hq-table" data-testid="hq-incidents">
            <thead>
              <tr>
                {(['month', 'region', 'category', 'runs', 'verified', 'failed'] as const).map((c) => (
                  <th scope="col" key={c}>
                    {t(`hq.incidents.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.incidents.map((row) => (
                <tr key={`${row.month}/${row.region}/${row.category}`}>
                  <td>{row.month}</td>
                  <td>{row.region}</td>
                  <td>{categoryLabel(row.category, lang)}</td>
                  <td>{row.runs}</td>
                  <td>{row.verified}</td>
                  <td>{row.failed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** Stacked bars: one per month, a segment per category (all regions together; the table has each region). */
function useIncidentChart(rows: HqDashboardView['incidents'], lang: 'zh-CN' | 'en'): ChartBuilder {
  return useMemo<ChartBuilder>(() => {
    const months = [...new Set(rows.map((r) => r.month))].sort();
    const categories = [...new Set(rows.map((r) => r.category))].sort();
    return (colors) => ({
      type: 'bar',
      data: {
        labels: months,
        datasets: categories.map((category, i) => ({
          type: 'bar' as const,
          label: categoryLabel(category, lang),
          data: months.map((month) =>
            rows.filter((r) => r.month === month && r.category === category).reduce((n, r) => n + r.runs, 0),
          ),
          backgroundColor: i % 2 === 0 ? colors.accent : colors.target,
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        color: colors.text,
        scales: {
          x: { stacked: true, ticks: { color: colors.text }, grid: { color: colors.grid } },
          y: {
            stacked: true,
            beginAtZero: true,
            ticks: { color: colors.text, precision: 0 },
            grid: { color: colors.grid },
          },
        },
      },
    });
  }, [rows, lang]);
}

function Inspections({ view }: { view: HqDashboardView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="hq-inspections">
      <h2 id="hq-inspections">{t('hq.inspections.heading')}</h2>
      <p className="muted small">{t('hq.inspections.note')}</p>
      {view.inspections.length === 0 ? (
        <p className="muted">{t('hq.inspections.none')}</p>
      ) : (
        <table className="hq-table" data-testid="hq-inspections">
          <thead>
            <tr>
              {(['branch', 'inspections', 'average', 'failed', 'flagged', 'unchecked', 'open', 'overdue'] as const).map(
                (c) => (
                  <th scope="col" key={c}>
                    {t(`hq.inspections.columns.${c}`)}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {view.inspections.map((row) => (
              <tr key={row.code}>
                <th scope="row">
                  <a href={hrefFor({ screen: 'hq', view: { kind: 'branch', code: row.code } })}>
                    {row.code} {row.name}
                  </a>
                </th>
                <td>{row.inspections}</td>
                <td>{row.averageScore ?? '—'}</td>
                <td>{row.failed}</td>
                <td>{row.flagged}</td>
                <td>{row.unchecked}</td>
                <td>{row.openRectifications}</td>
                <td data-overdue={row.overdueRectifications > 0 ? 'true' : 'false'}>{row.overdueRectifications}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Unsynced({ view }: { view: HqDashboardView }) {
  const { t } = useTranslation();
  const days = view.coverage.staleDays;
  return (
    <section aria-labelledby="hq-unsynced">
      <h2 id="hq-unsynced">{t('hq.unsynced.heading', { days })}</h2>
      {view.unsynced.length === 0 ? (
        <p className="muted">{t('hq.unsynced.none', { days })}</p>
      ) : (
        <ul className="hq-unsynced" data-testid="hq-unsynced">
          {view.unsynced.map((b) => (
            <li key={b.code}>
              <a href={hrefFor({ screen: 'hq', view: { kind: 'branch', code: b.code } })}>
                {b.code} {b.name}
              </a>{' '}
              <span className="muted small">
                ({b.region}){' '}
                {b.lastReceiptAt
                  ? t('hq.unsynced.last', { at: formatDateTime(b.lastReceiptAt, false) })
                  : t('hq.unsynced.never')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
