// Users, PINs and who is on duty: every change checked, saved durably and written to the audit trail.
// Wrong PINs cost growing waits and a lockout per user; across all users, many wrong PINs take away the free ones
// for everybody, without refusing a right PIN. Both are rebuilt from the audit trail after a restart.
import { randomBytes } from 'node:crypto';
import { ApiError, notFound } from '../../shared/api/errors';
import type { AuditEventData, AuditEventType } from '../../shared/audit/events';
import type { Text } from '../../shared/text';
import { API_MESSAGES } from '../../shared/messages/api';
import { PEOPLE_MESSAGES as m } from '../../shared/messages/people';
import type { PublicUser, Role, User } from '../../shared/people/roles';
import type { AuditLog } from '../audit/auditLog';
import {
  FailureWindow,
  PinAttempts,
  pinAttemptRefusalBody,
  wrongPinBody,
  type PinAttemptCheck,
  type PinAttemptPolicy,
} from './pinAttempts';
import { hashPin, isValidPin, verifyPin, type PinHashCost } from './pinHash';
import { UserStoreWriteError, type UserStore, type UsersFile } from './userStore';

/** A claim to be on duty lapses after a long shift, so a forgotten one does not name the next shift's guard. */
export const ON_DUTY_HOURS = 12;

export interface PeopleOptions {
  store: UserStore;
  audit: AuditLog;
  clock?: () => number;
  pinPolicy?: Partial<PinAttemptPolicy>;
  /** The scrypt cost of new PIN hashes; tests lower it (hundreds of hashes), production keeps the default. */
  pinHashCost?: PinHashCost;
  /** Wrong PINs across all users in `globalWindowMs` after which no wrong PIN is free (nobody is refused). */
  globalMaxFailures?: number;
  globalWindowMs?: number;
  /** Called once when the store was restored from its backup or could not be read. */
  log?: (message: string) => void;
  /** After every change to users, PINs, lockouts or who is on duty. */
  onChange?: () => void;
}

export interface OnDuty {
  user: User;
  since: string;
  until: string;
}

