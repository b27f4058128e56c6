// Backend pushes, parsed once as they arrive and handed on typed per event: a screen listening to `run.changed`
// receives a RunView, never `unknown` to cast. A payload that does not match its schema is dropped here, once.
import { pushEvents, type ApiTransport, type PushEvent, type PushPayload } from '../../../shared/api/channels';

export type PushListener<K extends PushEvent> = (payload: PushPayload<K>) => void;

export interface TypedPushes {
  on<K extends PushEvent>(event: K, listener: PushListener<K>): () => void;
}

/** One subscription to the transport for the whole app; each push is parsed once, whoever listens. */
export function typedPushes(
  subscribe: ApiTransport['subscribe'],
  onInvalid: (event: PushEvent) => void = () => {},
): TypedPushes {
  const listeners = new Map<PushEvent, Set<(payload: never) => void>>();
  let unsubscribe: (() => void) | undefined;
  const deliver = (event: PushEvent, payload: unknown) => {
    const wanting = listeners.get(event);
    if (!wanting || wanting.size === 0) return;
    const parsed = pushEvents[event].safeParse(payload);
    if (!parsed.success) return onInvalid(event);
    for (const listener of [...wanting]) (listener as (payload: unknown) => void)(parsed.data);
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
  };
}
