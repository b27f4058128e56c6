// The inspection report on A4, in the UI's language: 检查记录 for an announced inspection, 明查暗访情况通报 for an
// unannounced one. Facts, verdict and score, the findings with their photos, every item, the rectifications, the
// overall assessment, the sign-off and what the record rests on (its head hash, its integrity now, this
// installation's key). Everything comes from the inspection's record and the action tracker; nothing is typed here.
// It says data-ready only once every photo is in the page: the Electron host prints to PDF then, and so may a person.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../../shared/plan/labels';
import { useApi } from '../api/ApiContext';
import type { AsyncState } from '../app/useAsync';
import { useLanguage } from '../components/useLanguage';
import { formatDateTime, formatLongDate, formatTimeOfDay, isSameLocalDay } from '../records/recordTime';
import { useRecordsIntegrity, type IntegrityReading } from '../records/useRecordsIntegrity';
import { FailedItemsTable, ItemsTable, RectificationTable, SectionScoreTable } from './InspectionReportTables';
import { reportModel } from './reportModel';
import { useAsGuard } from '../inspections/useInspections';
import type { InspectionReportData } from './useInspectionReport';
import { FactRows, NumberedSection } from '../components/ReportParts';

const SECTIONS = ['facts', 'verdict', 'failed', 'items', 'rectifications', 'summary', 'signOff', 'seal'] as const;
type Section = (typeof SECTIONS)[number];

