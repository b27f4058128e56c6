// The browser edition's server, over a real backend on a temp data dir: every refusal with its status and typed
// error body, the API and static files, SSE pushes, the security headers on every response, the methods each
// path answers, and the loopback-only listen address.
import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, Server, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { TEST_PIN_HASH_COST } from '../support/pinHashCost';
import { startWebHost, type WebHost } from '../../electron/web/webHost';
import { startLine, URL_FILE_NAME } from '../../electron/web/main';
import { SECURITY_HEADERS, SESSION_HEADER, TOKEN_HEADER } from '../../electron/web/httpGuards';
import { PlanDetailSchema, PlanSummarySchema, SettingsStateSchema } from '../../shared/api/channels';
import type { ApiErrorBody } from '../../shared/api/errors';
import { ApiErrorSchema } from '../../shared/api/errorSchema';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';

const PLANS_DIR = fileURLToPath(new URL('../../plans/', import.meta.url));
const MAX_BODY = 1024;
const INDEX_HTML = '<!doctype html><title>Guardbook test</title><script src="./assets/app.js"></script>';
const APP_JS = 'console.log("guardbook");\n';

const hosts: WebHost[] = [];
const tempDirs: string[] = [];
const openRequests: IncomingMessage[] = [];

afterEach(async () => {
  for (const res of openRequests.splice(0)) res.destroy();
  await Promise.all(hosts.splice(0).map((h) => h.close()));
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

interface Setup {
  host: WebHost;
  backend: Backend;
  /** The temp folder holding the renderer dir; files placed here must never be served. */
  root: string;
  rendererDir: string;
}

async function setup(): Promise<Setup> {
  const root = mkdtempSync(join(tmpdir(), 'guardbook-web-'));
  tempDirs.push(root);
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), APP_JS);
  // Outside the renderer dir: a traversal that reaches these would serve them.
  writeFileSync(join(root, 'package.json'), '{"secret":true}');
  writeFileSync(join(root, 'secret'), 'top secret');
  const backend = await createBackend({
    dataDir: join(root, 'data'),
    plansDir: PLANS_DIR,
    host: 'web',
    version: '0.0.0-test',
    pinHashCost: TEST_PIN_HASH_COST,
    log: () => {},
  });
  const host = await startWebHost({ backend, rendererDir, maxBodyBytes: MAX_BODY });
  hosts.push(host);
  return { host, backend, root, rendererDir };
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Req {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** A body sent in one piece (Content-Length set by Node unless given). */
  body?: string | Buffer;
  /** A body sent with `Transfer-Encoding: chunked`, one write per chunk. */
  chunks?: readonly string[];
}

function send(port: number, req: Req): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const r = request(
      {
        host: '127.0.0.1',
        port,
        method: req.method ?? 'GET',
        path: req.path,
        headers: { Host: `127.0.0.1:${port}`, ...req.headers },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    // The server may answer (413) before it has read everything we send; that is not a failure here.
    r.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    if (req.chunks) {
      for (const chunk of req.chunks) r.write(chunk);
      r.end();
    } else r.end(req.body);
  });
}

/** POST /api/<channel> with the host's token (unless headers override it). */
function api(host: WebHost, channel: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(host.port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token, ...headers },
    body: JSON.stringify(input),
  });
}

function okValue(reply: Reply): unknown {
  expect(reply.status).toBe(200);
  const parsed = JSON.parse(reply.body) as { ok: boolean; value?: unknown };
  expect(parsed.ok).toBe(true);
  return parsed.value;
}

/** Checks a refusal: the status, `{ ok: false, error }` with a typed, bilingual error body of the given code. */
function expectRefusal(reply: Reply, status: number, code: ApiErrorBody['code']): ApiErrorBody {
  expect(reply.status).toBe(status);
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  const parsed = JSON.parse(reply.body) as { ok: boolean; error: unknown };
  expect(parsed.ok).toBe(false);
  const error = ApiErrorSchema.parse(parsed.error);
  expect(error.code).toBe(code);
  expect(error.message['zh-CN']).not.toBe('');
  expect(error.message.en).not.toBe('');
  return error;
}

