// PIN limits as an attacker meets them, through the backend on real files and a movable clock: one wrong PIN
// sprayed at each of many accounts (with restarts in the middle), the right PIN typed during a wait, and ten wrong
// PINs aimed at the administrator — who gets back in with `users unlock` on the command line.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { TEST_PIN_HASH_COST } from '../support/pinHashCost';
import { usersUnlock } from '../../electron/cli/usersCommands';
import { delayAfterFailures } from '../../electron/people/pinAttempts';
import type { Caller } from '../../shared/api/dispatch';
import type { ApiErrorBody } from '../../shared/api/errors';
import type { PublicUser } from '../../shared/people/roles';
import type { SessionView } from '../../shared/people/session';
import { refusal } from '../support/backends';
import { ADMIN_PIN, call, PINS, setupAdmin } from '../support/people';

const PLANS_DIR = fileURLToPath(new URL('../../plans/', import.meta.url));
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const T0 = Date.parse('2026-03-04T08:00:00.000Z');
/** Every guard's PIN; the attacker tries another. */
const GUARD_PIN = PINS.guard;
const GUESS = '000000';
const SPRAYED = 25;

const dirs: string[] = [];
const open: Backend[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guardbook-pin-spray-'));
  dirs.push(dir);
  return dir;
}

async function start(dataDir: string, clock: { now: number }): Promise<Backend> {
  const backend = await createBackend({
    dataDir,
    plansDir: PLANS_DIR,
    host: 'web',
    version: '0',
    clock: () => clock.now,
    pinHashCost: TEST_PIN_HASH_COST,
    log: () => {},
  });
  open.push(backend);
  return backend;
}

async function stop(backend: Backend): Promise<void> {
  open.splice(open.indexOf(backend), 1);
  await backend.close();
}

const window = (name: string): Caller => ({ sessionId: name });

/** A refusal before the PIN was looked at: it says so, in both languages, and never that the PIN was wrong. */
function expectNotChecked(error: ApiErrorBody, wait: { zh: string; en: string }): void {
  expect(error.code).toBe('forbidden');
  expect(error.message['zh-CN']).toMatch(/^PIN 未核对：/);
  expect(error.message['zh-CN']).toContain(wait.zh);
  expect(error.message['zh-CN']).not.toMatch(/PIN 错误/);
  expect(error.message.en).toMatch(/^PIN not checked: /);
  expect(error.message.en).toContain(wait.en);
  expect(error.message.en).not.toMatch(/Wrong PIN/);
}

// A branch's people, made once (scrypt is slow on purpose) and copied for each test: the administrator, the 25
// guards the attacker sprays, and two guards kept out of the spray.
let fixture: string;
let admin: PublicUser;
let sprayed: PublicUser[];
let fresh: PublicUser[];

beforeAll(async () => {
  fixture = mkdtempSync(join(tmpdir(), 'guardbook-pin-spray-fixture-'));
  const b = await createBackend({
    dataDir: fixture,
    plansDir: PLANS_DIR,
    host: 'web',
    version: '0',
    clock: () => T0,
    pinHashCost: TEST_PIN_HASH_COST,
    log: () => {},
  });
  try {
    admin = await setupAdmin(b);
    const guards: PublicUser[] = [];
    for (let n = 1; n <= SPRAYED + 2; n++) {
      guards.push(await call<PublicUser>(b, 'users.add', { name: `保安${n}`, role: 'guard', pin: GUARD_PIN }));
    }
    sprayed = guards.slice(0, SPRAYED);
    fresh = guards.slice(SPRAYED);
  } finally {
    await b.close();
  }
}, 60_000);

afterAll(() => rmSync(fixture, { recursive: true, force: true }));

