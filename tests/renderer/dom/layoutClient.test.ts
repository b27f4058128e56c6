// The diagram's layout client: the newest request wins, a burst of requests costs two layouts, and a layout seen
// lately is given at once (the same plan reopened, an undo back to an earlier shape) — without an older answer
// arriving afterwards and replacing it. Node has no web Worker: a stand-in takes the posted requests, and the test
// answers them when and as it likes.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as LayoutModule from '../../../renderer/src/diagram/layoutClient';
import type { LayoutReply, LayoutRequest } from '../../../renderer/src/diagram/layoutClient';

class HeldWorker {
  static current: HeldWorker | undefined;
  onmessage: ((event: { data: LayoutReply }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  readonly asked: LayoutRequest[] = [];
  constructor() {
    HeldWorker.current = this;
  }
  postMessage(request: LayoutRequest): void {
    this.asked.push(request);
  }
  terminate(): void {}
  /** Answers the oldest request still open with a box whose width names it. */
  answer(width: number): void {
    const request = this.asked.shift()!;
    this.onmessage?.({ data: { id: request.id, layout: { [request.graph.id]: { x: 0, y: 0, width, height: 1 } } } });
  }
}

const original = (globalThis as { Worker?: unknown }).Worker;
beforeAll(() => void ((globalThis as { Worker?: unknown }).Worker = HeldWorker));
afterAll(() => void ((globalThis as { Worker?: unknown }).Worker = original));

let layouts: typeof LayoutModule;
beforeEach(async () => {
  // A fresh module each test: its worker and its kept layouts are module state.
  vi.resetModules();
  layouts = await import('../../../renderer/src/diagram/layoutClient');
});

const graph = (id: string) => ({ id, children: [] });

function client() {
  const shown: { key: string; width: number | undefined }[] = [];
  const made = layouts.createLayoutClient(
    (key, layout) => shown.push({ key, width: Object.values(layout)[0]?.width }),
    (message) => shown.push({ key: `error: ${message}`, width: undefined }),
  );
  return { made, shown };
}

describe('layout client', () => {
  it('lays out a burst of requests twice: the first, then only the newest', () => {
    const { made, shown } = client();
    made.request('a', graph('a'));
    made.request('b', graph('b'));
    made.request('c', graph('c'));
    const worker = HeldWorker.current!;
    expect(worker.asked.map((r) => r.graph.id)).toEqual(['a']);
    worker.answer(1);
    // The answer to "a" is not shown: "c" is newer, and goes out now.
    expect(shown).toEqual([]);
    expect(worker.asked.map((r) => r.graph.id)).toEqual(['c']);
    worker.answer(3);
    expect(shown).toEqual([{ key: 'c', width: 3 }]);
  });

  it('gives a layout seen lately at once, without asking the worker', () => {
    const first = client();
    first.made.request('plan', graph('plan'));
    HeldWorker.current!.answer(7);
    first.made.close();
    expect(layouts.cachedLayout('plan')).toEqual({ plan: { x: 0, y: 0, width: 7, height: 1 } });

    const reopened = client();
    reopened.made.request('plan', graph('plan'));
    expect(reopened.shown).toEqual([{ key: 'plan', width: 7 }]);
    expect(HeldWorker.current!.asked).toEqual([]);
  });

  it('never lets an older answer replace a kept layout shown after it was asked for', () => {
    const { made, shown } = client();
    made.request('a', graph('a'));
    HeldWorker.current!.answer(1);
    made.request('b', graph('b'));
    // Undo back to "a" while "b" is being laid out: "a" is kept, and shown at once.
    made.request('a', graph('a'));
    expect(shown).toEqual([
      { key: 'a', width: 1 },
      { key: 'a', width: 1 },
    ]);
    HeldWorker.current!.answer(2);
    expect(shown.at(-1)).toEqual({ key: 'a', width: 1 });
    // "b" was still worth keeping.
    expect(layouts.cachedLayout('b')).toBeDefined();
  });

  it('keeps only the last few layouts', () => {
    const { made } = client();
    for (let i = 0; i < 12; i++) {
      made.request(`k${i}`, graph(`k${i}`));
      HeldWorker.current!.answer(i);
    }
    expect(layouts.cachedLayout('k0')).toBeUndefined();
    expect(layouts.cachedLayout('k11')).toBeDefined();
    expect(layouts.cachedLayout('k4')).toBeDefined();
    expect(layouts.cachedLayout('k3')).toBeUndefined();
  });

  it('says what failed when the worker answers with an error', () => {
    const { made, shown } = client();
    made.request('bad', graph('bad'));
    const worker = HeldWorker.current!;
    const request = worker.asked.shift()!;
    worker.onmessage?.({ data: { id: request.id, error: 'no layout' } });
    expect(shown).toEqual([{ key: 'error: no layout', width: undefined }]);
    expect(layouts.cachedLayout('bad')).toBeUndefined();
  });
});