function otherToken(token: string): string {
  const last = token.at(-1) === 'A' ? 'B' : 'A';
  return token.slice(0, -1) + last;
}

/** Opens a request whose response is a stream that never ends (SSE); the response is destroyed after the test. */
function openStream(port: number, req: Req): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const r = request(
      {
        host: '127.0.0.1',
        port,
        method: req.method ?? 'GET',
        path: req.path,
        headers: { Host: `127.0.0.1:${port}`, ...req.headers },
      },
      (res) => {
        openRequests.push(res);
        resolve(res);
      },
    );
    r.on('error', reject);
    r.end();
  });
}

/** Writes raw bytes to the server and returns everything it sent back before closing the connection. */
function sendRaw(port: number, data: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const parts: Buffer[] = [];
    socket.on('data', (c: Buffer) => parts.push(c));
    // The server closes the connection after its answer; a reset while we still write is not a failure here.
    socket.on('error', () => {});
    socket.on('close', () => resolve(Buffer.concat(parts).toString('latin1')));
    socket.write(data);
  });
}

/** The status and headers of a raw HTTP response (header names in lower case, like IncomingHttpHeaders). */
function parseRawHead(text: string): { status: number; headers: Record<string, string> } {
  const [statusLine = '', ...lines] = text.split('\r\n\r\n')[0]!.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine)?.[1] ?? 0), headers };
}

describe('web host: start-up', () => {
  it('listens on 127.0.0.1 only, on a port chosen by the system', async () => {
    // WebHost does not expose its server: watch net.Server#listen to reach it and ask address().
    const servers: Server[] = [];
    const listen = Server.prototype.listen;
    vi.spyOn(Server.prototype, 'listen').mockImplementation(function (this: Server, ...args: unknown[]) {
      servers.push(this);
      return (listen as (...a: unknown[]) => Server).apply(this, args);
    });
    const { host } = await setup();
    expect(servers).toHaveLength(1);
    const address = servers[0]!.address() as AddressInfo;
    expect(address).toEqual({ address: '127.0.0.1', family: 'IPv4', port: host.port });
    expect(host.port).toBeGreaterThan(0);
  });

  it('puts the token in the URL fragment only, never in the path or query', async () => {
    const { host } = await setup();
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    const url = new URL(host.url);
    expect(url.pathname).toBe('/');
    expect(url.search).toBe('');
    expect(url.hash).toBe(`#token=${host.token}`);
    expect(host.url.split('#')[0]).not.toContain(host.token);
  });
});

