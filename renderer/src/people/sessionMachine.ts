// This window's session as a state machine: the session view and who had unlocked before an idle lock, the PIN
// prompt and the requests waiting on it, the local idle-lock check and the throttled "still in use" touches.
// Pure (no React, no DOM): the API calls are the actors `sessionCall` and `listUsers`, given through `provide`;
// the timers are delayed transitions on the actor's clock, so tests run them on xstate's SimulatedClock.
import { assertEvent, assign, emit, enqueueActions, fromPromise, setup } from 'xstate';
import type { PublicUser, Role } from '../../../shared/people/roles';
import type { SessionView } from '../../../shared/people/session';
import {
  isUnlockedAs,
  locallyLocked,
  LOCK_CHECK_AFTER_MS,
  STILL_FRESH_MS,
  TOUCH_EVERY_MS,
  withView,
  type SessionCall,
  type SessionEvent,
  type SessionMachineContext,
  type SessionMachineInput,
  type SessionReply,
  type Why,
} from './sessionProtocol';

// Spawned calls answer with these events, each followed by the call's id (`call.<n>`, `users.<n>`).
const DONE = 'xstate.done.actor.';
const FAILED = 'xstate.error.actor.';

export const sessionMachine = setup({
  types: {
    context: {} as SessionMachineContext,
    events: {} as SessionEvent,
    input: {} as SessionMachineInput,
    emitted: {} as SessionReply,
  },
  actors: {
    sessionCall: fromPromise<SessionView, SessionCall>(() =>
      Promise.reject(new Error('sessionMachine: provide the sessionCall actor')),
    ),
    listUsers: fromPromise<PublicUser[]>(() =>
      Promise.reject(new Error('sessionMachine: provide the listUsers actor')),
    ),
  },
  delays: {
    untilLockTime: ({ context }) => {
      const expiresAt = context.view?.unlocked?.expiresAt;
      return Math.max(0, (expiresAt ? Date.parse(expiresAt) : 0) - context.now()) + LOCK_CHECK_AFTER_MS;
    },
    touchEvery: TOUCH_EVERY_MS,
  },
  guards: {
    isUnlocked: ({ context }) => !!context.view?.unlocked,
    isLapsed: ({ context }) => context.lapsed !== null,
    somebodyWaiting: ({ context }) => context.waiting.length > 0,
    usedSinceTouch: ({ context }) => context.usedSinceTouch,
    alreadyUnlockedAs: ({ context }, minRole: Role) => isUnlockedAs(context.view, minRole),
    stillFresh: ({ context }, view: SessionView) =>
      !!view.unlocked && Date.parse(view.unlocked.expiresAt) > context.now() + STILL_FRESH_MS,
    unlockedOnBackend: (_, view: SessionView) => !!view.unlocked,
  },
  actions: {
    /** Sends a session call; its answer is applied unless a later one has been already. */
    call: enqueueActions(({ context, enqueue }, params: { call: SessionCall; why?: Why; request?: string }) => {
      const number = context.sent + 1;
      const id = `call.${number}`;
      enqueue.assign({
        sent: number,
        calls: { ...context.calls, [id]: { number, why: params.why ?? 'other', request: params.request } },
      });
      enqueue.spawnChild('sessionCall', { id, input: params.call });
    }),
    loadUsers: enqueueActions(({ context, enqueue }, params: { request?: string }) => {
      const id = `users.${context.sent + 1}`;
      enqueue.assign({ sent: context.sent + 1, userLoads: { ...context.userLoads, [id]: params.request } });
      enqueue.spawnChild('listUsers', { id });
    }),
    /** A view known now (an unlock, a lock check, a local lock): newer than any answer still on its way. */
    applyNewest: enqueueActions(({ context, enqueue }, params: { view: SessionView | undefined; why?: Why }) => {
      if (!params.view) return;
      const number = context.sent + 1;
      enqueue.assign({ ...withView(context, params.view, params.why ?? 'other'), sent: number, applied: number });
      enqueue.raise({ type: 'view.changed' });
    }),
    settleCall: enqueueActions(({ context, event, enqueue }) => {
      const id = event.type.slice(DONE.length);
      const pending = context.calls[id];
      if (!pending) return;
      const view = (event as unknown as { output: SessionView }).output;
      const { [id]: _done, ...calls } = context.calls;
      enqueue.assign({ calls });
      if (pending.number >= context.applied) {
        enqueue.assign({ ...withView(context, view, pending.why), applied: pending.number });
        enqueue.raise({ type: 'view.changed' });
      }
      if (pending.request !== undefined)
        enqueue.emit({ type: 'reply', request: pending.request, ok: true, value: view });
    }),
    failCall: enqueueActions(({ context, event, enqueue }) => {
      const id = event.type.slice(FAILED.length);
      const pending = context.calls[id];
      if (!pending) return;
      const { [id]: _failed, ...calls } = context.calls;
      enqueue.assign({ calls });
      if (pending.request === undefined) return;
      const error = (event as unknown as { error: unknown }).error;
      enqueue.emit({ type: 'reply', request: pending.request, ok: false, error });
    }),
    settleUsers: enqueueActions(({ context, event, enqueue }) => {
      const id = event.type.slice(DONE.length);
      if (!(id in context.userLoads)) return;
      const users = (event as unknown as { output: PublicUser[] }).output;
      const { [id]: request, ...userLoads } = context.userLoads;
      enqueue.assign({ users, userLoads });
      if (request !== undefined) enqueue.emit({ type: 'reply', request, ok: true, value: users });
    }),
    failUsers: enqueueActions(({ context, event, enqueue }) => {
      const id = event.type.slice(FAILED.length);
      if (!(id in context.userLoads)) return;
      const { [id]: request, ...userLoads } = context.userLoads;
      enqueue.assign({ userLoads });
      const error = (event as unknown as { error: unknown }).error;
      if (request !== undefined) enqueue.emit({ type: 'reply', request, ok: false, error });
    }),
    /**
     * The PIN was right: the first request is answered with whether its role was reached. When it was, others
     * already satisfied are answered too and the rest keep waiting (the prompt asks again); when not, all fail.
     */
    settleWaiting: enqueueActions(({ context, enqueue }) => {
      const [first, ...rest] = context.waiting;
      if (!first) return;
      if (!isUnlockedAs(context.view, first.minRole)) {
        for (const w of context.waiting) enqueue.emit({ type: 'reply', request: w.request, ok: true, value: false });
        enqueue.assign({ waiting: [] });
        return;
      }
      const stillWaiting = rest.filter((w) => !isUnlockedAs(context.view, w.minRole));
      for (const w of context.waiting.filter((w) => !stillWaiting.includes(w))) {
        enqueue.emit({ type: 'reply', request: w.request, ok: true, value: true });
      }
      enqueue.assign({ waiting: stillWaiting });
    }),
    refuseWaiting: enqueueActions(({ context, enqueue }) => {
      for (const w of context.waiting) enqueue.emit({ type: 'reply', request: w.request, ok: true, value: false });
      enqueue.assign({ waiting: [] });
    }),
  },
}).createMachine({
  id: 'session',
  type: 'parallel',
  context: ({ input }) => ({
    now: input.now ?? Date.now,
    view: undefined,
    lapsed: null,
    users: undefined,
    sent: 0,
    applied: 0,
    calls: {},
    userLoads: {},
    waiting: [],
    pinRequest: undefined,
    usedSinceTouch: false,
  }),
  on: {
    'session.refresh': {
      actions: { type: 'call', params: ({ event }) => ({ call: { kind: 'get' }, request: event.request }) },
    },
    // Users or who is on duty changed (here or in another window): ask again, as each window's view differs.
    'people.changed': {
      actions: [
        { type: 'call', params: { call: { kind: 'get' } } },
        enqueueActions(({ context, enqueue }) => {
          if (context.users !== undefined) enqueue({ type: 'loadUsers', params: {} });
        }),
      ],
    },
    'session.apply': { actions: { type: 'applyNewest', params: ({ event }) => ({ view: event.view }) } },
    'session.lock': {
      actions: {
        type: 'call',
        params: ({ event }) => ({ call: { kind: 'lock' }, why: 'manual', request: event.request }),
      },
    },
    'session.setOnDuty': {
      actions: {
        type: 'call',
        params: ({ event }) => ({ call: { kind: 'setOnDuty', userId: event.userId }, request: event.request }),
      },
    },
    'session.lockedBehind': {
      actions: [
        { type: 'applyNewest', params: ({ context }) => ({ view: locallyLocked(context) }) },
        { type: 'call', params: { call: { kind: 'get' } } },
      ],
    },
    'users.reload': { actions: { type: 'loadUsers', params: ({ event }) => ({ request: event.request }) } },
    'unlock.request': [
      {
        guard: { type: 'alreadyUnlockedAs', params: ({ event }) => event.minRole },
        actions: emit(({ event }) => ({ type: 'reply', request: event.request, ok: true, value: true }) as const),
      },
      {
        actions: assign({
          waiting: ({ context, event }) => [...context.waiting, { request: event.request, minRole: event.minRole }],
        }),
      },
    ],
    [`${DONE}call.*`]: { actions: 'settleCall' },
    [`${FAILED}call.*`]: { actions: 'failCall' },
    [`${DONE}users.*`]: { actions: 'settleUsers' },
    [`${FAILED}users.*`]: { actions: 'failUsers' },
  },
  states: {
    view: {
      initial: 'loading',
      on: {
        'view.changed': [
          { guard: 'isUnlocked', target: '.unlocked' },
          { guard: 'isLapsed', target: '.lapsed' },
          { target: '.locked' },
        ],
      },
      states: {
        loading: { entry: { type: 'call', params: { call: { kind: 'get' } } } },
        locked: {},
        /** Locked for want of use: the forms stay on screen and the next action asks for the PIN again. */
        lapsed: {},
        unlocked: {
          initial: 'waiting',
          // Every view still unlocked starts the timer again, to the latest lock time.
          on: { 'view.changed': { guard: 'isUnlocked', target: '.waiting' } },
          states: {
            waiting: { after: { untilLockTime: 'checking' } },
            // The lock time has passed here: ask the backend (a protected call may have pushed it back).
            checking: {
              invoke: {
                id: 'lockCheck',
                src: 'sessionCall',
                input: { kind: 'get' },
                onDone: [
                  {
                    guard: { type: 'stillFresh', params: ({ event }) => event.output },
                    actions: { type: 'applyNewest', params: ({ event }) => ({ view: event.output }) },
                  },
                  { guard: { type: 'unlockedOnBackend', params: ({ event }) => event.output }, target: 'locking' },
                  { actions: { type: 'applyNewest', params: ({ event }) => ({ view: event.output }) } },
                ],
                // The backend is unreachable: show the window locked all the same.
                onError: {
                  actions: { type: 'applyNewest', params: ({ context }) => ({ view: locallyLocked(context) }) },
                },
              },
            },
            locking: {
              invoke: {
                id: 'lockNow',
                src: 'sessionCall',
                input: { kind: 'lock' },
                onDone: { actions: { type: 'applyNewest', params: ({ event }) => ({ view: event.output }) } },
                onError: {
                  actions: { type: 'applyNewest', params: ({ context }) => ({ view: locallyLocked(context) }) },
                },
              },
            },
          },
        },
      },
    },
    // While unlocked, use is told to the backend at most every TOUCH_EVERY_MS, and once more after the last burst,
    // so the lock counts from the last use rather than from the first of a busy half-minute.
    touch: {
      initial: 'off',
      on: { 'view.changed': { guard: ({ context }) => !context.view?.unlocked, target: '.off' } },
      states: {
        off: { on: { 'view.changed': { guard: 'isUnlocked', target: 'cooling' } } },
        ready: {
          on: { activity: { target: 'cooling', actions: { type: 'call', params: { call: { kind: 'touch' } } } } },
        },
        cooling: {
          entry: assign({ usedSinceTouch: false }),
          on: { activity: { actions: assign({ usedSinceTouch: true }) } },
          after: {
            touchEvery: [
              {
                guard: 'usedSinceTouch',
                target: 'cooling',
                reenter: true,
                actions: { type: 'call', params: { call: { kind: 'touch' } } },
              },
              { target: 'ready' },
            ],
          },
        },
      },
    },
    // One PIN prompt at a time, for the first request waiting.
    prompt: {
      initial: 'closed',
      states: {
        closed: { always: { guard: 'somebodyWaiting', target: 'asking' } },
        asking: {
          on: {
            'pin.submit': { target: 'checking', actions: assign({ pinRequest: ({ event }) => event.request }) },
            'pin.cancel': { target: 'closed', actions: 'refuseWaiting' },
          },
        },
        checking: {
          invoke: {
            id: 'pinCheck',
            src: 'sessionCall',
            input: ({ event }) => {
              assertEvent(event, 'pin.submit');
              return { kind: 'unlock', userId: event.userId, pin: event.pin };
            },
            onDone: {
              target: 'closed',
              actions: [
                { type: 'applyNewest', params: ({ event }) => ({ view: event.output }) },
                'settleWaiting',
                emit(
                  ({ context }) =>
                    ({ type: 'reply', request: context.pinRequest!, ok: true, value: undefined }) as const,
                ),
              ],
            },
            onError: {
              target: 'asking',
              actions: emit(
                ({ context, event }) =>
                  ({ type: 'reply', request: context.pinRequest!, ok: false, error: event.error }) as const,
              ),
            },
          },
          on: {
            // Cancelled while the PIN is checked: the answer is not awaited, so ask what the backend decided.
            'pin.cancel': {
              target: 'closed',
              actions: ['refuseWaiting', { type: 'call', params: { call: { kind: 'get' } } }],
            },
          },
        },
      },
    },
  },
});

export type SessionMachine = typeof sessionMachine;
