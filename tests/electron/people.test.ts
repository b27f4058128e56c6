// Users and PINs: the user schema and role order, scrypt PIN hashes, the PIN rules, and waits and lockouts
// for wrong PINs, per user and across all users (all with an injected clock).
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PIN_ATTEMPT_POLICY,
  delayAfterFailures,
  FailureWindow,
  PinAttempts,
  pinAttemptRefusalBody,
  wrongPinBody,
} from '../../electron/people/pinAttempts';
import { hashPin, isValidPin, verifyPin } from '../../electron/people/pinHash';
import { TEST_PIN_HASH_COST } from '../support/pinHashCost';
import { ApiErrorSchema } from '../../shared/api/errorSchema';
import { ROLE_LABELS, roleAtLeast, ROLES, type Role } from '../../shared/people/roles';
import { RoleSchema, UserSchema } from '../../shared/people/userSchema';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const T0 = Date.parse('2025-03-04T05:06:07.089Z');

describe('roles and users', () => {
  it('orders the roles guard < trainer < manager < admin', () => {
    const table: [Role, Role, boolean][] = [];
    for (const [i, role] of ROLES.entries()) {
      for (const [j, minimum] of ROLES.entries()) table.push([role, minimum, i >= j]);
    }
    for (const [role, minimum, expected] of table)
      expect(roleAtLeast(role, minimum), `${role} ≥ ${minimum}`).toBe(expected);
    expect(roleAtLeast('guard', 'trainer')).toBe(false);
    expect(roleAtLeast('manager', 'trainer')).toBe(true);
    expect(roleAtLeast('admin', 'admin')).toBe(true);
  });

  it('labels every role in both languages', () => {
    expect(ROLE_LABELS.guard['zh-CN']).toBe('保安');
    expect(ROLE_LABELS.trainer['zh-CN']).toBe('培训员');
    expect(ROLE_LABELS.manager['zh-CN']).toBe('安全主管');
    expect(ROLE_LABELS.admin['zh-CN']).toBe('管理员');
    for (const role of ROLES) expect(ROLE_LABELS[role].en).not.toBe('');
    expect(RoleSchema.safeParse('owner').success).toBe(false);
  });

  it('validates a user record', () => {
    const user = {
      id: 'wang-wei',
      name: '王伟',
      role: 'guard',
      pinHash: 'scrypt$32768$8$1$a$b',
      createdAt: '2025-03-04T05:06:07.089Z',
      disabled: false,
    };
    expect(UserSchema.parse(user)).toEqual(user);
    expect(UserSchema.safeParse({ ...user, id: 'Wang Wei' }).success).toBe(false);
    expect(UserSchema.safeParse({ ...user, name: '   ' }).success).toBe(false);
    expect(UserSchema.safeParse({ ...user, name: '王'.repeat(41) }).success).toBe(false);
    expect(UserSchema.safeParse({ ...user, name: '王'.repeat(40) }).success).toBe(true);
    expect(UserSchema.safeParse({ ...user, role: 'owner' }).success).toBe(false);
    expect(UserSchema.safeParse({ ...user, createdAt: 'yesterday' }).success).toBe(false);
    expect(UserSchema.safeParse({ ...user, pin: '135790' }).success).toBe(false);
  });
});

