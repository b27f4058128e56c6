// The browser edition's server: loopback only, a random session token on every API call, Host and
// Origin checked, methods per path, bodies limited, the same security headers on every response. Serves the
// built renderer, `POST /api/<channel>` and pushes over SSE (`GET /api/events`).
import { randomBytes } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ApiErrorBody } from '../../shared/api/errors';
import { API_MESSAGES as m } from '../../shared/messages/api';
import type { Text } from '../../shared/text';
import type { Backend } from '../backend/backend';
import type { Caller } from '../../shared/api/dispatch';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';
import {
  allowedMethods,
  EVENTS_PATH,
  hostAllowed,
  originAllowed,
  SECURITY_HEADERS,
  SESSION_HEADER,
  SESSION_ID,
  setSecurityHeaders,
  TOKEN_CHALLENGE,
  TOKEN_HEADER,
  tokenMatches,
} from './httpGuards';
import { readStaticFile } from './staticFiles';
import { ACTION_LIMITS, INSPECTION_LIMITS } from '../../shared/limits';

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Channels that carry photos or PDFs as base64 take more: each file up to INSPECTION_LIMITS.attachmentBytes (a phone
 * camera's photo), a fix's evidence up to three of them. Everything else keeps the 1 MiB limit.
 */
const FILE_BODY_BYTES = Math.ceil(INSPECTION_LIMITS.attachmentBytes / 3) * 4 + 64 * 1024;
export const LARGE_BODY_CHANNELS: Readonly<Record<string, number>> = {
  'inspections.attach': FILE_BODY_BYTES,
  'actions.fix': ACTION_LIMITS.evidenceFiles * FILE_BODY_BYTES,
};

export interface WebHostOptions {
  backend: Backend;
  rendererDir: string;
  /** 0 or absent: a free port chosen by the system. */
  port?: number;
  token?: string;
  maxBodyBytes?: number;
}

export interface WebHost {
  port: number;
  token: string;
  /** The address to open: the token travels in the fragment, which browsers never send to servers. */
  url: string;
  close(): Promise<void>;
}

const STATUS_BY_CODE: Record<ApiErrorBody['code'], number> = {
  'invalid-input': 400,
  forbidden: 403,
  locked: 401,
  'unknown-channel': 404,
  'not-found': 404,
  storage: 507,
  internal: 500,
};

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let port = 0;
  /** Responses under way on each connection: a bare answer to a malformed request must not cut into one. */
  const inFlight = new WeakMap<Duplex, number>();
  const server = createServer((req, res) => {
    // First, before anything can answer: the security headers, on every response this request gets.
    setSecurityHeaders(res);
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    res.once('close', () => inFlight.set(socket, (inFlight.get(socket) ?? 1) - 1));
    handle(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'internal', m.webInternal());
      else res.end();
    });
  });
  // A request Node cannot parse never reaches `handle`; answer it as Node would, with the same headers.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code !== 'ECONNRESET' && socket.writable && !inFlight.get(socket)) {
      socket.write(bareResponse(CLIENT_ERROR_STATUS[error.code ?? ''] ?? 400));
    }
    socket.destroy();
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) return refuse(res, 403, 'forbidden', m.webHostNotAllowed());
    if (!originAllowed(req, port)) return refuse(res, 403, 'forbidden', m.webOriginNotAllowed());
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const methods = allowedMethods(url.pathname);
    if (!methods.includes(req.method ?? '')) return refuseMethod(res, methods);

    if (url.pathname === EVENTS_PATH) {
      if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) return refuseToken(res);
      return streamEvents(req, res);
    }
    if (url.pathname.startsWith('/api/')) {
      if (!tokenMatches(header(req, TOKEN_HEADER), token)) return refuseToken(res);
      const limit = Math.max(maxBody, LARGE_BODY_CHANNELS[url.pathname.slice('/api/'.length)] ?? 0);
      const body = await readBody(req, limit);
      if (body === 'too-large') {
        return refuse(res, 413, 'invalid-input', m.webBodyTooLarge(limit));
      }
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return refuse(res, 400, 'invalid-input', m.webBodyNotJson());
      }
      const channel = safeDecode(url.pathname.slice('/api/'.length));
      const result = await options.backend.call(channel ?? url.pathname, input, callerOf(req));
      return sendJson(res, result.ok ? 200 : STATUS_BY_CODE[result.error.code], result);
    }
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) return refuse(res, 404, 'not-found', m.webFileNotFound());
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': file.type.startsWith('text/html') ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const unsubscribe = options.backend.push.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The tab's session: the renderer sends a random id it keeps in sessionStorage. Without a well-formed one, the
 * call gets a session of its own that nothing else shares (it can use what anyone may, and unlock nothing
 * that lasts).
 */
function callerOf(req: IncomingMessage): Caller {
  const id = header(req, SESSION_HEADER);
  return { sessionId: id && SESSION_ID.test(id) ? `web:${id}` : `web-once:${randomBytes(12).toString('hex')}` };
}

/** A malformed %-escape is not an error of ours: the channel is then simply unknown. */
function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return resolve('too-large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too-large');
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(value));
}

function refuse(
  res: ServerResponse,
  status: number,
  code: ApiErrorBody['code'],
  message: Text,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { ok: false, error: { code, message } }, headers);
}

function refuseMethod(res: ServerResponse, methods: readonly string[]): void {
  const allow = methods.join(', ');
  refuse(res, 405, 'invalid-input', m.webMethodNotAllowed(allow), { Allow: allow });
}

function refuseToken(res: ServerResponse): void {
  refuse(res, 401, 'forbidden', m.webBadToken(), {
    'WWW-Authenticate': TOKEN_CHALLENGE,
  });
}

/** Node's own answers to requests it cannot parse, kept as they are (the rest get 400). */
const CLIENT_ERROR_STATUS: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/** A whole response written straight to the socket, for when there is no ServerResponse: no body, then close. */
function bareResponse(status: number): string {
  const headers = { ...SECURITY_HEADERS, 'Content-Length': '0', Connection: 'close' };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('')}\r\n`;
}
