// Filtering, searching and paging the history; pure, so the backend and tests share it.
import { z } from 'zod';
import { RunModeSchema } from '../journal/events';
import { CategorySchema, OutcomeSchema, SlugSchema } from '../plan/schema';
import { RunRecordSchema, type RunRecord } from './runSummary';

export const RecordQuerySchema = z.strictObject({
  mode: RunModeSchema.optional(),
  planId: SlugSchema.optional(),
  category: CategorySchema.optional(),
  outcome: z.union([OutcomeSchema, z.literal('aborted')]).optional(),
  operator: z.string().max(80).optional(),
  /** Inclusive ISO dates or times. */
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  /** Searched in notes, plan titles, operator and participants. */
  text: z.string().max(200).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type RecordQuery = z.input<typeof RecordQuerySchema>;

export const RecordPageSchema = z.object({ total: z.number().int(), items: z.array(RunRecordSchema) });
export type RecordPage = z.infer<typeof RecordPageSchema>;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * A range bound as an instant (ms), or undefined when it is neither an ISO date nor an ISO time with an offset.
 * A bare date is a whole UTC day, as in the history's filter: its first millisecond as a start, its last as an end.
 */
export function rangeInstant(value: string, edge: 'start' | 'end'): number | undefined {
  const date = DATE_ONLY.test(value) ? value : DATE_TIME.exec(value)?.[1];
  if (date === undefined) return undefined;
  // Date.parse rolls 2026-02-30 over into March: a real calendar date reads back unchanged.
  const day = Date.parse(`${date}T00:00:00.000Z`);
  if (Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== date) return undefined;
  if (date === value) return edge === 'start' ? day : day + DAY_MS - 1;
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? undefined : instant;
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
export function queryPrepared(items: readonly QueryableRecord[], input: RecordQuery, sorted = false): RecordPage {
  const q = RecordQuerySchema.parse(input);
  const text = q.text?.trim().toLowerCase();
  const metaText = text && !text.includes('\0') ? text : undefined;
  const toEnd = q.to && q.to.length <= 10 ? `${q.to}T23:59:59.999Z` : q.to; // a date means the whole day
  const matches: RunRecord[] = [];
  for (const { record: r, notes, meta } of items) {
    if (
      (!q.mode || r.mode === q.mode) &&
      (!q.planId || r.planId === q.planId) &&
      (!q.category || r.category === q.category) &&
      (!q.outcome || r.outcome === q.outcome) &&
      (!q.operator || r.operator === q.operator || r.participants.includes(q.operator)) &&
      (!q.from || r.startedAt >= q.from) &&
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
export function queryRecords(records: readonly RunRecord[], input: RecordQuery): RecordPage {
  const memo = new Map<string, string>();
  return queryPrepared(
    records.map((r) => queryable(r, memo)),
    input,
  );
}
