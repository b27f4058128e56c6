// Checks every request to the loopback web host must pass: Host and Origin (against DNS rebinding and
// other sites' pages), the method a path answers, and the session token (against other local programs and
// users); and the headers every response carries.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { SESSION_HEADER, SESSION_ID_PATTERN, TOKEN_CHALLENGE, TOKEN_HEADER } from '../../shared/limits';

/**
 * The header names are shared with the renderer (shared/limits.ts). SESSION_HEADER carries the tab's own session id
 * (random, kept in sessionStorage): a PIN unlocks one tab, not every tab. TOKEN_CHALLENGE is the `WWW-Authenticate`
 * on a 401 for a missing or wrong token (a 401 needs a challenge). It tells the renderer that the tab was opened
 * without the printed address's token, or with one from before a restart, rather than that a window is locked (also
 * 401, without it), so it can show where the full address is. No browser asks for a password on it.
 */
export { SESSION_HEADER, TOKEN_CHALLENGE, TOKEN_HEADER };
export const SESSION_ID = SESSION_ID_PATTERN;

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  return allowedHosts(port).has((req.headers.host ?? '').toLowerCase());
}

/** Requests without an Origin (same-origin GETs, tools) pass; a foreign Origin does not. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  // The browser edition is served over plain HTTP on the loopback interface only: its own origin is http.
  // eslint-disable-next-line @microsoft/sdl/no-insecure-url -- compared against, never fetched
  return [...allowedHosts(port)].some((host) => origin.toLowerCase() === `http://${host}`);
}

export function tokenMatches(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Headers on every response of the web host: files, API results, every refusal, the event stream, and the
 * bare answers to requests Node cannot parse. One list, set once per request before anything else, so no
 * response can miss one.
 * - `nosniff`: a browser takes each response as its declared type (JSON is never run as script or HTML).
 * - `no-referrer`: nothing of the address (path, query with the event-stream token) leaves in a `Referer`.
 * - COOP `same-origin`: a page of another site that opens Guardbook gets no handle on its window (and one
 *   Guardbook opens has none on it). Browsers apply it here: `http://127.0.0.1` and `http://localhost` count as
 *   secure origins.
 * - CORP `same-origin`: another site's page cannot pull a response into itself with `<script>`, `<img>` and the
 *   like (requests that carry no `Origin`, which the Origin check therefore lets through), so it cannot read it
 *   by side channels either. Guardbook loads only its own origin, so nothing of its own is refused.
 * - `X-Frame-Options: DENY`: no framing, for browsers without CSP `frame-ancestors` and for responses that carry
 *   no CSP (API results, refusals); says what `frame-ancestors 'none'` says, so the two never disagree.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
});

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

export const EVENTS_PATH = '/api/events';

/**
 * The methods a path answers; any other gets 405 with these in `Allow`. The event stream is GET only: it is
 * what `EventSource` sends, and a HEAD would open a stream whose body is never sent (holding a subscription
 * until the client goes away) or need a path of its own for no client. An API call is POST only; static files
 * are GET and HEAD.
 */
export function allowedMethods(pathname: string): readonly string[] {
  if (pathname === EVENTS_PATH) return ['GET'];
  if (pathname.startsWith('/api/')) return ['POST'];
  return ['GET', 'HEAD'];
}
