// Picks how the renderer reaches the backend: the preload's object in Electron, HTTP + SSE in the browser edition.
import type { ApiTransport, Channel, PushEvent } from '../../../shared/api/channels';
import { PUSH_EVENT_NAMES } from '../../../shared/api/names';

const TOKEN_KEY = 'guardbook.token';
const TOKEN_HEADER = 'x-guardbook-token';

declare global {
  interface Window {
    guardbook?: ApiTransport;
  }
}

export function createTransport(): ApiTransport {
  return window.guardbook ?? createWebTransport();
}

/** The web host prints a URL with `#token=…`; keep the token for this tab and take it out of the address bar. */
function sessionToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]!));
    history.replaceState(null, '', window.location.pathname + window.location.search + '#/');
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function createWebTransport(): ApiTransport {
  const token = sessionToken();
  return {
    async invoke(channel: Channel, input: unknown) {
      const response = await fetch(`./api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
      });
      return response.json();
    },
    subscribe(listener) {
      const source = new EventSource(`./api/events?token=${encodeURIComponent(token)}`);
      const handlers = PUSH_EVENT_NAMES.map((name) => {
        const handler = (message: MessageEvent<string>) => listener(name as PushEvent, JSON.parse(message.data));
        source.addEventListener(name, handler);
        return handler;
      });
      return () => {
        PUSH_EVENT_NAMES.forEach((name, i) => source.removeEventListener(name, handlers[i]!));
        source.close();
      };
    },
  };
}
