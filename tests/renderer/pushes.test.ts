// The renderer's pushes: parsed once as they arrive, typed per event, invalid ones dropped, one subscription to
// the transport for all listeners (pure module, no DOM: runs in Node).
import { describe, expect, it } from 'vitest';
import type { ApiTransport, PushEvent } from '../../shared/api/channels';
import { typedPushes } from '../../renderer/src/api/pushes';

/** A transport whose pushes the test sends by hand, counting subscriptions. */
function fakeTransport() {
  const listeners = new Set<(event: PushEvent, payload: unknown) => void>();
  let subscriptions = 0;
  const subscribe: ApiTransport['subscribe'] = (listener) => {
    subscriptions++;
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    subscribe,
    send: (event: PushEvent, payload: unknown) => [...listeners].forEach((l) => l(event, payload)),
    open: () => listeners.size,
    subscriptions: () => subscriptions,
  };
}

describe('typedPushes', () => {
  it('hands each listener its own event, parsed, and drops payloads that do not match the schema', async () => {
    const transport = fakeTransport();
    const invalid: PushEvent[] = [];
    const pushes = typedPushes(transport.subscribe, (event) => invalid.push(event));
    const settings: unknown[] = [];
    const records: unknown[] = [];
    pushes.on('settings.changed', (state) => settings.push(state.settings.language));
    pushes.on('records.changed', (payload) => records.push(payload));
    transport.send('records.changed', {});
    transport.send('settings.changed', { settings: { nope: true } });
    transport.send('people.changed', {}); // nobody listens: not even parsed
    await pushes.settled();
    expect(records).toEqual([{}]);
    expect(settings).toEqual([]);
    expect(invalid).toEqual(['settings.changed']);
  });

  it('subscribes to the transport once for all listeners, and lets go when the last one leaves', async () => {
    const transport = fakeTransport();
    const pushes = typedPushes(transport.subscribe);
    const seen: string[] = [];
    const offA = pushes.on('records.changed', () => seen.push('a'));
    const offB = pushes.on('records.changed', () => seen.push('b'));
    const offC = pushes.on('plans.changed', () => seen.push('c'));
    expect(transport.subscriptions()).toBe(1);
    transport.send('records.changed', {});
    await pushes.settled();
    offA();
    transport.send('records.changed', {});
    await pushes.settled();
    offB();
    offC();
    expect(transport.open()).toBe(0);
    expect(seen).toEqual(['a', 'b', 'b']);
    pushes.on('plans.changed', () => seen.push('again'));
    expect(transport.subscriptions()).toBe(2);
  });

  it('keeps pushes that arrive while the schemas load, and hands them on in order', async () => {
    const transport = fakeTransport();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const real = await import('../../shared/api/channels');
    const pushes = typedPushes(transport.subscribe, undefined, () => gate.then(() => real.pushEvents));
    const seen: string[] = [];
    pushes.on('records.changed', () => seen.push('records'));
    pushes.on('plans.changed', () => seen.push('plans'));
    transport.send('records.changed', {});
    transport.send('plans.changed', {});
    expect(seen).toEqual([]); // nothing is handed on unparsed
    release();
    await pushes.settled();
    transport.send('records.changed', {}); // loaded: handed on at once
    expect(seen).toEqual(['records', 'plans', 'records']);
  });

  it('drops pushes, saying so, when the schemas cannot load', async () => {
    const transport = fakeTransport();
    const invalid: PushEvent[] = [];
    const pushes = typedPushes(
      transport.subscribe,
      (event) => invalid.push(event),
      () => Promise.reject(new Error('chunk failed to load')),
    );
    const seen: unknown[] = [];
    pushes.on('records.changed', (payload) => seen.push(payload));
    transport.send('records.changed', {});
    await pushes.settled();
    expect(seen).toEqual([]);
    expect(invalid).toEqual(['records.changed']);
  });
});
