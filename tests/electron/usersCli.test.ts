// The command line's ways back for an administrator: a forgotten PIN (`users reset-pin`, the new PIN read from
// standard input) and a lockout after wrong PINs (`users unlock`); both refused while the app has the folder open
// and recorded on the audit trail.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { TEST_PIN_HASH_COST } from '../support/pinHashCost';
import { runCli } from '../../electron/cli/main';
import { usersUnlock } from '../../electron/cli/usersCommands';
import { UsageError } from '../../electron/cli/io';
import { call, setupAdmin } from '../support/people';

const PLANS_DIR = fileURLToPath(new URL('../../plans/', import.meta.url));
const BACKEND = {
  plansDir: PLANS_DIR,
  host: 'web',
  version: '0',
  pinHashCost: TEST_PIN_HASH_COST,
  log: () => {},
} as const;
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
    const start = () => createBackend({ ...BACKEND, dataDir });
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

// `users unlock` called directly, as the command table (electron/cli/main.ts) calls it; a UsageError is thrown to
// the caller (runCli turns it into exit 2 with the usage).
function unlock(argv: string[]) {
  const out: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
  return usersUnlock(argv, io).then((code) => ({ code, text: out.join('\n') }));
}

describe('users unlock', () => {
  it('needs one user id, and names an unknown one', async () => {
    await expect(unlock([])).rejects.toThrow(UsageError);
    await expect(unlock(['a', 'b'])).rejects.toThrow(UsageError);
    const dataDir = mkdtempSync(join(tmpdir(), 'guardbook-users-cli-'));
    dirs.push(dataDir);
    const backend = await createBackend({ ...BACKEND, dataDir });
    await setupAdmin(backend);
    await backend.close();
    await expect(unlock(['u-nobody', '--data-dir', dataDir])).rejects.toThrow(/No user "u-nobody"/);
  }, 30_000);

  it('on a user who is not locked out, says so, and still records that the count was cleared', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'guardbook-users-cli-'));
    dirs.push(dataDir);
    const start = () => createBackend({ ...BACKEND, dataDir });
    let backend = await start();
    const admin = await setupAdmin(backend);
    await backend.close();
    const result = await unlock([admin.id, '--data-dir', dataDir]);
    expect(result.code).toBe(0);
    expect(result.text).toContain('was not locked out');
    backend = await start();
    try {
      expect(backend.audit.entries.at(-1)).toMatchObject({
        type: 'user.lockoutCleared',
        by: expect.stringMatching(/^cli:/),
      });
    } finally {
      await backend.close();
    }
  }, 30_000);
  // Lifting a real lockout after ten wrong PINs: tests/electron/pinSpray.test.ts.
});

describe('one app per data folder', () => {
  it('a second backend on the same folder refuses to start, saying who has it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'guardbook-second-'));
    dirs.push(dataDir);
    const start = () => createBackend({ ...BACKEND, dataDir });
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
