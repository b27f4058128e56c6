// The drill report's tables: injects as delivered, steps timed by the journal against their targets, objectives
// with their ratings, and the improvement actions. Each a plain table (caption for screen readers) that prints on A4.
import { useTranslation } from 'react-i18next';
import type { DrillReport } from '../../../shared/drills/drillReport';
import { useLanguage } from '../components/useLanguage';
import { formatTimeOfDay } from '../records/recordTime';
import { formatDuration } from '../run/time';
import { ratingText } from './labels';

export function InjectTable({ report }: { report: DrillReport }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <table className="report-grid">
      <caption className="visually-hidden">{t('review.report.injects')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.report.columns.at')}</th>
          <th scope="col">{t('review.report.columns.to')}</th>
          <th scope="col">{t('review.report.columns.inject')}</th>
          <th scope="col">{t('review.report.columns.delivered')}</th>
        </tr>
      </thead>
      <tbody>
        {report.injects.map((i) => (
          <tr key={i.id}>
            <td className="nowrap">
              {i.atSeconds !== undefined ? formatDuration(i.atSeconds) : t('review.report.contingency')}
            </td>
            <td>{i.to ? i.to[lang] : t('review.report.everyone')}</td>
            <td className="drill-report-text">{i.text}</td>
            <td>
              {i.delivered
                ? t(i.delivered.manual ? 'review.report.deliveredManual' : 'review.report.deliveredOnTime', {
                    time: formatTimeOfDay(i.delivered.at),
                    scenario: formatDuration(i.delivered.scenarioSeconds),
                  })
                : t('review.report.notDelivered')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StepTable({ report }: { report: DrillReport }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <table className="report-grid">
      <caption className="visually-hidden">{t('review.report.steps')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.report.columns.step')}</th>
          <th scope="col">{t('review.report.columns.entered')}</th>
          <th scope="col">{t('review.report.columns.took')}</th>
          <th scope="col">{t('review.report.columns.rating')}</th>
          <th scope="col">{t('review.report.columns.observations')}</th>
        </tr>
      </thead>
      <tbody>
        {report.steps.map((s, i) => (
          <tr key={`${s.id}-${i}`} className={s.overTarget ? 'over-target' : undefined}>
            <td>{s.title[lang]}</td>
            <td className="nowrap">{formatTimeOfDay(s.enteredAt)}</td>
            <td className="nowrap">
              <Took seconds={s.seconds} target={s.targetSeconds} over={s.overTarget} />
            </td>
            <td>{s.consensus ? ratingText(s.consensus, lang) : t('review.report.notRated')}</td>
            <td className="drill-report-text">{s.observations.join('\n') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ObjectiveTable({ report }: { report: DrillReport }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <table className="report-grid drill-report-results">
      <caption className="visually-hidden">{t('review.report.objectiveResults')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.report.columns.objective')}</th>
          <th scope="col">{t('review.report.columns.measured')}</th>
          <th scope="col">{t('review.report.columns.rating')}</th>
          <th scope="col">{t('review.report.columns.byEvaluator')}</th>
        </tr>
      </thead>
      <tbody>
        {report.objectives.map((o, i) => (
          <tr key={o.id} data-objective={o.id}>
            <td>
              {i + 1}. {o.text}
              {o.step && <span className="report-aside">{o.step.title[lang]}</span>}
            </td>
            <td className="nowrap">
              {o.measured ? (
                <Took seconds={o.measured.seconds} target={o.measured.targetSeconds} over={o.measured.overTarget} />
              ) : o.step ? (
                t('review.report.stepNotRun')
              ) : (
                '—'
              )}
            </td>
            <td className="drill-report-rating">
              {o.consensus ? ratingText(o.consensus, lang) : t('review.report.notRated')}
            </td>
            <td>
              {o.ratings.length === 0
                ? '—'
                : o.ratings.map((r, k) => (
                    <span key={k} className="drill-report-rating-line">
                      {r.evaluator}
                      {t('review.rating.colon')}
                      {ratingText(r.rating, lang)}
                      {r.observation ? ` — ${r.observation}` : ''}
                    </span>
                  ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ActionTable({ report }: { report: DrillReport }) {
  const { t } = useTranslation();
  return (
    <table className="report-grid">
      <caption className="visually-hidden">{t('review.report.actionsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.report.columns.n')}</th>
          <th scope="col">{t('review.report.columns.action')}</th>
          <th scope="col">{t('review.report.columns.owner')}</th>
          <th scope="col">{t('review.report.columns.due')}</th>
          <th scope="col">{t('review.report.columns.status')}</th>
        </tr>
      </thead>
      <tbody>
        {report.actions.map((a, i) => (
          <tr key={a.id} data-action={a.id}>
            <td>{i + 1}</td>
            <td className="drill-report-text">{a.title}</td>
            <td>{a.owner}</td>
            <td className="nowrap">{a.due}</td>
            <td>
              {t(`review.actionStatus.${a.status}`)}
              {a.overdue && <strong className="report-overdue"> {t('review.report.overdue')}</strong>}
              {a.version && (
                <span className="report-aside">
                  {t('review.report.closedByVersion', { version: a.version.version })}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 0:42（目标 0:30，超时） / 0:42 (target 0:30, over). */
function Took({ seconds, target, over }: { seconds: number; target: number | undefined; over: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {formatDuration(seconds)}
      {target !== undefined && (
        <span className={`report-aside${over ? ' report-over' : ''}`}>
          {t(over ? 'review.report.targetOver' : 'review.report.target', { target: formatDuration(target) })}
        </span>
      )}
    </>
  );
}
