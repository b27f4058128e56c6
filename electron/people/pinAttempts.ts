// Wrong PINs per user, in memory: a growing wait after each one, and a lockout after too many in a row; across all
// users, a window that takes away the free failures while many wrong PINs are being tried, without refusing anyone.
import type { ApiErrorBody } from '../../shared/api/errors';
import { PEOPLE_MESSAGES } from '../../shared/messages/people';
import type { Text } from '../../shared/text';

export interface PinAttemptPolicy {
  /** Wrong PINs in a row that cost no wait (a slip of the finger). */
  freeFailures: number;
  /** The wait after the first wrong PIN that is not free; it doubles with each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Wrong PINs in a row that lock the user out. */
  lockoutAfter: number;
  lockoutMs: number;
}

export const DEFAULT_PIN_ATTEMPT_POLICY: PinAttemptPolicy = {
  freeFailures: 2,
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
  lockoutAfter: 10,
  lockoutMs: 15 * 60_000,
};

export type PinAttemptCheck = { allowed: true } | PinAttemptRefusal;
export interface PinAttemptRefusal {
  allowed: false;
  retryAfterMs: number;
  lockedOut: boolean;
}

interface Entry {
  failures: number;
  lastFailureAt: number;
  /** The last wrong PIN came while guessing across all users was over its limit: no failure was free. */
  slowed: boolean;
  lockedUntil?: number;
}

/** The wait before the next attempt after `failures` wrong PINs in a row: 0, 0, 2 s, 4 s, 8 s … capped. */
export function delayAfterFailures(failures: number, policy: PinAttemptPolicy = DEFAULT_PIN_ATTEMPT_POLICY): number {
  if (failures <= policy.freeFailures) return 0;
  const doublings = failures - policy.freeFailures - 1;
  // Past 2^30 the cap has long been reached; this keeps the arithmetic finite.
  return Math.min(policy.baseDelayMs * 2 ** Math.min(doublings, 30), policy.maxDelayMs);
}

/**
 * Wrong PINs per user id. Callers verify a PIN only after `begin` allows it, then report the result with
 * `recordFailure` or `recordSuccess`; `begin` refuses a second attempt for the same user while one is being
 * checked, so concurrent requests cannot all slip through before the first failure is counted.
 *
 * A failure recorded as `slowed` (guessing across all users is over its limit, see `FailureWindow`) gets no
 * free failures: even a first wrong PIN costs a wait. A user with no wrong PIN is never refused a check.
 */
export class PinAttempts {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Set<string>();
  private readonly policy: PinAttemptPolicy;

  constructor(
    policy: Partial<PinAttemptPolicy> = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.policy = { ...DEFAULT_PIN_ATTEMPT_POLICY, ...policy };
  }

  /** Whether a PIN for `userId` may be checked now (does not change anything). */
  check(userId: string, now: number = this.clock()): PinAttemptCheck {
    const entry = this.current(userId, now);
    if (!entry) return { allowed: true };
    if (entry.lockedUntil !== undefined)
      return { allowed: false, retryAfterMs: entry.lockedUntil - now, lockedOut: true };
    const policy = entry.slowed ? { ...this.policy, freeFailures: 0 } : this.policy;
    const nextAt = entry.lastFailureAt + delayAfterFailures(entry.failures, policy);
    return now < nextAt ? { allowed: false, retryAfterMs: nextAt - now, lockedOut: false } : { allowed: true };
  }

  /** `check`, and when allowed, marks an attempt for `userId` as being checked until its result is recorded. */
  begin(userId: string, now: number = this.clock()): PinAttemptCheck {
    const result = this.check(userId, now);
    if (!result.allowed) return result;
    if (this.inFlight.has(userId)) return { allowed: false, retryAfterMs: 0, lockedOut: false };
    this.inFlight.add(userId);
    return result;
  }

  /**
   * Counts a wrong PIN; returns what the next attempt will meet. `slowed`: guessing across all users is over
   * its limit, so this failure is not free.
   */
  recordFailure(userId: string, now: number = this.clock(), slowed = false): PinAttemptCheck {
    this.inFlight.delete(userId);
    const entry = this.current(userId, now) ?? { failures: 0, lastFailureAt: now, slowed };
    entry.failures += 1;
    entry.lastFailureAt = now;
    entry.slowed = slowed;
    if (entry.failures >= this.policy.lockoutAfter) entry.lockedUntil = now + this.policy.lockoutMs;
    this.entries.set(userId, entry);
    return this.check(userId, now);
  }

