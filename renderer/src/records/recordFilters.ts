// The Records screen's filters as the user sets them, and as the query `records.list` takes.
import type { RecordQuery } from '../../../shared/records/recordQuery';
import { localDayEnd, localDayStart } from './recordTime';

export interface RecordFilters {
  mode: '' | 'incident' | 'drill';
  planId: string;
  category: string;
  outcome: string;
  /** Local calendar dates (YYYY-MM-DD), inclusive. */
  from: string;
  to: string;
  operator: string;
  text: string;
}

export const NO_FILTERS: RecordFilters = {
  mode: '',
  planId: '',
  category: '',
  outcome: '',
  from: '',
  to: '',
  operator: '',
  text: '',
};

export function hasFilters(filters: RecordFilters): boolean {
  return (Object.keys(NO_FILTERS) as (keyof RecordFilters)[]).some((k) => filters[k].trim() !== '');
}

/** The query without paging; empty fields are left out (the backend's schema rejects empty ids). */
export function toRecordQuery(filters: RecordFilters): Omit<RecordQuery, 'offset' | 'limit'> {
  const text = filters.text.trim();
  const operator = filters.operator.trim();
  const from = localDayStart(filters.from);
  const to = localDayEnd(filters.to);
  return {
    ...(filters.mode === 'incident' || filters.mode === 'drill' ? { mode: filters.mode } : {}),
    ...(filters.planId ? { planId: filters.planId } : {}),
    ...(filters.category ? { category: filters.category as RecordQuery['category'] } : {}),
    ...(filters.outcome ? { outcome: filters.outcome as RecordQuery['outcome'] } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(operator ? { operator } : {}),
    ...(text ? { text } : {}),
  };
}

const STORAGE_KEY = 'guardbook.records.filters';

/** Filters survive opening a record and coming back (for this window only). */
export function loadFilters(): RecordFilters {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<RecordFilters> | null;
    if (!saved || typeof saved !== 'object') return NO_FILTERS;
    const merged = { ...NO_FILTERS };
    for (const key of Object.keys(NO_FILTERS) as (keyof RecordFilters)[]) {
      if (typeof saved[key] === 'string') (merged as Record<string, string>)[key] = saved[key];
    }
    return merged;
  } catch {
    return NO_FILTERS; // unreadable: start afresh
  }
}

export function saveFilters(filters: RecordFilters): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(filters));
}
