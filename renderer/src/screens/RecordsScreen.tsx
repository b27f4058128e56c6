// Records (处置记录), in two tabs: incidents and drills (the history newest first, filtered and searched, one row per
// run) and inspections (renderer/src/inspectionReport/InspectionRecords.tsx, loaded when the tab is first opened).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../shared/api/channels';
import { usePush } from '../api/ApiContext';
import { LoadState } from '../components/LoadState';
import { RecordFilterBar } from '../records/RecordFilterBar';
import { hasFilters, loadFilters, saveFilters, toRecordQuery, type RecordFilters } from '../records/recordFilters';
import { RecordList } from '../records/RecordList';
import { useRecordPages } from '../records/useRecordPages';
import type { AsyncState } from '../app/useAsync';
import {
  InspectionRecordsPanel,
  RecordsTabList,
  RecordsTabPanel,
  useRecordsTab,
} from '../inspectionReport/RecordsTabs';

/** The index re-reads a changed journal a moment after the change; asking sooner would show the old line. */
const AFTER_INDEX_REFRESH_MS = 600;

export function RecordsScreen({ plans }: { plans: PlanSummary[] }) {
  const { t } = useTranslation();
  const [tab, setTab] = useRecordsTab();
  return (
    <section className="records-screen" aria-labelledby="records-title">
      <div className="records-head">
        <h1 id="records-title">{t('records.title')}</h1>
        <RecordsTabList tab={tab} onChange={setTab} />
      </div>
      <RecordsTabPanel tab="runs" shown={tab}>
        <RunRecords plans={plans} />
      </RecordsTabPanel>
      <RecordsTabPanel tab="inspections" shown={tab}>
        <InspectionRecordsPanel />
      </RecordsTabPanel>
    </section>
  );
}

function RunRecords({ plans }: { plans: PlanSummary[] }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<RecordFilters>(loadFilters);
  const query = useMemo(() => toRecordQuery(filters), [filters]);
  const pages = useRecordPages(query);
  const onChange = useCallback((next: RecordFilters) => {
    saveFilters(next);
    setFilters(next);
  }, []);

  // A run in progress elsewhere (or just sealed) changes its line: fetch again once the index has caught up.
  const { refresh } = pages;
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  usePush(
    'run.changed',
    useCallback(() => {
      clearTimeout(timer.current);
      timer.current = setTimeout(refresh, AFTER_INDEX_REFRESH_MS);
    }, [refresh]),
  );

  const state: AsyncState<number> =
    pages.total !== undefined
      ? { status: 'ready', value: pages.total }
      : pages.error
        ? { status: 'error', error: pages.error }
        : { status: 'loading' };
  return (
    <>
      <p className="records-count" role="status">
        {pages.total !== undefined && t('records.count', { count: pages.total })}
      </p>
      <RecordFilterBar filters={filters} onChange={onChange} plans={plans} />
      <LoadState state={state} retry={pages.retry}>
        {(total) =>
          total === 0 ? (
            <p className="records-empty">{hasFilters(filters) ? t('records.noMatch') : t('records.empty')}</p>
          ) : (
            <RecordList pages={pages} total={total} />
          )
        }
      </LoadState>
    </>
  );
}
