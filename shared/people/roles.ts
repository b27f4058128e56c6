// People who use Guardbook: the four roles in rising order of authority, their labels, and the stored user record.
import { z } from 'zod';
import { SlugSchema } from '../plan/schema';
import { USER_NAME_MAX } from '../limits';
import type { Text } from '../text';

/** In rising order of authority: each role may do everything the roles before it may. */
export const ROLES = ['guard', 'trainer', 'manager', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_LABELS: Readonly<Record<Role, Readonly<Text>>> = {
  guard: { 'zh-CN': '保安', en: 'Guard' },
  trainer: { 'zh-CN': '培训员', en: 'Trainer' },
  manager: { 'zh-CN': '安全主管', en: 'Security manager' },
  admin: { 'zh-CN': '管理员', en: 'Administrator' },
};

export { USER_NAME_MAX };

/** One user as stored. The PIN is only ever kept as its hash (see electron/people/pinHash.ts). */
export const UserSchema = z.strictObject({
  id: SlugSchema,
  name: z.string().trim().min(1).max(USER_NAME_MAX),
  role: RoleSchema,
  pinHash: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  disabled: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

/** Whether `role` is `minimum` or above it (guard < trainer < manager < admin). */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** A user as the API shows them: never the PIN hash. `lockedUntil` is set while wrong PINs keep them out. */
export const PublicUserSchema = z.object({
  id: SlugSchema,
  name: z.string(),
  role: RoleSchema,
  createdAt: z.string(),
  disabled: z.boolean(),
  lockedUntil: z.string().optional(),
});
export type PublicUser = z.infer<typeof PublicUserSchema>;

/**
 * Who may call a channel: `anyone` (no PIN: starting and running an incident, reading plans and records) or
 * the least role whose PIN must have unlocked the calling window.
 */
export type Access = 'anyone' | Role;

/** Whether a caller whose window is unlocked as `role` (null: nobody has entered a PIN) may use `access`. */
export function mayAccess(access: Access, role: Role | null): boolean {
  if (access === 'anyone') return true;
  return role !== null && roleAtLeast(role, access);
}