export class PeopleService {
  private data: UsersFile;
  private readonly problem: Text | undefined;
  private readonly attempts: PinAttempts;
  private readonly allAttempts: FailureWindow;
  private readonly clock: () => number;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PeopleOptions) {
    this.clock = options.clock ?? Date.now;
    this.attempts = new PinAttempts(options.pinPolicy, this.clock);
    this.allAttempts = new FailureWindow(options.globalMaxFailures, options.globalWindowMs, this.clock);
    const loaded = options.store.load();
    if (loaded.status === 'unreadable') {
      this.data = { schemaVersion: 1, users: [], onDuty: null };
      this.problem = loaded.problem;
      options.log?.(loaded.problem.en);
    } else {
      this.data = loaded.data;
      if (loaded.status === 'restored') {
        const { damagedCopy, reason } = loaded;
        options.audit.append('users.restored', 'system', { from: options.store.backupFile, damagedCopy, reason });
        options.log?.(`users file unreadable (${reason}); restored from ${options.store.backupFile}`);
      }
      if (loaded.status === 'ok' && !loaded.existed && this.trailHasUsers()) {
        // Both files gone, yet users were made here: never "no users" (that would hand out a new administrator).
        this.problem = m.usersFileMissing(options.store.file);
        options.log?.(this.problem.en);
      }
    }
    this.restoreWrongPinCounts();
  }

  /** Why nobody can unlock now (the user store is unreadable), if so. */
  storeProblem(): Text | undefined {
    return this.problem;
  }

  /** True at first start: no user exists and none ever did (the trail would say so). */
  setupNeeded(): boolean {
    return !this.problem && this.data.users.length === 0 && !this.trailHasUsers();
  }

  list(): PublicUser[] {
    return this.data.users.map((user) => this.publicUser(user));
  }

  user(userId: string): User | undefined {
    return this.data.users.find((u) => u.id === userId);
  }

  publicUser(user: User): PublicUser {
    const lockedUntil = this.attempts.lockedUntil(user.id);
    return {
      id: user.id,
      name: user.name,
      role: user.role,
      createdAt: user.createdAt,
      disabled: user.disabled,
      ...(lockedUntil !== undefined ? { lockedUntil: new Date(lockedUntil).toISOString() } : {}),
    };
  }

  /** First start: creates the administrator. Refused once anybody exists or the store is unreadable. */
  setup(name: string, pin: string): Promise<User> {
    return this.serial(async () => {
      this.requireReadableStore();
      if (!this.setupNeeded()) {
        throw forbidden(m.adminAlreadySetUp());
      }
      const user = await this.newUser(name, 'admin', pin);
      this.commit({ ...this.data, users: [user] }, 'user.setup', user.id, {
        userId: user.id,
        name: user.name,
        role: 'admin',
      });
      return user;
    });
  }

  add(by: Pick<User, 'id'>, name: string, role: Role, pin: string): Promise<PublicUser> {
    return this.serial(async () => {
      this.requireReadableStore();
      const user = await this.newUser(name, role, pin);
      this.commit({ ...this.data, users: [...this.data.users, user] }, 'user.added', by.id, {
        userId: user.id,
        name: user.name,
        role,
      });
      return this.publicUser(user);
    });
  }

  update(
    by: Pick<User, 'id'>,
    userId: string,
    change: { name?: string; role?: Role; disabled?: boolean },
  ): Promise<PublicUser> {
    return this.serial(async () => {
      this.requireReadableStore();
      const user = this.requireUser(userId);
      const next: User = { ...user, ...definedOnly(change) };
      if (change.name !== undefined) this.requireUniqueName(change.name, userId);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of ['name', 'role', 'disabled'] as const) {
        if (next[key] !== user[key]) changes[key] = { from: user[key], to: next[key] };
      }
      if (Object.keys(changes).length === 0) return this.publicUser(user);
      const users = this.data.users.map((u) => (u.id === userId ? next : u));
      if (!users.some((u) => u.role === 'admin' && !u.disabled)) {
        throw forbidden(m.lastAdministrator());
      }
      const onDuty = next.disabled && this.data.onDuty?.userId === userId ? null : this.data.onDuty;
      this.commit({ ...this.data, users, onDuty }, 'user.changed', by.id, { userId, name: next.name, changes });
      return this.publicUser(next);
    });
  }

  resetPin(by: Pick<User, 'id'>, userId: string, pin: string): Promise<PublicUser> {
    return this.serial(async () => {
      this.requireReadableStore();
      const user = this.requireUser(userId);
      const next = { ...user, pinHash: await hashPin(requireValidPin(pin), this.options.pinHashCost) };
      this.commit(this.withUser(next), 'user.pinReset', by.id, { userId, name: user.name });
      this.attempts.clear(userId);
      return this.publicUser(next);
    });
  }

  /** The user changes their own PIN; the current one is checked (and counted) like any other attempt. */
  changePin(userId: string, currentPin: string, newPin: string): Promise<PublicUser> {
    return this.serial(async () => {
      this.requireReadableStore();
      requireValidPin(newPin);
      const user = await this.checkPin(userId, currentPin, false);
      if (currentPin === newPin) {
        throw invalidPin(m.samePin());
      }
      const next = { ...user, pinHash: await hashPin(newPin, this.options.pinHashCost) };
      this.commit(this.withUser(next), 'user.pinChanged', userId, { userId, name: user.name });
      return this.publicUser(next);
    });
  }

  /** Lifts a user's lockout and waits, keeping the PIN; recorded first, so a restart does not bring them back. */
  clearLockout(by: Pick<User, 'id'>, userId: string): Promise<PublicUser> {
    return this.serial(async () => {
      const user = this.requireUser(userId);
      this.audit('user.lockoutCleared', by.id, { userId, name: user.name });
      this.attempts.clear(userId);
      this.options.onChange?.();
      return this.publicUser(user);
    });
  }

  /**
   * Checks a PIN, with waits and lockouts: a wrong one is counted and recorded, a right one clears the count.
   * Only the user's own wrong PINs can keep their PIN from being checked (a wait, a lockout, another check of
   * theirs in flight), and that refusal says the PIN was not checked, never that it was wrong. Wrong PINs
   * across all users only take away the free failures (`FailureWindow`): a right PIN on the first try always
   * gets in. `record` false leaves the success out of the trail (the caller records what it was for).
   */
  async checkPin(userId: string, pin: string, record = true): Promise<User> {
    this.requireReadableStore();
    const user = this.requireUser(userId);
    if (user.disabled) {
      throw forbidden(m.userDisabled(user.name));
    }
    const gate = this.attempts.begin(userId, this.clock());
    if (!gate.allowed) throw new ApiError(pinAttemptRefusalBody(gate));
    let right = false;
    let next: PinAttemptCheck = { allowed: true };
    try {
      right = await verifyPin(pin, user.pinHash);
    } finally {
      if (!right) {
        const now = this.clock();
        next = this.attempts.recordFailure(userId, now, this.allAttempts.overLimit(now));
        this.allAttempts.recordFailure(now);
        this.audit('pin.failed', null, {
          userId,
          name: user.name,
          failures: this.attempts.failureCount(userId, now),
          lockedOut: !next.allowed && next.lockedOut,
        });
      }
    }
    if (!right) throw new ApiError(wrongPinBody(next));
    this.attempts.recordSuccess(userId);
    if (record) this.audit('session.unlocked', userId, { userId, name: user.name, role: user.role });
    return user;
  }

  /** Who is on duty now; a claim older than ON_DUTY_HOURS, or for a disabled user, has lapsed. */
  onDuty(): OnDuty | undefined {
    const claim = this.data.onDuty;
    if (!claim) return undefined;
    const user = this.user(claim.userId);
    const until = Date.parse(claim.since) + ON_DUTY_HOURS * 3_600_000;
    if (!user || user.disabled || this.clock() >= until) return undefined;
    return { user, since: claim.since, until: new Date(until).toISOString() };
  }

  /** Anyone may say who is on duty (no PIN): it is a claim, and recorded as one. */
  setOnDuty(userId: string | null): Promise<OnDuty | undefined> {
    return this.serial(async () => {
      this.requireReadableStore();
      const user = userId === null ? undefined : this.requireUser(userId);
      if (user?.disabled) {
        throw forbidden(m.userDisabled(user.name));
      }
      const onDuty = user ? { userId: user.id, since: new Date(this.clock()).toISOString() } : null;
      this.commit({ ...this.data, onDuty }, 'duty.changed', null, {
        userId: user?.id ?? null,
        name: user?.name ?? null,
      });
      return this.onDuty();
    });
  }

  /** Records an administrative action done elsewhere (settings, exports). */
  audit<T extends AuditEventType>(type: T, by: string | null, data: AuditEventData<T>): void {
    try {
      this.options.audit.append(type, by, data);
    } catch (error) {
      throw storageError(error);
    }
  }

  private async newUser(name: string, role: Role, pin: string): Promise<User> {
    const trimmed = name.trim();
    this.requireUniqueName(trimmed);
    return {
      id: `u-${randomBytes(6).toString('hex')}`,
      name: trimmed,
      role,
      pinHash: await hashPin(requireValidPin(pin), this.options.pinHashCost),
      createdAt: new Date(this.clock()).toISOString(),
      disabled: false,
    };
  }

  /** Saves `next`, then records the action; if the record cannot be written, the change is undone. */
  private commit<T extends AuditEventType>(next: UsersFile, type: T, by: string | null, data: AuditEventData<T>): void {
    const previous = this.data;
    try {
      this.options.store.save(next);
    } catch (error) {
      throw storageError(error);
    }
    this.data = next;
    try {
      this.options.audit.append(type, by, data);
    } catch (error) {
      this.data = previous;
      try {
        this.options.store.save(previous);
      } catch {
        // The disk refuses both: the file holds the change and the trail does not; the error says so below.
      }
      throw storageError(error);
    }
    this.options.onChange?.();
  }

  private withUser(next: User): UsersFile {
    return { ...this.data, users: this.data.users.map((u) => (u.id === next.id ? next : u)) };
  }

  private requireUser(userId: string): User {
    const user = this.user(userId);
    if (!user) throw notFound(API_MESSAGES.userNotFound(userId));
    return user;
  }

  private requireUniqueName(name: string, exceptId?: string): void {
    const key = name.trim().toLowerCase();
    if (this.data.users.some((u) => u.id !== exceptId && u.name.trim().toLowerCase() === key)) {
      throw new ApiError({
        code: 'invalid-input',
        message: m.duplicateUserName(name.trim()),
        issues: [{ path: 'name', message: 'duplicate' }],
      });
    }
  }

  private requireReadableStore(): void {
    if (this.problem) throw new ApiError({ code: 'storage', message: this.problem });
  }

  private trailHasUsers(): boolean {
    return this.options.audit.entries.some((e) => e.type === 'user.setup' || e.type === 'user.added');
  }

  /**
   * Rebuilds each user's run of wrong PINs, and the wrong PINs across all users in the window, from the trail, so
   * a restart lifts neither a wait, a lockout, nor the slowed guessing after a spray across many users. The
   * trail is replayed in order, so each failure is `slowed` exactly as it was when it happened.
   */
  private restoreWrongPinCounts(): void {
    const runs = new Map<string, { failures: number; at: number; slowed: boolean }>();
    for (const entry of this.options.audit.entries) {
      const userId = (entry.data as { userId?: unknown }).userId;
      if (typeof userId !== 'string') continue;
      if (entry.type === 'pin.failed') {
        const at = Date.parse(entry.at);
        if (!Number.isFinite(at)) continue;
        const slowed = this.allAttempts.overLimit(at);
        this.allAttempts.recordFailure(at);
        runs.set(userId, { failures: (entry.data as { failures: number }).failures, at, slowed });
      } else if (CLEARS_WRONG_PINS.has(entry.type)) runs.delete(userId);
    }
    for (const [userId, run] of runs) this.attempts.restore(userId, run.failures, run.at, run.slowed);
  }

  /** One change at a time: hashing is asynchronous, and two adds must not both pass the name check. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => {});
    return result;
  }
}

const CLEARS_WRONG_PINS = new Set([
  'session.unlocked',
  'signOff.pinConfirmed',
  'user.pinReset',
  'user.pinChanged',
  'user.lockoutCleared',
]);

function requireValidPin(pin: string): string {
  if (!isValidPin(pin)) {
    throw invalidPin(m.pinRules());
  }
  return pin;
}

function invalidPin(message: Text): ApiError {
  return new ApiError({ code: 'invalid-input', message, issues: [{ path: 'pin', message: message.en }] });
}

function forbidden(message: Text): ApiError {
  return new ApiError({ code: 'forbidden', message });
}

function storageError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const code =
    error instanceof UserStoreWriteError
      ? error.code
      : ((error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)));
  return new ApiError({
    code: 'storage',
    message: m.notSaved(code),
  });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
