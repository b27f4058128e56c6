// One session per window (an IPC sender, a browser tab): unlocked by a user's PIN, locked again after a spell
// without use. Roles are read from the user store on every check, so disabling a user or changing their role
// takes effect at once, even in a window they have already unlocked.
import { ApiError, type ApiErrorBody } from '../../shared/api/errors';
import type { Caller } from '../../shared/api/dispatch';
import { mayAccess, ROLE_LABELS, type Access, type Role, type User } from '../../shared/people/roles';
import type { SessionView } from '../../shared/people/session';
import { PEOPLE_MESSAGES } from '../../shared/messages/people';
import type { PeopleService } from './peopleService';

/** Unlocked windows remembered at once; the least recently used is locked first beyond this. */
const MAX_UNLOCKED = 64;

interface Unlocked {
  userId: string;
  lastUsed: number;
}

export class Sessions {
  private readonly unlocked = new Map<string, Unlocked>();

  constructor(
    private readonly people: PeopleService,
    private readonly idleMs: () => number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The user who unlocked this window, while it is unlocked and they are still enabled. */
  userOf(caller: Caller): User | undefined {
    const entry = this.unlocked.get(caller.sessionId);
    if (!entry) return undefined;
    const user = this.people.user(entry.userId);
    if (!user || user.disabled || this.clock() - entry.lastUsed >= this.idleMs()) {
      this.unlocked.delete(caller.sessionId);
      return undefined;
    }
    return user;
  }

  roleOf(caller: Caller): Role | null {
    return this.userOf(caller)?.role ?? null;
  }

  /** The dispatch guard: undefined when `caller` may use `access`; a call that needed the role counts as use. */
  authorize(access: Access, caller: Caller): ApiErrorBody | undefined {
    const role = this.roleOf(caller);
    if (mayAccess(access, role)) {
      if (access !== 'anyone') this.touch(caller);
      return undefined;
    }
    if (access === 'anyone') return undefined; // unreachable: anyone may; kept for the type's sake
    const needed = ROLE_LABELS[access];
    if (role === null) {
      return {
        code: 'locked',
        message: PEOPLE_MESSAGES.pinOfRoleNeeded(needed),
      };
    }
    const have = ROLE_LABELS[role];
    return {
      code: 'forbidden',
      message: PEOPLE_MESSAGES.roleTooLow(needed, have),
    };
  }

  async unlock(caller: Caller, userId: string, pin: string): Promise<SessionView> {
    const user = await this.people.checkPin(userId, pin);
    this.remember(caller, user);
    return this.view(caller);
  }

  /** Unlocks the window as a user just created (first start), who typed their PIN a moment ago. */
  unlockAs(caller: Caller, user: User): void {
    this.remember(caller, user);
  }

  lock(caller: Caller): SessionView {
    this.unlocked.delete(caller.sessionId);
    return this.view(caller);
  }

  touch(caller: Caller): SessionView {
    const entry = this.unlocked.get(caller.sessionId);
    if (entry && this.userOf(caller)) entry.lastUsed = this.clock();
    return this.view(caller);
  }

  /** Locks every window unlocked as `userId` (their PIN was reset, or they were disabled). */
  lockUser(userId: string): void {
    for (const [sessionId, entry] of this.unlocked) if (entry.userId === userId) this.unlocked.delete(sessionId);
  }

  /**
   * Who acts, as best known: who is on duty (what Home shows the guard at the PC), else the user who unlocked
   * this window, else nobody. A manager who unlocked the window a minute ago is not the guard who then starts
   * an incident; a trainer leading a drill records the guard on duty as its operator, as the drill is theirs.
   */
  personOf(caller: Caller): string | null {
    return this.people.onDuty()?.user.name ?? this.userOf(caller)?.name ?? null;
  }

  view(caller: Caller): SessionView {
    const user = this.userOf(caller);
    const entry = this.unlocked.get(caller.sessionId);
    const onDuty = this.people.onDuty();
    const problem = this.people.storeProblem();
    return {
      setupNeeded: this.people.setupNeeded(),
      ...(problem ? { storeProblem: problem } : {}),
      onDuty: onDuty
        ? {
            userId: onDuty.user.id,
            name: onDuty.user.name,
            role: onDuty.user.role,
            since: onDuty.since,
            until: onDuty.until,
          }
        : null,
      unlocked:
        user && entry
          ? {
              userId: user.id,
              name: user.name,
              role: user.role,
              expiresAt: new Date(entry.lastUsed + this.idleMs()).toISOString(),
              idleMs: this.idleMs(),
            }
          : null,
    };
  }

  /** The unlocked user, for handlers of channels that need one (their access was already checked). */
  requireUser(caller: Caller): User {
    const user = this.userOf(caller);
    if (!user) {
      throw new ApiError({
        code: 'locked',
        message: PEOPLE_MESSAGES.unlockFirst(),
      });
    }
    return user;
  }

  private remember(caller: Caller, user: User): void {
    this.unlocked.delete(caller.sessionId);
    if (this.unlocked.size >= MAX_UNLOCKED) {
      const oldest = [...this.unlocked.entries()].sort((a, b) => a[1].lastUsed - b[1].lastUsed)[0]!;
      this.unlocked.delete(oldest[0]);
    }
    this.unlocked.set(caller.sessionId, { userId: user.id, lastUsed: this.clock() });
  }
}
