// The inspection report's tables: the sections' scores, the failed items with their photos, every item with its
// result, and the rectifications. Plain tables (a caption for screen readers) that print on A4, an item never split
// across pages.
import { useTranslation } from 'react-i18next';
import type { ItemResult } from '../../../shared/checklist/score';
import { pick } from '../../../shared/plan/labels';
import type { EvidenceFile } from '../components/EvidenceThumb';
import { useLanguage } from '../components/useLanguage';
import { formatDateTime } from '../records/recordTime';
import { ReportPhoto } from './ReportPhoto';
import {
  answerText,
  isImage,
  photoKey,
  requirementText,
  type InspectionReportModel,
  type ReportItem,
} from './reportModel';

const MARKS: Record<ItemResult, string> = { pass: '✓', fail: '✗', na: '—', recorded: '✎', unanswered: '○' };

/** Points with one decimal at most: weights and score items make fractions. */
const points = (n: number) => String(Math.round(n * 10) / 10);

export function SectionScoreTable({ model }: { model: InspectionReportModel }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <table className="inspection-report-grid">
      <caption className="visually-hidden">{t('inspectionReport.report.sectionsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('inspectionReport.report.sectionColumns.section')}</th>
          <th scope="col">{t('inspectionReport.report.sectionColumns.points')}</th>
          <th scope="col">{t('inspectionReport.report.sectionColumns.percent')}</th>
          <th scope="col">{t('inspectionReport.report.sectionColumns.weight')}</th>
        </tr>
      </thead>
      <tbody>
        {model.sections.map((s) => (
          <tr key={s.id} data-section={s.id}>
            <td>{pick(s.title, lang)}</td>
            <td className="nowrap">{s.possible > 0 ? `${points(s.points)} / ${points(s.possible)}` : '—'}</td>
            <td className="nowrap">{s.percent === null ? t('inspectionReport.report.notScored') : `${s.percent}%`}</td>
            <td className="nowrap">{s.weight}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each failed item is its own row group with its photos under it, so a page break never parts them. */
export function FailedItemsTable({
  model,
  loadPhoto,
  settle,
}: {
  model: InspectionReportModel;
  loadPhoto: (sha256: string) => Promise<EvidenceFile>;
  settle: (key: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <table className="inspection-report-grid inspection-report-failed">
      <caption className="visually-hidden">{t('inspectionReport.report.failedCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('inspectionReport.report.failedColumns.n')}</th>
          <th scope="col">{t('inspectionReport.report.failedColumns.section')}</th>
          <th scope="col">{t('inspectionReport.report.failedColumns.item')}</th>
          <th scope="col">{t('inspectionReport.report.failedColumns.answer')}</th>
          <th scope="col">{t('inspectionReport.report.failedColumns.note')}</th>
        </tr>
      </thead>
      {model.failed.map((row, i) => {
        const requirement = requirementText(row.item, lang);
        const itemText = pick(row.item.text, lang);
        return (
          <tbody key={row.item.id} className="inspection-report-finding" data-item={row.item.id}>
            <tr>
              <td>{i + 1}</td>
              <td>{pick(row.section.title, lang)}</td>
              <td className="report-text">
                {row.item.critical && <CriticalTag />}
                {itemText}
              </td>
              <td>
                {answerText(row.item, row.answer, lang)}
                {requirement && <span className="report-aside">{requirement}</span>}
              </td>
              <td className="report-text">{row.notes.join('\n') || '—'}</td>
            </tr>
            {row.attachments.length > 0 && (
              <tr className="inspection-report-photos">
                <td />
                <td colSpan={4}>
                  {row.attachments.map((a, k) => (
                    <ReportPhoto
                      key={`${a.sha256}-${k}`}
                      name={a.name}
                      sha256={a.sha256}
                      alt={t('inspectionReport.report.photoAlt', { item: itemText, n: k + 1, name: a.name })}
                      load={() => loadPhoto(a.sha256)}
                      onSettled={() => isImage(a) && settle(photoKey(row.item.id, k))}
                    />
                  ))}
                </td>
              </tr>
            )}
          </tbody>
        );
      })}
    </table>
  );
}

/** Every item, section by section, with its answer and a result mark. */
export function ItemsTable({ model }: { model: InspectionReportModel }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const bySection = new Map<string, ReportItem[]>();
  for (const row of model.items) bySection.set(row.section.id, [...(bySection.get(row.section.id) ?? []), row]);
  return (
    <table className="inspection-report-grid inspection-report-items">
      <caption className="visually-hidden">{t('inspectionReport.report.itemsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('inspectionReport.report.itemColumns.n')}</th>
          <th scope="col">{t('inspectionReport.report.itemColumns.item')}</th>
          <th scope="col">{t('inspectionReport.report.itemColumns.answer')}</th>
          <th scope="col">{t('inspectionReport.report.itemColumns.result')}</th>
        </tr>
      </thead>
      {[...bySection].map(([sectionId, rows]) => (
        <tbody key={sectionId}>
          <tr className="inspection-report-section-row">
            <th scope="colgroup" colSpan={4}>
              {pick(rows[0]!.section.title, lang)}
            </th>
          </tr>
          {rows.map((row) => (
            <tr key={row.item.id} data-item={row.item.id} data-result={row.result}>
              <td>{row.n}</td>
              <td className="report-text">
                {row.item.critical && <CriticalTag />}
                {pick(row.item.text, lang)}
              </td>
              <td className="report-text">
                {answerText(row.item, row.answer, lang)}
                {row.attachments.length > 0 && (
                  <span className="report-aside">
                    {t('inspectionReport.report.photoCount', { count: row.attachments.length })}
                  </span>
                )}
              </td>
              <td className={`nowrap result-${row.result}`}>
                <span aria-hidden="true">{MARKS[row.result]} </span>
                {t(`inspectionReport.report.results.${row.result}`)}
              </td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

export function RectificationTable({ model }: { model: InspectionReportModel }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <table className="inspection-report-grid">
      <caption className="visually-hidden">{t('inspectionReport.report.rectificationsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('inspectionReport.report.rectColumns.n')}</th>
          <th scope="col">{t('inspectionReport.report.rectColumns.item')}</th>
          <th scope="col">{t('inspectionReport.report.rectColumns.owner')}</th>
          <th scope="col">{t('inspectionReport.report.rectColumns.due')}</th>
          <th scope="col">{t('inspectionReport.report.rectColumns.evidence')}</th>
          <th scope="col">{t('inspectionReport.report.rectColumns.status')}</th>
        </tr>
      </thead>
      <tbody>
        {model.rectifications.map((r, i) => (
          <tr key={r.actionId} data-action={r.actionId}>
            <td>{i + 1}</td>
            <td className="report-text">{r.item ? pick(r.item.item.text, lang) : r.itemId}</td>
            <td>{r.owner}</td>
            <td className="nowrap">{r.due}</td>
            <td className="report-text">{r.evidence}</td>
            <td data-status={r.action?.status}>
              {r.action ? (
                <>
                  {t(`inspectionReport.report.status.${r.action.status}`)}
                  {r.action.overdue && (
                    <strong className="report-overdue"> {t('inspectionReport.report.overdue')}</strong>
                  )}
                  {r.action.closed && (
                    <span className="report-aside">
                      {t('inspectionReport.report.closedAt', { at: formatDateTime(r.action.closed.at, false) })}
                    </span>
                  )}
                </>
              ) : (
                <span className="report-aside">{t('inspectionReport.report.statusUnknown')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CriticalTag() {
  const { t } = useTranslation();
  return <span className="inspection-critical-tag">{t('inspectionReport.report.critical')}</span>;
}
