// Lays out diagrams in one shared worker (layout.worker.ts). Each diagram has its own client with one request in
// flight and at most one waiting, the newest: the latest request wins, so a burst of edits costs two layouts, not one
// per keystroke, and an answer to a graph that has since changed is never shown. The last few layouts are kept, so a
// diagram shown again is drawn at once.
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Layout } from './geometry';

export interface LayoutRequest {
  id: number;
  graph: ElkNode;
}
export type LayoutReply = { id: number; layout: Layout } | { id: number; error: string };

let worker: Worker | undefined;
const answers = new Map<number, (reply: LayoutReply) => void>();
let lastId = 0;

function layoutWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  started.onmessage = (event: MessageEvent<LayoutReply>) => {
    const answer = answers.get(event.data.id);
    answers.delete(event.data.id);
    answer?.(event.data);
  };
  // A worker that cannot start or crashed fails what it was asked; the next request starts a new one.
  started.onerror = (event) => {
    event.preventDefault();
    const failed = [...answers.entries()];
    answers.clear();
    started.terminate();
    worker = undefined;
    for (const [id, answer] of failed) answer({ id, error: event.message || 'layout worker failed' });
  };
  worker = started;
  return started;
}

/** Starts the worker, which loads ELK (1.6 MB of script), before the first diagram asks for a layout. */
export function warmUpLayout(): void {
  try {
    layoutWorker();
  } catch {
    // Said when a diagram asks for a layout (`onError`).
  }
}

/**
 * The last few layouts, by layout key: a diagram shown again (the editor reopened, review and back, an undo back to
 * an earlier shape) is drawn in its first frame instead of after a round trip to the worker.
 */
const recent = new Map<string, Layout>();
const RECENT_LAYOUTS = 8;

/** The layout of `key` if it was laid out lately. */
export function cachedLayout(key: string): Layout | undefined {
  const layout = recent.get(key);
  if (layout) {
    recent.delete(key);
    recent.set(key, layout);
  }
  return layout;
}

function remember(key: string, layout: Layout): void {
  recent.delete(key);
  recent.set(key, layout);
  if (recent.size > RECENT_LAYOUTS) recent.delete(recent.keys().next().value!);
}

export interface LayoutClient {
  /** Lays out `graph`; `key` comes back with its layout (see `PlanGraph.layoutKey`). */
  request(key: string, graph: ElkNode): void;
  /** No more answers: the diagram is gone. */
  close(): void;
}

export function createLayoutClient(
  onLayout: (key: string, layout: Layout) => void,
  onError: (message: string) => void,
): LayoutClient {
  let inFlight = false;
  let waiting: { key: string; graph: ElkNode } | undefined;
  let latest: string | undefined;
  let closed = false;

  const send = (job: { key: string; graph: ElkNode }): void => {
    inFlight = true;
    const id = ++lastId;
    answers.set(id, (reply) => {
      inFlight = false;
      if (closed) return;
      if ('layout' in reply) remember(job.key, reply.layout);
      const next = waiting;
      waiting = undefined;
      if (next) return send(next);
      // A layout from the cache was shown since this was asked for: it is the newer one.
      if (job.key !== latest) return;
      if ('layout' in reply) onLayout(job.key, reply.layout);
      else onError(reply.error);
    });
    try {
      layoutWorker().postMessage({ id, graph: job.graph } satisfies LayoutRequest);
    } catch (error) {
      answers.delete(id);
      inFlight = false;
      onError(String(error));
    }
  };

  return {
    request(key, graph) {
      if (closed) return;
      latest = key;
      const known = cachedLayout(key);
      if (known) {
        waiting = undefined;
        return onLayout(key, known);
      }
      if (inFlight) waiting = { key, graph };
      else send({ key, graph });
    },
    close() {
      closed = true;
      waiting = undefined;
    },
  };
}
