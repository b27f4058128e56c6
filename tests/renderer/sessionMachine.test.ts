// The renderer's session machine (pure module, runs in Node): unlock and wrong PIN, requests waiting on the prompt,
// the idle lock on a simulated clock, throttled touches, pushes, and answers that arrive out of order. The API
// boundary is a small fake backend with its own idle lock on the same simulated clock.
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { ApiError } from '../../shared/api/errors';
import type { PublicUser, Role } from '../../shared/people/roles';
import type { SessionView } from '../../shared/people/session';
import {
  createSessionActor,
  sessionClient,
  type SessionActor,
  type SessionBackend,
} from '../../renderer/src/people/sessionClient';
import { LOCK_CHECK_AFTER_MS, TOUCH_EVERY_MS, type SessionCall } from '../../renderer/src/people/sessionProtocol';

const START = Date.parse('2026-12-05T02:00:00Z');
const IDLE_MS = 5 * 60_000;
const PEOPLE: (PublicUser & { pin: string })[] = [
  { id: 'li', name: '李安全', role: 'manager', createdAt: '2026-01-01T00:00:00Z', disabled: false, pin: '2468' },
  { id: 'wang', name: '王保安', role: 'guard', createdAt: '2026-01-01T00:00:00Z', disabled: false, pin: '1357' },
];

/** The backend as this window sees it: one unlocked user with an idle lock on the simulated clock. */
class FakeBackend implements SessionBackend {
  readonly calls: { kind: SessionCall['kind'] | 'users'; at: number }[] = [];
  unlocked: { userId: string; lastUsed: number } | null = null;
  /** When false, the backend's own idle lock does not run (as when its timer is behind the page's). */
  enforcesIdleLock = true;
  reachable = true;
  private readonly gates = new Map<SessionCall['kind'], Promise<void>>();

  constructor(private readonly clock: SimulatedClock) {}

  /** The next call of `kind` is answered only when the returned function is called. */
  hold(kind: SessionCall['kind']): () => void {
    let release!: () => void;
    this.gates.set(kind, new Promise<void>((resolve) => (release = resolve)));
    return release;
  }

  async call(call: SessionCall): Promise<SessionView> {
    this.calls.push({ kind: call.kind, at: this.clock.now() });
    const gate = this.gates.get(call.kind);
    this.gates.delete(call.kind);
    const view = this.answer(call); // decided when the call arrives, as the real backend does
    if (gate) await gate;
    if (!this.reachable) throw new Error('backend unreachable');
    return view;
  }

  async listUsers(): Promise<PublicUser[]> {
    this.calls.push({ kind: 'users', at: this.clock.now() });
    return PEOPLE.map(({ pin: _pin, ...user }) => user);
  }

  view(): SessionView {
    if (this.unlocked && this.enforcesIdleLock && this.clock.now() - this.unlocked.lastUsed >= IDLE_MS) {
      this.unlocked = null;
    }
    const user = this.unlocked && PEOPLE.find((p) => p.id === this.unlocked!.userId)!;
    return {
      setupNeeded: false,
      onDuty: null,
      unlocked:
        user && this.unlocked
          ? {
              userId: user.id,
              name: user.name,
              role: user.role,
              expiresAt: new Date(this.unlocked.lastUsed + IDLE_MS).toISOString(),
              idleMs: IDLE_MS,
            }
          : null,
    };
  }

  private answer(call: SessionCall): SessionView {
    if (!this.reachable) return this.view();
    switch (call.kind) {
      case 'get':
        return this.view();
      case 'touch':
        if (this.view().unlocked) this.unlocked!.lastUsed = this.clock.now();
        return this.view();
      case 'lock':
        this.unlocked = null;
        return this.view();
      case 'setOnDuty':
        return this.view();
      case 'unlock': {
        const user = PEOPLE.find((p) => p.id === call.userId);
        if (!user || user.pin !== call.pin) {
          throw new ApiError({ code: 'forbidden', message: { 'zh-CN': 'PIN 不正确', en: 'Wrong PIN' } });
        }
        this.unlocked = { userId: user.id, lastUsed: this.clock.now() };
        return this.view();
      }
    }
  }

