// What a window knows about who is at the PC: the person on duty (claimed, no PIN) and, after a PIN, the user
// who unlocked it, until it locks itself after a spell without use.
import { z } from 'zod';
import { SlugSchema } from '../plan/schema';
import { RoleSchema } from './userSchema';
import { TextSchema } from '../textSchema';
import { PIN_INPUT_MAX } from '../limits';

export const SessionViewSchema = z.object({
  /** No user exists yet: the first start offers to create the administrator (incidents work regardless). */
  setupNeeded: z.boolean(),
  /** The user store could not be read: nobody can unlock until it is repaired; incidents still work. */
  storeProblem: TextSchema.optional(),
  /** Who said they are on duty at this PC (no PIN, so never proof); null: unidentified. Shared by all windows. */
  onDuty: z
    .object({ userId: SlugSchema, name: z.string(), role: RoleSchema, since: z.string(), until: z.string() })
    .nullable(),
  /** The user whose PIN unlocked this window, and when it locks itself unless used again. */
  unlocked: z
    .object({ userId: SlugSchema, name: z.string(), role: RoleSchema, expiresAt: z.string(), idleMs: z.number() })
    .nullable(),
});
export type SessionView = z.infer<typeof SessionViewSchema>;

/** A PIN as typed: the length and digit rules are checked by the backend, which says what is wrong. */
export const PinInputSchema = z.string().min(1).max(PIN_INPUT_MAX);
