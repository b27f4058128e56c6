// Gives every component the typed API client and a way to listen to backend pushes.
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { ApiTransport, PushEvent } from '../../../shared/api/channels';
import { createClient, type ApiClient } from '../../../shared/api/client';
import { typedPushes, type PushListener, type TypedPushes } from './pushes';

interface Api {
  client: ApiClient;
  pushes: TypedPushes;
}

const ApiContext = createContext<Api | null>(null);

/** At the latest this long after start-up, idle or not. */
const PRELOAD_WITHIN_MS = 3000;

export function ApiProvider({ transport, children }: { transport: ApiTransport; children: ReactNode }) {
  const api = useMemo(
    () => ({
      client: createClient((channel, input) => transport.invoke(channel, input)),
      pushes: typedPushes((listener) => transport.subscribe(listener)),
    }),
    [transport],
  );
  // The push schemas once the page is idle (its first paint done), so the first push need not wait for them.
  useEffect(() => {
    const idle = requestIdleCallback(() => api.pushes.preload(), { timeout: PRELOAD_WITHIN_MS });
    return () => cancelIdleCallback(idle);
  }, [api]);
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api.client;
}

/** Calls `listener` with every push of `event`, parsed and typed, while the component is mounted. */
export function usePush<K extends PushEvent>(event: K, listener: PushListener<K>): void {
  const api = useContext(ApiContext);
  useEffect(() => api?.pushes.on(event, listener), [api, event, listener]);
}
