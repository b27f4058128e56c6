// Trends over time, from drills.trends: the share of objectives met per drill, and the first step's time against its
// target — two charts (chart.js, loaded with them) and the same figures as a table for whoever cannot see a chart.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocalDate } from '../../../shared/time/localTime';
import { usePlans } from '../app/PlansContext';
import { hrefFor } from '../app/router';
import { displayTimeZone } from '../components/displayTimeZone';
import { useLanguage } from '../components/useLanguage';
import { formatDuration } from '../run/time';
import { TrendChart, type ChartBuilder } from './TrendChart';
import { shareSeries, timeSeries, type SeriesPoint, type TrendPoint } from './trendSeries';

export function TrendsSection({ points }: { points: readonly TrendPoint[] }) {
  const { t } = useTranslation();
  const zone = displayTimeZone();
  const share = useMemo(() => shareSeries(points, zone), [points, zone]);
  const time = useMemo(() => timeSeries(points, zone), [points, zone]);
  const percent = (p: SeriesPoint) => `${p.value}%`;
  const seconds = (p: SeriesPoint) =>
    p.target === undefined
      ? formatDuration(p.value)
      : t('coverage.trends.timeAgainst', { time: formatDuration(p.value), target: formatDuration(p.target) });
  const shareChart = useShareChart(share);
  const timeChart = useTimeChart(time);
  if (points.length === 0) return <p className="muted">{t('coverage.trends.none')}</p>;
  return (
    <>
      <div className="trend-charts">
        <figure className="trend-figure" data-trend="share">
          <figcaption>{t('coverage.trends.shareTitle')}</figcaption>
          {share.length === 0 ? (
            <p className="muted">{t('coverage.trends.shareNone')}</p>
          ) : (
            <TrendChart label={summary(share, 'shareSummary', 'sharePoint', percent, t)} build={shareChart} />
          )}
        </figure>
        <figure className="trend-figure" data-trend="time">
          <figcaption>{t('coverage.trends.timeTitle')}</figcaption>
          {time.length === 0 ? (
            <p className="muted">{t('coverage.trends.timeNone')}</p>
          ) : (
            <TrendChart label={summary(time, 'timeSummary', 'timePoint', seconds, t)} build={timeChart} />
          )}
        </figure>
      </div>
      <TrendTable points={points} />
    </>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

/** The chart in a sentence: how many drills, and the first and the latest with their figures. */
function summary(
  series: readonly SeriesPoint[],
  key: 'shareSummary' | 'timeSummary',
  pointKey: 'sharePoint' | 'timePoint',
  value: (p: SeriesPoint) => string,
  t: Translate,
): string {
  const say = (p: SeriesPoint) => t(`coverage.trends.${pointKey}`, { date: p.date, title: p.title, value: value(p) });
  return t(`coverage.trends.${key}`, { count: series.length, first: say(series[0]!), last: say(series.at(-1)!) });
}

function useShareChart(series: readonly SeriesPoint[]): ChartBuilder {
  const { t } = useTranslation();
  const name = t('coverage.trends.shareAxis');
  return useMemo<ChartBuilder>(
    () => (colors) => ({
      type: 'line',
      data: {
        labels: series.map((p) => p.date),
        datasets: [
          {
            type: 'line',
            label: name,
            data: series.map((p) => p.value),
            borderColor: colors.accent,
            backgroundColor: colors.accent,
            pointRadius: 4,
            clip: false, // a point at 100% is drawn whole, not cut at the chart's edge
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        color: colors.text,
        scales: {
          x: { ticks: { color: colors.text }, grid: { color: colors.grid } },
          y: {
            min: 0,
            max: 100,
            ticks: { color: colors.text, callback: (value) => `${value}%` },
            grid: { color: colors.grid },
          },
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => titleOf(series, items[0]?.dataIndex),
              label: (item) => `${name}: ${item.formattedValue}%`,
            },
          },
        },
      },
    }),
    [series, name],
  );
}

function useTimeChart(series: readonly SeriesPoint[]): ChartBuilder {
  const { t } = useTranslation();
  const taken = t('coverage.trends.timeSeries');
  const target = t('coverage.trends.targetSeries');
  return useMemo<ChartBuilder>(
    () => (colors) => ({
      type: 'bar',
      data: {
        labels: series.map((p) => p.date),
        datasets: [
          { type: 'bar', label: taken, data: series.map((p) => p.value), backgroundColor: colors.accent },
          {
            type: 'line',
            label: target,
            data: series.map((p) => p.target ?? null),
            borderColor: colors.target,
            backgroundColor: colors.target,
            borderDash: [6, 4],
            pointStyle: 'rectRot',
            pointRadius: 5,
            spanGaps: true,
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        color: colors.text,
        scales: {
          x: { ticks: { color: colors.text }, grid: { color: colors.grid } },
          y: {
            beginAtZero: true,
            ticks: { color: colors.text, callback: (value) => formatDuration(Number(value)) },
            grid: { color: colors.grid },
          },
        },
        plugins: {
          legend: { labels: { color: colors.text, usePointStyle: true } },
          tooltip: {
            callbacks: {
              title: (items) => titleOf(series, items[0]?.dataIndex),
              label: (item) => `${item.dataset.label ?? ''}: ${formatDuration(Number(item.raw))}`,
            },
          },
        },
      },
    }),
    [series, taken, target],
  );
}

const titleOf = (series: readonly SeriesPoint[], index: number | undefined) => {
  const point = index === undefined ? undefined : series[index];
  return point ? `${point.date} ${point.title}` : '';
};

/** Every drill's figures, for a screen reader or a keyboard, behind a disclosure under the charts. */
function TrendTable({ points }: { points: readonly TrendPoint[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const plans = usePlans();
  const zone = displayTimeZone();
  const share = new Map(shareSeries(points, zone).map((p) => [p.exerciseId, p]));
  const time = new Map(timeSeries(points, zone).map((p) => [p.exerciseId, p]));
  return (
    <details className="trend-table">
      <summary>{t('coverage.trends.table')}</summary>
      <table className="training-table">
        <caption className="visually-hidden">{t('coverage.trends.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coverage.trends.columns.date')}</th>
            <th scope="col">{t('coverage.trends.columns.drill')}</th>
            <th scope="col">{t('coverage.trends.columns.plan')}</th>
            <th scope="col">{t('coverage.trends.columns.share')}</th>
            <th scope="col">{t('coverage.trends.columns.time')}</th>
            <th scope="col">{t('coverage.trends.columns.target')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => {
            const met = share.get(point.exerciseId);
            const first = time.get(point.exerciseId);
            return (
              <tr key={point.exerciseId} data-exercise={point.exerciseId}>
                <td>
                  <time dateTime={point.at}>{formatLocalDate(point.at, zone)}</time>
                </td>
                <th scope="row">
                  <a href={hrefFor({ screen: 'drills', exerciseId: point.exerciseId })}>{point.title}</a>
                </th>
                <td>{plans.find((p) => p.id === point.planId)?.title[lang] ?? point.planId}</td>
                <td>{met ? `${met.value}%` : t('coverage.trends.notRated')}</td>
                <td>{first ? formatDuration(first.value) : t('coverage.trends.noTime')}</td>
                <td>{first?.target !== undefined ? formatDuration(first.target) : t('coverage.trends.noTime')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
