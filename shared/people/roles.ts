// People who use Guardbook: the four roles in rising order of authority, their labels, and the user record's shape.
// Zod-free (the renderer's first load builds no schema): the schemas are in ./userSchema.
import { USER_NAME_MAX } from '../limits';
import type { Text } from '../text';

/** In rising order of authority: each role may do everything the roles before it may. */
export const ROLES = ['guard', 'trainer', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, Readonly<Text>>> = {
  guard: { 'zh-CN': '保安', en: 'Guard' },
  trainer: { 'zh-CN': '培训员', en: 'Trainer' },
  manager: { 'zh-CN': '安全主管', en: 'Security manager' },
  admin: { 'zh-CN': '管理员', en: 'Administrator' },
};

export { USER_NAME_MAX };

/** One user as stored. The PIN is only ever kept as its hash (see electron/people/pinHash.ts). */
export interface User {
  id: string;
  name: string;
  role: Role;
  pinHash: string;
  createdAt: string;
  disabled: boolean;
}

/** Whether `role` is `minimum` or above it (guard < trainer < manager < admin). */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** A user as the API shows them: never the PIN hash. `lockedUntil` is set while wrong PINs keep them out. */
export interface PublicUser {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
  lockedUntil?: string;
}

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
