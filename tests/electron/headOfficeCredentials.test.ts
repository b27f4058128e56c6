// The branch's head-office password on a real temp folder: kept by the OS's protection where the host has one (the
// desktop app's safeStorage; here a stand-in cipher), never also as a plain file; else an owner-only file; loaded
// again by a new start; a program without the protection cannot read the OS-kept one.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyProtector } from '../../electron/journal/signingKey';
import { HeadOfficeCredentials } from '../../electron/sync/credentials';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'guardbook-hq-credentials-'));
  dirs.push(dir);
  return dir;
};

const protector: KeyProtector = {
  encrypt: async (text) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)),
  decrypt: async (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString('utf8'),
};

describe('the head-office password', () => {
  it('is kept in an owner-only file where there is no OS protection, and read back at the next start', async () => {
    const dir = tempDir();
    const first = await HeadOfficeCredentials.load(dir);
    expect(first.kind()).toBe('none');
    expect(first.password()).toBeUndefined();
    await first.set('branch-password-0571');
    expect(first.kind()).toBe('file');
    expect(statSync(join(dir, 'keys', 'hq-password')).mode & 0o077).toBe(0);
    expect((await HeadOfficeCredentials.load(dir)).password()).toBe('branch-password-0571');
  });

  it('is kept by the OS where it can be, never also in plain text, and replaced by a new one', async () => {
    const dir = tempDir();
    const plain = await HeadOfficeCredentials.load(dir);
    await plain.set('old-password-in-a-file');
    const credentials = await HeadOfficeCredentials.load(dir, protector);
    await credentials.set('branch-password-0571');
    expect(credentials.kind()).toBe('os');
    expect(readdirSync(join(dir, 'keys'))).toEqual(['hq-password.os']);
    expect(readFileSync(join(dir, 'keys', 'hq-password.os'), 'utf8')).not.toContain('branch-password');
    expect((await HeadOfficeCredentials.load(dir, protector)).password()).toBe('branch-password-0571');
    // The CLI or the browser edition on the same folder has no way in: no password, rather than a wrong one.
    expect((await HeadOfficeCredentials.load(dir)).password()).toBeUndefined();
  });
});
