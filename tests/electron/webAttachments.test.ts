// The browser edition's body limit and photos: `inspections.attach` takes a phone camera's photo (several MB as
// base64) over HTTP and stores it under its hash, while every other channel keeps refusing a body over 1 MiB with 413
// before reading it — and the attach channel's own larger limit still holds.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_HEADER, TOKEN_HEADER } from '../../electron/web/httpGuards';
import { MAX_BODY_BYTES, startWebHost, type WebHost } from '../../electron/web/webHost';
import type { ApiErrorBody } from '../../shared/api/errors';
import type { InspectionView } from '../../shared/inspections/inspectionView';
import { INSPECTION_LIMITS } from '../../shared/limits';
import { backendFixtures } from '../support/backends';
import { inspectionBranch, inspectionsDir, paddedPng } from '../support/inspectionBranch';
import { call, PINS } from '../support/people';

const fixtures = backendFixtures('guardbook-web-attach-');
const hosts: WebHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

/** The trainer's browser tab: its session id as the renderer sends it in the session header. */
const TAB = 'trainer-tab-0123456789abcdef';

async function setup() {
  const dataDir = fixtures.tempDir();
  const rendererDir = fixtures.tempDir('guardbook-web-attach-renderer-'); // no page is asked for
  const b = await inspectionBranch(await fixtures.start(dataDir), dataDir);
  // The tab is the backend's session `web:<id>`: unlocked as the trainer, as the PIN dialog would.
  await call(
    b.backend,
    'session.unlock',
    { userId: b.users.trainer.id, pin: PINS.trainer },
    { sessionId: `web:${TAB}` },
  );
  const host = await startWebHost({ backend: b.backend, rendererDir });
  hosts.push(host);
  const { summary } = await call<InspectionView>(
    b.backend,
    'inspections.start',
    { checklistId: 'guard-post', announced: true, place: '营业厅', inspectors: ['陈培训'] },
    b.windows.trainer,
  );
  return { b, host, inspectionId: summary.id };
}

/** POST /api/<channel> from the trainer's tab; resolves with the status and the parsed JSON answer. */
function post(host: WebHost, channel: string, body: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: `/api/${channel}`,
        headers: {
          Host: `127.0.0.1:${host.port}`,
          'Content-Type': 'application/json',
          [TOKEN_HEADER]: host.token,
          [SESSION_HEADER]: TAB,
        },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(parts).toString('utf8')) }),
        );
        res.on('error', reject);
      },
    );
    // The server may answer 413 before it has read what we send: not a failure here. The rest of a big body may still
    // be being written when the answer has come and the request let go of its socket: that socket's reset is
    // expected too, and must not go uncaught.
    const expected = (error: NodeJS.ErrnoException) => error.code === 'EPIPE' || error.code === 'ECONNRESET';
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (!expected(error)) reject(error);
    });
    req.on('socket', (socket) =>
      socket.on('error', (error: NodeJS.ErrnoException) => {
        if (!expected(error)) reject(error);
      }),
    );
    req.end(body);
  });
}

describe('photos over the browser edition', () => {
  it('inspections.attach takes a 3 MB photo and stores it under its hash', async () => {
    const { b, host, inspectionId } = await setup();
    const photo = paddedPng(3 * 1024 * 1024, 7);
    const body = JSON.stringify({
      inspectionId,
      itemId: 'post-at-position',
      file: { name: '岗位.png', base64: photo.toString('base64') },
    });
    expect(Buffer.byteLength(body)).toBeGreaterThan(2 * MAX_BODY_BYTES);
    const reply = await post(host, 'inspections.attach', body);
    expect(reply.status).toBe(200);
    const view = (reply.json as { ok: true; value: InspectionView }).value;
    const sha = createHash('sha256').update(photo).digest('hex');
    expect(view.items['post-at-position']!.attachments).toEqual([
      expect.objectContaining({ sha256: sha, bytes: photo.length, mime: 'image/png' }),
    ]);
    // Compared whole (Buffer.equals: a deep toEqual of 3 MB takes vitest half a minute).
    expect(readFileSync(join(inspectionsDir(b.dataDir), 'files', `${sha}.png`)).equals(photo)).toBe(true);
  });

  it('every other channel still refuses a 2 MB body with 413, and the attach channel one over its own limit', async () => {
    const { host, inspectionId } = await setup();
    const note = JSON.stringify({ inspectionId, itemId: 'dress-tidy', note: '备注'.repeat(512 * 1024) });
    expect(Buffer.byteLength(note)).toBeGreaterThan(2 * 1024 * 1024);
    for (const channel of ['inspections.note', 'inspections.answer', 'settings.setPreferences']) {
      const reply = await post(host, channel, note);
      expect(reply.status, channel).toBe(413);
      expect((reply.json as { ok: false; error: ApiErrorBody }).error.code).toBe('invalid-input');
    }
    // Twice the largest photo's base64: too large even for the channel that takes photos.
    const huge = 'A'.repeat(2 * Math.ceil(INSPECTION_LIMITS.attachmentBytes / 3) * 4);
    const body = JSON.stringify({ inspectionId, itemId: 'dress-tidy', file: { name: 'x.png', base64: huge } });
    expect((await post(host, 'inspections.attach', body)).status).toBe(413);
  });
});