function branch(): string {
  const dir = tempDir();
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

/** One wrong PIN for each of `users`, each from a window of its own; the English answers. */
async function spray(b: Backend, users: PublicUser[]): Promise<string[]> {
  const answers: string[] = [];
  for (const user of users) {
    const result = await b.call('session.unlock', { userId: user.id, pin: GUESS }, window(`attacker-${user.id}`));
    answers.push(refusal(result).message.en);
  }
  return answers;
}

const FREE = 'Wrong PIN. Try again.';
const SLOWED = 'Wrong PIN. Try again in 2 seconds.';

describe('a PIN spray across accounts', () => {
  it('one wrong PIN at each of 25 accounts: past 20 they cost a wait, and the administrator still gets in on the first try', async () => {
    const clock = { now: T0 + MINUTE };
    const b = await start(branch(), clock);

    const answers = await spray(b, sprayed);

    // Nobody whose PIN is right on the first try is kept out: not the administrator, not a guard left out of the
    // spray, not a sprayed guard whose one wrong PIN was still free.
    const office = window('office');
    const adminTry = await b.call('session.unlock', { userId: admin.id, pin: ADMIN_PIN }, office);
    expect(adminTry.ok ? adminTry.value : adminTry.error.message.en).toMatchObject({ unlocked: { role: 'admin' } });
    await call(b, 'session.unlock', { userId: fresh[0]!.id, pin: GUARD_PIN }, window('post-1'));
    await call(b, 'session.unlock', { userId: sprayed[0]!.id, pin: GUARD_PIN }, window('post-2'));
    // The administrator can work as usual.
    expect((await b.call('audit.list', {}, office)).ok).toBe(true);

    // Every guess was checked and answered "wrong"; from the 21st in ten minutes on, none was free.
    expect(answers).toEqual([...Array<string>(20).fill(FREE), ...Array<string>(5).fill(SLOWED)]);
    expect(b.audit.entries.filter((e) => e.type === 'pin.failed')).toHaveLength(SPRAYED);
  }, 60_000);

  it('a right PIN typed during a wait is answered "not checked, wait", never "wrong", and is not counted', async () => {
    const clock = { now: T0 + MINUTE };
    const b = await start(branch(), clock);
    await spray(b, sprayed);
    const victim = sprayed.at(-1)!; // sprayed while guessing was slowed: a 2 s wait
    const failed = () => b.audit.entries.filter((e) => e.type === 'pin.failed').length;
    const before = failed();

    const during = refusal(await b.call('session.unlock', { userId: victim.id, pin: GUARD_PIN }, window('post')));
    expectNotChecked(during, { zh: '请 2 秒后再试', en: 'try again in 2 seconds' });
    expect(during.message['zh-CN']).toBe('PIN 未核对：错误次数过多，请 2 秒后再试。');
    expect(failed()).toBe(before); // not looked at, so not a wrong PIN either

    clock.now += 2 * SECOND;
    expect(
      await call<SessionView>(b, 'session.unlock', { userId: victim.id, pin: GUARD_PIN }, window('post')),
    ).toMatchObject({ unlocked: { userId: victim.id } });

    // Two PINs for one user at once: the second is not checked while the first is, and says so.
    const other = sprayed[0]!;
    const [first, second] = await Promise.all([
      b.call('session.unlock', { userId: other.id, pin: GUARD_PIN }, window('a')),
      b.call('session.unlock', { userId: other.id, pin: GUARD_PIN }, window('b')),
    ]);
    expect(first.ok).toBe(true);
    expect(refusal(second).message.en).toBe('PIN not checked: the previous PIN is still being checked; try again.');
    expect(refusal(second).message['zh-CN']).toMatch(/^PIN 未核对：/);
  }, 60_000);

  it('a restart in the middle does not forget it: a fresh account then pays at once, and the administrator still gets in', async () => {
    const dir = branch();
    const clock = { now: T0 + MINUTE };
    let b = await start(dir, clock);
    const firstHalf = await spray(b, sprayed.slice(0, 12));
    expect(firstHalf).toEqual(Array<string>(12).fill(FREE));

    // Restart, and go on spraying: the 12 before the restart still count towards the 20.
    await stop(b);
    clock.now += MINUTE;
    b = await start(dir, clock);
    expect(await spray(b, sprayed.slice(12))).toEqual([
      ...Array<string>(8).fill(FREE),
      ...Array<string>(5).fill(SLOWED),
    ]);

    // Restart again: still slowed. The first wrong PIN for an account nobody sprayed costs a wait at once.
    await stop(b);
    clock.now += MINUTE;
    b = await start(dir, clock);
    const [newcomer, later] = fresh as [PublicUser, PublicUser];
    expect(await spray(b, [newcomer])).toEqual([SLOWED]);
    expectNotChecked(refusal(await b.call('session.unlock', { userId: newcomer.id, pin: GUARD_PIN }, window('post'))), {
      zh: '2 秒',
      en: '2 seconds',
    });
    // A sprayed account that was slowed before the restart still has its wait counted from its wrong PIN, so
    // by now (two minutes on) it is over.
    await call(b, 'session.unlock', { userId: sprayed.at(-1)!.id, pin: GUARD_PIN }, window('post-2'));
    // The administrator, right on the first try, gets in.
    expect(
      await call<SessionView>(b, 'session.unlock', { userId: admin.id, pin: ADMIN_PIN }, window('office')),
    ).toMatchObject({ unlocked: { role: 'admin' } });

    // It is a window, not a sentence: ten minutes after the spray, a wrong PIN is free again.
    clock.now += 10 * MINUTE;
    await stop(b);
    b = await start(dir, clock);
    expect(await spray(b, [later])).toEqual([FREE]);
  }, 60_000);
});

describe('ten wrong PINs aimed at the administrator', () => {
  /** The attacker waits out each wait and types ten wrong PINs for `userId`; the English answers. */
  async function lockOut(b: Backend, clock: { now: number }, userId: string): Promise<string[]> {
    const answers: string[] = [];
    for (let failures = 0; failures < 10; failures++) {
      clock.now += delayAfterFailures(failures);
      answers.push(refusal(await b.call('session.unlock', { userId, pin: GUESS }, window('attacker'))).message.en);
    }
    return answers;
  }

  it('lock the administrator out, and a restart does not lift it; the right PIN is "not checked", never "wrong"', async () => {
    const dir = branch();
    const clock = { now: T0 + MINUTE };
    let b = await start(dir, clock);
    const answers = await lockOut(b, clock, admin.id);
    expect(answers.at(-1)).toBe(
      'Wrong PIN. Too many wrong PINs: this account is locked. Try again in 15 minutes or ask an administrator.',
    );

    await stop(b);
    clock.now += MINUTE;
    b = await start(dir, clock);
    const locked = refusal(await b.call('session.unlock', { userId: admin.id, pin: ADMIN_PIN }, window('office')));
    expectNotChecked(locked, { zh: '14 分钟', en: '14 minutes' });
    expect(locked.message.en).toContain('locked');
    const users = await call<PublicUser[]>(b, 'users.list', {});
    expect(users.find((u) => u.id === admin.id)!.lockedUntil).toBe(new Date(clock.now + 14 * MINUTE).toISOString());
    // Only the administrator: a guard still gets in.
    await call(b, 'session.unlock', { userId: fresh[0]!.id, pin: GUARD_PIN }, window('post'));
  }, 60_000);

  it('`users unlock` lifts the lockout without changing the PIN, only while the app is closed, on the audit trail', async () => {
    const dir = branch();
    // Close to the real time: the command line reads the trail with the real clock.
    const clock = { now: Date.now() - 5 * MINUTE };
    let b = await start(dir, clock);
    await lockOut(b, clock, admin.id);
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };

    expect(await usersUnlock([admin.id, '--data-dir', dir], io)).toBe(1);
    expect(out.join('\n')).toContain('close it first');
    await stop(b);

    out.length = 0;
    expect(await usersUnlock([admin.id, '--data-dir', dir], io)).toBe(0);
    expect(out.join('\n')).toContain('Lockout lifted for 管理员');
    expect(out.join('\n')).toContain('PIN unchanged');

    b = await start(dir, clock);
    expect(b.audit.entries.at(-1)).toMatchObject({
      type: 'user.lockoutCleared',
      by: expect.stringMatching(/^cli:/),
      data: { userId: admin.id, name: '管理员' },
    });
    expect((await call<PublicUser[]>(b, 'users.list', {})).find((u) => u.id === admin.id)!.lockedUntil).toBeUndefined();
    // The same PIN as before, on the first try.
    expect(
      await call<SessionView>(b, 'session.unlock', { userId: admin.id, pin: ADMIN_PIN }, window('office')),
    ).toMatchObject({ unlocked: { role: 'admin' } });
    // And the count starts again: two wrong PINs are free, as for anyone.
    expect(await spray(b, [admin, admin])).toEqual([FREE, FREE]);
  }, 60_000);
});
