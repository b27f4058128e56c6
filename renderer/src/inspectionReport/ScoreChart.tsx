// One checklist's scores over time as a line (chart.js through the training dashboard's TrendChart, which loads it on
// first use and redraws it in the theme's colours), the pass mark as a dashed line, failed inspections as crosses in
// the critical colour. The canvas's name says it in a sentence; the table under it carries every figure.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../app/router';
import { useLanguage } from '../components/useLanguage';
import { TrendChart, type ChartBuilder } from '../training/TrendChart';
import type { ScoreLine, ScorePoint } from './scoreLines';

export function ScoreChart({ line }: { line: ScoreLine }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const title = line.title[lang];
  const build = useScoreChart(line);
  const last = line.points.at(-1);
  const pass =
    line.passScore === undefined
      ? t('inspectionReport.scorecard.trends.passMarkUnknown')
      : t('inspectionReport.scorecard.trends.passMarkValue', { pass: line.passScore });
  const label = last
    ? t('inspectionReport.scorecard.trends.summary', {
        title,
        count: line.points.length,
        failures: line.failures,
        date: last.label,
        score: scoreText(last, t),
        result: resultText(last, t),
        pass,
      })
    : title;
  return (
    <figure className="scorecard-figure" data-checklist={line.checklistId}>
      <figcaption>
        {title}
        <span className="muted small"> · {pass}</span>
      </figcaption>
      <TrendChart label={label} build={build} />
      <p className="muted small scorecard-legend">
        <span aria-hidden="true" className="scorecard-legend-failed">
          ✗
        </span>{' '}
        {t('inspectionReport.scorecard.trends.failedLegend')}
      </p>
      <details className="scorecard-points">
        <summary>{t('inspectionReport.scorecard.trends.table')}</summary>
        <table className="inspection-table">
          <caption className="visually-hidden">{t('inspectionReport.scorecard.trends.caption', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inspectionReport.scorecard.trends.columns.at')}</th>
              <th scope="col">{t('inspectionReport.scorecard.trends.columns.kind')}</th>
              <th scope="col">{t('inspectionReport.scorecard.trends.columns.score')}</th>
              <th scope="col">{t('inspectionReport.scorecard.trends.columns.result')}</th>
              <th scope="col">{t('inspectionReport.scorecard.trends.columns.report')}</th>
            </tr>
          </thead>
          <tbody>
            {[...line.points].reverse().map((p) => (
              <tr key={p.inspectionId} data-inspection={p.inspectionId}>
                <th scope="row">
                  <time dateTime={p.at}>{p.label}</time>
                </th>
                <td>{t(`inspectionReport.report.kind.${p.announced ? 'announced' : 'unannounced'}`)}</td>
                <td>{scoreText(p, t)}</td>
                <td className={p.passed ? undefined : 'scorecard-failed'}>{resultText(p, t)}</td>
                <td>
                  <a href={hrefFor({ screen: 'inspections', inspectionId: p.inspectionId, report: true })}>
                    {t('inspectionReport.scorecard.trends.report')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

const scoreText = (p: ScorePoint, t: Translate) =>
  p.percent === null
    ? t('inspectionReport.scorecard.trends.notScored')
    : t('inspectionReport.scorecard.trends.value', { value: p.percent });

const resultText = (p: ScorePoint, t: Translate) =>
  t(p.passed ? 'inspectionReport.scorecard.trends.passedPoint' : 'inspectionReport.scorecard.trends.failedPoint');

function useScoreChart(line: ScoreLine): ChartBuilder {
  const { t } = useTranslation();
  const scoreName = t('inspectionReport.scorecard.trends.score');
  const passName = t('inspectionReport.scorecard.trends.passMark');
  const failedName = t('inspectionReport.scorecard.trends.failedPoint');
  const kinds = {
    announced: t('inspectionReport.report.kind.announced'),
    unannounced: t('inspectionReport.report.kind.unannounced'),
  };
  return useMemo<ChartBuilder>(() => {
    const { points, passScore } = line;
    return (colors) => ({
      type: 'line',
      data: {
        labels: points.map((p) => p.label),
        datasets: [
          {
            type: 'line',
            label: scoreName,
            data: points.map((p) => p.percent),
            borderColor: colors.accent,
            backgroundColor: colors.accent,
            pointStyle: points.map((p) => (p.passed ? 'circle' : 'crossRot')),
            pointRadius: points.map((p) => (p.passed ? 4 : 8)),
            pointBorderWidth: points.map((p) => (p.passed ? 1 : 3)),
            pointBorderColor: points.map((p) => (p.passed ? colors.accent : colors.target)),
            pointBackgroundColor: points.map((p) => (p.passed ? colors.accent : colors.target)),
            spanGaps: true,
            clip: false, // a point at 100 is drawn whole
          },
          ...(passScore === undefined
            ? []
            : [
                {
                  type: 'line' as const,
                  label: passName,
                  data: points.map(() => passScore),
                  borderColor: colors.text,
                  backgroundColor: colors.text,
                  borderDash: [6, 4],
                  borderWidth: 1.5,
                  pointStyle: 'line' as const, // the legend draws it as the line it is
                  pointRadius: 0,
                  pointHitRadius: 0,
                },
              ]),
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        color: colors.text,
        scales: {
          x: { ticks: { color: colors.text }, grid: { color: colors.grid } },
          y: { min: 0, max: 100, ticks: { color: colors.text }, grid: { color: colors.grid } },
        },
        plugins: {
          legend: { labels: { color: colors.text, usePointStyle: true } },
          tooltip: {
            callbacks: {
              title: (items) => {
                const p = points[items[0]?.dataIndex ?? -1];
                return p ? `${p.label} ${p.announced ? kinds.announced : kinds.unannounced}` : '';
              },
              label: (item) => {
                const p = points[item.dataIndex];
                if (item.datasetIndex !== 0 || !p) return `${item.dataset.label ?? ''}: ${item.formattedValue}`;
                return `${scoreName}: ${item.formattedValue}${p.passed ? '' : ` (${failedName})`}`;
              },
            },
          },
        },
      },
    });
  }, [line, scoreName, passName, failedName, kinds.announced, kinds.unannounced]);
}
