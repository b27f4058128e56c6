// Picks how the renderer reaches the backend: the preload's object in Electron, HTTP + SSE in the browser edition.
import type { ApiTransport, Channel, PushEvent } from '../../../shared/api/channels';
import { PUSH_EVENT_NAMES } from '../../../shared/api/names';
// TOKEN_CHALLENGE: the web host's `WWW-Authenticate` on a 401 for a missing or wrong token (not for a locked window).
import {
  SESSION_HEADER,
  SESSION_ID_PATTERN as SESSION_ID,
  TOKEN_CHALLENGE,
  TOKEN_HEADER,
} from '../../../shared/limits';

const TOKEN_KEY = 'guardbook.token';
/** One session per tab: who unlocked this window with a PIN is tied to it (the backend keeps the rest). */
const SESSION_KEY = 'guardbook.session';
const TOKEN_IN_HASH = /(?:^#|&)token=([^&]+)/;

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
  const match = TOKEN_IN_HASH.exec(window.location.hash);
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
  if (!token) {
    showAddressHelp('missing');
    return ASKS_NOTHING;
  }
  /** Until the backend has answered once, a refused token means this tab was opened with a wrong or old address. */
  let answered = false;
  return {
    async invoke(channel: Channel, input: unknown) {
      const response = await fetch(`./api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, [SESSION_HEADER]: sessionId() },
        body: JSON.stringify(input ?? {}),
      });
      if (!answered && response.status === 401 && response.headers.get('www-authenticate') === TOKEN_CHALLENGE) {
        sessionStorage.removeItem(TOKEN_KEY);
        showAddressHelp('refused');
        return ASKS_NOTHING.invoke(channel, input);
      }
      answered = true;
      return response.json();
    },
    subscribe: sharedEventStream(token),
  };
}

/**
 * Without the token (the bare `http://127.0.0.1:<port>/`), or with one the backend refuses (an address from before a
 * restart), nothing can be asked: calls never settle, so the app's start-up waits behind the page that says where
 * the full address is, instead of showing a bare error.
 */
const ASKS_NOTHING: ApiTransport = {
  invoke: () => new Promise<never>(() => {}),
  subscribe: () => () => {},
};

let helpShown = false;

/** Shows index.html's bilingual page on where the full address is (static: it names nothing of this installation). */
function showAddressHelp(why: 'missing' | 'refused'): void {
  if (helpShown) return;
  helpShown = true;
  const help = document.getElementById('address-help');
  if (help) {
    help.hidden = false;
    for (const p of help.querySelectorAll<HTMLElement>('.address-help-refused')) p.hidden = why !== 'refused';
    document.title = 'Guardbook：请用完整地址打开 / Open with the full address';
  }
  // The full address pasted into this tab differs only after `#`, which loads nothing by itself: start again with it.
  window.addEventListener('hashchange', () => {
    if (TOKEN_IN_HASH.test(window.location.hash)) window.location.reload();
  });
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
