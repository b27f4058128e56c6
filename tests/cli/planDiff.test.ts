// `plans diff`, run in-process: the readable list and its summary, JSON, --exit-code, broken files and usage.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { PlanDiff } from '../../shared/plan/diff';

const DIFF = fileURLToPath(new URL('../fixtures/diff/', import.meta.url));
const PLANS = fileURLToPath(new URL('../fixtures/plans/', import.meta.url));
const before = (name: string) => join(DIFF, name, 'before.json');
const after = (name: string) => join(DIFF, name, 'after.json');

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('plans diff', () => {
  it('prints the plan and versions, one line per change and a summary, in Chinese by default; exit 0', async () => {
    const r = await cli('plans', 'diff', before('retargeted-decision'), after('retargeted-decision'));
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toEqual([
      'branch-fire v1 → v2',
      '~ 预案：版本 1 → 2',
      '~ 步骤 assess：选项 large 下一步 evacuate → call-fire-brigade',
      '+ 步骤 call-fire-brigade「再次拨打119确认出警」新增',
      '→ 连线 assess → evacuate（选项 large）删除',
      '→ 连线 assess → call-fire-brigade（选项 large）新增',
      '→ 连线 call-fire-brigade → evacuate（下一步）新增',
      '步骤：新增 1，删除 0，修改 1，移动 0，改名 0；预案属性：修改 1 处；连线：新增 2，删除 1',
    ]);
  });

  it('speaks English with --lang en', async () => {
    const r = await cli('plans', 'diff', before('moved-steps'), after('moved-steps'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('↕ step report moved: position 5 → position 2');
    expect(r.out.at(-1)).toBe(
      'steps: 0 added, 0 removed, 4 changed, 1 moved, 0 renamed; plan: 1 field changed; edges: 4 added, 4 removed',
    );
  });

  it('prints the diff, both versions and their content hashes as JSON with --json', async () => {
    const r = await cli('plans', 'diff', before('renamed-ids'), after('renamed-ids'), '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out.join('\n')) as {
      before: { file: string; id: string; version: number; contentHash: string };
      after: { version: number; contentHash: string };
      counts: { stepsRenamed: number };
      diff: PlanDiff;
    };
    expect(report.before).toMatchObject({ file: before('renamed-ids'), id: 'branch-fire', version: 1 });
    expect(report.after.version).toBe(2);
    expect(report.before.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(report.after.contentHash).not.toBe(report.before.contentHash);
    expect(report.counts.stepsRenamed).toBe(3);
    expect(report.diff.steps.map((s) => [s.kind, s.previousId, s.stepId])).toEqual([
      ['renamed', 'assess', 'assess-fire'],
      ['renamed', 'extinguish', 'fight-fire'],
      ['renamed', 'open-exits', 'open-fire-exits'],
    ]);
    expect(report.diff.edges).toEqual([]);
  });

  it('says there are no differences between a plan and itself; --exit-code exits 1 only when they differ', async () => {
    const same = await cli('plans', 'diff', before('moved-steps'), before('moved-steps'), '--exit-code');
    expect(same).toEqual({ code: 0, out: ['branch-fire v1 → v1', '两个版本没有差异'], err: [] });
    const differ = await cli('plans', 'diff', before('moved-steps'), after('moved-steps'), '--exit-code');
    expect(differ.code).toBe(1);
  });

  it('prints where a file that is not a plan goes wrong, file:line:col, to stderr, and exits 1', async () => {
    const r = await cli('plans', 'diff', before('moved-steps'), join(PLANS, 'not-json.json'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([expect.stringMatching(/not-json\.json:5:36: error: Not valid JSON/)]);
  });

  it('reports a file that does not match the plan format and one that is missing, both', async () => {
    const missing = join(DIFF, 'no-such-plan.json');
    const r = await cli('plans', 'diff', join(PLANS, 'schema-error.json'), missing, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/schema-error\.json:\d+:\d+: error raise-alarm \(steps\[0\]\.nxet\)/);
    expect(r.err.join('\n')).toContain(`${missing}: error: Cannot read the file`);
  });

  it('exits 2 for anything but two files, or an unknown language', async () => {
    expect((await cli('plans', 'diff', before('moved-steps'))).code).toBe(2);
    expect((await cli('plans', 'diff')).code).toBe(2);
    const three = await cli('plans', 'diff', before('moved-steps'), after('moved-steps'), after('moved-steps'));
    expect(three.code).toBe(2);
    expect(three.err.join('\n')).toContain('plans diff takes two plan files');
    expect((await cli('plans', 'diff', before('moved-steps'), after('moved-steps'), '--lang', 'fr')).code).toBe(2);
  });
});
