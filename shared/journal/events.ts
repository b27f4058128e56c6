// The event types a run journal holds, their data schemas, and how they drive the plan's machine.
import { z } from 'zod';
import type { RunEvent } from '../plan/compile';
import { OutcomeSchema, PlanSchema, SlugSchema } from '../plan/schema';
import { CloseOutSchema } from './closeOutSchema';
import { ABORT_REASON_MAX, EXERCISE_LIMITS, NOTE_MAX, SIGN_OFF_NAME_MAX, SIGN_OFF_NOTE_MAX } from '../limits';

export const RUN_MODES = ['incident', 'drill'] as const;
export const RunModeSchema = z.enum(RUN_MODES);
export type RunMode = z.infer<typeof RunModeSchema>;

const at = z.string().datetime({ offset: true });

/** The exercise a drill run belongs to, as it was named when the run joined it. */
export const ExerciseRefSchema = z.object({ id: SlugSchema, title: z.string() });
export type ExerciseRef = z.infer<typeof ExerciseRefSchema>;

export const journalEventData = {
  /** The first line: the run and the full plan version it follows, so the record stands alone. */
  'run.started': z.object({
    runId: z.string(),
    mode: RunModeSchema,
    plan: z.object({ id: SlugSchema, version: z.number().int(), contentHash: z.string(), body: PlanSchema }),
    operator: z.string().nullable(),
    branch: z.object({ name: z.string(), code: z.string() }),
    /** Set when this run was started from another run's follow-on (escalation): that run, and its plan. */
    from: z.object({ runId: z.string(), planId: SlugSchema }).optional(),
    /** Set when this run is an announced drill exercise's run (shared/drills/exercise.ts). */
    exercise: ExerciseRefSchema.optional(),
  }),
  /**
   * A run started as a live incident was declared an unannounced drill of a planned exercise, by a trainer: from
   * here on it is a drill. What was recorded before stays as it was (started as live); both facts are the record.
   */
  'drill.declared': z.object({ exercise: ExerciseRefSchema, userId: SlugSchema, name: z.string() }),
  /**
   * An inject of the exercise delivered to the players: its text and addressee as delivered, the scenario time, and
   * whether the trainer fired it by hand (else it fell due on the schedule; `by` is then \`system\`).
   */
  'inject.delivered': z.object({
    exerciseId: SlugSchema,
    injectId: SlugSchema,
    text: z.string().min(1).max(EXERCISE_LIMITS.text),
    toRole: SlugSchema.optional(),
    stepId: SlugSchema.optional(),
    scenarioSeconds: z.number().int().min(0),
    manual: z.boolean(),
  }),
  'step.completed': z.object({ step: SlugSchema }),
  'option.chosen': z.object({ step: SlugSchema, option: SlugSchema }),
  'checklist.ticked': z.object({ step: SlugSchema, item: SlugSchema }),
  'contact.called': z.object({ step: SlugSchema, contact: SlugSchema, phone: z.string() }),
  'note.added': z.object({ text: z.string().min(1).max(NOTE_MAX), step: SlugSchema.optional() }),
  /** A soft target passed: shown and recorded, the run goes on. `due` is when it passed. */
  'step.overdue': z.object({ step: SlugSchema, due: at, targetSeconds: z.number() }),
  /** A hard timeout passed: the run takes the step's timeout branch. */
  'step.timeout': z.object({ step: SlugSchema, due: at, seconds: z.number() }),
  'run.aborted': z.object({ reason: z.string().min(1).max(ABORT_REASON_MAX) }),
  /**
   * A follow-on plan was started from this run (written once the new run's first line is durable): the new run, and
   * the step (and option) whose follow-on it was. It records; it does not move this run's machine.
   */
  'run.escalated': z.object({
    to: z.object({ runId: z.string(), planId: SlugSchema }),
    step: SlugSchema.optional(),
    option: SlugSchema.optional(),
  }),
  /** The machine reached an end step (written by the engine right after the event that got there). */
  'run.ended': z.object({ outcome: z.union([OutcomeSchema, z.literal('aborted')]), endStep: SlugSchema.optional() }),
  /**
   * `verified`: the signer confirmed with their PIN (`userId` is who); absent in journals from before PINs, which
   * read as a typed, unverified name. The PIN itself is never written.
   */
  'run.signedOff': z.object({
    name: z.string().min(1).max(SIGN_OFF_NAME_MAX),
    note: z.string().max(SIGN_OFF_NOTE_MAX).optional(),
    verified: z.boolean().optional(),
    userId: SlugSchema.optional(),
  }),
  /** A live incident's close-out (closeOutSchema.ts); may be written again before sign-off, the last counts. */
  'incident.closedOut': CloseOutSchema,
  /** The head hash signed with the installation's Ed25519 key. Nothing may follow it. */
  'run.sealed': z.object({ head: z.string(), signature: z.string(), publicKey: z.string(), keyId: z.string() }),
  /** A torn last line was moved aside when the journal was reopened. */
  'journal.recovered': z.object({ sidecar: z.string(), bytes: z.number().int(), reason: z.string() }),
  /**
   * The journal file was deleted or replaced while the run was live: it was written again, whole, from the
   * events already acknowledged (`events` of them), and a replacing file found at the path was kept aside.
   */
  'journal.rewritten': z.object({
    reason: z.enum(['deleted', 'replaced']),
    events: z.number().int(),
    displaced: z.string().optional(),
  }),
} as const;

export type JournalEventType = keyof typeof journalEventData;
export type JournalEventData<T extends JournalEventType> = z.infer<(typeof journalEventData)[T]>;
export const JOURNAL_EVENT_TYPES = Object.keys(journalEventData) as JournalEventType[];

/** The machine event a journal event stands for; events that only record (notes, calls…) have none. */
export function machineEventOf(type: string, data: unknown): RunEvent | undefined {
  const d = data as Record<string, string>;
  switch (type) {
    case 'step.completed':
      return { type: 'COMPLETE', step: d.step! };
    case 'option.chosen':
      return { type: 'CHOOSE', step: d.step!, option: d.option! };
    case 'checklist.ticked':
      return { type: 'CHECK', step: d.step!, item: d.item! };
    case 'step.timeout':
      return { type: 'TIMEOUT', step: d.step! };
    case 'run.aborted':
      return { type: 'ABORT', reason: d.reason! };
    default:
      return undefined;
  }
}