  count(kind: SessionCall['kind'] | 'users'): number {
    return this.calls.filter((c) => c.kind === kind).length;
  }
}

const running: SessionActor[] = [];
afterEach(() => running.splice(0).forEach((actor) => actor.stop()));

/** Lets the fake backend's promises settle and the machine take their answers. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

async function startSession() {
  const clock = new SimulatedClock();
  clock.set(START);
  const backend = new FakeBackend(clock);
  const actor = createSessionActor(backend, { clock, now: () => clock.now() });
  running.push(actor);
  actor.start();
  await settle();
  const client = sessionClient(actor);
  const state = () => actor.getSnapshot();
  /** The prompt's minimum role while it is open, else null. */
  const prompt = (): Role | null =>
    state().matches({ prompt: 'closed' }) ? null : (state().context.waiting[0]?.minRole ?? null);
  /** Advances the simulated clock, letting calls answer at each step. */
  const advance = async (ms: number, step = 1000) => {
    for (let left = ms; left > 0; left -= step) {
      clock.increment(Math.min(step, left));
      await settle();
    }
  };
  return { clock, backend, actor, client, state, prompt, advance };
}

/** Unlocks through the prompt as `who`, as the PIN dialog does. */
async function unlockAs(session: Awaited<ReturnType<typeof startSession>>, who: (typeof PEOPLE)[number], role: Role) {
  const unlocked = session.client.requestUnlock(role);
  await settle();
  await session.client.submitPin(who.id, who.pin);
  return unlocked;
}