describe('web host: refusals', () => {
  it('refuses an API call without a token (401)', async () => {
    const { host } = await setup();
    const reply = await send(host.port, { method: 'POST', path: '/api/plans.list', body: '{}' });
    expectRefusal(reply, 401, 'forbidden');
  });

  it('refuses a wrong token (401), also one of the right length', async () => {
    const { host } = await setup();
    expectRefusal(await api(host, 'plans.list', {}, { [TOKEN_HEADER]: 'wrong' }), 401, 'forbidden');
    expectRefusal(await api(host, 'plans.list', {}, { [TOKEN_HEADER]: '' }), 401, 'forbidden');
    const sameLength = otherToken(host.token);
    expect(sameLength).toHaveLength(host.token.length);
    expect(sameLength).not.toBe(host.token);
    expectRefusal(await api(host, 'plans.list', {}, { [TOKEN_HEADER]: sameLength }), 401, 'forbidden');
    expectRefusal(await api(host, 'plans.list', {}, { [TOKEN_HEADER]: host.token + 'x' }), 401, 'forbidden');
  });

  it('refuses a foreign Host header (403), even with the right token', async () => {
    const { host } = await setup();
    for (const foreign of [
      `evil.example:${host.port}`,
      `127.0.0.1:${host.port === 1 ? 2 : host.port - 1}`,
      '127.0.0.1',
    ]) {
      const reply = await api(host, 'plans.list', {}, { Host: foreign });
      expectRefusal(reply, 403, 'forbidden');
      expectRefusal(await send(host.port, { path: '/', headers: { Host: foreign } }), 403, 'forbidden');
    }
    // Both loopback names are accepted.
    okValue(await api(host, 'plans.list', {}, { Host: `localhost:${host.port}` }));
    okValue(await api(host, 'plans.list', {}, { Host: `LOCALHOST:${host.port}` }));
  });

  it('refuses a foreign Origin (403) and accepts the same origin', async () => {
    const { host } = await setup();
    for (const origin of [
      'http://evil.example',
      `http://evil.example:${host.port}`,
      'null',
      `https://127.0.0.1:${host.port}`,
    ]) {
      expectRefusal(await api(host, 'plans.list', {}, { Origin: origin }), 403, 'forbidden');
    }
    okValue(await api(host, 'plans.list', {}, { Origin: `http://127.0.0.1:${host.port}` }));
    okValue(await api(host, 'plans.list', {}, { Origin: `http://localhost:${host.port}` }));
  });

  it('refuses a body over the limit declared by Content-Length (413)', async () => {
    const { host } = await setup();
    const body = JSON.stringify({ language: 'en', padding: 'x'.repeat(MAX_BODY * 2) });
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/settings.setPreferences',
      headers: { [TOKEN_HEADER]: host.token, 'Content-Length': String(Buffer.byteLength(body)) },
      body,
    });
    const error = expectRefusal(reply, 413, 'invalid-input');
    expect(error.message.en).toContain(String(MAX_BODY));
  });

  it('refuses a chunked body that grows over the limit (413)', async () => {
    const { host } = await setup();
    const chunk = 'x'.repeat(300);
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/settings.setPreferences',
      headers: { [TOKEN_HEADER]: host.token, 'Transfer-Encoding': 'chunked' },
      chunks: ['{"language":"en","padding":"', chunk, chunk, chunk, chunk, '"}'],
    });
    expectRefusal(reply, 413, 'invalid-input');
    // Nothing was applied.
    const state = SettingsStateSchema.parse(okValue(await api(host, 'settings.get', {})));
    expect(state.settings.language).toBe('zh-CN');
  });

  it('accepts a chunked body under the limit', async () => {
    const { host } = await setup();
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/settings.setPreferences',
      headers: { [TOKEN_HEADER]: host.token, 'Transfer-Encoding': 'chunked' },
      chunks: ['{"language":', '"en"}'],
    });
    expect(SettingsStateSchema.parse(okValue(reply)).settings.language).toBe('en');
  });

  it('refuses a body that is not JSON (400 invalid-input)', async () => {
    const { host } = await setup();
    for (const body of ['{"id": ', 'not json', '\u0000']) {
      const reply = await send(host.port, {
        method: 'POST',
        path: '/api/plans.get',
        headers: { [TOKEN_HEADER]: host.token },
        body,
      });
      expectRefusal(reply, 400, 'invalid-input');
    }
  });

  it('refuses an unknown channel (404 unknown-channel)', async () => {
    const { host } = await setup();
    for (const channel of ['plans.delete', 'nope', 'toString', '__proto__', 'constructor']) {
      const error = expectRefusal(await api(host, channel, {}), 404, 'unknown-channel');
      expect(error.message.en).toContain(channel);
    }
  });

  it('treats a malformed %-escape in the channel as an unknown channel, not an internal error', async () => {
    const { host } = await setup();
    expectRefusal(await api(host, '%E0%A4%A', {}), 404, 'unknown-channel');
  });

  it('refuses invalid input (400 invalid-input) with issues and their paths', async () => {
    const { host } = await setup();
    const error = expectRefusal(await api(host, 'plans.get', { id: 42 }), 400, 'invalid-input');
    expect(error.issues).toEqual([{ path: 'id', message: expect.any(String) }]);
    const settings = expectRefusal(await api(host, 'settings.setPreferences', { theme: 'neon' }), 400, 'invalid-input');
    expect(settings.issues?.map((i) => i.path)).toContain('theme');
    expectRefusal(await api(host, 'plans.list', { extra: true }), 400, 'invalid-input');
  });

  it('refuses GET and other methods on /api/<channel> (405)', async () => {
    const { host } = await setup();
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH']) {
      const reply = await send(host.port, { method, path: '/api/plans.list', headers: { [TOKEN_HEADER]: host.token } });
      if (method === 'HEAD') expect(reply.status).toBe(405);
      else expectRefusal(reply, 405, 'invalid-input');
      expect(reply.headers.allow).toBe('POST');
    }
  });

  it('answers not-found with 404 for a plan that does not exist', async () => {
    const { host } = await setup();
    expectRefusal(await api(host, 'plans.get', { id: 'no-such-plan' }), 404, 'not-found');
  });
});

