// Picks how the renderer reaches the backend: the preload's object in Electron, HTTP + SSE in the browser edition.
import type { ApiTransport, Channel, PushEvent } from '../../../shared/api/channels';
import { PUSH_EVENT_NAMES } from '../../../shared/api/names';

const TOKEN_KEY = 'guardbook.token';
const TOKEN_HEADER = 'x-guardbook-token';
/** One session per tab: who unlocked this window with a PIN is tied to it (the backend keeps the rest). */
const SESSION_KEY = 'guardbook.session';
const SESSION_HEADER = 'x-guardbook-session';
const SESSION_ID = /^[A-Za-z0-9_-]{16,64}$/;

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

/** This tab's session id: random, made on first use and kept in sessionStorage (a reload keeps the session). */
export function sessionId(): string {
  const kept = sessionStorage.getItem(SESSION_KEY);
  if (kept && SESSION_ID.test(kept)) return kept;
  // randomUUID needs a secure context (127.0.0.1 is one); random bytes as a fallback all the same.
  const id =
    typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  sessionStorage.setItem(SESSION_KEY, id);
  return id;
}

function createWebTransport(): ApiTransport {
  const token = sessionToken();
  return {
    async invoke(channel: Channel, input: unknown) {
      const response = await fetch(`./api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, [SESSION_HEADER]: sessionId() },
        body: JSON.stringify(input ?? {}),
      });
      return response.json();
    },
    subscribe: sharedEventStream(token),
  };
}

/** One SSE connection per tab, shared by every subscriber: browsers allow only six HTTP/1.1 connections to a
 * host, and a connection per screen (two tabs open on a run) would leave none for API calls. */
function sharedEventStream(token: string): ApiTransport['subscribe'] {
  const listeners = new Set<(event: PushEvent, payload: unknown) => void>();
  let source: EventSource | undefined;
  return (listener) => {
    listeners.add(listener);
    if (!source) {
      source = new EventSource(`./api/events?token=${encodeURIComponent(token)}`);
      for (const name of PUSH_EVENT_NAMES) {
        source.addEventListener(name, (message: MessageEvent<string>) => {
          const payload: unknown = JSON.parse(message.data);
          for (const each of [...listeners]) each(name, payload);
        });
      }
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        source?.close();
        source = undefined;
      }
    };
  };
}