describe('the session machine', () => {
  it('loads the session view at start and shows the window locked', async () => {
    const { state, backend } = await startSession();
    expect(backend.calls.map((c) => c.kind)).toEqual(['get']);
    expect(state().matches({ view: 'locked' })).toBe(true);
    expect(state().context.view?.unlocked).toBeNull();
  });

  it('unlocks with the right PIN after a wrong one, which is refused and leaves the prompt open', async () => {
    const session = await startSession();
    const { client, state, prompt } = session;
    const unlocked = client.requestUnlock('manager');
    await settle();
    expect(prompt()).toBe('manager');

    const wrong = await client.submitPin('li', '0000').catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(ApiError);
    expect((wrong as ApiError).body.message['zh-CN']).toBe('PIN 不正确');
    expect(prompt()).toBe('manager');
    expect(client.isUnlockedAs('guard')).toBe(false);

    await client.submitPin('li', '2468');
    expect(await unlocked).toBe(true);
    expect(prompt()).toBeNull();
    expect(state().matches({ view: 'unlocked' })).toBe(true);
    expect(client.isUnlockedAs('manager')).toBe(true);
    expect(client.isUnlockedAs('admin')).toBe(false);
  });

  it('runs an action waiting for the PIN once after the unlock, and not at all when the prompt is cancelled', async () => {
    const { client, prompt, backend } = await startSession();
    const ran: string[] = [];
    const cancelled = client.withUnlock('manager', async () => ran.push('cancelled'));
    await settle();
    client.cancelPin();
    expect(await cancelled).toBeUndefined();
    expect(prompt()).toBeNull();

    const first = client.withUnlock('manager', async () => (ran.push('first'), 'saved'));
    const second = client.withUnlock('guard', async () => (ran.push('second'), 'noted'));
    await settle();
    expect(prompt()).toBe('manager'); // one prompt for both
    expect(ran).toEqual([]);
    await client.submitPin('li', '2468');
    expect(await Promise.all([first, second])).toEqual(['saved', 'noted']);
    expect(ran).toEqual(['first', 'second']);
    expect(backend.count('unlock')).toBe(1);
  });

  it('asks again for a request whose role the first unlock did not reach', async () => {
    const { client, prompt } = await startSession();
    const asGuard = client.requestUnlock('guard');
    const asManager = client.requestUnlock('manager');
    await settle();
    expect(prompt()).toBe('guard');
    await client.submitPin('wang', '1357');
    expect(await asGuard).toBe(true);
    expect(prompt()).toBe('manager');
    await client.submitPin('li', '2468');
    expect(await asManager).toBe(true);
    expect(client.isUnlockedAs('manager')).toBe(true);
  });

  it('keeps the prompt open while views arrive (a push, a refresh), then unlocks', async () => {
    const { actor, client, prompt, state } = await startSession();
    const unlocked = client.requestUnlock('guard');
    await settle();
    actor.send({ type: 'people.changed' });
    await client.refresh();
    expect(prompt()).toBe('guard');
    await client.submitPin('wang', '1357');
    expect(await unlocked).toBe(true);
    expect(state().matches({ touch: 'cooling' })).toBe(true);
  });

  it('answers every waiting request false when the first is cancelled', async () => {
    const { client, prompt } = await startSession();
    const one = client.requestUnlock('guard');
    const two = client.requestUnlock('manager');
    await settle();
    client.cancelPin();
    expect(await Promise.all([one, two])).toEqual([false, false]);
    expect(prompt()).toBeNull();
    expect(client.isUnlockedAs('guard')).toBe(false);
  });

  it('locks itself at the lock time on the simulated clock, and remembers who lapsed', async () => {
    const session = await startSession();
    const { state, advance, backend } = session;
    expect(await unlockAs(session, PEOPLE[0]!, 'manager')).toBe(true);
    const unlockedAt = session.clock.now();

    await advance(IDLE_MS + LOCK_CHECK_AFTER_MS - 1, 1000);
    await settle();
    expect(state().matches({ view: 'unlocked' })).toBe(true);
    expect(backend.count('get')).toBe(1); // only the first load so far

    await advance(1);
    expect(state().matches({ view: 'lapsed' })).toBe(true);
    expect(backend.calls.at(-1)).toEqual({ kind: 'get', at: unlockedAt + IDLE_MS + LOCK_CHECK_AFTER_MS });
    expect(state().context.lapsed).toEqual({ userId: 'li', name: '李安全', role: 'manager' });
    expect(session.client.mayEditAs('manager')).toBe(true);
    expect(session.client.isUnlockedAs('guard')).toBe(false);
  });

  it('locks the backend too when its own lock has not run yet, and shows itself locked when it cannot reach it', async () => {
    const session = await startSession();
    const { backend, advance, state } = session;
    backend.enforcesIdleLock = false;
    await unlockAs(session, PEOPLE[0]!, 'manager');
    await advance(IDLE_MS + LOCK_CHECK_AFTER_MS);
    expect(backend.count('lock')).toBe(1);
    expect(backend.unlocked).toBeNull();
    expect(state().matches({ view: 'lapsed' })).toBe(true);

    await unlockAs(session, PEOPLE[0]!, 'manager');
    backend.reachable = false;
    await advance(IDLE_MS + LOCK_CHECK_AFTER_MS);
    expect(state().matches({ view: 'lapsed' })).toBe(true);
    expect(state().context.view?.unlocked).toBeNull();
  });

  it('keeps the window unlocked when the lock time was pushed back, and checks again at the new one', async () => {
    const session = await startSession();
    const { backend, advance, state, clock } = session;
    await unlockAs(session, PEOPLE[0]!, 'manager');
    const unlockedAt = clock.now();
    await advance(4 * 60_000);
    backend.unlocked!.lastUsed = clock.now(); // a protected call the page did not see
    await advance(IDLE_MS - 4 * 60_000 + LOCK_CHECK_AFTER_MS);
    expect(state().matches({ view: 'unlocked' })).toBe(true);
    expect(state().context.view?.unlocked?.expiresAt).toBe(new Date(unlockedAt + 9 * 60_000).toISOString());

    await advance(4 * 60_000 - 1000);
    expect(state().matches({ view: 'unlocked' })).toBe(true);
    await advance(1000 + LOCK_CHECK_AFTER_MS);
    expect(state().matches({ view: 'lapsed' })).toBe(true);
  });

  it('tells the backend of use at most every 30 s, and once more after the last burst', async () => {
    const session = await startSession();
    const { actor, backend, advance, clock } = session;
    await unlockAs(session, PEOPLE[0]!, 'manager');
    const unlockedAt = clock.now();
    const touches = () => backend.calls.filter((c) => c.kind === 'touch').map((c) => c.at - unlockedAt);

    await advance(5_000);
    actor.send({ type: 'activity' });
    await advance(10_000);
    actor.send({ type: 'activity' });
    expect(touches()).toEqual([]);
    await advance(TOUCH_EVERY_MS - 15_000);
    expect(touches()).toEqual([TOUCH_EVERY_MS]); // the trailing touch for both

    await advance(60_000); // no use: no touch
    expect(touches()).toEqual([TOUCH_EVERY_MS]);
    actor.send({ type: 'activity' }); // a first use after a quiet spell is told at once
    await settle();
    expect(touches()).toEqual([TOUCH_EVERY_MS, TOUCH_EVERY_MS + 60_000]);

    await session.client.lock();
    actor.send({ type: 'activity' });
    await advance(2 * TOUCH_EVERY_MS);
    expect(touches()).toHaveLength(2); // locked: use is not told
  });

  it('follows a push: the view is asked again, and a window locked elsewhere shows who lapsed', async () => {
    const session = await startSession();
    const { actor, backend, state, client } = session;
    await unlockAs(session, PEOPLE[1]!, 'guard');
    await client.reloadUsers();
    expect(state().context.users?.map((u) => u.id)).toEqual(['li', 'wang']);

    backend.unlocked = null; // e.g. an administrator disabled this user: the backend dropped the session
    const before = { gets: backend.count('get'), users: backend.count('users') };
    actor.send({ type: 'people.changed' });
    await settle();
    expect(backend.count('get')).toBe(before.gets + 1);
    expect(backend.count('users')).toBe(before.users + 1); // loaded before, so loaded again
    expect(state().matches({ view: 'lapsed' })).toBe(true);
    expect(state().context.lapsed?.userId).toBe('wang');
  });

  it('forgets who lapsed when locked on purpose', async () => {
    const session = await startSession();
    await unlockAs(session, PEOPLE[0]!, 'manager');
    await session.client.lock();
    expect(session.state().matches({ view: 'locked' })).toBe(true);
    expect(session.state().context.lapsed).toBeNull();
    expect(session.client.mayEditAs('guard')).toBe(false);
  });

  it('applies the newest answer when an older one arrives after it', async () => {
    const session = await startSession();
    const { backend, client, state } = session;
    await unlockAs(session, PEOPLE[0]!, 'manager');
    const release = backend.hold('get');
    const stale = client.refresh(); // answered (unlocked) only after the lock below
    await settle();
    await client.lock();
    release();
    await stale;
    expect(state().matches({ view: 'locked' })).toBe(true);
    expect(client.isUnlockedAs('guard')).toBe(false);
  });

  it('asks for the PIN again and sends the action once more when it was refused as locked', async () => {
    const session = await startSession();
    const { backend, client, prompt } = session;
    await unlockAs(session, PEOPLE[0]!, 'manager');
    backend.unlocked = null; // locked behind the page's back
    let attempts = 0;
    const saved = client.withUnlock('manager', async () => {
      attempts++;
      if (!backend.view().unlocked) {
        throw new ApiError({ code: 'locked', message: { 'zh-CN': '需要解锁', en: 'Unlock first' } });
      }
      return 'saved';
    });
    await settle();
    expect(prompt()).toBe('manager');
    expect(session.state().matches({ view: 'lapsed' })).toBe(true);
    await client.submitPin('li', '2468');
    expect(await saved).toBe('saved');
    expect(attempts).toBe(2);
  });
});