describe('web host: API', () => {
  it('plans.list returns the 12 bundled plans as plan summaries', async () => {
    const { host } = await setup();
    const list = PlanSummarySchema.array().parse(okValue(await api(host, 'plans.list', {})));
    expect(list).toHaveLength(12);
    expect(list.map((p) => p.id)).toContain('armed-robbery');
    for (const plan of list) expect(plan.errors).toBe(0);
  });

  it('takes an empty body as {}', async () => {
    const { host } = await setup();
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/plans.list',
      headers: { [TOKEN_HEADER]: host.token },
    });
    expect(PlanSummarySchema.array().parse(okValue(reply))).toHaveLength(12);
  });

  it('plans.get armed-robbery returns its plan', async () => {
    const { host } = await setup();
    const detail = PlanDetailSchema.parse(okValue(await api(host, 'plans.get', { id: 'armed-robbery' })));
    expect(detail.summary.id).toBe('armed-robbery');
    expect(detail.plan?.id).toBe('armed-robbery');
    expect(detail.plan?.title['zh-CN']).toBe('营业网点持械抢劫现场处置方案');
    expect(detail.file).toMatch(/versions[/\\]armed-robbery[/\\]1\.json$/);
  });

  it('settings.update then settings.get shows the change (in a tab unlocked by the administrator)', async () => {
    const { host } = await setup();
    const tab = { [SESSION_HEADER]: 'tab-one-0123456789abcdef' };
    const before = SettingsStateSchema.parse(okValue(await api(host, 'settings.get', {})));
    expect(before.settings.language).toBe('zh-CN');
    // Locked until a PIN is given, in this tab only.
    expectRefusal(await api(host, 'settings.update', { branch: { name: 'Pudong' } }, tab), 401, 'locked');
    okValue(await api(host, 'users.setup', { name: '管理员', pin: '246813' }, tab));
    expectRefusal(await api(host, 'settings.update', { branch: { name: 'Pudong' } }), 401, 'locked');
    expectRefusal(
      await api(
        host,
        'settings.update',
        { branch: { name: 'Pudong' } },
        { [SESSION_HEADER]: 'tab-two-0123456789abcdef' },
      ),
      401,
      'locked',
    );
    const updated = SettingsStateSchema.parse(
      okValue(await api(host, 'settings.update', { language: 'en', branch: { name: 'Pudong' } }, tab)),
    );
    expect(updated.settings.language).toBe('en');
    const after = SettingsStateSchema.parse(okValue(await api(host, 'settings.get', {})));
    expect(after.settings).toEqual({ ...before.settings, language: 'en', branch: { name: 'Pudong', code: '' } });
  });

  it('app.info says host web', async () => {
    const { host, root } = await setup();
    expect(okValue(await api(host, 'app.info', {}))).toMatchObject({
      name: 'Guardbook',
      host: 'web',
      dataDir: join(root, 'data'),
    });
  });
});