describe('PIN hashes', () => {
  it('verifies the right PIN and refuses a wrong one', async () => {
    const stored = await hashPin('135790');
    expect(await verifyPin('135790', stored)).toBe(true);
    expect(await verifyPin('135791', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
  });

  it('stores scrypt$N$r$p$salt$hash with a fresh 16-byte salt each time', async () => {
    const [a, b] = await Promise.all([hashPin('135790'), hashPin('135790')]);
    expect(a).not.toBe(b);
    const parts = a.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(parts[4]!, 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5]!, 'base64')).toHaveLength(32);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
  });

  it('stores a lower cost when given one (tests), and verifies it with the cost it was made with', async () => {
    const cheap = await hashPin('135790', TEST_PIN_HASH_COST);
    expect(cheap.split('$').slice(0, 4)).toEqual(['scrypt', '1024', '8', '1']);
    expect(await verifyPin('135790', cheap)).toBe(true);
    expect(await verifyPin('135791', cheap)).toBe(false);
  });

  it('refuses a tampered or malformed stored hash without throwing', async () => {
    const stored = await hashPin('135790');
    const [scheme, n, r, p, salt, hash] = stored.split('$') as [string, string, string, string, string, string];
    const flip = (b64: string): string => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0]! ^= 1;
      return bytes.toString('base64');
    };
    const tampered = [
      [scheme, n, r, p, salt, flip(hash)],
      [scheme, n, r, p, flip(salt), hash],
      [scheme, '16384', r, p, salt, hash],
      [scheme, n, r, p, salt, hash.slice(0, -4)], // a prefix of the real hash
      [scheme, n, r, p, salt.slice(0, -4), hash],
      ['bcrypt', n, r, p, salt, hash],
      [scheme, '30000', r, p, salt, hash], // N not a power of two
      [scheme, String(2 ** 30), r, p, salt, hash], // would need gigabytes
      [scheme, n, '0', p, salt, hash],
      [scheme, n, r, '-1', salt, hash],
      [scheme, n, r, p, 'not base64!', hash],
      [scheme, n, r, p, salt],
      [scheme, n, r, p, salt, hash, 'extra'],
    ].map((fields) => fields.join('$'));
    for (const bad of [...tampered, '', 'scrypt', stored.toUpperCase()]) {
      await expect(verifyPin('135790', bad), bad).resolves.toBe(false);
    }
  });

  it('accepts six or more digits that are neither one digit repeated nor a straight run', () => {
    for (const pin of ['135790', '271828', '1357902468', '112233', '123457', '000001', '202501']) {
      expect(isValidPin(pin), pin).toBe(true);
    }
    const invalid = [
      '',
      '12345', // too short
      '13579', // too short
      '1234567890123', // too long
      '13579a',
      '１３５７９０', // full-width digits
      '135 790',
      '-135790',
      '000000',
      '999999999',
      '123456',
      '654321',
      '0123456789',
      '9876543210',
      '789012', // a run wrapping 9 → 0
      '210987',
    ];
    for (const pin of invalid) expect(isValidPin(pin), pin).toBe(false);
  });
});

