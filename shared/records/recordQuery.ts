// Filtering, searching and paging the history; pure, so the backend and tests share it.
import { z } from 'zod';
import { RunModeSchema } from '../journal/events';
import { CategorySchema, OutcomeSchema, SlugSchema } from '../plan/schema';
import { localDayRange, parseBareDate, systemTimeZone } from '../time/localTime';
import { RunRecordSchema, type RunRecord } from './runSummary';
import { RECORD_OPERATOR_MAX, RECORD_RANGE_BOUND_MAX, RECORD_SEARCH_MAX } from '../limits';

export const RecordQuerySchema = z.strictObject({
  mode: RunModeSchema.optional(),
  planId: SlugSchema.optional(),
  category: CategorySchema.optional(),
  outcome: z.union([OutcomeSchema, z.literal('aborted')]).optional(),
  operator: z.string().max(RECORD_OPERATOR_MAX).optional(),
  /** Inclusive: a bare date is a whole local day of the branch's zone; a time with an offset is that instant. */
  from: z.string().max(RECORD_RANGE_BOUND_MAX).optional(),
  to: z.string().max(RECORD_RANGE_BOUND_MAX).optional(),
  /** Searched in notes, plan titles, operator and participants. */
  text: z.string().max(RECORD_SEARCH_MAX).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type RecordQuery = z.input<typeof RecordQuerySchema>;

export const RecordPageSchema = z.object({ total: z.number().int(), items: z.array(RunRecordSchema) });
export type RecordPage = z.infer<typeof RecordPageSchema>;

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A range bound as an instant (ms), or undefined when it is neither an ISO date nor an ISO time with an offset.
 * A bare date is a whole local day in `timeZone` (the branch's; the system's when not given): its first
 * millisecond as a start, its last as an end. A time with an offset is that instant, whatever the zone.
 */
export function rangeInstant(value: string, edge: 'start' | 'end', timeZone?: string): number | undefined {
  const zone = timeZone ?? systemTimeZone();
  const day = localDayRange(value, zone);
  if (day) return edge === 'start' ? day.start : day.end - 1;
  const date = DATE_TIME.exec(value)?.[1];
  if (date === undefined || !parseBareDate(date)) return undefined;
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? undefined : instant;
}

/**
 * The query with bare-date bounds turned into the instants of those local days in the zone (ISO, UTC), so that
 * whoever answers it (the index, in a process whose zone may differ) needs no zone. Bounds it cannot read stay.
 */
export function withLocalDays<Q extends { from?: string | undefined; to?: string | undefined }>(
  query: Q,
  timeZone: string,
): Q {
  const bound = (value: string | undefined, edge: 'start' | 'end') => {
    const instant = value === undefined ? undefined : rangeInstant(value, edge, timeZone);
    return instant === undefined ? value : new Date(instant).toISOString();
  };
  const from = bound(query.from, 'start');
  const to = bound(query.to, 'end');
  return { ...query, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

/**
 * A record ready to be queried: the text the search looks in, lower-cased once when the record is indexed rather
 * than at every query (lower-casing every run's notes on each search was most of a search's time, and garbage).
 */
export interface QueryableRecord {
  readonly record: RunRecord;
  /** The notes lower-cased: the very same string when they have no capitals (Chinese text has none). */
  readonly notes: string;
  /** Plan titles and operator, lower-cased, each between NULs so that one search cannot match across two. */
  readonly meta: string;
}

/**
 * True when lower-casing cannot change the text because every character lies where nothing has a lower case:
 * ASCII other than A–Z, CJK (U+3000–9FFF) and full-width forms other than Ａ–Ｚ. Anything else says false, and
 * the caller lower-cases. A loop over char codes: ten times faster than a Unicode property regex on Chinese.
 */
function isLowerCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) return false; // A–Z
    } else if (c >= 0x3000 && c <= 0x9fff) {
      continue; // CJK punctuation, kana, ideographs
    } else if (c < 0xff01 || c > 0xffef || (c >= 0xff21 && c <= 0xff3a)) {
      return false; // outside the full-width forms, or Ａ–Ｚ
    }
  }
  return true;
}

/** `memo` shares the meta text among runs of one plan and operator (an index holds thousands of each). */
export function queryable(record: RunRecord, memo?: Map<string, string>): QueryableRecord {
  // Checked first: lower-casing Chinese text copies it (megabytes over a whole history) only to change nothing.
  const lower = isLowerCase(record.notes) ? record.notes : record.notes.toLowerCase();
  const key = `\0${record.planTitle['zh-CN']}\0${record.planTitle.en}\0${record.operator ?? ''}\0`;
  let meta = memo?.get(key);
  if (meta === undefined) {
    meta = key.toLowerCase();
    memo?.set(key, meta);
  }
  return { record, notes: lower === record.notes ? record.notes : lower, meta };
}

/** The history's order: newest first, then by run id (descending) for runs started in the same millisecond. */
export function newestFirst(a: RunRecord, b: RunRecord): number {
  return a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : b.runId.localeCompare(a.runId);
}

/** Queries records already prepared; `sorted` says they are in `newestFirst` order (the index keeps them so). */
export function queryPrepared(
  items: readonly QueryableRecord[],
  input: RecordQuery,
  sorted = false,
  timeZone?: string,
): RecordPage {
  const q = RecordQuerySchema.parse(input);
  const text = q.text?.trim().toLowerCase();
  const metaText = text && !text.includes('\0') ? text : undefined;
  // Start times are ISO in UTC: bounds made the same compare as strings, with no date parsed per run.
  const { from, to: toEnd } = withLocalDays({ from: q.from, to: q.to }, timeZone ?? systemTimeZone());
  const matches: RunRecord[] = [];
  for (const { record: r, notes, meta } of items) {
    if (
      (!q.mode || r.mode === q.mode) &&
      (!q.planId || r.planId === q.planId) &&
      (!q.category || r.category === q.category) &&
      (!q.outcome || r.outcome === q.outcome) &&
      (!q.operator || r.operator === q.operator || r.participants.includes(q.operator)) &&
      (!from || r.startedAt >= from) &&
      (!toEnd || r.startedAt <= toEnd) &&
      (!text || notes.includes(text) || (metaText !== undefined && meta.includes(metaText)))
    ) {
      matches.push(r);
    }
  }
  if (!sorted) matches.sort(newestFirst);
  return { total: matches.length, items: matches.slice(q.offset, q.offset + q.limit) };
}

/** Queries plain records (tests, one-off callers): each is prepared and the matches sorted on every call. */
export function queryRecords(records: readonly RunRecord[], input: RecordQuery, timeZone?: string): RecordPage {
  const memo = new Map<string, string>();
  return queryPrepared(
    records.map((r) => queryable(r, memo)),
    input,
    false,
    timeZone,
  );
}
