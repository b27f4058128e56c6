// People for backend tests: an administrator set up through the API (which unlocks the calling session),
// and users of each role added by them.
import type { Backend } from '../../electron/backend/backend';
import type { Caller } from '../../shared/api/dispatch';
import type { PublicUser, Role } from '../../shared/people/roles';

export const ADMIN_PIN = '246813';
export const PINS: Record<Role, string> = { guard: '135792', trainer: '864201', manager: '975318', admin: ADMIN_PIN };

export async function call<T = unknown>(
  backend: Backend,
  channel: string,
  input: unknown,
  caller?: Caller,
): Promise<T> {
  const result = await backend.call(channel, input, caller);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message.en}`);
  return result.value as T;
}

/** Creates the first administrator (名 管理员) and leaves `caller`'s session unlocked as them. */
export async function setupAdmin(backend: Backend, caller?: Caller): Promise<PublicUser> {
  await call(backend, 'users.setup', { name: '管理员', pin: ADMIN_PIN }, caller);
  const users = await call<PublicUser[]>(backend, 'users.list', {}, caller);
  return users.find((u) => u.role === 'admin')!;
}

/** One user of each role (the administrator from setup among them); `caller` stays unlocked as the admin. */
export async function usersOfEachRole(backend: Backend, caller?: Caller): Promise<Record<Role, PublicUser>> {
  const admin = await setupAdmin(backend, caller);
  const add = (name: string, role: Role) =>
    call<PublicUser>(backend, 'users.add', { name, role, pin: PINS[role] }, caller);
  return {
    guard: await add('王保安', 'guard'),
    trainer: await add('陈培训', 'trainer'),
    manager: await add('李主管', 'manager'),
    admin,
  };
}
