// One line of the history: what a manager filters and searches by, derived from a run's journal.
import { z } from 'zod';
import { RunModeSchema } from '../journal/events';
import { pick } from '../plan/labels';
import { CategorySchema, OutcomeSchema } from '../plan/schema';
import type { JournalEvent } from '../journal/format';
import type { JournalEventData } from '../journal/events';
import { text } from '../text';
import { TextSchema } from '../textSchema';

/**
 * `verified`: checked now against the bytes on disk, the installation's key and the seal register; `foreign`:
 * validly sealed, but by another installation's key (never shown as verified); `checking`: the index's claim
 * has not been re-checked since this start yet.
 */
export const INTEGRITY = ['verified', 'not-sealed', 'damaged', 'foreign', 'checking'] as const;
export type Integrity = (typeof INTEGRITY)[number];

export const RunRecordSchema = z.object({
  runId: z.string(),
  planId: z.string(),
  planVersion: z.number().int(),
  planHash: z.string(),
  planTitle: TextSchema,
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
  /** The key the seal was made with (its id), when sealed. */
  keyId: z.string().optional(),
  /**
   * The drill exercise the run belongs to; `declared` when it started as a live incident and a trainer declared it an
   * unannounced drill (then `mode` is `drill`: both facts are on the record).
   */
  exercise: z
    .object({ id: z.string(), title: z.string(), declared: z.object({ at: z.string(), name: z.string() }).optional() })
    .optional(),
  /** The run this one was started from as a follow-on (escalation). */
  escalatedFrom: z.object({ runId: z.string(), planId: z.string() }).optional(),
  /** Follow-on runs started from this one, in order. */
  escalatedTo: z.array(z.object({ runId: z.string(), planId: z.string() })).optional(),
});
export type RunRecord = z.infer<typeof RunRecordSchema>;

/** What summariseRun takes from judgeIntegrity's answer (integrity.ts imports this module, so not the reverse). */
export interface JudgedIntegrity {
  integrity: Exclude<Integrity, 'checking'>;
  damage?: string;
  keyId?: string;
}

/**
 * A run's history line from its journal events alone. Everything it holds is stated by the events themselves
 * (the start, ends, sign-off, seal, notes, overdue marks, who acted), so no plan machine is run: the index is
 * rebuilt and re-checked at the cost of verifying the bytes, not of replaying every run.
 */
export function summariseRun(events: readonly JournalEvent[], judged: JudgedIntegrity): RunRecord {
  const first = events[0];
  if (!first || first.type !== 'run.started') throw new Error('a run journal starts with run.started');
  const started = first.data as JournalEventData<'run.started'>;
  const plan = started.plan.body;
  let status: RunRecord['status'] = 'active';
  let ended: JournalEvent | undefined;
  let overdueCount = 0;
  const notes: string[] = [];
  const participants = new Set<string>();
  const escalatedTo: { runId: string; planId: string }[] = [];
  let declared: JournalEventData<'drill.declared'> | undefined;
  let declaredAt = '';
  for (const event of events) {
    if (event.by && event.by !== 'system') participants.add(event.by);
    switch (event.type) {
      case 'run.ended':
        status = 'ended';
        ended = event;
        break;
      case 'run.signedOff':
        status = 'signed-off';
        break;
      case 'run.sealed':
        status = 'sealed';
        break;
      case 'step.overdue':
        overdueCount++;
        break;
      case 'note.added':
        notes.push((event.data as { text: string }).text);
        break;
      case 'run.escalated': {
        const { to } = event.data as JournalEventData<'run.escalated'>;
        escalatedTo.push({ runId: to.runId, planId: to.planId });
        break;
      }
      case 'drill.declared':
        declared = event.data as JournalEventData<'drill.declared'>;
        declaredAt = event.at;
        break;
    }
  }
  const exercise = declared
    ? { id: declared.exercise.id, title: declared.exercise.title, declared: { at: declaredAt, name: declared.name } }
    : started.exercise && { id: started.exercise.id, title: started.exercise.title };
  const outcome = (ended?.data as JournalEventData<'run.ended'> | undefined)?.outcome;
  return {
    runId: started.runId,
    planId: started.plan.id,
    planVersion: started.plan.version,
    planHash: started.plan.contentHash,
    planTitle: text(pick(plan.title, 'zh-CN'), pick(plan.title, 'en')),
    category: plan.category,
    mode: declared ? 'drill' : started.mode,
    ...(exercise ? { exercise } : {}),
    startedAt: first.at,
    ...(ended
      ? { endedAt: ended.at, durationSeconds: Math.round((Date.parse(ended.at) - Date.parse(first.at)) / 1000) }
      : {}),
    ...(outcome ? { outcome } : {}),
    status,
    operator: started.operator,
    participants: [...participants],
    overdueCount,
    notes: notes.join('\n'),
    events: events.length,
    integrity: judged.integrity,
    ...(judged.damage ? { damage: judged.damage } : {}),
    ...(judged.keyId ? { keyId: judged.keyId } : {}),
    ...(started.from ? { escalatedFrom: { runId: started.from.runId, planId: started.from.planId } } : {}),
    ...(escalatedTo.length > 0 ? { escalatedTo } : {}),
  };
}
