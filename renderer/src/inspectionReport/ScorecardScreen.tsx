// The branch's inspection scorecard (检查评分看板): how many signed inspections passed, how many rectifications were
// closed by their due date, each checklist's scores over time against its pass mark, and the items that fail again
// and again. Staff's to read (a guard's PIN); follows inspections and actions as they change.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScorecardView } from '../../../shared/inspections/scorecard';
import { LoadState } from '../components/LoadState';
import { displayTimeZone } from '../components/displayTimeZone';
import { useLanguage } from '../components/useLanguage';
import { TrainerGate } from '../people/TrainerGate';
import { formatDateTime } from '../records/recordTime';
import { ScoreChart } from './ScoreChart';
import { passRate, scoreLines } from './scoreLines';
import { useScorecard, type ScorecardData } from './useScorecard';
import './strings';
import '../styles/inspectionReport.css';

export function ScorecardScreen() {
  const { t } = useTranslation();
  return (
    <section className="scorecard-screen" aria-labelledby="scorecard-title">
      <TrainerGate
        role="guard"
        title={t('inspectionReport.scorecard.title')}
        titleId="scorecard-title"
        needs={(role) => t('inspectionReport.gate.needs', { role })}
        unlock={t('inspectionReport.gate.unlock')}
      >
        <Scorecard />
      </TrainerGate>
    </section>
  );
}

function Scorecard() {
  const { t } = useTranslation();
  const [state, reload] = useScorecard();
  return (
    <>
      <h1 id="scorecard-title">{t('inspectionReport.scorecard.title')}</h1>
      <p className="muted">{t('inspectionReport.scorecard.intro')}</p>
      <LoadState state={state} retry={reload}>
        {(data) => <ScorecardBody data={data} />}
      </LoadState>
    </>
  );
}

function ScorecardBody({ data }: { data: ScorecardData }) {
  const { t } = useTranslation();
  const { view, passScores } = data;
  const zone = displayTimeZone();
  const lines = useMemo(() => scoreLines(view.series, passScores, zone), [view.series, passScores, zone]);
  const rate = passRate(view.inspections);
  return (
    <>
      <section className="scorecard-section" aria-labelledby="scorecard-overview">
        <h2 id="scorecard-overview">{t('inspectionReport.scorecard.figures.heading')}</h2>
        <Figures
          rows={[
            ['sealed', t('inspectionReport.scorecard.figures.sealed'), String(view.inspections.sealed)],
            ['passed', t('inspectionReport.scorecard.figures.passed'), String(view.inspections.passed)],
            [
              'passRate',
              t('inspectionReport.scorecard.figures.passRate'),
              rate === null ? t('inspectionReport.scorecard.figures.none') : `${rate}%`,
            ],
          ]}
        />
        <Rectifications figures={view.rectifications} />
      </section>

      <section className="scorecard-section" aria-labelledby="scorecard-trends">
        <h2 id="scorecard-trends">{t('inspectionReport.scorecard.trends.heading')}</h2>
        {lines.length === 0 ? (
          <p className="scorecard-empty">{t('inspectionReport.scorecard.trends.none')}</p>
        ) : (
          <div className="scorecard-charts">
            {lines.map((line) => (
              <ScoreChart key={line.checklistId} line={line} />
            ))}
          </div>
        )}
      </section>

      <section className="scorecard-section" aria-labelledby="scorecard-recurring">
        <h2 id="scorecard-recurring">{t('inspectionReport.scorecard.recurring.heading')}</h2>
        <Recurring view={view} />
      </section>
    </>
  );
}

function Rectifications({ figures }: { figures: ScorecardView['rectifications'] }) {
  const { t } = useTranslation();
  const k = 'inspectionReport.scorecard.rectifications';
  return (
    <>
      <h3>{t(`${k}.heading`)}</h3>
      {figures.total === 0 ? (
        <p className="scorecard-empty">{t(`${k}.none`)}</p>
      ) : (
        <>
          <Figures
            rows={[
              ['total', t(`${k}.total`), String(figures.total)],
              ['closedOnTime', t(`${k}.closedOnTime`), String(figures.closedOnTime)],
              ['closedLate', t(`${k}.closedLate`), String(figures.closedLate)],
              ['openOverdue', t(`${k}.openOverdue`), String(figures.openOverdue)],
              ['openInTime', t(`${k}.openInTime`), String(figures.openInTime)],
              [
                'onTimeRate',
                t(`${k}.onTimeRate`),
                figures.onTimeRate === null ? t(`${k}.onTimeNone`) : `${figures.onTimeRate}%`,
              ],
            ]}
          />
          <p className="muted small">{t(`${k}.rateNote`)}</p>
        </>
      )}
    </>
  );
}

function Recurring({ view }: { view: ScorecardView }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const titles = new Map(view.series.map((s) => [s.checklistId, s.title[lang]]));
  const k = 'inspectionReport.scorecard.recurring';
  if (view.recurring.length === 0) return <p className="scorecard-empty">{t(`${k}.none`)}</p>;
  return (
    <table className="inspection-table scorecard-recurring">
      <caption className="visually-hidden">{t(`${k}.caption`)}</caption>
      <thead>
        <tr>
          <th scope="col">{t(`${k}.columns.item`)}</th>
          <th scope="col">{t(`${k}.columns.checklist`)}</th>
          <th scope="col">{t(`${k}.columns.times`)}</th>
          <th scope="col">{t(`${k}.columns.last`)}</th>
          <th scope="col">{t(`${k}.columns.critical`)}</th>
        </tr>
      </thead>
      <tbody>
        {view.recurring.map((r) => (
          <tr key={`${r.checklistId}/${r.itemId}`} data-item={r.itemId}>
            <th scope="row">{r.text[lang]}</th>
            <td>{titles.get(r.checklistId) ?? r.checklistId}</td>
            <td className="nowrap" data-testid="recurring-times">
              <span aria-hidden="true">{t(`${k}.times`, { failures: r.failures, inspections: r.inspections })}</span>
              <span className="visually-hidden">
                {t(`${k}.timesLabel`, { failures: r.failures, inspections: r.inspections })}
              </span>
            </td>
            <td className="nowrap">
              <time dateTime={r.lastAt}>{formatDateTime(r.lastAt, false)}</time>
            </td>
            <td className={r.critical ? 'scorecard-failed' : undefined}>
              {t(r.critical ? `${k}.criticalYes` : `${k}.criticalNo`)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Figures({ rows }: { rows: readonly (readonly [string, string, string])[] }) {
  return (
    <dl className="scorecard-figures">
      {rows.map(([key, label, value]) => (
        <div key={key} data-figure={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
