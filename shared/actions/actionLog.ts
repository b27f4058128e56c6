// Improvement actions (整改措施) and rectifications (整改) — the branch's one action tracker: each area for improvement
// found by a drill and each item an inspection failed becomes an action with an owner, a due date and a status, on a
// hash-chained log in the journals' line format. An action that needs a plan change is closed by the published version
// that makes it, and says which version that was. An action that names the evidence closing it (every inspection
// rectification) is closed only by a second person checking the fix reported with that evidence.
import { z } from 'zod';
import type { JournalEvent } from '../journal/format';
import type { ChainFormat } from '../journal/verify';
import { AttachmentRefSchema, type AttachmentRef } from '../evidence/attachment';
import { PersonRefSchema, type PersonRef } from '../library/libraryLog';
import { ACTION_LIMITS } from '../limits';
import { SlugSchema } from '../plan/schema';

/** Where an action came from: a drill's finding, or an item an inspection failed. */
export const ActionSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('drill'), exerciseId: SlugSchema, title: z.string(), findingId: SlugSchema.optional() }),
  z.object({
    kind: z.literal('inspection'),
    inspectionId: SlugSchema,
    title: z.string(),
    itemId: SlugSchema,
    critical: z.boolean(),
  }),
]);
export type ActionSource = z.infer<typeof ActionSourceSchema>;

/** Who must do it: a user of the app, or someone named from outside. */
export const OwnerSchema = z.object({
  userId: SlugSchema.optional(),
  name: z.string().trim().min(1).max(ACTION_LIMITS.owner),
});
export type Owner = z.infer<typeof OwnerSchema>;

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ActionSpecSchema = z.strictObject({
  title: z.string().trim().min(1).max(ACTION_LIMITS.title),
  source: ActionSourceSchema,
  owner: OwnerSchema,
  /** The local calendar date it is due by (the branch's time zone). */
  due: localDate,
  /** The plan whose change this action needs, if any: "revise" opens a draft of it, and its publication closes it. */
  planId: SlugSchema.optional(),
  /** What closing it needs (a photo of the repaired lock): then it closes only by a fix reported with evidence and
   * checked by someone else. */
  evidence: z.string().trim().min(1).max(ACTION_LIMITS.note).optional(),
});
export type ActionSpec = z.infer<typeof ActionSpecSchema>;

