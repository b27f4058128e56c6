// The session machine's protocol: the calls it makes, its events and replies, its context, and the rules for
// applying a session view (who lapsed, whether a role is reached). Pure: no React, no DOM, no xstate.
import { roleAtLeast, type PublicUser, type Role } from '../../../shared/people/roles';
import type { SessionView } from '../../../shared/people/session';

/** A window in use pushes its idle lock back at most this often (the backend only sees API calls). */
export const TOUCH_EVERY_MS = 30_000;
/** The local lock check runs this long after the lock time, so the backend's own lock has passed too. */
export const LOCK_CHECK_AFTER_MS = 200;
/** A lock time still this far off when checked was pushed back (by a protected call): keep the window unlocked. */
export const STILL_FRESH_MS = 1000;

/** The session calls the machine makes; `sessionCall` turns each into the API call of the same name. */
export type SessionCall =
  | { kind: 'get' }
  | { kind: 'touch' }
  | { kind: 'lock' }
  | { kind: 'setOnDuty'; userId: string | null }
  | { kind: 'unlock'; userId: string; pin: string };

export interface Identity {
  userId: string;
  name: string;
  role: Role;
}

/** 'manual': locked on purpose, so nobody is offered again as the one who lapsed. */
export type Why = 'manual' | 'other';

export interface PendingCall {
  number: number;
  why: Why;
  request?: string;
}

/** A request for the PIN prompt: answered with a reply `true` once unlocked as `minRole`, `false` if cancelled. */
export interface UnlockRequest {
  request: string;
  minRole: Role;
}

export interface SessionMachineContext {
  now: () => number;
  /** Undefined until session.get has answered. */
  view: SessionView | undefined;
  lapsed: Identity | null;
  users: PublicUser[] | undefined;
  /**
   * Calls (and user loads) are numbered as sent, which also names the actor of each; an answer older than the
   * last applied is dropped (the newest request wins).
   */
  sent: number;
  applied: number;
  calls: Record<string, PendingCall>;
  userLoads: Record<string, string | undefined>;
  /** Waiting for the PIN, oldest first; the prompt asks for the first. */
  waiting: UnlockRequest[];
  pinRequest: string | undefined;
  usedSinceTouch: boolean;
}

export type SessionEvent =
  | { type: 'session.refresh'; request?: string }
  | { type: 'people.changed' }
  | { type: 'session.apply'; view: SessionView }
  | { type: 'session.lock'; request?: string }
  | { type: 'session.setOnDuty'; userId: string | null; request?: string }
  /** An action was refused as `locked`: the backend locked this window behind the page's back. */
  | { type: 'session.lockedBehind' }
  | { type: 'users.reload'; request?: string }
  | { type: 'unlock.request'; request: string; minRole: Role }
  | { type: 'pin.submit'; request: string; userId: string; pin: string }
  | { type: 'pin.cancel' }
  /** A pointer, key or touch in the window. */
  | { type: 'activity' }
  | { type: 'view.changed' };

/** The answer to an event that carried a `request`. */
export type SessionReply = { type: 'reply'; request: string } & (
  { ok: true; value: unknown } | { ok: false; error: unknown }
);

export interface SessionMachineInput {
  /** The clock lock times are compared with (the actor's clock runs the timers). */
  now?: () => number;
}

/** The view after `next` arrives: who lapsed is remembered when the window locks itself, forgotten otherwise. */
export function withView(context: SessionMachineContext, next: SessionView, why: Why) {
  const before = context.view?.unlocked;
  let lapsed = context.lapsed;
  if (next.unlocked || why === 'manual') lapsed = null;
  else if (before) lapsed = { userId: before.userId, name: before.name, role: before.role };
  return { view: next, lapsed };
}

/** The view as it is once the window is known to be locked. */
export const locallyLocked = (context: SessionMachineContext) =>
  context.view ? { ...context.view, unlocked: null } : undefined;

export function isUnlockedAs(view: SessionView | undefined, minRole: Role): boolean {
  const role = view?.unlocked?.role;
  return role !== undefined && roleAtLeast(role, minRole);
}
