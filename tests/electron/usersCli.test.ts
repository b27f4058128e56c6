// The command line's way back for a forgotten administrator PIN: refused while the app has the folder open,
// recorded on the audit trail, and the new PIN read from standard input.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { runCli } from '../../electron/cli/main';
import { call, setupAdmin } from '../support/people';

const PLANS_DIR = fileURLToPath(new URL('../../plans/', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function cli(argv: string[], stdin?: string) {
  const out: string[] = [];
  const io = {
    out: (l: string) => out.push(l),
    err: (l: string) => out.push(l),
    ...(stdin === undefined ? {} : { readLine: async () => stdin }),
  };
  return runCli(argv, io).then((code) => ({ code, text: out.join('\n') }));
}

describe('users reset-pin', () => {
  it('sets a new PIN for a user, on the audit trail, only while the app is closed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'guardbook-users-cli-'));
    dirs.push(dataDir);
    const start = () => createBackend({ dataDir, plansDir: PLANS_DIR, host: 'web', version: '0', log: () => {} });
    let backend = await start();
    const admin = await setupAdmin(backend);

    const whileOpen = await cli(['users', 'reset-pin', admin.id, '--data-dir', dataDir], '975318');
    expect(whileOpen.code).toBe(1);
    expect(whileOpen.text).toContain('close it first');
    await backend.close();

    const listed = await cli(['users', 'list', '--data-dir', dataDir]);
    expect(listed).toEqual({ code: 0, text: `${admin.id}  管理员  管理员/Administrator` });
    const weak = await cli(['users', 'reset-pin', admin.id, '--data-dir', dataDir], '111111');
    expect(weak.code).toBe(1);
    expect(weak.text).toContain('straight run');
    const unknown = await cli(['users', 'reset-pin', 'u-nobody', '--data-dir', dataDir], '975318');
    expect(unknown).toMatchObject({ code: 1, text: expect.stringContaining('No user "u-nobody"') });
    const reset = await cli(['users', 'reset-pin', admin.id, '--data-dir', dataDir], '975318\n');
    expect(reset.code).toBe(0);

    backend = await start();
    try {
      const other = { sessionId: 'other' };
      expect((await backend.call('session.unlock', { userId: admin.id, pin: '246813' }, other)).ok).toBe(false);
      await call(backend, 'session.unlock', { userId: admin.id, pin: '975318' }, other);
      expect(backend.audit.entries.find((e) => e.type === 'user.pinReset')).toMatchObject({
        by: expect.stringMatching(/^cli:/),
        data: { userId: admin.id, name: '管理员' },
      });
    } finally {
      await backend.close();
    }
  }, 30_000);

  it('needs one user id and a PIN on standard input', async () => {
    expect((await cli(['users', 'reset-pin'], '975318')).code).toBe(2);
    expect((await cli(['users', 'reset-pin', 'a', 'b'], '975318')).code).toBe(2);
    expect((await cli(['users', 'reset-pin', 'a'])).code).toBe(2);
  });
});

describe('one app per data folder', () => {
  it('a second backend on the same folder refuses to start, saying who has it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'guardbook-second-'));
    dirs.push(dataDir);
    const start = () => createBackend({ dataDir, plansDir: PLANS_DIR, host: 'web', version: '0', log: () => {} });
    const first = await start();
    try {
      await expect(start()).rejects.toThrow(/another Guardbook is using this data folder \(pid \d+/);
    } finally {
      await first.close();
    }
    const again = await start(); // released on close
    await again.close();
  });
});
