// Bare dates on the command line are local days of the branch's time zone (Settings in the data folder, else the
// system's, or --time-zone): a run at 23:30 on the 4th in Shanghai is on the 4th, not the 5th. Listing reads only.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { RecordPage } from '../../shared/records/recordQuery';
import { runsStartedAt } from '../support/localDayRuns';
import { tempDir } from '../support/runJournal';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** Every file under a folder with its size and modification time: what "nothing was written" is checked against. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const s = statSync(path);
      if (s.isDirectory()) walk(path);
      else files[relative(dir, path)] = `${s.size}:${s.mtimeMs}`;
    }
  };
  walk(dir);
  return files;
}

let dataDir: string;
let late: string; // 23:30 on 4 December in Shanghai (15:30 UTC)
let early: string; // 00:30 on 5 December in Shanghai (16:30 UTC on the 4th)

beforeAll(async () => {
  dataDir = tempDir('guardbook-local-dates-');
  [late = '', early = ''] = await runsStartedAt(dataDir, [
    { planId: 'fire', mode: 'drill', at: '2026-12-04T15:30:00.000Z' },
    { planId: 'armed-robbery', mode: 'incident', at: '2026-12-04T16:30:00.000Z' },
  ]);
  // The branch's zone, as the Settings screen saves it.
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ timeZone: 'Asia/Shanghai' }, null, '\t'));
});

const listed = async (...argv: string[]) => {
  const r = await cli('records', 'list', '--json', '--data-dir', dataDir, ...argv);
  expect(r.code).toBe(0);
  return (JSON.parse(r.out.join('\n')) as RecordPage).items.map((i) => i.runId);
};

describe('records list with bare dates', () => {
  it('reads them as local days of the zone saved in Settings', async () => {
    expect(await listed('--from', '2026-12-04', '--to', '2026-12-04')).toEqual([late]);
    expect(await listed('--from', '2026-12-05', '--to', '2026-12-05')).toEqual([early]);
    expect(await listed('--from', '2026-12-04', '--to', '2026-12-05')).toEqual([early, late]);
  });

  it('takes --time-zone over the setting, and times with an offset exactly', async () => {
    expect(await listed('--from', '2026-12-04', '--to', '2026-12-04', '--time-zone', 'UTC')).toEqual([early, late]);
    expect(await listed('--from', '2026-12-05', '--to', '2026-12-05', '--time-zone', 'UTC')).toEqual([]);
    expect(await listed('--from', '2026-12-05T00:00:00+08:00', '--to', '2026-12-05T00:30:00+08:00')).toEqual([early]);
  });

  it('prints local times with their offset, and says which zone', async () => {
    const r = await cli('records', 'list', '--data-dir', dataDir, '--lang', 'en', '--from', '2026-12-04');
    expect(r.code).toBe(0);
    expect(r.out.find((l) => l.startsWith(late))).toContain('2026-12-04T23:30:00+08:00  drill');
    expect(r.out.find((l) => l.startsWith(early))).toContain('2026-12-05T00:30:00+08:00  incident');
    expect(r.out).toContain('times are local to Asia/Shanghai');
    expect(r.out.join('\n')).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);
  });

  it('writes nothing in the data folder', async () => {
    const before = snapshot(dataDir);
    await listed('--from', '2026-12-04', '--to', '2026-12-05');
    await cli('records', 'list', '--data-dir', dataDir);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('refuses a zone that is not one, in both languages (exit 2)', async () => {
    const r = await cli('records', 'list', '--data-dir', dataDir, '--time-zone', 'Beijing');
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/IANA 时区名称.*IANA zone such as Asia\/Shanghai: Beijing/);
  });

  it('says in --help what a bare date means', async () => {
    for (const command of ['list', 'export']) {
      const r = await cli('records', command, '--help');
      expect(r.code).toBe(0);
      const help = r.out.join('\n');
      expect(help).toContain('a bare date (2026-12-04) is that whole local day in the branch’s');
      expect(help).toContain('--time-zone TZ');
      expect(help).not.toContain('UTC day');
    }
  });
});

describe('records export of a range with bare dates', () => {
  it('holds the runs of the local day, with local times and Chinese labels in index.csv', async () => {
    const out = join(tempDir('guardbook-local-dates-out-'), 'day.zip');
    const r = await cli(
      'records',
      'export',
      '--from',
      '2026-12-04',
      '--to',
      '2026-12-04',
      '--out',
      out,
      '--data-dir',
      dataDir,
    );
    expect(r).toMatchObject({ code: 0, out: [out] });
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).filter((n) => n.endsWith('.jsonl'))).toEqual([`${late}.jsonl`]);
    const [header, row, ...more] = parse(Buffer.from(files['index.csv']!).toString('utf8'), {
      bom: true,
    }) as string[][];
    expect(more).toEqual([]);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(header).toContain('开始（本地时间）started (local, Asia/Shanghai)');
    expect(cell('开始（本地时间）started (local, Asia/Shanghai)')).toBe('2026-12-04 23:30:00');
    expect(cell('结束（本地时间）ended (local, Asia/Shanghai)')).toBe('2026-12-04 23:31:00');
    expect(cell('开始 started (UTC)')).toBe('2026-12-04T15:30:00.000Z');
    expect([cell('类型 mode'), cell('类型 mode (中文)')]).toEqual(['drill', '演练']);
    expect([cell('结果 outcome'), cell('结果 outcome (中文)')]).toEqual(['aborted', '已中止']);
    expect([cell('完整性 integrity'), cell('完整性 integrity (中文)')]).toEqual(['not-sealed', '未封存']);
    const readme = Buffer.from(files['README.txt']!).toString('utf8');
    expect(readme).toContain('时区 time zone: Asia/Shanghai (UTC+08:00)');
    expect(readme).toContain('a bare date is a whole local day in Asia/Shanghai');
  });
});
