// The CLI over the branch plan library: `plans history` on a data folder, and `plans check` refusing two contents
// under one plan id and version.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { BranchLibrary, LIBRARY_DIR } from '../../electron/plans/branchLibrary';
import type { Plan } from '../../shared/plan/schema';
import { loadBundledPlan, PLANS_DIR } from '../support/bundledPlans';

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guardbook-cli-library-'));
  tempDirs.push(dir);
  return dir;
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** A data folder whose fire plan has a second version, written by 李主管 and approved by 王经理. */
async function folderWithRevision(): Promise<string> {
  const dataDir = tempDir();
  const library = await BranchLibrary.open({ dataDir, templatesDir: PLANS_DIR, installation: 'test' });
  try {
    const { draft } = library.revise('fire', { userId: 'li', name: '李主管' });
    const plan = { ...(draft.plan as unknown as Plan), summary: { 'zh-CN': '修订后的摘要', en: 'Revised summary' } };
    library.saveDraft('fire', plan as never, 0, { userId: 'li', name: '李主管' });
    const hash = library.submit('fire', '摘要改写', { userId: 'li', name: '李主管' }).draft.submitted!.contentHash;
    library.approve('fire', { userId: 'wang', name: '王经理' }, hash, false);
  } finally {
    library.close();
  }
  return dataDir;
}

describe('plans history', () => {
  it('lists each version with author, approver, note and hash, the offered one starred', async () => {
    const dataDir = await folderWithRevision();
    const r = await cli('plans', 'history', 'fire', '--data-dir', dataDir, '--lang', 'en');
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    expect(text).toMatch(/^ {2}v1 .* sha256:[0-9a-f]{64} {2}bundled template$/m);
    expect(text).toMatch(/^\* v2 .* sha256:[0-9a-f]{64} {2}revision$/m);
    expect(text).toContain('written by 李主管; approved by 王经理; from version 1');
    expect(text).toContain('摘要改写');
    const json = JSON.parse((await cli('plans', 'history', 'fire', '--data-dir', dataDir, '--json')).out.join('\n'));
    expect(
      json.versions.map((v: { version: number; offered: boolean; fileCheck: string }) => [
        v.version,
        v.offered,
        v.fileCheck,
      ]),
    ).toEqual([
      [1, false, 'ok'],
      [2, true, 'ok'],
    ]);
  });

  it('exits 1 and says so when a version file no longer matches its hash', async () => {
    const dataDir = await folderWithRevision();
    const file = join(dataDir, LIBRARY_DIR, 'versions', 'fire', '1.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"silent"', '"silent" ').replace('火', '灾'));
    const r = await cli('plans', 'history', 'fire', '--data-dir', dataDir, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out.join('\n')).toMatch(/v1 .*FILE DOES NOT MATCH ITS HASH/);
  });

  it('says when the plan or the library is not there', async () => {
    const dataDir = await folderWithRevision();
    const missing = await cli('plans', 'history', 'no-such-plan', '--data-dir', dataDir, '--lang', 'en');
    expect(missing.code).toBe(1);
    expect(missing.err.join()).toMatch(/no published version of "no-such-plan"/);
    const empty = await cli('plans', 'history', 'fire', '--data-dir', tempDir(), '--lang', 'en');
    expect(empty.code).toBe(1);
    expect(empty.err.join()).toMatch(/has no plan library yet/);
  });
});

describe('plans check over a folder', () => {
  it('refuses two different contents under one plan id and version, naming both files', async () => {
    const dir = tempDir();
    const fire = loadBundledPlan('fire.json');
    writeFileSync(join(dir, 'fire-a.json'), JSON.stringify(fire));
    writeFileSync(
      join(dir, 'fire-b.json'),
      JSON.stringify({ ...fire, summary: { ...fire.summary, 'zh-CN': '另一份' } }),
    );
    writeFileSync(join(dir, 'fire-c.json'), JSON.stringify({ ...fire, version: 2 }));
    const r = await cli('plans', 'check', dir, '--lang', 'en');
    expect(r.code).toBe(1);
    const conflicts = r.out.filter((l) => l.includes('[version-conflict]'));
    expect(conflicts).toHaveLength(2);
    expect(conflicts[0]).toMatch(/fire-a\.json.*version 1 has two different contents.*fire-b\.json/);
    // The same content twice, or another version number, is no conflict.
    expect(r.out.some((l) => l.includes('fire-c.json') && l.includes('version-conflict'))).toBe(false);
  });
});