/** `fixed`: reported put right, awaiting a second person's check. Overdue is not a status: it is judged by date. */
export const ACTION_STATUSES = ['open', 'in-progress', 'fixed', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const actionLogData = {
  'actions.started': z.object({
    installation: z.string(),
    afterDamaged: z.object({ file: z.string(), line: z.number().int(), reason: z.string() }).optional(),
  }),
  'action.opened': z.object({ actionId: SlugSchema, spec: ActionSpecSchema, by: PersonRefSchema }),
  /** A change of owner, due date or status (to in-progress), with a note. */
  'action.updated': z.object({
    actionId: SlugSchema,
    owner: OwnerSchema.optional(),
    due: localDate.optional(),
    status: z.literal('in-progress').optional(),
    note: z.string().max(ACTION_LIMITS.note).default(''),
    by: PersonRefSchema,
  }),
  /** A draft of the action's plan was opened for it. */
  'action.draftOpened': z.object({ actionId: SlugSchema, planId: SlugSchema, by: PersonRefSchema }),
  /** Done (by hand, or by a published version of its plan: `version`) or dropped, and why. */
  'action.closed': z.object({
    actionId: SlugSchema,
    status: z.enum(['done', 'dropped']),
    note: z.string().max(ACTION_LIMITS.note).default(''),
    version: z.object({ planId: SlugSchema, version: z.number().int(), contentHash: z.string() }).optional(),
    by: PersonRefSchema,
  }),
  /** Reported put right, with the evidence (photos or files stored beside the log, hashed here). */
  'action.fixed': z.object({
    actionId: SlugSchema,
    note: z.string().trim().max(ACTION_LIMITS.note),
    attachments: z.array(AttachmentRefSchema).max(10),
    by: PersonRefSchema,
  }),
  /** A second person checked the fix: accepted closes the action (verified), rejected sends it back, with why. */
  'action.checked': z.object({
    actionId: SlugSchema,
    accepted: z.boolean(),
    note: z.string().trim().max(ACTION_LIMITS.note),
    by: PersonRefSchema,
  }),
  'actions.recovered': z.object({ sidecar: z.string(), bytes: z.number().int(), reason: z.string() }),
} as const;

export const ACTION_LOG_FORMAT: ChainFormat = { firstType: 'actions.started', dataSchemas: actionLogData };
export const ACTION_LOG_FILE = 'actions.jsonl';

export interface ActionState {
  id: string;
  spec: ActionSpec;
  status: ActionStatus;
  opened: { at: string; by: PersonRef };
  /** Every update and the close, oldest first: the action's own history. */
  history: { at: string; by: PersonRef; what: ActionHistoryKind; note: string; attachments?: AttachmentRef[] }[];
  draftOpened?: { at: string; by: PersonRef };
  /** The fix reported and awaiting its check (cleared when the check sends it back). */
  fixed?: { at: string; by: PersonRef; note: string; attachments: AttachmentRef[] };
  closed?: {
    at: string;
    by: PersonRef;
    status: 'done' | 'dropped';
    note: string;
    version?: { planId: string; version: number; contentHash: string };
    /** Closed by a second person's check of this fix. */
    checkedFix?: { at: string; by: PersonRef; note: string; attachments: AttachmentRef[] };
  };
}

export const ACTION_HISTORY_KINDS = ['updated', 'draftOpened', 'fixed', 'rejected', 'closed'] as const;
export type ActionHistoryKind = (typeof ACTION_HISTORY_KINDS)[number];

/** Every action in the log, in the order opened. */
export function foldActions(entries: readonly JournalEvent[]): ActionState[] {
  const actions = new Map<string, ActionState>();
  for (const entry of entries) {
    const data = entry.data as { actionId?: string; by?: PersonRef };
    if (entry.type === 'action.opened') {
      const d = entry.data as z.infer<(typeof actionLogData)['action.opened']>;
      actions.set(d.actionId, {
        id: d.actionId,
        spec: d.spec,
        status: 'open',
        opened: { at: entry.at, by: d.by },
        history: [],
      });
      continue;
    }
    const action = data.actionId === undefined ? undefined : actions.get(data.actionId);
    if (!action || action.closed) continue;
    switch (entry.type) {
      case 'action.updated': {
        const d = entry.data as z.infer<(typeof actionLogData)['action.updated']>;
        action.spec = { ...action.spec, ...(d.owner ? { owner: d.owner } : {}), ...(d.due ? { due: d.due } : {}) };
        if (d.status) action.status = d.status;
        action.history.push({ at: entry.at, by: d.by, what: 'updated', note: d.note });
        break;
      }
      case 'action.draftOpened': {
        const d = entry.data as z.infer<(typeof actionLogData)['action.draftOpened']>;
        action.draftOpened = { at: entry.at, by: d.by };
        if (action.status === 'open') action.status = 'in-progress';
        action.history.push({ at: entry.at, by: d.by, what: 'draftOpened', note: '' });
        break;
      }
      case 'action.closed': {
        const d = entry.data as z.infer<(typeof actionLogData)['action.closed']>;
        action.status = d.status;
        action.closed = {
          at: entry.at,
          by: d.by,
          status: d.status,
          note: d.note,
          ...(d.version ? { version: d.version } : {}),
        };
        action.history.push({ at: entry.at, by: d.by, what: 'closed', note: d.note });
        break;
      }
      case 'action.fixed': {
        const d = entry.data as z.infer<(typeof actionLogData)['action.fixed']>;
        action.status = 'fixed';
        action.fixed = { at: entry.at, by: d.by, note: d.note, attachments: d.attachments };
        action.history.push({ at: entry.at, by: d.by, what: 'fixed', note: d.note, attachments: d.attachments });
        break;
      }
      case 'action.checked': {
        const d = entry.data as z.infer<(typeof actionLogData)['action.checked']>;
        if (!action.fixed) break;
        if (d.accepted) {
          action.status = 'done';
          action.closed = { at: entry.at, by: d.by, status: 'done', note: d.note, checkedFix: action.fixed };
          action.history.push({ at: entry.at, by: d.by, what: 'closed', note: d.note });
        } else {
          action.status = 'in-progress';
          delete action.fixed;
          action.history.push({ at: entry.at, by: d.by, what: 'rejected', note: d.note });
        }
        break;
      }
    }
  }
  return [...actions.values()];
}
