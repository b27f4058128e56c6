// The history as a table that renders only the rows in view: fixed row height, a spacer for the rest, and
// pages asked for as they scroll into view. Thousands of runs cost no more to show than twenty.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { OUTCOME_LABELS } from '../../../shared/plan/labels';
import type { Language } from '../../../shared/plan/schema';
import type { RunRecord } from '../../../shared/records/runSummary';
import { hrefFor, navigate } from '../app/router';
import { useLanguage } from '../components/useLanguage';
import { formatDuration } from '../run/time';
import { IntegrityBadge } from './IntegrityBadge';
import { ModeBadge } from './ModeBadge';
import { formatDateTime } from './recordTime';
import type { RecordPages } from './useRecordPages';

export const ROW_HEIGHT = 56;
/** Rows drawn above and below the visible ones, so a quick scroll does not show blanks. */
const OVERSCAN = 8;

const COLUMNS = ['started', 'mode', 'plan', 'outcome', 'duration', 'overdue', 'operator', 'integrity'] as const;

export function RecordList({ pages, total }: { pages: RecordPages; total: number }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const { want } = pages;
  useEffect(() => {
    if (last >= first) want(first, last);
  }, [first, last, want]);

  const rows = [];
  for (let position = first; position <= last; position++) {
    const record = pages.at(position);
    rows.push(
      record ? (
        <RecordRow key={record.runId} record={record} position={position} />
      ) : (
        <div key={`pending-${position}`} role="row" aria-rowindex={position + 2} className="record-row is-pending">
          <span role="cell" className="muted">
            …
          </span>
        </div>
      ),
    );
  }

  return (
    <div role="table" className="record-table" aria-label={t('records.listLabel')} aria-rowcount={total + 1}>
      <div role="rowgroup" className="record-head">
        <div role="row" aria-rowindex={1} className="record-row">
          {COLUMNS.map((column) => (
            <span key={column} role="columnheader" className={`col-${column}`}>
              {t(`records.columns.${column}`)}
            </span>
          ))}
        </div>
      </div>
      {/* Focusable so the list scrolls from the keyboard (arrows, Page Down) as well as by wheel or touch. */}
      <div
        ref={scroller}
        role="rowgroup"
        className="record-scroller"
        tabIndex={0}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div className="record-body" style={{ height: total * ROW_HEIGHT, paddingTop: first * ROW_HEIGHT }}>
          {rows}
        </div>
      </div>
    </div>
  );
}

/** A damaged journal is read only up to the damage: what it says about the end cannot be relied on. */
function outcomeText(record: RunRecord, lang: Language, t: TFunction): string {
  if (record.outcome) return OUTCOME_LABELS[record.outcome][lang];
  if (record.integrity === 'damaged') return t('records.status.unknown');
  return t(`records.status.${record.status}`);
}

function RecordRow({ record, position }: { record: RunRecord; position: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const href = hrefFor({ screen: 'records', runId: record.runId });
  const title = record.planTitle[lang];
  return (
    // The whole row opens the record for a pointer; the title is the link for keyboards and screen readers.
    <div
      role="row"
      aria-rowindex={position + 2}
      className={`record-row mode-${record.mode}`}
      data-run-id={record.runId}
      onClick={(event) => {
        if (!(event.target as HTMLElement).closest('a')) navigate({ screen: 'records', runId: record.runId });
      }}
    >
      <span role="cell" className="col-started">
        <time dateTime={record.startedAt}>{formatDateTime(record.startedAt, false)}</time>
      </span>
      <span role="cell" className="col-mode">
        <ModeBadge mode={record.mode} />
      </span>
      <span role="cell" className="col-plan" title={title}>
        <a href={href}>{title}</a>{' '}
        <span className="muted small">{t('plans.version', { version: record.planVersion })}</span>
      </span>
      <span role="cell" className={`col-outcome outcome-${record.outcome ?? record.status}`}>
        {outcomeText(record, lang, t)}
      </span>
      <span role="cell" className="col-duration">
        {record.durationSeconds !== undefined ? formatDuration(record.durationSeconds) : '—'}
      </span>
      <span role="cell" className={`col-overdue${record.overdueCount > 0 ? ' has-overdue' : ''}`}>
        {record.overdueCount > 0 ? t('records.overdueCount', { count: record.overdueCount }) : '—'}
      </span>
      <span role="cell" className="col-operator">
        {record.operator ?? <span className="muted">{t('records.unidentified')}</span>}
      </span>
      <span role="cell" className="col-integrity">
        <IntegrityBadge integrity={record.integrity} damage={record.damage} keyId={record.keyId} compact />
      </span>
    </div>
  );
}
