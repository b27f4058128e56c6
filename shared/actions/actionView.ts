// What the API shows of an improvement action: its state from the actions log, and while open how many local days
// are left until it is due (negative: overdue).
import { z } from 'zod';
import { PersonRefSchema } from '../library/libraryLog';
import { ActionSpecSchema } from './actionLog';

export const ActionViewSchema = z.object({
  id: z.string(),
  spec: ActionSpecSchema,
  status: z.enum(['open', 'in-progress', 'done', 'dropped']),
  opened: z.object({ at: z.string(), by: PersonRefSchema }),
  history: z.array(
    z.object({
      at: z.string(),
      by: PersonRefSchema,
      what: z.enum(['updated', 'draftOpened', 'closed']),
      note: z.string(),
    }),
  ),
  draftOpened: z.object({ at: z.string(), by: PersonRefSchema }).optional(),
  closed: z
    .object({
      at: z.string(),
      by: PersonRefSchema,
      status: z.enum(['done', 'dropped']),
      note: z.string(),
      version: z.object({ planId: z.string(), version: z.number().int(), contentHash: z.string() }).optional(),
    })
    .optional(),
  daysLeft: z.number().int().optional(),
  overdue: z.boolean().optional(),
});
export type ActionView = z.infer<typeof ActionViewSchema>;
