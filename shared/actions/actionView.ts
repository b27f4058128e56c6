// What the API shows of an improvement action: its state from the actions log, and while open how many local days
// are left until it is due (negative: overdue).
import { z } from 'zod';
import { AttachmentRefSchema } from '../evidence/attachment';
import { PersonRefSchema } from '../library/libraryLog';
import { ACTION_HISTORY_KINDS, ACTION_STATUSES, ActionSpecSchema } from './actionLog';

const FixSchema = z.object({
  at: z.string(),
  by: PersonRefSchema,
  note: z.string(),
  attachments: z.array(AttachmentRefSchema),
});

export const ActionViewSchema = z.object({
  id: z.string(),
  spec: ActionSpecSchema,
  status: z.enum(ACTION_STATUSES),
  opened: z.object({ at: z.string(), by: PersonRefSchema }),
  history: z.array(
    z.object({
      at: z.string(),
      by: PersonRefSchema,
      what: z.enum(ACTION_HISTORY_KINDS),
      note: z.string(),
      attachments: z.array(AttachmentRefSchema).optional(),
    }),
  ),
  draftOpened: z.object({ at: z.string(), by: PersonRefSchema }).optional(),
  fixed: FixSchema.optional(),
  closed: z
    .object({
      at: z.string(),
      by: PersonRefSchema,
      status: z.enum(['done', 'dropped']),
      note: z.string(),
      version: z.object({ planId: z.string(), version: z.number().int(), contentHash: z.string() }).optional(),
      checkedFix: FixSchema.optional(),
    })
    .optional(),
  daysLeft: z.number().int().optional(),
  overdue: z.boolean().optional(),
});
export type ActionView = z.infer<typeof ActionViewSchema>;
