// The API's schemas for runs: what the renderer receives. Kept apart from toRunView (which needs the plan
// machine) so that the renderer's bundle does not pull in xstate through the API map.
import { z } from 'zod';
import { RunModeSchema } from '../journal/events';
import { OutcomeSchema, PlanSchema } from '../plan/schema';
import { CloseOutSchema } from './closeOut';
import { TextSchema } from '../textSchema';

/** How a step visit ended; `ongoing` while the step is still current when the record stops. */
export const VisitEndSchema = z.enum([
  'completed',
  'chosen',
  'timed-out',
  'joined',
  'interrupted',
  'aborted',
  'ongoing',
]);
export type VisitEnd = z.infer<typeof VisitEndSchema>;

/** One visit of a step: from when the plan machine made it current to when it was left (shared/run/stepVisits.ts). */
export const StepVisitSchema = z.object({
  step: z.string(),
  kind: z.enum(['action', 'decision', 'parallel']),
  /** The parallel step whose track holds this step. */
  parallel: z.string().optional(),
  role: z.string().optional(),
  enteredAt: z.string(),
  /** Absent while the step is still current. */
  leftAt: z.string().optional(),
  end: VisitEndSchema,
  /** Up to `leftAt`, or for a visit still open up to the last event (or the moment it was timed to). */
  seconds: z.number(),
  targetSeconds: z.number().optional(),
  overTarget: z.boolean(),
  /** When the engine recorded this visit as overdue (`step.overdue`). */
  overdueAt: z.string().optional(),
  /** Checklist items not ticked when the step was completed (checklists never block completion). */
  skipped: z.array(z.string()).optional(),
});
export type StepVisit = z.infer<typeof StepVisitSchema>;

export const DecisionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('chosen'),
    at: z.string(),
    step: z.string(),
    option: z.string(),
    by: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('timed-out'),
    at: z.string(),
    step: z.string(),
    seconds: z.number(),
    next: z.string().optional(),
  }),
]);
export type Decision = z.infer<typeof DecisionSchema>;

export const ProblemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('overdue'),
    at: z.string(),
    step: z.string(),
    seconds: z.number(),
    targetSeconds: z.number(),
  }),
  z.object({
    kind: z.literal('timeout'),
    at: z.string(),
    step: z.string(),
    seconds: z.number(),
    next: z.string().optional(),
  }),
  z.object({ kind: z.literal('aborted'), at: z.string(), reason: z.string() }),
  z.object({ kind: z.literal('skipped'), at: z.string(), step: z.string(), items: z.array(z.string()) }),
  z.object({ kind: z.literal('recovered'), at: z.string(), bytes: z.number() }),
  z.object({ kind: z.literal('note'), at: z.string(), text: z.string(), step: z.string().optional() }),
]);
export type Problem = z.infer<typeof ProblemSchema>;

/** What a run's record says beyond its timeline (shared/run/findings.ts). */
export const RunFindingsSchema = z.object({
  /** Everyone recorded as acting, the operator and the signer; the engine's own events left out. */
  participants: z.array(z.string()),
  /** Choices made at decision steps, and the branches taken because no one acted in time. */
  decisions: z.array(DecisionSchema),
  /** In time order, notes last. */
  problems: z.array(ProblemSchema),
});
export type RunFindings = z.infer<typeof RunFindingsSchema>;

const TimelineEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  type: z.string(),
  by: z.string().nullable(),
  data: z.unknown(),
});

