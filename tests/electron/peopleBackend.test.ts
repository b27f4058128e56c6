// People through the backend, on real files and a movable clock: first start, PINs with waits and lockouts
// (kept across a restart), idle lock, roles taking effect at once, who is on duty, and the users file's backup.
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { TEST_PIN_HASH_COST } from '../support/pinHashCost';
import { USERS_FILE_NAME } from '../../electron/people/userStore';
import type { Caller } from '../../shared/api/dispatch';
import type { PublicUser } from '../../shared/people/roles';
import type { SessionView } from '../../shared/people/session';
import type { RunView } from '../../shared/run/runView';
import { refusal } from '../support/backends';
import { ADMIN_PIN, call, PINS, setupAdmin, usersOfEachRole } from '../support/people';

const PLANS_DIR = fileURLToPath(new URL('../../plans/', import.meta.url));
const MINUTE = 60_000;
const T0 = Date.parse('2026-03-04T08:00:00.000Z');

const dirs: string[] = [];
const open: Backend[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guardbook-people-'));
  dirs.push(dir);
  return dir;
}

/**
 * A backend on `dataDir` whose clock is `clock.now` (moved by the test), hashing new PINs at the tests' low cost
 * unless `pinHashCost` is `'production'`.
 */
async function start(
  dataDir: string,
  clock = { now: T0 },
  logged: string[] = [],
  pinHashCost: 'test' | 'production' = 'test',
): Promise<Backend> {
  const backend = await createBackend({
    dataDir,
    plansDir: PLANS_DIR,
    host: 'web',
    version: '0',
    clock: () => clock.now,
    ...(pinHashCost === 'test' ? { pinHashCost: TEST_PIN_HASH_COST } : {}),
    log: (message, detail) => logged.push(`${message}: ${String(detail)}`),
  });
  open.push(backend);
  return backend;
}

async function stop(backend: Backend): Promise<void> {
  open.splice(open.indexOf(backend), 1);
  await backend.close();
}

const window = (name: string): Caller => ({ sessionId: name });

describe('first start', () => {
  it('creates the administrator once, unlocks the window, and stores only a salted hash', async () => {
    const dir = tempDir();
    // The one backend test with production's scrypt cost: what a host gets when it passes none.
    const b = await start(dir, undefined, undefined, 'production');
    expect(await call<SessionView>(b, 'session.get', {})).toMatchObject({ setupNeeded: true, unlocked: null });
    // Incidents do not wait for it.
    await call(b, 'runs.start', { planId: 'fire', mode: 'incident' });

    const weak = refusal(await b.call('users.setup', { name: '管理员', pin: '123456' }));
    expect(weak).toMatchObject({ code: 'invalid-input', issues: [{ path: 'pin' }] });
    expect(weak.message['zh-CN']).toContain('连续数字');
    const view = await call<SessionView>(b, 'users.setup', { name: '  管理员  ', pin: ADMIN_PIN });
    expect(view).toMatchObject({ setupNeeded: false, unlocked: { name: '管理员', role: 'admin' } });
    expect(refusal(await b.call('users.setup', { name: '又一个', pin: '975318' }, window('other'))).code).toBe(
      'forbidden',
    );

    const file = join(dir, 'people', USERS_FILE_NAME);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/"pinHash": "scrypt\$32768\$8\$1\$/);
    expect(text).not.toContain(ADMIN_PIN);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const users = await call<PublicUser[]>(b, 'users.list', {});
    expect(JSON.stringify(users)).not.toContain('scrypt');
    expect(b.audit.entries.map((e) => e.type)).toEqual(['audit.started', 'user.setup']);
  });

  it('refuses a second user with the same name, whatever the case or spaces', async () => {
    const b = await start(tempDir());
    await setupAdmin(b);
    await call(b, 'users.add', { name: 'Wang Wei', role: 'guard', pin: PINS.guard });
    const duplicate = refusal(await b.call('users.add', { name: ' wang wei ', role: 'trainer', pin: PINS.trainer }));
    expect(duplicate).toMatchObject({ code: 'invalid-input', issues: [{ path: 'name' }] });
  });
});

