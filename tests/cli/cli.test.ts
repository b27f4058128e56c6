import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';

const FIXTURES = fileURLToPath(new URL('../fixtures/plans/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('plans check', () => {
  it('passes a valid plan with exit 0 and a summary line', async () => {
    const r = await cli('plans', 'check', FIXTURES + 'sketch-robbery.json', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toEqual(['checked 1 file: 0 errors, 0 warnings']);
  });

  it('prints one line per finding with file, line, column, step id and path, and exits 1', async () => {
    const r = await cli('plans', 'check', FIXTURES + 'graph-error.json', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toContainEqual(
      expect.stringMatching(
        /graph-error\.json:\d+:\d+: error call-police \(steps\[4\]\.next\): The target "nowhere" is not a step of the plan \[unknown-target\]$/,
      ),
    );
    expect(r.out).toContainEqual(
      expect.stringMatching(/warning raise-alarm \(steps\[0\]\.title\.en\): Missing English/),
    );
    expect(r.out.at(-1)).toBe('checked 1 file: 2 errors, 1 warning');
  });

  it('speaks Chinese by default', async () => {
    const r = await cli('plans', 'check', FIXTURES + 'graph-error.json');
    expect(r.out).toContainEqual(expect.stringContaining('错误 call-police (steps[4].next): 跳转目标“nowhere”'));
    expect(r.out.at(-1)).toBe('已检查 1 个文件：2 个错误，1 个警告');
  });

  it('gives the line and column of a JSON syntax error', async () => {
    const r = await cli('plans', 'check', FIXTURES + 'not-json.json', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(/not-json\.json:5:36: error: Not valid JSON: expected a property name in double quotes/);
  });

  it('gives the JSON path and the line of a misspelt key', async () => {
    const r = await cli('plans', 'check', FIXTURES + 'schema-error.json', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toContainEqual(
      expect.stringMatching(/schema-error\.json:\d+:\d+: error raise-alarm \(steps\[0\]\.nxet\): .*"nxet"/),
    );
  });

  it('checks every plan file in a directory, and reports a missing file without a stack trace', async () => {
    const r = await cli('plans', 'check', FIXTURES, join(FIXTURES, 'no-such-plan.json'), '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out.join('\n')) as {
      files: { file: string; valid: boolean; findings: { code: string; line?: number }[] }[];
      errors: number;
    };
    expect(report.files.map((f) => [f.file.split('/').pop(), f.valid])).toEqual([
      ['graph-error.json', false],
      ['not-json.json', false],
      ['schema-error.json', false],
      ['sketch-robbery.json', true],
      ['no-such-plan.json', false],
    ]);
    expect(report.files[4]!.findings.map((f) => f.code)).toEqual(['unreadable']);
    expect(report.files[0]!.findings[0]!.line).toBeGreaterThan(1);
  });

  it('exits 2 for wrong usage', async () => {
    expect((await cli('plans', 'check')).code).toBe(2);
    expect((await cli('plans', 'check', FIXTURES, '--lang', 'fr')).code).toBe(2);
    expect((await cli('plans', 'check', FIXTURES, '--verbose')).code).toBe(2);
    expect((await cli('plans', 'frobnicate')).code).toBe(2);
    expect((await cli()).code).toBe(2);
  });
});

describe('plans show', () => {
  it('prints the plan as an outline with branches, tracks, targets and its content hash', async () => {
    const r = await cli('plans', 'show', FIXTURES + 'sketch-robbery.json', '--lang', 'en');
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    expect(r.out[0]).toBe('Armed robbery (test fixture)  —  sketch-robbery v3');
    expect(r.out[1]).toMatch(/^Robbery · Critical {2}sha256:[0-9a-f]{64}$/);
    expect(text).toContain('▶ raise-alarm [action] Press the silent alarm — Teller');
    expect(text).toContain('‖ track Guard (guard)');
    expect(text).toContain('Yes → first-aid');
    expect(text).toContain('⏱ target 60s · timeout 300s → escalate');
    expect(text).toContain('☎ Police 110');
    expect(text).toContain('outcome: Handed over to police');
  });

  it('shows the findings instead of an outline for a broken plan', async () => {
    const r = await cli('plans', 'show', FIXTURES + 'schema-error.json');
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toContain('nxet');
  });
});

describe('the cli process', () => {
  const run = promisify(execFile);
  const tsx = join(ROOT, 'node_modules/.bin/tsx');

  it('exits with the command status and prints no stack trace for a file that is not a plan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardbook-cli-'));
    writeFileSync(join(dir, 'binary.json'), Buffer.from([0xff, 0x00, 0x13, 0x37]));
    const failure = await run(tsx, ['electron/cli/main.ts', 'plans', 'check', dir], { cwd: ROOT }).catch(
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect('code' in failure && failure.code).toBe(1);
    expect(failure.stdout).toContain('binary.json:1:1: 错误: 不是有效的 JSON');
    expect(failure.stdout + failure.stderr).not.toMatch(/\n\s+at /);
    const ok = await run(tsx, ['electron/cli/main.ts', 'plans', 'check', FIXTURES + 'sketch-robbery.json'], {
      cwd: ROOT,
    });
    expect(ok.stdout).toContain('0 个错误');
  });
});