export const RunViewSchema = z.object({
  runId: z.string(),
  /** A drill from the start, or since it was declared one (then `startedAs` is `incident`). */
  mode: RunModeSchema,
  startedAs: RunModeSchema,
  /** The drill exercise this run belongs to; `declared` when a live run was declared an unannounced drill of it. */
  exercise: z
    .object({
      id: z.string(),
      title: z.string(),
      declared: z.object({ at: z.string(), userId: z.string(), name: z.string() }).optional(),
    })
    .optional(),
  /** The exercise's injects delivered so far, oldest first: the runner shows each as a marked card. */
  injects: z.array(
    z.object({
      injectId: z.string(),
      text: z.string(),
      toRole: z.string().optional(),
      stepId: z.string().optional(),
      scenarioSeconds: z.number(),
      manual: z.boolean(),
      at: z.string(),
      by: z.string().nullable(),
    }),
  ),
  plan: PlanSchema,
  planRef: z.object({ id: z.string(), version: z.number().int(), contentHash: z.string() }),
  operator: z.string().nullable(),
  branch: z.object({ name: z.string(), code: z.string() }),
  startedAt: z.string(),
  status: z.enum(['active', 'ended', 'signed-off', 'sealed']),
  active: z.array(
    z.object({
      step: z.string(),
      enteredAt: z.string(),
      overdueAt: z.string().optional(),
      targetAt: z.string().optional(),
      timeoutAt: z.string().optional(),
    }),
  ),
  /** What the operator can do now (timeouts are never offered: the engine writes them). */
  available: z.array(
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('COMPLETE'), step: z.string() }),
      z.object({ type: z.literal('CHOOSE'), step: z.string(), option: z.string() }),
      z.object({ type: z.literal('CHECK'), step: z.string(), item: z.string() }),
    ]),
  ),
  checked: z.record(z.string(), z.array(z.string())),
  called: z.array(z.object({ step: z.string(), contact: z.string(), phone: z.string(), at: z.string() })),
  notes: z.array(
    z.object({ text: z.string(), step: z.string().optional(), at: z.string(), by: z.string().nullable() }),
  ),
  overdue: z.array(z.object({ step: z.string(), due: z.string(), at: z.string() })),
  outcome: z
    .object({
      outcome: z.union([OutcomeSchema, z.literal('aborted')]),
      endStep: z.string().optional(),
      at: z.string(),
      reason: z.string().optional(),
    })
    .optional(),
  signedOff: z
    .object({
      name: z.string(),
      note: z.string().optional(),
      at: z.string(),
      /** Confirmed with the signer's PIN; false: a typed name. */
      verified: z.boolean(),
      userId: z.string().optional(),
    })
    .optional(),
  /** A live incident's close-out, the last one written (with when and by whom). */
  closeOut: CloseOutSchema.extend({ at: z.string(), by: z.string().nullable() }).optional(),
  sealed: z.object({ keyId: z.string(), head: z.string(), at: z.string() }).optional(),
  recovered: z.array(z.object({ sidecar: z.string(), bytes: z.number(), at: z.string() })),
  /** The journal file vanished or was replaced while live, and was written again from what was acknowledged. */
  rewritten: z.array(z.object({ reason: z.enum(['deleted', 'replaced']), events: z.number(), at: z.string() })),
  timeline: z.array(TimelineEntrySchema),
  /** The plan is silent (robbery, hostage taking): no sound and nothing flashing while it runs. */
  silent: z.boolean(),
  /** Follow-on plans the run offers now (shared/run/followOns.ts): the runner shows each as one big button. */
  followOns: z.array(z.object({ planId: z.string(), step: z.string(), option: z.string().optional() })),
  /** The run this one was started from (escalation). */
  escalatedFrom: z.object({ runId: z.string(), planId: z.string() }).optional(),
  /** Follow-on runs started from this one. */
  escalatedTo: z.array(
    z.object({
      runId: z.string(),
      planId: z.string(),
      step: z.string().optional(),
      option: z.string().optional(),
      at: z.string(),
      by: z.string().nullable(),
    }),
  ),
  /** Every step visit in the order the steps became current; open ones timed up to the last event. */
  visits: z.array(StepVisitSchema),
  findings: RunFindingsSchema,
  head: z.string(),
  /** Set when the journal could not be written: nothing after it is recorded until this is resolved. */
  writeError: z.object({ code: z.string(), message: TextSchema }).optional(),
});
export type RunView = z.infer<typeof RunViewSchema>;

export const RunSummarySchema = z.object({
  runId: z.string(),
  mode: RunModeSchema,
  planId: z.string(),
  planTitle: TextSchema,
  startedAt: z.string(),
  status: z.enum(['active', 'ended', 'signed-off', 'sealed']),
  current: z.array(z.string()),
  /** The current steps' titles, from the plan version the run follows. */
  currentTitles: z.array(TextSchema),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;
