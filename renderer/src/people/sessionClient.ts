// The session machine as promises for the screens: each request is an event carrying an id, answered by the
// machine's `reply` of the same id. `withUnlock` runs an action that needs a role once the PIN was given (and
// again, once, when the backend says the window locked itself meanwhile). Pure: no React, no DOM.
import { createActor, fromPromise, type Actor, type ActorOptions } from 'xstate';
import { ApiError } from '../../../shared/api/errors';
import type { ApiClient } from '../../../shared/api/client';
import { roleAtLeast, type PublicUser, type Role } from '../../../shared/people/roles';
import type { SessionView } from '../../../shared/people/session';
import { sessionMachine } from './sessionMachine';
import { isUnlockedAs, type SessionCall, type SessionEvent, type SessionReply } from './sessionProtocol';

export type SessionActor = Actor<typeof sessionMachine>;
type Clock = NonNullable<ActorOptions<typeof sessionMachine>['clock']>;

/** What the machine needs from the backend: one call per session channel, and the user list. */
export interface SessionBackend {
  call(call: SessionCall): Promise<SessionView>;
  listUsers(): Promise<PublicUser[]>;
}

/** The API client as the machine's backend. */
export function backendOf(api: ApiClient): SessionBackend {
  return {
    call(call) {
      switch (call.kind) {
        case 'get':
          return api.call('session.get');
        case 'touch':
          return api.call('session.touch');
        case 'lock':
          return api.call('session.lock');
        case 'setOnDuty':
          return api.call('session.setOnDuty', { userId: call.userId });
        case 'unlock':
          return api.call('session.unlock', { userId: call.userId, pin: call.pin });
      }
    },
    listUsers: () => api.call('users.list'),
  };
}

/** A session actor (not yet started) calling `backend`, its timers on `clock` and lock times read from `now`. */
export function createSessionActor(backend: SessionBackend, options: { clock?: Clock; now?: () => number } = {}) {
  const machine = sessionMachine.provide({
    actors: {
      sessionCall: fromPromise<SessionView, SessionCall>(({ input }) => backend.call(input)),
      listUsers: fromPromise<PublicUser[]>(() => backend.listUsers()),
    },
  });
  return createActor(machine, { input: { now: options.now }, ...(options.clock && { clock: options.clock }) });
}

export interface SessionClient {
  view(): SessionView | undefined;
  isUnlockedAs(minRole: Role): boolean;
  /** Whether forms for `minRole` are shown: unlocked as it, or lapsed from it (the next action asks again). */
  mayEditAs(minRole: Role): boolean;
  refresh(): Promise<void>;
  reloadUsers(): Promise<PublicUser[]>;
  apply(view: SessionView): void;
  lock(): Promise<void>;
  setOnDuty(userId: string | null): Promise<void>;
  /** Opens the PIN prompt (or waits for the one open); true once unlocked as `minRole` or above, false if cancelled. */
  requestUnlock(minRole?: Role): Promise<boolean>;
  /** The prompt's PIN for `userId`: resolves when accepted, rejects with the backend's error (a wrong PIN). */
  submitPin(userId: string, pin: string): Promise<void>;
  cancelPin(): void;
  /** Runs `action` as `minRole` or above, asking for a PIN when needed; undefined when the PIN was not given. */
  withUnlock<T>(minRole: Role, action: () => Promise<T>): Promise<T | undefined>;
}

let requests = 0;

export function sessionClient(actor: SessionActor): SessionClient {
  /** Sends the event made for a fresh request id and waits for the machine's reply to it. */
  const ask = <T>(make: (request: string) => SessionEvent): Promise<T> => {
    const request = `request.${++requests}`;
    return new Promise<T>((resolve, reject) => {
      const subscription = actor.on('reply', (reply: SessionReply) => {
        if (reply.request !== request) return;
        subscription.unsubscribe();
        if (reply.ok) resolve(reply.value as T);
        else reject(reply.error);
      });
      actor.send(make(request));
    });
  };
  const view = () => actor.getSnapshot().context.view;
  const unlockedAs = (minRole: Role) => isUnlockedAs(view(), minRole);
  const requestUnlock = (minRole: Role = 'guard') =>
    ask<boolean>((request) => ({ type: 'unlock.request', request, minRole }));
  return {
    view,
    isUnlockedAs: unlockedAs,
    mayEditAs(minRole) {
      const { view: current, lapsed } = actor.getSnapshot().context;
      const role = current?.unlocked?.role ?? lapsed?.role;
      return role !== undefined && roleAtLeast(role, minRole);
    },
    refresh: () => ask((request) => ({ type: 'session.refresh', request })),
    reloadUsers: () => ask((request) => ({ type: 'users.reload', request })),
    apply: (next) => actor.send({ type: 'session.apply', view: next }),
    lock: () => ask((request) => ({ type: 'session.lock', request })),
    setOnDuty: (userId) => ask((request) => ({ type: 'session.setOnDuty', userId, request })),
    requestUnlock,
    submitPin: (userId, pin) => ask((request) => ({ type: 'pin.submit', request, userId, pin })),
    cancelPin: () => actor.send({ type: 'pin.cancel' }),
    async withUnlock<T>(minRole: Role, action: () => Promise<T>): Promise<T | undefined> {
      if (!unlockedAs(minRole) && !(await requestUnlock(minRole))) return undefined;
      try {
        return await action();
      } catch (error) {
        // The window locked itself between our last look and the call: ask again, then try once more.
        if (!(error instanceof ApiError) || error.body.code !== 'locked') throw error;
        actor.send({ type: 'session.lockedBehind' });
        if (!(await requestUnlock(minRole))) return undefined;
        return await action();
      }
    },
  };
}