  /** A right PIN: the count starts again. */
  recordSuccess(userId: string): void {
    this.inFlight.delete(userId);
    this.entries.delete(userId);
  }

  /**
   * Puts back what the audit trail recorded before a restart: `failures` wrong PINs in a row, the last at
   * `lastFailureAt` (`slowed` as it was given to `recordFailure`). Without it, restarting the app would wipe a
   * wait or a lockout.
   */
  restore(userId: string, failures: number, lastFailureAt: number, slowed = false): void {
    if (failures <= 0) return this.clear(userId);
    const entry: Entry = { failures, lastFailureAt, slowed };
    if (failures >= this.policy.lockoutAfter) entry.lockedUntil = lastFailureAt + this.policy.lockoutMs;
    this.entries.set(userId, entry);
  }

  /** Wrong PINs in a row for `userId` now (0 after a success, a clear or a lockout that ran out). */
  failureCount(userId: string, now: number = this.clock()): number {
    return this.current(userId, now)?.failures ?? 0;
  }

  /** When the user's lockout ends, if they are locked out now. */
  lockedUntil(userId: string, now: number = this.clock()): number | undefined {
    return this.current(userId, now)?.lockedUntil;
  }

  /** An administrator lifts a lockout (or the waits) for one user. */
  clear(userId: string): void {
    this.inFlight.delete(userId);
    this.entries.delete(userId);
  }

  /** The user's entry, forgetting a lockout that has run out (the count then starts again). */
  private current(userId: string, now: number): Entry | undefined {
    const entry = this.entries.get(userId);
    if (entry?.lockedUntil !== undefined && now >= entry.lockedUntil) {
      this.entries.delete(userId);
      return undefined;
    }
    return entry;
  }
}

/**
 * Wrong PINs across all users in a sliding window: guessing one PIN for each of many users keeps each user's own
 * count low, so past `maxFailures` in `windowMs` wrong PINs stop being free for everyone (`PinAttempts`,
 * `slowed`). It never refuses a check by itself: a user whose PIN is right on the first try always gets in, so
 * a spray of wrong PINs cannot lock everyone out.
 */
export class FailureWindow {
  private failures: number[] = [];

  constructor(
    private readonly maxFailures = 20,
    private readonly windowMs = 10 * 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Wrong PINs across all users within the window ending `now`. */
  count(now: number = this.clock()): number {
    this.failures = this.failures.filter((at) => at > now - this.windowMs);
    return this.failures.length;
  }

  /** Whether the window already holds its limit: the next wrong PIN, whoever's, is not free. */
  overLimit(now: number = this.clock()): boolean {
    return this.count(now) >= this.maxFailures;
  }

  recordFailure(now: number = this.clock()): void {
    this.failures.push(now);
  }
}

/**
 * A refusal before the PIN was checked (a wait, a lockout, a check in flight) as an API error body. It never
 * says the PIN was wrong: it was not looked at; the right PIN typed during a wait must not read as "wrong".
 */
export function pinAttemptRefusalBody(refusal: PinAttemptRefusal): ApiErrorBody {
  const wait = describeWait(refusal.retryAfterMs);
  if (refusal.lockedOut) {
    return {
      code: 'forbidden',
      message: PEOPLE_MESSAGES.pinNotCheckedLockedOut(wait),
    };
  }
  if (refusal.retryAfterMs <= 0) {
    return {
      code: 'forbidden',
      message: PEOPLE_MESSAGES.pinNotCheckedInFlight(),
    };
  }
  return {
    code: 'forbidden',
    message: PEOPLE_MESSAGES.pinNotCheckedWait(wait),
  };
}

/** A PIN that was checked and is wrong, with what the next attempt will meet (`recordFailure`'s result). */
export function wrongPinBody(next: PinAttemptCheck): ApiErrorBody {
  if (next.allowed) return { code: 'forbidden', message: PEOPLE_MESSAGES.wrongPin() };
  const wait = describeWait(next.retryAfterMs);
  if (next.lockedOut) {
    return {
      code: 'forbidden',
      message: PEOPLE_MESSAGES.wrongPinLockedOut(wait),
    };
  }
  return {
    code: 'forbidden',
    message: PEOPLE_MESSAGES.wrongPinWait(wait),
  };
}

/** Seconds under a minute, whole minutes (rounded up) from then on. */
function describeWait(ms: number): Text {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return PEOPLE_MESSAGES.waitSeconds(seconds);
  return PEOPLE_MESSAGES.waitMinutes(Math.ceil(seconds / 60));
}