describe('wrong PINs', () => {
  it('costs growing waits, then a lockout that survives a restart, each recorded; an administrator lifts it', async () => {
    const dir = tempDir();
    const clock = { now: T0 };
    let b = await start(dir, clock);
    const { manager } = await usersOfEachRole(b);
    const door = window('door');
    const attempt = (pin: string) => b.call('session.unlock', { userId: manager.id, pin }, door);

    // Two slips of the finger cost nothing; the third wrong PIN starts the waits.
    expect(refusal(await attempt('000001')).message.en).toBe('Wrong PIN. Try again.');
    expect(refusal(await attempt('000002')).message.en).toBe('Wrong PIN. Try again.');
    expect(refusal(await attempt('000003')).message.en).toBe('Wrong PIN. Try again in 2 seconds.');
    // During the wait even the right PIN is not checked, and the answer says so rather than "wrong".
    expect(refusal(await attempt(PINS.manager)).message).toEqual({
      'zh-CN': 'PIN 未核对：错误次数过多，请 2 秒后再试。',
      en: 'PIN not checked: too many wrong PINs; try again in 2 seconds.',
    });
    clock.now += 2_000;
    expect(refusal(await attempt('000004')).message.en).toBe('Wrong PIN. Try again in 4 seconds.');
    for (let n = 5; n <= 10; n++) {
      clock.now += 10 * MINUTE;
      await attempt(`00000${n % 10}`);
    }
    const locked = refusal(await attempt(PINS.manager));
    expect(locked.message.en).toBe(
      'PIN not checked: too many wrong PINs, this account is locked. Try again in 15 minutes or ask an administrator.',
    );
    const failed = b.audit.entries.filter((e) => e.type === 'pin.failed');
    expect(failed.map((e) => (e.data as { failures: number }).failures)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(failed.at(-1)!.data).toMatchObject({ userId: manager.id, lockedOut: true });

    // A restart does not lift it: the count comes back from the audit trail.
    await stop(b);
    clock.now += MINUTE;
    b = await start(dir, clock);
    expect(refusal(await attempt(PINS.manager)).message.en).toContain('locked');
    const users = await call<PublicUser[]>(b, 'users.list', {});
    expect(users.find((u) => u.id === manager.id)!.lockedUntil).toBeDefined();

    const admin = window('admin');
    await call(b, 'session.unlock', { userId: users.find((u) => u.role === 'admin')!.id, pin: ADMIN_PIN }, admin);
    await call(b, 'users.clearLockout', { userId: manager.id }, admin);
    expect(await call<SessionView>(b, 'session.unlock', { userId: manager.id, pin: PINS.manager }, door)).toMatchObject(
      {
        unlocked: { name: '李主管', role: 'manager' },
      },
    );
  }, 30_000);

  it('a disabled user cannot unlock, and disabling one locks the windows they had unlocked', async () => {
    const b = await start(tempDir());
    const { trainer } = await usersOfEachRole(b);
    const desk = window('desk');
    await call(b, 'session.unlock', { userId: trainer.id, pin: PINS.trainer }, desk);
    expect((await b.call('audit.list', {}, desk)).ok).toBe(false); // a trainer is below manager
    await call(b, 'users.update', { userId: trainer.id, role: 'manager' });
    expect((await b.call('audit.list', {}, desk)).ok).toBe(true); // the new role counts at once
    await call(b, 'users.update', { userId: trainer.id, disabled: true });
    expect(refusal(await b.call('audit.list', {}, desk)).code).toBe('locked');
    expect(refusal(await b.call('session.unlock', { userId: trainer.id, pin: PINS.trainer }, desk)).code).toBe(
      'forbidden',
    );
  }, 30_000);
});

describe('idle lock', () => {
  it('locks a window after the set minutes without use; protected calls and touches push it back', async () => {
    const clock = { now: T0 };
    const b = await start(tempDir(), clock);
    await usersOfEachRole(b);
    const users = await call<PublicUser[]>(b, 'users.list', {});
    const manager = users.find((u) => u.role === 'manager')!;
    const office = window('office');
    const view = await call<SessionView>(b, 'session.unlock', { userId: manager.id, pin: PINS.manager }, office);
    expect(view.unlocked).toMatchObject({ idleMs: 5 * MINUTE, expiresAt: new Date(T0 + 5 * MINUTE).toISOString() });

    clock.now += 4 * MINUTE;
    await call(b, 'audit.list', {}, office); // use
    clock.now += 4 * MINUTE;
    await call(b, 'session.touch', {}, office); // the renderer saw keys or taps
    clock.now += 4 * MINUTE;
    // Calls anyone may make (a run screen refreshing) are not use of the unlocked rights.
    await call(b, 'plans.list', {}, office);
    clock.now += 59_999;
    expect((await b.call('audit.list', {}, office)).ok).toBe(true);
    clock.now += 5 * MINUTE;
    expect(refusal(await b.call('audit.list', {}, office))).toMatchObject({
      code: 'locked',
      message: { en: 'Enter the PIN of a security manager or above' },
    });
    expect((await call<SessionView>(b, 'session.get', {}, office)).unlocked).toBeNull();

    // The minutes are a setting (a manager's).
    await call(b, 'session.unlock', { userId: manager.id, pin: PINS.manager }, office);
    await call(b, 'settings.update', { idleLockMinutes: 1 }, office);
    clock.now += MINUTE;
    expect(refusal(await b.call('audit.list', {}, office)).code).toBe('locked');
    // The change is on the trail, with who made it and the values before and after.
    expect(b.audit.entries.findLast((e) => e.type === 'settings.changed')).toMatchObject({
      by: manager.id,
      data: { changes: { idleLockMinutes: { from: 5, to: 1 } } },
    });
  }, 30_000);

  it('session.lock locks only the window that asks', async () => {
    const b = await start(tempDir());
    const admin = await setupAdmin(b, window('a'));
    await call(b, 'session.unlock', { userId: admin.id, pin: ADMIN_PIN }, window('b'));
    await call(b, 'session.lock', {}, window('a'));
    expect((await call<SessionView>(b, 'session.get', {}, window('a'))).unlocked).toBeNull();
    expect((await call<SessionView>(b, 'session.get', {}, window('b'))).unlocked).toMatchObject({ role: 'admin' });
  });
});

describe('who is on duty', () => {
  it('is named without a PIN, recorded as the operator of the runs started, and lapses after 12 hours', async () => {
    const clock = { now: T0 };
    const b = await start(tempDir(), clock);
    const { guard } = await usersOfEachRole(b);
    const kiosk = window('kiosk');
    const view = await call<SessionView>(b, 'session.setOnDuty', { userId: guard.id }, kiosk);
    expect(view.onDuty).toMatchObject({ userId: guard.id, name: '王保安', role: 'guard' });
    expect(view.unlocked).toBeNull();
    // Every window sees who is on duty: it is the PC's, not the window's.
    expect((await call<SessionView>(b, 'session.get', {}, window('other'))).onDuty?.name).toBe('王保安');

    const run = await call<RunView>(b, 'runs.start', { planId: 'armed-robbery', mode: 'incident' }, kiosk);
    expect(run.operator).toBe('王保安');
    expect(b.audit.entries.at(-1)).toMatchObject({
      type: 'duty.changed',
      by: null,
      data: { userId: guard.id, name: '王保安' },
    });

    clock.now += 12 * 60 * MINUTE;
    expect((await call<SessionView>(b, 'session.get', {}, kiosk)).onDuty).toBeNull();
    const later = await call<RunView>(b, 'runs.start', { planId: 'fire', mode: 'incident' }, kiosk);
    expect(later.operator).toBeNull(); // unidentified, not the last shift's guard
  }, 30_000);

  it('who is on duty is who acts, before whoever unlocked the window; else the unlocked user', async () => {
    const b = await start(tempDir());
    const { guard, trainer } = await usersOfEachRole(b);
    const drillRoom = window('drill-room');
    await call(b, 'session.unlock', { userId: trainer.id, pin: PINS.trainer }, drillRoom);
    const unnamed = await call<RunView>(b, 'runs.start', { planId: 'fire', mode: 'drill' }, drillRoom);
    expect(unnamed.operator).toBe('陈培训');
    await call(b, 'session.setOnDuty', { userId: guard.id });
    const run = await call<RunView>(b, 'runs.start', { planId: 'fire', mode: 'drill' }, drillRoom);
    expect(run.operator).toBe('王保安');
    await call(b, 'session.setOnDuty', { userId: null });
    const after = await call<RunView>(
      b,
      'runs.command',
      { runId: run.runId, command: { type: 'note', text: '开始演练' } },
      window('kiosk'), // nobody on duty, nobody unlocked: the run's operator
    );
    expect(after.notes.at(-1)).toMatchObject({ by: '王保安' });
  }, 30_000);
});

describe('administration', () => {
  it('will not disable or demote the last administrator', async () => {
    const b = await start(tempDir());
    const admin = await setupAdmin(b);
    for (const change of [{ disabled: true }, { role: 'manager' }]) {
      const error = refusal(await b.call('users.update', { userId: admin.id, ...change }));
      expect(error.code).toBe('forbidden');
      expect(error.message['zh-CN']).toContain('最后一位管理员');
    }
    const second = await call<PublicUser>(b, 'users.add', { name: '副管理员', role: 'admin', pin: '918273' });
    await call(b, 'users.update', { userId: admin.id, role: 'manager' });
    expect((await call<PublicUser[]>(b, 'users.list', {})).find((u) => u.id === second.id)?.role).toBe('admin');
  }, 30_000);

  it('a PIN reset locks the windows unlocked with the old PIN; a user changes their own PIN with the current one', async () => {
    const b = await start(tempDir());
    const { guard } = await usersOfEachRole(b);
    const post = window('post');
    await call(b, 'session.unlock', { userId: guard.id, pin: PINS.guard }, post);
    await call(b, 'users.resetPin', { userId: guard.id, pin: '605172' });
    expect((await call<SessionView>(b, 'session.get', {}, post)).unlocked).toBeNull();
    expect(refusal(await b.call('session.unlock', { userId: guard.id, pin: PINS.guard }, post)).code).toBe('forbidden');
    await call(b, 'session.unlock', { userId: guard.id, pin: '605172' }, post);
    expect(refusal(await b.call('users.changePin', { currentPin: '605172', newPin: '605172' }, post)).code).toBe(
      'invalid-input',
    );
    expect(refusal(await b.call('users.changePin', { currentPin: '999999', newPin: '705182' }, post)).code).toBe(
      'forbidden',
    );
    await call(b, 'users.changePin', { currentPin: '605172', newPin: '705182' }, post);
    await call(b, 'session.lock', {}, post);
    await call(b, 'session.unlock', { userId: guard.id, pin: '705182' }, post);
    const types = b.audit.entries.map((e) => e.type);
    expect(types).toContain('user.pinReset');
    expect(types).toContain('user.pinChanged');
  }, 30_000);
});

describe('the users file', () => {
  it('is restored from its backup when damaged; the damaged copy is kept and the restore recorded', async () => {
    const dir = tempDir();
    let b = await start(dir);
    await usersOfEachRole(b); // several saves: the backup holds the state before the last one
    await stop(b);
    const file = join(dir, 'people', USERS_FILE_NAME);
    const damaged = Buffer.from('{"schemaVersion":1,"users":[{"id":');
    writeFileSync(file, damaged);
    const logged: string[] = [];
    b = await start(dir, { now: T0 }, logged);
    const users = await call<PublicUser[]>(b, 'users.list', {});
    expect(users.map((u) => u.name)).toEqual(['管理员', '王保安', '陈培训']); // the manager was the last save
    const aside = readdirSync(join(dir, 'people')).filter((f) => f.startsWith('users.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, 'people', aside[0]!)).equals(damaged)).toBe(true);
    expect(b.audit.entries.at(-1)).toMatchObject({
      type: 'users.restored',
      data: { reason: expect.stringMatching(/JSON/) },
    });
    expect(logged.join('\n')).toContain('restored');
  }, 30_000);

  it('damaged with no usable backup: nobody can unlock or set up a new administrator, incidents still start', async () => {
    const dir = tempDir();
    let b = await start(dir);
    await setupAdmin(b);
    await stop(b);
    const file = join(dir, 'people', USERS_FILE_NAME);
    writeFileSync(file, 'not json at all');
    b = await start(dir);
    const view = await call<SessionView>(b, 'session.get', {});
    expect(view.setupNeeded).toBe(false);
    expect(view.storeProblem?.en).toContain(file);
    expect(refusal(await b.call('users.setup', { name: '入侵者', pin: '975318' })).code).toBe('storage');
    expect((await b.call('runs.start', { planId: 'fire', mode: 'incident' })).ok).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('not json at all');
  });

  it('deleted while the audit trail shows users existed: setup stays closed', async () => {
    const dir = tempDir();
    let b = await start(dir);
    await setupAdmin(b);
    await stop(b);
    unlinkSync(join(dir, 'people', USERS_FILE_NAME));
    expect(existsSync(join(dir, 'people', `${USERS_FILE_NAME}.bak`))).toBe(false);
    b = await start(dir);
    expect((await call<SessionView>(b, 'session.get', {})).setupNeeded).toBe(false);
    // Refused, and why: both files are gone although users were made here (not "no users yet").
    expect(refusal(await b.call('users.setup', { name: '入侵者', pin: '975318' }))).toMatchObject({
      code: 'storage',
      message: { en: expect.stringMatching(/both missing, yet the audit trail shows users were created/) },
    });
  });
});