describe('web host: static files', () => {
  it('serves index.html with the Content-Security-Policy and nosniff headers', async () => {
    const { host } = await setup();
    for (const path of ['/', '/index.html']) {
      const reply = await send(host.port, { path });
      expect(reply.status).toBe(200);
      expect(reply.body).toBe(INDEX_HTML);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('serves assets with their type', async () => {
    const { host } = await setup();
    const reply = await send(host.port, { path: '/assets/app.js' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(APP_JS);
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('never serves a file outside the renderer dir (404)', async () => {
    const { host } = await setup();
    const paths = [
      '/../package.json',
      '/../secret',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2fsecret',
      '/assets/..%2f..%2fpackage.json',
      '/..%2fsecret',
      '/..%5csecret',
      '/%2fetc%2fpasswd',
      '//etc/passwd',
      '/index.html%00.js',
      '/%E0%A4%A',
      '/assets',
      '/missing.html',
    ];
    for (const path of paths) {
      const reply = await send(host.port, { path });
      expect({ path, status: reply.status }).toEqual({ path, status: 404 });
      expect(reply.body).not.toContain('secret');
      expect(reply.body).not.toContain('root:');
      expectRefusal(reply, 404, 'not-found');
    }
  });

  it('refuses methods other than GET and HEAD on static paths (405)', async () => {
    const { host } = await setup();
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const reply = await send(host.port, { method, path: '/index.html', body: '' });
      expectRefusal(reply, 405, 'invalid-input');
      expect(reply.headers.allow).toBe('GET, HEAD');
    }
    const head = await send(host.port, { method: 'HEAD', path: '/index.html' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});

describe('web host: server-sent events', () => {
  function openEvents(port: number, path: string): Promise<IncomingMessage> {
    return openStream(port, { path });
  }

  /** Resolves with the text received so far once it contains `needle`. */
  function waitFor(res: IncomingMessage, needle: string): Promise<string> {
    return new Promise((resolve, reject) => {
      let text = '';
      const onData = (chunk: Buffer) => {
        text += chunk.toString('utf8');
        if (text.includes(needle)) {
          res.off('data', onData);
          resolve(text);
        }
      };
      res.on('data', onData);
      res.once('error', reject);
    });
  }

  it('pushes settings.changed after a settings change', async () => {
    const { host } = await setup();
    const res = await openEvents(host.port, `/api/events?token=${encodeURIComponent(host.token)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await waitFor(res, ': connected\n\n');
    const events = collectEvents(res);
    okValue(await api(host, 'settings.setPreferences', { theme: 'high-contrast' }));
    const event = await events.next('settings.changed');
    const state = SettingsStateSchema.parse(JSON.parse(event.data));
    expect(state.settings.theme).toBe('high-contrast');
  });

  it('stops pushing to a client once it has gone away', async () => {
    const { host, backend } = await setup();
    let unsubscribed = 0;
    const subscribe = backend.push.subscribe.bind(backend.push);
    vi.spyOn(backend.push, 'subscribe').mockImplementation((listener) => {
      const unsubscribe = subscribe(listener);
      return () => {
        unsubscribed += 1;
        return unsubscribe();
      };
    });
    const res = await openEvents(host.port, `/api/events?token=${host.token}`);
    await waitFor(res, ': connected\n\n');
    expect(backend.push.subscribe).toHaveBeenCalledTimes(1);
    expect(unsubscribed).toBe(0);
    res.destroy();
    await vi.waitFor(() => expect(unsubscribed).toBe(1));
    // Later pushes and calls still work.
    okValue(await api(host, 'settings.setPreferences', { sound: false }));
  });

  it('refuses /api/events without a token or with a wrong one (401)', async () => {
    const { host } = await setup();
    for (const path of ['/api/events', '/api/events?token=', `/api/events?token=${otherToken(host.token)}`]) {
      expectRefusal(await send(host.port, { path }), 401, 'forbidden');
    }
  });

  it('refuses /api/events from a foreign Host or Origin (403)', async () => {
    const { host } = await setup();
    const path = `/api/events?token=${host.token}`;
    expectRefusal(await send(host.port, { path, headers: { Host: `evil.example:${host.port}` } }), 403, 'forbidden');
    expectRefusal(await send(host.port, { path, headers: { Origin: 'http://evil.example' } }), 403, 'forbidden');
  });

  it('answers GET only: POST, PUT, DELETE and HEAD are refused (405), even with the right token', async () => {
    const { host, backend } = await setup();
    const subscribe = vi.spyOn(backend.push, 'subscribe');
    const path = `/api/events?token=${encodeURIComponent(host.token)}`;
    for (const method of ['POST', 'PUT', 'DELETE']) {
      // Content-Length given: Node's client frames a DELETE body only then.
      const reply = await send(host.port, { method, path, headers: { 'Content-Length': '2' }, body: '{}' });
      expectRefusal(reply, 405, 'invalid-input');
      expect(reply.headers.allow).toBe('GET');
    }
    // HEAD: no body to check, but the same refusal (a HEAD stream would never end and never send anything).
    const head = await send(host.port, { method: 'HEAD', path });
    expect(head.status).toBe(405);
    expect(head.headers.allow).toBe('GET');
    // The method is checked before the token: without one it is still 405, not 401.
    expectRefusal(await send(host.port, { method: 'POST', path: '/api/events' }), 405, 'invalid-input');
    // None of them opened a stream.
    expect(subscribe).not.toHaveBeenCalled();

    const res = await openEvents(host.port, path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await waitFor(res, ': connected\n\n');
    expect(subscribe).toHaveBeenCalledTimes(1);
  });
});

interface SseEvent {
  event: string;
  data: string;
}

/** Parses the SSE stream as it arrives; `next(name)` waits for the next event of that name. */
function collectEvents(res: IncomingMessage): { next(name: string): Promise<SseEvent> } {
  let buffer = '';
  const events: SseEvent[] = [];
  const waiters: { name: string; resolve: (e: SseEvent) => void }[] = [];
  const flush = () => {
    for (const waiter of [...waiters]) {
      const index = events.findIndex((e) => e.event === waiter.name);
      if (index >= 0) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(events.splice(index, 1)[0]!);
      }
    }
  };
  res.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split('\n').filter((l) => !l.startsWith(':'));
      const event = lines.find((l) => l.startsWith('event: '))?.slice('event: '.length);
      const data = lines
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice('data: '.length))
        .join('\n');
      if (event) events.push({ event, data });
    }
    flush();
  });
  return {
    next: (name) =>
      new Promise((resolve) => {
        waiters.push({ name, resolve });
        flush();
      }),
  };
}

describe('web host: PINs and tokens', () => {
  it('rate-limits PIN attempts over HTTP: waits after wrong PINs, whichever tab or session header is used', async () => {
    const { host } = await setup();
    const admin = { [SESSION_HEADER]: 'admin-tab-0123456789abcdef' };
    okValue(await api(host, 'users.setup', { name: '管理员', pin: '246813' }, admin));
    const users = okValue(await api(host, 'users.list', {})) as { id: string }[];
    const attempt = (tab: string) =>
      api(host, 'session.unlock', { userId: users[0]!.id, pin: '000000' }, { [SESSION_HEADER]: tab });
    // New tabs (or no session header at all) do not reset the count: it belongs to the user.
    expectRefusal(await attempt('guess-tab-1-0123456789abcdef'), 403, 'forbidden');
    expectRefusal(await attempt('guess-tab-2-0123456789abcdef'), 403, 'forbidden');
    const third = expectRefusal(
      await api(host, 'session.unlock', { userId: users[0]!.id, pin: '000000' }),
      403,
      'forbidden',
    );
    expect(third.message.en).toMatch(/Try again in 2 seconds/);
    const during = expectRefusal(
      await api(host, 'session.unlock', { userId: users[0]!.id, pin: '246813' }, admin),
      403,
      'forbidden',
    );
    expect(during.message.en).toMatch(/try again in \d+ seconds?/i);
  });

  it('without a well-formed session header, an unlock lasts for that one call only', async () => {
    const { host } = await setup();
    okValue(await api(host, 'users.setup', { name: '管理员', pin: '246813' }, { [SESSION_HEADER]: 'short' }));
    expectRefusal(await api(host, 'audit.list', {}, { [SESSION_HEADER]: 'short' }), 401, 'locked');
  });

  it('keeps the token out of the start line when the output is not a terminal, in a file only the user can read', async () => {
    const { host } = await setup();
    const dataDir = mkdtempSync(join(tmpdir(), 'guardbook-web-url-'));
    tempDirs.push(dataDir);
    const toLog = startLine(host, dataDir, false);
    expect(toLog).not.toContain(host.token);
    expect(toLog).toContain(`http://127.0.0.1:${host.port}/`);
    const file = join(dataDir, URL_FILE_NAME);
    expect(toLog).toContain(file);
    expect(readFileSync(file, 'utf8').trim()).toBe(host.url);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    // At a terminal a person needs the address to open.
    expect(startLine(host, dataDir, true)).toContain(`#token=${host.token}`);
  });
});

describe('web host: security headers', () => {
  /** Written out here rather than taken from SECURITY_HEADERS, so that changing the constant fails this test. */
  const EXPECTED: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'x-frame-options': 'DENY',
  };

  interface Head {
    status: number;
    headers: IncomingHttpHeaders;
  }

  interface Case {
    name: string;
    status: number;
    run(s: Setup): Promise<Head>;
  }

  const get =
    (path: string, headers: Record<string, string> = {}) =>
    (s: Setup) =>
      send(s.host.port, { path, headers });
  const call =
    (channel: string, input: unknown, headers: Record<string, string> = {}) =>
    (s: Setup) =>
      api(s.host, channel, input, headers);
  const raw = (data: (port: number) => string) => async (s: Setup) =>
    parseRawHead(await sendRaw(s.host.port, data(s.host.port)));
  const events = (s: Setup) => `/api/events?token=${encodeURIComponent(s.host.token)}`;

  const CASES: Case[] = [
    { name: 'static index.html', status: 200, run: get('/') },
    { name: 'static asset', status: 200, run: get('/assets/app.js') },
    { name: 'static HEAD', status: 200, run: (s) => send(s.host.port, { method: 'HEAD', path: '/index.html' }) },
    { name: 'static file not found', status: 404, run: get('/missing.html') },
    { name: 'static path outside the renderer', status: 404, run: get('/..%2fsecret') },
    {
      name: 'static path, wrong method',
      status: 405,
      run: (s) => send(s.host.port, { method: 'DELETE', path: '/index.html' }),
    },
    { name: 'API result', status: 200, run: call('plans.list', {}) },
    {
      name: 'API without a token',
      status: 401,
      run: (s) => send(s.host.port, { method: 'POST', path: '/api/plans.list', body: '{}' }),
    },
    { name: 'API with a wrong token', status: 401, run: (s) => api(s.host, 'plans.list', {}, { [TOKEN_HEADER]: 'x' }) },
    { name: 'API locked', status: 401, run: call('settings.update', { branch: { name: 'Pudong' } }) },
    { name: 'refused Host (API)', status: 403, run: call('plans.list', {}, { Host: 'evil.example' }) },
    { name: 'refused Host (static)', status: 403, run: get('/', { Host: 'evil.example' }) },
    { name: 'refused Origin', status: 403, run: call('plans.list', {}, { Origin: 'http://evil.example' }) },
    {
      name: 'API, wrong method',
      status: 405,
      run: (s) => send(s.host.port, { path: '/api/plans.list', headers: { [TOKEN_HEADER]: s.host.token } }),
    },
    {
      name: 'API body over the limit',
      status: 413,
      run: (s) =>
        send(s.host.port, {
          method: 'POST',
          path: '/api/plans.list',
          headers: { [TOKEN_HEADER]: s.host.token },
          body: 'x'.repeat(MAX_BODY + 1),
        }),
    },
    {
      name: 'API body not JSON',
      status: 400,
      run: (s) =>
        send(s.host.port, {
          method: 'POST',
          path: '/api/plans.get',
          headers: { [TOKEN_HEADER]: s.host.token },
          body: '{',
        }),
    },
    { name: 'API invalid input', status: 400, run: call('plans.get', { id: 42 }) },
    { name: 'API unknown channel', status: 404, run: call('nope', {}) },
    { name: 'API not found', status: 404, run: call('plans.get', { id: 'no-such-plan' }) },
    {
      name: 'API internal error',
      status: 500,
      run: (s) => {
        vi.spyOn(s.backend, 'call').mockRejectedValueOnce(new Error('boom'));
        return api(s.host, 'plans.list', {});
      },
    },
    { name: 'event stream', status: 200, run: (s) => openStream(s.host.port, { path: events(s) }).then(head) },
    { name: 'event stream without a token', status: 401, run: get('/api/events') },
    {
      name: 'event stream with a wrong token',
      status: 401,
      run: (s) => send(s.host.port, { path: `/api/events?token=${otherToken(s.host.token)}` }),
    },
    {
      name: 'event stream, refused Host',
      status: 403,
      run: (s) => send(s.host.port, { path: events(s), headers: { Host: 'evil.example' } }),
    },
    {
      name: 'event stream, wrong method',
      status: 405,
      run: (s) => send(s.host.port, { method: 'POST', path: events(s) }),
    },
    { name: 'request Node cannot parse', status: 400, run: raw(() => 'NOT HTTP AT ALL\r\n\r\n') },
    {
      name: 'request headers over Node’s limit',
      status: 431,
      run: raw((port) => `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
    },
  ];

  function head(res: IncomingMessage): Head {
    return { status: res.statusCode ?? 0, headers: res.headers };
  }

  it('the one header set is the one this test expects', () => {
    expect(
      Object.fromEntries(Object.entries(SECURITY_HEADERS).map(([name, value]) => [name.toLowerCase(), value])),
    ).toEqual(EXPECTED);
  });

  it('every kind of response carries nosniff, no-referrer, COOP, CORP and X-Frame-Options', async () => {
    const s = await setup();
    const seen = new Set<number>();
    for (const c of CASES) {
      const reply = await c.run(s);
      expect({ case: c.name, status: reply.status }).toEqual({ case: c.name, status: c.status });
      for (const [name, value] of Object.entries(EXPECTED)) {
        expect({ case: c.name, [name]: reply.headers[name] }).toEqual({ case: c.name, [name]: value });
      }
      seen.add(c.status);
    }
    // Every status the host answers with is in the table.
    expect([...seen].sort()).toEqual([200, 400, 401, 403, 404, 405, 413, 431, 500]);
  });

  it('never writes a bare answer into a response under way on the same connection', async () => {
    const { host } = await setup();
    const text = await new Promise<string>((resolve) => {
      const socket = connect(host.port, '127.0.0.1');
      let received = '';
      socket.on('error', () => {});
      socket.on('close', () => resolve(received));
      socket.on('data', (c: Buffer) => {
        received += c.toString('latin1');
        // Once the stream is open, send something Node cannot parse on the same connection.
        if (received.includes(': connected')) socket.write('NOT HTTP AT ALL\r\n\r\n');
      });
      socket.write(`GET /api/events?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`);
    });
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(text).toContain(': connected');
    expect(text.match(/HTTP\/1\.1 /g)).toHaveLength(1);
  });
});
