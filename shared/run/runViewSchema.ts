// The API's schemas for runs: what the renderer receives. Kept apart from toRunView (which needs the plan
// machine) so that the renderer's bundle does not pull in xstate through the API map.
import { z } from 'zod';
import { RunModeSchema } from '../journal/events';
import { OutcomeSchema, PlanSchema } from '../plan/schema';

const TimelineEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  type: z.string(),
  by: z.string().nullable(),
  data: z.unknown(),
});

export const RunViewSchema = z.object({
  runId: z.string(),
  mode: RunModeSchema,
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
  signedOff: z.object({ name: z.string(), note: z.string().optional(), at: z.string() }).optional(),
  sealed: z.object({ keyId: z.string(), head: z.string(), at: z.string() }).optional(),
  recovered: z.array(z.object({ sidecar: z.string(), bytes: z.number(), at: z.string() })),
  /** The journal file vanished or was replaced while live, and was written again from what was acknowledged. */
  rewritten: z.array(z.object({ reason: z.enum(['deleted', 'replaced']), events: z.number(), at: z.string() })),
  timeline: z.array(TimelineEntrySchema),
  head: z.string(),
  /** Set when the journal could not be written: nothing after it is recorded until this is resolved. */
  writeError: z.object({ code: z.string(), message: z.object({ 'zh-CN': z.string(), en: z.string() }) }).optional(),
});
export type RunView = z.infer<typeof RunViewSchema>;

export const RunSummarySchema = z.object({
  runId: z.string(),
  mode: RunModeSchema,
  planId: z.string(),
  planTitle: z.object({ 'zh-CN': z.string(), en: z.string() }),
  startedAt: z.string(),
  status: z.enum(['active', 'ended', 'signed-off', 'sealed']),
  current: z.array(z.string()),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;
