// Gives every component the typed API client and a way to listen to backend pushes.
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { ApiTransport, PushEvent } from '../../../shared/api/channels';
import { createClient, type ApiClient } from '../../../shared/api/dispatch';

interface Api {
  client: ApiClient;
  transport: ApiTransport;
}

const ApiContext = createContext<Api | null>(null);

export function ApiProvider({ transport, children }: { transport: ApiTransport; children: ReactNode }) {
  const api = useMemo(
    () => ({ client: createClient((channel, input) => transport.invoke(channel, input)), transport }),
    [transport],
  );
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api.client;
}

/** Calls `listener` for every push of `event` while the component is mounted. */
export function usePush(event: PushEvent, listener: (payload: unknown) => void): void {
  const api = useContext(ApiContext);
  useEffect(() => {
    if (!api) return;
    return api.transport.subscribe((name, payload) => {
      if (name === event) listener(payload);
    });
  }, [api, event, listener]);
}
