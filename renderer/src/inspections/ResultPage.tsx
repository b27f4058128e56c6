// A sealed inspection, for anyone unlocked as a guard or above: the total and each part's score, the verdict (a failed
// critical item says 一票否决), the failed items with their notes and photos, the rectifications decided at sign-off
// (on to the actions list), who signed and when, whether the record still verifies, and the printable report.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer } from '../../../shared/checklist/score';
import { checklistItems } from '../../../shared/checklist/score';
import type { InspectionView } from '../../../shared/inspections/inspectionView';
import { pick } from '../../../shared/plan/labels';
import { hrefFor } from '../app/router';
import { useLanguage } from '../components/useLanguage';
import { IntegrityBadge } from '../records/IntegrityBadge';
import { formatDateTime } from '../records/recordTime';
import { KindBadge, ResultBadge, VerdictBadge } from './Badges';
import { ItemText } from './ItemCard';
import { sectionProgress } from './inspectionModel';
import { answerText, namesText, percentText } from './labels';
import { AttachmentThumbs } from './PhotoPicker';

export function ResultPage({ view, focusTitle = false }: { view: InspectionView; focusTitle?: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusTitle) title.current?.focus();
  }, [focusTitle]);
  const all = checklistItems(view.body).map(({ item }, i) => ({ item, n: i + 1 }));
  const byId = new Map(all.map((entry) => [entry.item.id, entry]));
  const signed = view.signedOff;
  const passed = signed ? signed.passed : view.score.passed;
  const criticalFailed = signed ? signed.criticalFailed : view.score.criticalFailed;
  const percent = signed ? signed.percent : view.score.percent;
  const itemLabel = (itemId: string) => {
    const entry = byId.get(itemId);
    return entry ? t('inspections.conduct.criticalItem', { n: entry.n, text: pick(entry.item.text, lang) }) : itemId;
  };
  return (
    <section className="inspections-screen result-screen" aria-labelledby="result-title">
      <p className="insp-buttons">
        <a className="back-link" href={hrefFor({ screen: 'inspections' })}>
          {t('inspections.back')}
        </a>
        <a
          className="button-link"
          href={hrefFor({ screen: 'inspections', inspectionId: view.summary.id, report: true })}
        >
          {t('inspections.result.report')}
        </a>
      </p>
      <h1 id="result-title" ref={title} tabIndex={-1}>
        {t('inspections.result.heading', { title: pick(view.body.title, lang) })}
      </h1>
      <div className="result-verdict" data-testid="result-verdict">
        <p>
          <span className="result-label">{t('inspections.result.total')}</span>{' '}
          <strong className="result-percent" data-testid="result-percent">
            {percentText(percent, t)}
          </strong>{' '}
          <span className="muted">{t('inspections.conduct.passLine', { percent: view.score.passScore })}</span>
        </p>
        <p>
          <span className="result-label">{t('inspections.result.verdict')}</span>{' '}
          <VerdictBadge passed={passed} criticalFailed={criticalFailed.length} />
        </p>
        {criticalFailed.length > 0 && (
          <ul className="result-critical">
            {criticalFailed.map((id) => (
              <li key={id}>{itemLabel(id)}</li>
            ))}
          </ul>
        )}
      </div>

      <h2>{t('inspections.result.facts')}</h2>
      <dl className="facts">
        <dt>{t('inspections.result.checklist')}</dt>
        <dd>
          {t('inspections.result.checklistVersion', { title: pick(view.body.title, lang), version: view.body.version })}
        </dd>
        <dt>{t('inspections.result.kind')}</dt>
        <dd>
          <KindBadge announced={view.summary.announced} />
        </dd>
        <dt>{t('inspections.result.branch')}</dt>
        <dd>{view.branch || t('inspections.none')}</dd>
        <dt>{t('inspections.result.place')}</dt>
        <dd>{view.summary.place || t('inspections.none')}</dd>
        <dt>{t('inspections.result.inspectors')}</dt>
        <dd>{namesText(view.inspectors, lang)}</dd>
        {view.summary.begun && (
          <>
            <dt>{t('inspections.result.begun')}</dt>
            <dd>{formatDateTime(view.summary.begun.at, false)}</dd>
          </>
        )}
      </dl>

      <SectionScores view={view} />

      <section aria-labelledby="failed-title">
        <h2 id="failed-title">{t('inspections.result.failedItems')}</h2>
        {view.score.failed.length === 0 ? (
          <p className="muted">{t('inspections.result.noFailed')}</p>
        ) : (
          <ol className="result-failed">
            {view.score.failed.map((id) => {
              const entry = byId.get(id);
              if (!entry) return null;
              const record = view.items[id];
              return (
                <li key={id} className={`result-item${entry.item.critical ? ' critical' : ''}`} data-item={id}>
                  <p className="item-number">
                    {t('inspections.item.number', { n: entry.n })}{' '}
                    {entry.item.critical && (
                      <span className="badge badge-critical">{t('inspections.item.critical')}</span>
                    )}
                  </p>
                  <ItemText text={entry.item.text} />
                  <p>
                    {t('inspections.result.answer', {
                      answer: answerText(entry.item, record?.answer as Answer | undefined, lang, t),
                    })}
                  </p>
                  {record && record.notes.length > 0 && (
                    <ul className="note-list" aria-label={t('inspections.item.notes')}>
                      {record.notes.map((n, i) => (
                        <li key={i}>
                          <span className="note-by">
                            {t('inspections.item.noteBy', { at: formatDateTime(n.at, false), name: n.by?.name ?? '' })}
                          </span>{' '}
                          {n.note}
                        </li>
                      ))}
                    </ul>
                  )}
                  <AttachmentThumbs inspectionId={view.summary.id} attachments={record?.attachments ?? []} />
                </li>
              );
            })}
          </ol>
        )}
      </section>

      {signed && (
        <section aria-labelledby="rectifications-title">
          <h2 id="rectifications-title">{t('inspections.result.rectifications')}</h2>
          {signed.rectifications.length === 0 ? (
            <p className="muted">{t('inspections.sign.noRectifications')}</p>
          ) : (
            <table className="insp-table rectification-table">
              <caption className="visually-hidden">{t('inspections.result.rectificationCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('inspections.result.rectificationColumns.item')}</th>
                  <th scope="col">{t('inspections.result.rectificationColumns.owner')}</th>
                  <th scope="col">{t('inspections.result.rectificationColumns.due')}</th>
                  <th scope="col">{t('inspections.result.rectificationColumns.evidence')}</th>
                </tr>
              </thead>
              <tbody>
                {signed.rectifications.map((r) => (
                  <tr key={r.actionId} data-rectification={r.itemId} data-action={r.actionId}>
                    <th scope="row">{itemLabel(r.itemId)}</th>
                    <td data-testid="rectification-owner">{r.owner.name}</td>
                    <td data-testid="rectification-due">{r.due}</td>
                    <td>{r.evidence}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>
            <a href={hrefFor({ screen: 'actions' })}>{t('inspections.result.toActions')}</a>
          </p>
        </section>
      )}

      {signed && (
        <section aria-labelledby="signed-title">
          <h2 id="signed-title">{t('inspections.result.signOff')}</h2>
          <dl className="facts" data-testid="sign-off-facts">
            <dt>{t('inspections.result.inspector')}</dt>
            <dd>{signed.inspector.name}</dd>
            <dt>{t('inspections.result.representative')}</dt>
            <dd>{signed.branchRepresentative}</dd>
            <dt>{t('inspections.result.signedAt')}</dt>
            <dd>{formatDateTime(signed.at)}</dd>
            <dt>{t('inspections.result.summary')}</dt>
            <dd className="result-summary">{signed.summary || t('inspections.none')}</dd>
          </dl>
        </section>
      )}

      <section aria-labelledby="integrity-title">
        <h2 id="integrity-title">{t('inspections.result.integrity')}</h2>
        <p data-testid="result-integrity">
          <IntegrityBadge integrity={view.integrity.integrity} />
          {view.integrity.damageText && <span className="integrity-text">{view.integrity.damageText[lang]}</span>}
        </p>
      </section>

      <details className="result-all">
        <summary>{t('inspections.result.allItems', { count: all.length })}</summary>
        <ol className="result-all-items">
          {all.map(({ item, n }) => {
            const record = view.items[item.id];
            return (
              <li key={item.id} data-item={item.id}>
                <span className="item-number">{t('inspections.item.number', { n })}</span>{' '}
                <ResultBadge result={view.score.results[item.id] ?? 'unanswered'} /> {pick(item.text, lang)}
                {item.kind !== 'yes-no' && record?.answer && (
                  <span className="muted"> — {answerText(item, record.answer as Answer, lang, t)}</span>
                )}
              </li>
            );
          })}
        </ol>
      </details>
    </section>
  );
}

function SectionScores({ view }: { view: InspectionView }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const progress = sectionProgress(view.body, view.score.results);
  return (
    <section aria-labelledby="sections-title">
      <h2 id="sections-title">{t('inspections.result.bySection')}</h2>
      <table className="insp-table section-table">
        <caption className="visually-hidden">{t('inspections.result.sectionCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('inspections.result.section')}</th>
            <th scope="col">{t('inspections.result.sectionScore')}</th>
            <th scope="col">{t('inspections.result.sectionItems')}</th>
            <th scope="col">{t('inspections.result.sectionFailed')}</th>
          </tr>
        </thead>
        <tbody>
          {view.body.sections.map((section, i) => {
            const score = view.score.sections.find((s) => s.id === section.id);
            const p = progress[i]!;
            return (
              <tr key={section.id} data-section={section.id}>
                <th scope="row">{pick(section.title, lang)}</th>
                <td>{percentText(score?.percent ?? null, t)}</td>
                <td>{t('inspections.conduct.sectionProgress', { answered: p.answered, total: p.total })}</td>
                <td className={p.failed > 0 ? 'cell-failed' : undefined}>{p.failed}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('inspections.result.total')}</th>
            <td colSpan={3}>
              <strong>{percentText(view.score.percent, t)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
