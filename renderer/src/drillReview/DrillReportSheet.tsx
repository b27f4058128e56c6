// The drill report (应急演练总结报告) on A4, in the UI's language: the sections of AQ/T 9009 in their order (purpose;
// time and place; units and participants; scenario; process; evaluation results; problems and causes; improvement
// measures), then HSEEP's strengths, the hot-wash and what the report rests on. Everything comes from the report's
// data (shared/drills/drillReport.ts); nothing is typed into the report itself.
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DrillReport } from '../../../shared/drills/drillReport';
import type { Language } from '../../../shared/plan/schema';
import { useLanguage } from '../components/useLanguage';
import {
  formatDateTime,
  formatDurationWords,
  formatLongDate,
  formatTimeOfDay,
  isSameLocalDay,
} from '../records/recordTime';
import { ActionTable, InjectTable, ObjectiveTable, StepTable } from './DrillReportTables';
import { FactRows, NumberedSection } from '../components/ReportParts';

const SECTIONS = [
  'purpose',
  'time',
  'participants',
  'scenario',
  'process',
  'results',
  'problems',
  'measures',
  'strengths',
  'hotWash',
  'evidence',
] as const;
type Section = (typeof SECTIONS)[number];

export function DrillReportSheet({ report }: { report: DrillReport }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = (items: readonly string[]) => items.join(lang === 'en' ? ', ' : '、');
  const unit = report.branch?.name
    ? t('review.report.branch', { name: report.branch.name, code: report.branch.code || '—' })
    : t('review.report.notSet');
  return (
    <article
      className="report-sheet drill-report"
      aria-labelledby="drill-report-title"
      data-exercise={report.exercise.id}
      // Everything has loaded by the time this renders: the Electron host prints to PDF only then.
      data-ready="true"
    >
      <header className="report-header">
        <p className="report-stamp">{t('review.report.stamp')}</p>
        <h1 id="drill-report-title">{t('review.report.title')}</h1>
        <p className="report-meta">
          <span>{t('review.report.unit', { unit })}</span>
          <span>{t('review.report.exercise', { title: report.exercise.title })}</span>
        </p>
      </header>

      <ReportSection section="purpose">
        <p>
          {t('review.report.purposeText', {
            plan: report.plan.title[lang],
            version: report.plan.version,
          })}
        </p>
        {report.objectives.length > 0 ? (
          <ol className="drill-report-objectives">
            {report.objectives.map((o) => (
              <li key={o.id}>{o.text}</li>
            ))}
          </ol>
        ) : (
          <p className="report-aside">{t('review.report.noObjectives')}</p>
        )}
      </ReportSection>

      <ReportSection section="time">
        <Facts
          rows={[
            [t('review.report.scheduled'), formatDateTime(report.time.scheduledAt, false)],
            [t('review.report.held'), heldText(report, lang, t)],
            [t('review.report.place'), unit],
            [
              t('review.report.kind'),
              <>
                {t(report.exercise.announced ? 'review.report.announced' : 'review.report.unannounced')}
                {report.declared && (
                  <span className="report-aside">
                    {t('review.report.declared', {
                      name: report.declared.name,
                      at: formatDateTime(report.declared.at),
                    })}
                  </span>
                )}
              </>,
            ],
          ]}
        />
      </ReportSection>

      <ReportSection section="participants">
        <Facts rows={[[t('review.report.units'), unit]]} />
        {report.participants.length > 0 ? (
          <table className="report-grid">
            <caption className="visually-hidden">{t('review.report.participantsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review.report.columns.n')}</th>
                <th scope="col">{t('review.report.columns.name')}</th>
                <th scope="col">{t('review.report.columns.role')}</th>
              </tr>
            </thead>
            <tbody>
              {report.participants.map((p, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td>{p.name}</td>
                  <td>{p.role[lang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('review.report.noParticipants')}</p>
        )}
        <Facts
          rows={[
            [t('review.report.evaluators'), report.evaluators.length > 0 ? list(report.evaluators) : t('review.none')],
            [t('review.report.actors'), report.actors.length > 0 ? list(report.actors) : t('review.none')],
          ]}
        />
      </ReportSection>

      <ReportSection section="scenario">
        <p className="drill-report-text">{report.exercise.scenario || t('review.report.noScenario')}</p>
      </ReportSection>

      <ReportSection section="process">
        <h3>{t('review.report.injects')}</h3>
        {report.injects.length > 0 ? <InjectTable report={report} /> : <p>{t('review.none')}</p>}
        <h3>{t('review.report.steps')}</h3>
        {report.steps.length > 0 ? <StepTable report={report} /> : <p>{t('review.report.noRun')}</p>}
      </ReportSection>

      <ReportSection section="results">
        <h3>{t('review.report.objectiveResults')}</h3>
        {report.objectives.length > 0 ? <ObjectiveTable report={report} /> : <p>{t('review.report.noObjectives')}</p>}
        <p className="report-aside">{t('review.report.ratingKey')}</p>
      </ReportSection>

      <ReportSection section="problems">
        {report.improvements.length > 0 ? (
          <table className="report-grid">
            <caption className="visually-hidden">{t('review.report.problemsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review.report.columns.n')}</th>
                <th scope="col">{t('review.report.columns.problem')}</th>
                <th scope="col">{t('review.report.columns.cause')}</th>
              </tr>
            </thead>
            <tbody>
              {report.improvements.map((p, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td className="drill-report-text">{p.text}</td>
                  <td>{p.cause ? t(`review.causes.${p.cause}`) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('review.report.noProblems')}</p>
        )}
      </ReportSection>

      <ReportSection section="measures">
        {report.actions.length > 0 ? <ActionTable report={report} /> : <p>{t('review.report.noActions')}</p>}
      </ReportSection>

      <ReportSection section="strengths">
        {report.strengths.length > 0 ? (
          <ul>
            {report.strengths.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        ) : (
          <p>{t('review.none')}</p>
        )}
      </ReportSection>

      <ReportSection section="hotWash">
        <p className="drill-report-text">{report.hotWash ?? t('review.report.notClosed')}</p>
      </ReportSection>

      <ReportSection section="evidence">
        <Facts
          rows={[
            [
              t('review.report.runId'),
              report.evidence.runId ? <code>{report.evidence.runId}</code> : t('review.report.noRun'),
            ],
            ...(report.evidence.runHead
              ? [[t('review.report.runHead'), <code key="head">{report.evidence.runHead}</code>] as const]
              : []),
            [
              t('review.report.planHash'),
              report.plan.contentHash ? <code>{report.plan.contentHash}</code> : t('review.report.notSet'),
            ],
            [
              t('review.report.evaluationSeal'),
              report.evidence.evaluationSealed ? (
                <>
                  {t('review.report.sealedAt', {
                    at: formatDateTime(report.evidence.evaluationSealed.at),
                    events: report.evidence.evaluationEvents ?? 0,
                  })}
                  <span className="report-aside">
                    {t('review.report.keyId')}
                    <code data-testid="report-seal-key">{report.evidence.evaluationSealed.keyId}</code>
                  </span>
                </>
              ) : (
                t('review.report.notSealed')
              ),
            ],
          ]}
        />
        <div className="report-signatures">
          <span>{t('review.report.signLeader')}</span>
          <span>{t('review.report.signDate')}</span>
          <span>{t('review.report.signEvaluator')}</span>
          <span>{t('review.report.signDate')}</span>
        </div>
      </ReportSection>
      <p className="report-footer">{t('review.report.printed', { time: formatDateTime(new Date().toISOString()) })}</p>
    </article>
  );
}

function ReportSection({ section, children }: { section: Section; children: ReactNode }) {
  const { t } = useTranslation();
  const n = SECTIONS.indexOf(section) + 1;
  return (
    <NumberedSection
      id={`dr-${section}`}
      className={`drill-report-section section-${section}`}
      heading={t('review.report.numbered', {
        n: t(`review.report.numbers.${n}`),
        title: t(`review.report.sections.${section}`),
      })}
    >
      {children}
    </NumberedSection>
  );
}

function Facts({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return <FactRows className="drill-report-facts" rows={rows} />;
}

/** 2026年3月12日 09:30:00 至 09:52:14（22 分 14 秒）; not yet held; still running. */
function heldText(report: DrillReport, lang: Language, t: TFunction): string {
  const { startedAt, endedAt, seconds } = report.time;
  if (!startedAt) return t('review.report.notHeld');
  const start = `${formatLongDate(startedAt, lang)} ${formatTimeOfDay(startedAt)}`;
  if (!endedAt) return t('review.report.stillRunning', { start });
  const end = isSameLocalDay(startedAt, endedAt) ? formatTimeOfDay(endedAt) : formatDateTime(endedAt);
  return t('review.report.heldSpan', { start, end, duration: formatDurationWords(seconds ?? 0, lang) });
}