describe('PinAttempts', () => {
  it('makes each wait longer after the free attempts, up to the cap', () => {
    const waits = Array.from({ length: 12 }, (_, i) => delayAfterFailures(i));
    expect(waits.slice(0, 9)).toEqual([0, 0, 0, 2, 4, 8, 16, 32, 64].map((s) => s * SECOND));
    expect(delayAfterFailures(50)).toBe(5 * MINUTE);
    expect(delayAfterFailures(10_000)).toBe(5 * MINUTE);

    // The same through the class, with the lockout out of the way so the cap is reached.
    const attempts = new PinAttempts({ lockoutAfter: 100 });
    const seen: number[] = [];
    let now = T0;
    for (let i = 0; i < 12; i++) {
      const after = attempts.recordFailure('wang-wei', now);
      seen.push(after.allowed ? 0 : after.retryAfterMs);
      expect(attempts.check('wang-wei', now + (after.allowed ? 0 : after.retryAfterMs - 1)).allowed).toBe(
        after.allowed,
      );
      now += after.allowed ? 0 : after.retryAfterMs;
      expect(attempts.check('wang-wei', now)).toEqual({ allowed: true });
    }
    expect(seen).toEqual([0, 0, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300].map((s) => s * SECOND));
  });

  it('says how long is left of a wait', () => {
    const attempts = new PinAttempts();
    for (let i = 0; i < 3; i++) attempts.recordFailure('wang-wei', T0);
    expect(attempts.check('wang-wei', T0 + 500)).toEqual({ allowed: false, retryAfterMs: 1500, lockedOut: false });
    expect(attempts.check('li-na', T0)).toEqual({ allowed: true });
  });

  it('locks a user out after 10 wrong PINs in a row, for 15 minutes', () => {
    const attempts = new PinAttempts();
    let now = T0;
    for (let i = 1; i <= 9; i++) {
      const after = attempts.recordFailure('wang-wei', now);
      expect(after.allowed || !after.lockedOut, `failure ${i}`).toBe(true);
      now += delayAfterFailures(i);
    }
    expect(attempts.recordFailure('wang-wei', now)).toEqual({
      allowed: false,
      retryAfterMs: 15 * MINUTE,
      lockedOut: true,
    });
    expect(attempts.check('wang-wei', now + 14 * MINUTE)).toEqual({
      allowed: false,
      retryAfterMs: MINUTE,
      lockedOut: true,
    });
    // Other users are not affected.
    expect(attempts.check('li-na', now)).toEqual({ allowed: true });
  });

  it('lets the lockout run out, and then counts from zero', () => {
    const attempts = new PinAttempts();
    for (let i = 0; i < 10; i++) attempts.recordFailure('wang-wei', T0);
    expect(attempts.check('wang-wei', T0 + 15 * MINUTE - 1).allowed).toBe(false);
    expect(attempts.check('wang-wei', T0 + 15 * MINUTE)).toEqual({ allowed: true });
    expect(attempts.recordFailure('wang-wei', T0 + 16 * MINUTE)).toEqual({ allowed: true });
  });

  it('starts again after a right PIN', () => {
    const attempts = new PinAttempts();
    for (let i = 0; i < 9; i++) attempts.recordFailure('wang-wei', T0);
    attempts.recordSuccess('wang-wei');
    expect(attempts.check('wang-wei', T0)).toEqual({ allowed: true });
    // Two wrong PINs are free again, and nine more do not lock: the count started from zero.
    expect(attempts.recordFailure('wang-wei', T0)).toEqual({ allowed: true });
    expect(attempts.recordFailure('wang-wei', T0)).toEqual({ allowed: true });
    for (let i = 0; i < 7; i++) attempts.recordFailure('wang-wei', T0);
    expect(attempts.check('wang-wei', T0)).toMatchObject({ allowed: false, lockedOut: false });
  });

  it('lets an administrator clear a lockout', () => {
    const attempts = new PinAttempts();
    for (let i = 0; i < 10; i++) attempts.recordFailure('wang-wei', T0);
    expect(attempts.check('wang-wei', T0 + MINUTE)).toMatchObject({ allowed: false, lockedOut: true });
    attempts.clear('wang-wei');
    expect(attempts.check('wang-wei', T0 + MINUTE)).toEqual({ allowed: true });
  });

  it('takes the time from the injected clock when none is passed', () => {
    let now = T0;
    const attempts = new PinAttempts({}, () => now);
    for (let i = 0; i < 3; i++) attempts.recordFailure('wang-wei');
    expect(attempts.check('wang-wei')).toEqual({ allowed: false, retryAfterMs: 2 * SECOND, lockedOut: false });
    now += 2 * SECOND;
    expect(attempts.check('wang-wei')).toEqual({ allowed: true });
  });

  it('lets only one attempt per user be checked at a time', () => {
    const attempts = new PinAttempts();
    expect(attempts.begin('wang-wei', T0)).toEqual({ allowed: true });
    expect(attempts.begin('wang-wei', T0)).toEqual({ allowed: false, retryAfterMs: 0, lockedOut: false });
    expect(attempts.begin('li-na', T0)).toEqual({ allowed: true });
    attempts.recordFailure('wang-wei', T0);
    expect(attempts.begin('wang-wei', T0)).toEqual({ allowed: true });
    attempts.recordSuccess('wang-wei');
    expect(attempts.begin('wang-wei', T0)).toEqual({ allowed: true });
  });

  it('explains a refusal before the PIN was checked in both languages: "not checked", never "wrong"', () => {
    const wait = pinAttemptRefusalBody({ allowed: false, retryAfterMs: 3_500, lockedOut: false });
    expect(ApiErrorSchema.parse(wait)).toEqual(wait);
    expect(wait).toEqual({
      code: 'forbidden',
      message: {
        'zh-CN': 'PIN 未核对：错误次数过多，请 4 秒后再试。',
        en: 'PIN not checked: too many wrong PINs; try again in 4 seconds.',
      },
    });

    const locked = pinAttemptRefusalBody({
      allowed: false,
      retryAfterMs: DEFAULT_PIN_ATTEMPT_POLICY.lockoutMs,
      lockedOut: true,
    });
    expect(locked.code).toBe('forbidden');
    expect(locked.message['zh-CN']).toMatch(/^PIN 未核对：/);
    expect(locked.message['zh-CN']).toContain('15 分钟');
    expect(locked.message['zh-CN']).toContain('管理员');
    expect(locked.message.en).toMatch(/^PIN not checked: /);
    expect(locked.message.en).toContain('15 minutes');
    expect(pinAttemptRefusalBody({ allowed: false, retryAfterMs: 1_000, lockedOut: false }).message.en).toContain(
      '1 second.',
    );

    const busy = pinAttemptRefusalBody({ allowed: false, retryAfterMs: 0, lockedOut: false });
    expect(busy.code).toBe('forbidden');
    expect(busy.message.en).toBe('PIN not checked: the previous PIN is still being checked; try again.');
    for (const body of [wait, locked, busy]) {
      expect(body.message['zh-CN']).not.toContain('PIN 错误');
      expect(body.message.en).not.toContain('Wrong PIN');
    }
  });

  it('explains a PIN that was checked and is wrong, with what the next attempt meets', () => {
    expect(wrongPinBody({ allowed: true }).message).toEqual({
      'zh-CN': 'PIN 错误，请重试。',
      en: 'Wrong PIN. Try again.',
    });
    expect(wrongPinBody({ allowed: false, retryAfterMs: 2_000, lockedOut: false }).message).toEqual({
      'zh-CN': 'PIN 错误。请 2 秒后再试。',
      en: 'Wrong PIN. Try again in 2 seconds.',
    });
    const locked = wrongPinBody({ allowed: false, retryAfterMs: 15 * MINUTE, lockedOut: true });
    expect(ApiErrorSchema.parse(locked)).toEqual(locked);
    expect(locked.message.en).toBe(
      'Wrong PIN. Too many wrong PINs: this account is locked. Try again in 15 minutes or ask an administrator.',
    );
    expect(locked.message['zh-CN']).toContain('15 分钟');
  });

  it('a slowed failure is not free: the first wrong PIN already costs a wait, and the waits double from there', () => {
    const attempts = new PinAttempts();
    expect(attempts.recordFailure('wang-wei', T0, true)).toEqual({
      allowed: false,
      retryAfterMs: 2 * SECOND,
      lockedOut: false,
    });
    expect(attempts.recordFailure('wang-wei', T0 + 2 * SECOND, true)).toMatchObject({ retryAfterMs: 4 * SECOND });
    // Slowing changes the waits, never the lockout count, and never refuses a user with no wrong PIN.
    expect(attempts.check('li-na', T0)).toEqual({ allowed: true });
    for (let i = 3; i < 10; i++) attempts.recordFailure('wang-wei', T0 + i * 10 * MINUTE, true);
    expect(attempts.failureCount('wang-wei', T0 + 90 * MINUTE)).toBe(9);
    expect(attempts.check('wang-wei', T0 + 100 * MINUTE)).toEqual({ allowed: true });
  });

  it('restores a slowed run as it was', () => {
    const attempts = new PinAttempts();
    attempts.restore('wang-wei', 1, T0, true);
    attempts.restore('li-na', 1, T0);
    expect(attempts.check('wang-wei', T0 + SECOND)).toEqual({ allowed: false, retryAfterMs: SECOND, lockedOut: false });
    expect(attempts.check('li-na', T0)).toEqual({ allowed: true });
    attempts.restore('zhao', 10, T0, true);
    expect(attempts.check('zhao', T0 + MINUTE)).toMatchObject({ allowed: false, lockedOut: true });
  });
});

describe('FailureWindow', () => {
  it('counts wrong PINs across all users in a sliding window, and is over its limit once it holds the limit', () => {
    let now = T0;
    const window = new FailureWindow(3, 10 * MINUTE, () => now);
    for (let i = 0; i < 2; i++) window.recordFailure();
    expect(window.overLimit()).toBe(false);
    now += MINUTE;
    window.recordFailure();
    expect(window.count()).toBe(3);
    expect(window.overLimit()).toBe(true);
    // The first two leave the window ten minutes after they came.
    now = T0 + 10 * MINUTE;
    expect(window.count()).toBe(1);
    expect(window.overLimit()).toBe(false);
    now += MINUTE;
    expect(window.count()).toBe(0);
  });

  it('defaults to 20 wrong PINs in ten minutes', () => {
    const window = new FailureWindow();
    for (let i = 0; i < 19; i++) window.recordFailure(T0);
    expect(window.overLimit(T0)).toBe(false);
    window.recordFailure(T0);
    expect(window.overLimit(T0)).toBe(true);
    expect(window.overLimit(T0 + 10 * MINUTE)).toBe(false);
  });
});
