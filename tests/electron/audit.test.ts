// The audit trail on real files: hash-chained like the journals, verified from disk (an edit behind the app's
// back shows), a torn last line recovered, a damaged trail kept aside with a new one naming it.
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_FILE_NAME, AuditLog, verifyAuditFile } from '../../electron/audit/auditLog';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { runCli } from '../../electron/cli/main';
import type { AuditVerificationSchema } from '../../shared/api/channels';
import type { z } from 'zod';
import { call, usersOfEachRole } from '../support/people';

const PLANS_DIR = fileURLToPath(new URL('../../plans/', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'guardbook-audit-'));
  dirs.push(dir);
  return dir;
};

async function backendWithHistory(dataDir: string): Promise<Backend> {
  const b = await createBackend({ dataDir, plansDir: PLANS_DIR, host: 'web', version: '0', log: () => {} });
  const { guard } = await usersOfEachRole(b);
  await call(b, 'users.update', { userId: guard.id, name: '王保安（夜班）' });
  await call(b, 'settings.update', { branch: { name: '浦东支行' } });
  return b;
}

describe('the audit trail', () => {
  it('records administrative actions in order, chained, and lists them newest first', async () => {
    const dir = tempDir();
    const b = await backendWithHistory(dir);
    try {
      const page = await call<{ entries: { type: string; seq: number }[]; total: number }>(b, 'audit.list', {
        limit: 3,
      });
      expect(page.total).toBe(b.audit.entries.length);
      expect(page.entries.map((e) => e.type)).toEqual(['settings.changed', 'user.changed', 'user.added']);
      expect(page.entries.map((e) => e.seq)).toEqual([page.total, page.total - 1, page.total - 2]);
      const older = await call<{ entries: { seq: number }[] }>(b, 'audit.list', { offset: page.total - 1, limit: 5 });
      expect(older.entries.map((e) => e.seq)).toEqual([1]);
      const verified = await call<z.infer<typeof AuditVerificationSchema>>(b, 'audit.verify', {});
      expect(verified).toEqual({ ok: true, entries: page.total, headHash: b.audit.head });
      expect(b.audit.entries.map((e) => e.type)).toEqual([
        'audit.started',
        'user.setup',
        'user.added',
        'user.added',
        'user.added',
        'user.changed',
        'settings.changed',
      ]);
      expect(b.audit.entries.find((e) => e.type === 'user.changed')!.data).toMatchObject({
        changes: { name: { from: '王保安', to: '王保安（夜班）' } },
      });
    } finally {
      await b.close();
    }
  }, 30_000);

  it('finds an entry edited on disk behind the app’s back, with its line', async () => {
    const dir = tempDir();
    const b = await backendWithHistory(dir);
    try {
      const file = join(dir, 'audit', AUDIT_FILE_NAME);
      writeFileSync(file, readFileSync(file, 'utf8').replace('王保安（夜班）', '张三'));
      const verified = await call<z.infer<typeof AuditVerificationSchema>>(b, 'audit.verify', {});
      expect(verified.ok).toBe(false);
      expect(verified.failure).toMatchObject({ line: 6, reason: 'bad-hash' });
      expect(verified.failure!.message['zh-CN']).toContain('已被修改');
    } finally {
      await b.close();
    }
  }, 30_000);

  it('moves a torn last line aside and records it; keeps a damaged trail aside and starts a new one naming it', () => {
    const dir = tempDir();
    const first = AuditLog.open(dir, 'key-1');
    first.audit.append('duty.changed', null, { userId: null, name: null });
    first.audit.close();
    const file = join(dir, AUDIT_FILE_NAME);
    appendFileSync(file, '{"seq":3,"at":"2026-');
    const second = AuditLog.open(dir, 'key-1');
    expect(second.report.recovered).toMatchObject({ bytes: 20 });
    expect(second.audit.entries.map((e) => e.type)).toEqual(['audit.started', 'duty.changed', 'audit.recovered']);
    const sidecar = readdirSync(dir).find((f) => f.startsWith('audit.torn-'))!;
    expect(readFileSync(join(dir, sidecar), 'utf8')).toBe('{"seq":3,"at":"2026-');
    second.audit.close();
    expect(verifyAuditFile(file).ok).toBe(true);

    // Damage in the middle: not repaired, kept aside whole; administration goes on in a new trail.
    const before = readFileSync(file, 'utf8');
    const damaged = before.replace('"duty.changed"', '"duty.changeD"');
    writeFileSync(file, damaged);
    const third = AuditLog.open(dir, 'key-1');
    expect(third.report.damaged).toMatchObject({ line: 2, reason: 'bad-event' });
    const aside = readdirSync(dir).find((f) => f.startsWith('audit.damaged-'))!;
    expect(readFileSync(join(dir, aside), 'utf8')).toBe(damaged);
    expect(third.audit.entries).toHaveLength(1);
    expect(third.audit.entries[0]!.data).toMatchObject({ afterDamaged: { file: aside, line: 2 } });
    third.audit.close();
    expect(verifyAuditFile(file).ok).toBe(true);
  });

  it('is verified from the command line, like a journal', async () => {
    const dir = tempDir();
    const b = await backendWithHistory(dir);
    await b.close();
    const file = join(dir, 'audit', AUDIT_FILE_NAME);
    const out: string[] = [];
    const code = await runCli(['audit', 'verify', file, '--lang', 'en'], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    expect(out.join('\n')).toMatch(/^PASS .*: 7 entries, head [0-9a-f]{64}$/);
    expect(code).toBe(0);
    writeFileSync(file, readFileSync(file, 'utf8').replace('浦东支行', '外滩支行'));
    const bad: string[] = [];
    expect(
      await runCli(['audit', 'verify', file, '--lang', 'en'], { out: (l) => bad.push(l), err: (l) => bad.push(l) }),
    ).toBe(1);
    expect(bad.join('\n')).toMatch(/line 7 \(byte \d+\): bad-hash/);
  }, 30_000);
});