export function InspectionReportSheet({
  data,
  onReady,
}: {
  data: InspectionReportData;
  /** Told whether everything, photos included, is in the page. */
  onReady: (ready: boolean) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const asGuard = useAsGuard();
  const { view, actions } = data;
  const inspectionId = view.summary.id;
  const model = useMemo(() => reportModel(view, actions), [view, actions]);
  // Read once: the paper states the key as it was when it was made.
  const [witnesses] = useRecordsIntegrity(false);
  const [settled, setSettled] = useState<ReadonlySet<string>>(() => new Set());
  const settle = useCallback(
    (key: string) => setSettled((done) => (done.has(key) ? done : new Set(done).add(key))),
    [],
  );
  const loadPhoto = useCallback(
    (sha256: string) => asGuard(() => api.call('inspections.attachment', { inspectionId, sha256 })),
    [api, asGuard, inspectionId],
  );
  const ready = witnesses.status !== 'loading' && model.photoKeys.every((key) => settled.has(key));
  useEffect(() => onReady(ready), [ready, onReady]);

  const list = (items: readonly string[]) => items.join(lang === 'en' ? ', ' : '、');
  const signed = view.signedOff;
  const begun = view.summary.begun?.at;
  const title = t(
    view.summary.announced ? 'inspectionReport.report.titleAnnounced' : 'inspectionReport.report.titleUnannounced',
  );
  const verdict = model.passed === null ? 'open' : model.passed ? 'passed' : ('failed' as 'open' | 'passed' | 'failed');
  return (
    <article
      className="report-sheet inspection-report"
      aria-labelledby="inspection-report-title"
      data-inspection={inspectionId}
      data-ready={ready ? 'true' : 'false'}
    >
      <header className="report-header">
        <h1 id="inspection-report-title">{title}</h1>
        <p className="report-meta">
          <span>{t('inspectionReport.report.unit', { unit: view.branch || t('inspectionReport.report.notSet') })}</span>
          <span>{t('inspectionReport.report.number', { id: inspectionId })}</span>
        </p>
      </header>

      <ReportSection section="facts">
        <Facts
          rows={[
            [t('inspectionReport.report.facts.branch'), view.branch || t('inspectionReport.report.notSet')],
            [t('inspectionReport.report.facts.time'), begun ? timeSpan(begun, signed?.at, lang, t) : '—'],
            [t('inspectionReport.report.facts.place'), view.summary.place || t('inspectionReport.report.notSet')],
            [
              t('inspectionReport.report.facts.kind'),
              t(`inspectionReport.report.kind.${view.summary.announced ? 'announced' : 'unannounced'}`),
            ],
            [
              t('inspectionReport.report.facts.inspectors'),
              <span data-testid="report-inspectors">{list(view.inspectors)}</span>,
            ],
            [
              t('inspectionReport.report.facts.checklist'),
              t('inspectionReport.report.checklistVersion', {
                title: pick(view.body.title, lang),
                version: view.summary.checklist?.version ?? view.body.version,
              }),
            ],
            [t('inspectionReport.report.facts.hash'), <code>{view.summary.checklist?.contentHash ?? '—'}</code>],
          ]}
        />
      </ReportSection>

      <ReportSection section="verdict">
        <p className={`inspection-verdict verdict-${verdict}`} data-testid="report-verdict">
          <strong>{t(`inspectionReport.report.verdict.${verdict}`)}</strong>
          {' · '}
          {model.percent === null
            ? t('inspectionReport.report.scoreNone', { pass: model.passScore })
            : t('inspectionReport.report.score', { percent: model.percent, pass: model.passScore })}
        </p>
        {model.criticalFailed.length > 0 && (
          <p className="inspection-veto" data-testid="report-veto">
            <strong>
              {t('inspectionReport.report.veto', {
                items: list(model.criticalFailed.map((row) => pick(row.item.text, lang))),
              })}
            </strong>
            <span className="report-aside">{t('inspectionReport.report.vetoNote')}</span>
          </p>
        )}
        <SectionScoreTable model={model} />
      </ReportSection>

      <ReportSection section="failed">
        {model.failed.length > 0 ? (
          <FailedItemsTable model={model} loadPhoto={loadPhoto} settle={settle} />
        ) : (
          <p>{t('inspectionReport.report.noFailed')}</p>
        )}
      </ReportSection>

      <ReportSection section="items">
        <ItemsTable model={model} />
      </ReportSection>

      <ReportSection section="rectifications">
        {!signed ? (
          <p>{t('inspectionReport.report.notSignedRectifications')}</p>
        ) : model.rectifications.length > 0 ? (
          <RectificationTable model={model} />
        ) : (
          <p>{t('inspectionReport.report.noRectifications')}</p>
        )}
      </ReportSection>

      <ReportSection section="summary">
        <p className="report-text">
          {signed ? signed.summary || t('inspectionReport.report.noSummary') : t('inspectionReport.report.notSigned')}
        </p>
      </ReportSection>

      <ReportSection section="signOff">
        {signed ? (
          <Facts
            rows={[
              [
                t('inspectionReport.report.signOff.inspector'),
                <>
                  {signed.inspector.name}
                  {t('inspectionReport.report.signOff.verified')}
                </>,
              ],
              [t('inspectionReport.report.signOff.representative'), signed.branchRepresentative || '—'],
              [t('inspectionReport.report.signOff.at'), <time dateTime={signed.at}>{formatDateTime(signed.at)}</time>],
            ]}
          />
        ) : (
          <p>{t('inspectionReport.report.notSigned')}</p>
        )}
        <div className="report-signatures">
          <span>{t('inspectionReport.report.signLines.inspector')}</span>
          <span>{t('inspectionReport.report.signLines.date')}</span>
          <span>{t('inspectionReport.report.signLines.representative')}</span>
          <span>{t('inspectionReport.report.signLines.date')}</span>
        </div>
      </ReportSection>

      <ReportSection section="seal">
        <Seal data={data} witnesses={witnesses} />
      </ReportSection>
      <p className="report-footer">
        {t('inspectionReport.report.printed', { time: formatDateTime(new Date().toISOString()) })}
      </p>
    </article>
  );
}

function Seal({ data, witnesses }: { data: InspectionReportData; witnesses: AsyncState<IntegrityReading> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { view } = data;
  const { integrity, damageText } = view.integrity;
  return (
    <dl className="inspection-report-facts">
      <div>
        <dt>{t('inspectionReport.report.seal.integrity')}</dt>
        <dd data-integrity={integrity} data-testid="report-integrity">
          {t(`records.integrity.${integrity}`)}
          {damageText && <span className="report-aside">{damageText[lang]}</span>}
        </dd>
      </div>
      {view.summary.sealed && (
        <div>
          <dt>{t('inspectionReport.report.seal.sealedAt')}</dt>
          <dd>{formatDateTime(view.summary.sealed.at)}</dd>
        </div>
      )}
      <div>
        <dt>{t('inspectionReport.report.seal.head')}</dt>
        <dd>
          <code data-testid="report-head">{view.head}</code>
        </dd>
      </div>
      <div>
        <dt>{t('inspectionReport.report.seal.events')}</dt>
        <dd>{view.events}</dd>
      </div>
      <div>
        <dt>{t('inspectionReport.report.seal.key')}</dt>
        <dd>
          {witnesses.status === 'ready' ? (
            witnesses.value.integrity.key ? (
              <>
                <code data-testid="report-fingerprint">{witnesses.value.integrity.key.fingerprint}</code>
                {t('inspectionReport.report.seal.keyId', { keyId: witnesses.value.integrity.key.keyId })}
              </>
            ) : (
              t('inspectionReport.report.seal.noKey')
            )
          ) : witnesses.status === 'error' ? (
            t('inspectionReport.report.seal.unavailable')
          ) : (
            '…'
          )}
        </dd>
      </div>
      {witnesses.status === 'ready' && (
        <div>
          <dt>{t('inspectionReport.report.seal.readAt')}</dt>
          <dd>
            <time dateTime={witnesses.value.readAt}>{formatDateTime(witnesses.value.readAt)}</time>
          </dd>
        </div>
      )}
    </dl>
  );
}

function ReportSection({ section, children }: { section: Section; children: ReactNode }) {
  const { t } = useTranslation();
  const n = SECTIONS.indexOf(section) + 1;
  return (
    <NumberedSection
      id={`ir-${section}`}
      className={`inspection-report-section section-${section}`}
      heading={t('inspectionReport.report.numbered', {
        n: t(`inspectionReport.report.numbers.${n}`),
        title: t(`inspectionReport.report.sections.${section}`),
      })}
    >
      {children}
    </NumberedSection>
  );
}

function Facts({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return <FactRows className="inspection-report-facts" rows={rows} />;
}

/** 2026年3月12日 09:30 至 10:05 (the end's date only when it is another day); from … while not signed. */
function timeSpan(
  start: string,
  end: string | undefined,
  lang: 'zh-CN' | 'en',
  t: ReturnType<typeof useTranslation>['t'],
): string {
  const from = `${formatLongDate(start, lang)} ${formatTimeOfDay(start)}`;
  if (!end) return t('inspectionReport.report.stillOpen', { start: from });
  const to = isSameLocalDay(start, end) ? formatTimeOfDay(end) : formatDateTime(end);
  return t('inspectionReport.report.timeSpan', { start: from, end: to });
}
