// Checks every request to the loopback web host must pass: Host and Origin (against DNS rebinding and
// other sites' pages) and the session token (against other local programs and users).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The tab's own session id (random, kept in sessionStorage): a PIN unlocks one tab, not every tab. */
export const SESSION_HEADER = 'x-guardbook-session';
export const SESSION_ID = /^[A-Za-z0-9_-]{16,64}$/;

export const TOKEN_HEADER = 'x-guardbook-token';

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
