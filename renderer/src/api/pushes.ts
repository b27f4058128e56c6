// Backend pushes, parsed once as they arrive and handed on typed per event: a screen listening to `run.changed`
// receives a RunView, never `unknown` to cast. A payload that does not match its schema is dropped here, once.
// The schemas load apart, when the page is idle after its first paint (`preload`) or with the first push, whichever
// comes first: building them with the page cost Home's first paint ≈ 50 ms. Pushes that arrive meanwhile wait, in order.
import type { ApiTransport, PushEvent, PushPayload, pushEvents } from '../../../shared/api/channels';

export type PushListener<K extends PushEvent> = (payload: PushPayload<K>) => void;

export interface TypedPushes {
  on<K extends PushEvent>(event: K, listener: PushListener<K>): () => void;
  /** Resolves once every push received so far has been handed on (or dropped). */
  settled(): Promise<void>;
  /** Loads the schemas now, ahead of the first push. */
  preload(): void;
}

type PushSchemas = typeof pushEvents;

const loadPushSchemas = (): Promise<PushSchemas> =>
  import('../../../shared/api/channels').then((module) => module.pushEvents);

/** One subscription to the transport for the whole app; each push is parsed once, whoever listens. */
export function typedPushes(
  subscribe: ApiTransport['subscribe'],
  onInvalid: (event: PushEvent) => void = () => {},
  loadSchemas: () => Promise<PushSchemas> = loadPushSchemas,
): TypedPushes {
  const listeners = new Map<PushEvent, Set<(payload: never) => void>>();
  let unsubscribe: (() => void) | undefined;
  let schemas: PushSchemas | undefined;
  let loading: Promise<PushSchemas> | undefined;
  let waiting = 0;
  let queue: Promise<void> = Promise.resolve();
  // A failed load is tried again with the next push (a chunk that could not be fetched once may be fetched later).
  const load = () =>
    (loading ??= loadSchemas().then(
      (loaded) => (schemas = loaded),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  const handOn = (from: PushSchemas, event: PushEvent, payload: unknown) => {
    const wanting = listeners.get(event);
    if (!wanting || wanting.size === 0) return;
    const parsed = from[event].safeParse(payload);
    if (!parsed.success) return onInvalid(event);
    for (const listener of [...wanting]) (listener as (payload: unknown) => void)(parsed.data);
  };
  const deliver = (event: PushEvent, payload: unknown) => {
    if (!listeners.get(event)?.size) return; // nobody listens: not even parsed
    if (schemas && waiting === 0) return handOn(schemas, event, payload);
    waiting++;
    queue = queue
      .then(load)
      .then((loaded) => handOn(loaded, event, payload))
      .catch(() => onInvalid(event)) // the schemas could not load: the push cannot be trusted, so it is dropped
      .finally(() => waiting--);
  };
  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      unsubscribe ??= subscribe(deliver);
      return () => {
        set.delete(listener as (payload: never) => void);
        if ([...listeners.values()].every((s) => s.size === 0)) {
          unsubscribe?.();
          unsubscribe = undefined;
        }
      };
    },
    settled: () => queue,
    preload: () => void load().catch(() => {}),
  };
}
