// One line of the history: what a manager filters and searches by, derived from a run's journal.
import { z } from 'zod';
import { RunModeSchema } from '../journal/events';
import type { JournalVerification } from '../journal/verify';
import { pick } from '../plan/labels';
import { CategorySchema, OutcomeSchema } from '../plan/schema';
import type { RunState } from '../run/runState';

export const INTEGRITY = ['verified', 'not-sealed', 'damaged'] as const;
export type Integrity = (typeof INTEGRITY)[number];

export const RunRecordSchema = z.object({
  runId: z.string(),
  planId: z.string(),
  planVersion: z.number().int(),
  planHash: z.string(),
  planTitle: z.object({ 'zh-CN': z.string(), en: z.string() }),
  category: CategorySchema,
  mode: RunModeSchema,
  startedAt: z.string(),
  endedAt: z.string().optional(),
  durationSeconds: z.number().optional(),
  outcome: z.union([OutcomeSchema, z.literal('aborted')]).optional(),
  status: z.enum(['active', 'ended', 'signed-off', 'sealed']),
  operator: z.string().nullable(),
  /** Everyone who acted, as recorded (`by`), the system's own events left out. */
  participants: z.array(z.string()),
  overdueCount: z.number().int(),
  /** All note texts, for searching. */
  notes: z.string(),
  events: z.number().int(),
  integrity: z.enum(INTEGRITY),
  /** Where verification failed, when damaged. */
  damage: z.string().optional(),
});
export type RunRecord = z.infer<typeof RunRecordSchema>;

export function summariseRun(
  state: RunState,
  verification: Pick<JournalVerification, 'ok' | 'seal' | 'failure'>,
): RunRecord {
  const endedAt = state.outcome?.at;
  const integrity: Integrity = !verification.ok ? 'damaged' : verification.seal === 'valid' ? 'verified' : 'not-sealed';
  const participants = [
    ...new Set(state.events.map((e) => e.by).filter((by): by is string => !!by && by !== 'system')),
  ];
  return {
    runId: state.runId,
    planId: state.planRef.id,
    planVersion: state.planRef.version,
    planHash: state.planRef.contentHash,
    planTitle: { 'zh-CN': pick(state.plan.title, 'zh-CN'), en: pick(state.plan.title, 'en') },
    category: state.plan.category,
    mode: state.mode,
    startedAt: state.startedAt,
    ...(endedAt
      ? { endedAt, durationSeconds: Math.round((Date.parse(endedAt) - Date.parse(state.startedAt)) / 1000) }
      : {}),
    ...(state.outcome ? { outcome: state.outcome.outcome } : {}),
    status: state.status,
    operator: state.operator,
    participants,
    overdueCount: state.overdue.length,
    notes: state.notes.map((n) => n.text).join('\n'),
    events: state.events.length,
    integrity,
    ...(verification.failure
      ? {
          damage: `line ${verification.failure.line} (byte ${verification.failure.offset}): ${verification.failure.reason}`,
        }
      : {}),
  };
}
