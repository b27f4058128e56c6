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

export function queryRecords(records: readonly RunRecord[], input: RecordQuery): RecordPage {
  const q = RecordQuerySchema.parse(input);
  const text = q.text?.trim().toLowerCase();
  const toEnd = q.to && q.to.length <= 10 ? `${q.to}T23:59:59.999Z` : q.to; // a date means the whole day
  const matches = records.filter(
    (r) =>
      (!q.mode || r.mode === q.mode) &&
      (!q.planId || r.planId === q.planId) &&
      (!q.category || r.category === q.category) &&
      (!q.outcome || r.outcome === q.outcome) &&
      (!q.operator || r.operator === q.operator || r.participants.includes(q.operator)) &&
      (!q.from || r.startedAt >= q.from) &&
      (!toEnd || r.startedAt <= toEnd) &&
      (!text ||
        r.notes.toLowerCase().includes(text) ||
        r.planTitle['zh-CN'].toLowerCase().includes(text) ||
        r.planTitle.en.toLowerCase().includes(text) ||
        (r.operator ?? '').toLowerCase().includes(text)),
  );
  matches.sort((a, b) =>
    a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : b.runId.localeCompare(a.runId),
  );
  return { total: matches.length, items: matches.slice(q.offset, q.offset + q.limit) };
}
