// Batch export of a date range as one zip: the right runs, journals byte for byte, verifiable elsewhere with the
// key inside, an index Excel opens, and bad ranges refused; through the module, the CLI and the API.
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { runCli } from '../../electron/cli/main';
import { simulateRun } from '../../electron/cli/runsCommands';
import { fingerprintOf, loadOrCreateSigningKey } from '../../electron/journal/signingKey';
import {
  batchFileName,
  BatchRangeError,
  exportRange,
  INDEX_CSV,
  KEY_FILE,
  README_FILE,
  resolveRange,
} from '../../electron/records/batchExport';
import { BatchExportSchema } from '../../shared/api/channels';
import { runsStartedAt } from '../support/localDayRuns';
import { setupAdmin } from '../support/people';
import { CSV_BOM } from '../../shared/records/csvExport';

const PLANS_DIR = fileURLToPath(new URL('../../plans', import.meta.url));

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** Five runs through the real engine, one a day from 1 to 5 March 2026 at 08:00 UTC, on different plans. */
async function fiveDays(): Promise<{ dataDir: string; runsDir: string; runIds: string[] }> {
  const dataDir = tempDir('guardbook-batch-');
  const plans = ['armed-robbery', 'fire', 'medical-emergency', 'earthquake', 'violent-customer'];
  const runIds: string[] = [];
  for (let i = 0; i < plans.length; i++) {
    const { runId } = await simulateRun({
      planId: plans[i]!,
      dataDir,
      mode: i % 2 === 0 ? 'drill' : 'incident',
      seed: i + 7,
      start: new Date(Date.UTC(2026, 2, 1 + i, 8, 0, 0)),
    });
    runIds.push(runId);
  }
  return { dataDir, runsDir: join(dataDir, 'runs'), runIds };
}

const keyOf = (dataDir: string) => {
  const { publicKey, keyId } = loadOrCreateSigningKey(dataDir);
  return { publicKey, keyId };
};

function unzip(zip: Uint8Array): Record<string, Buffer> {
  return Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name, Buffer.from(bytes)]));
}

function extract(files: Record<string, Buffer>): string {
  const dir = tempDir('guardbook-auditor-');
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return dir;
}

function cli() {
  const out: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
  return { out, io };
}

const indexRows = (csv: Buffer) => parse(csv.toString('utf8'), { bom: true }) as string[][];

describe('exportRange', () => {
  it('holds exactly the runs that started in the range, verbatim, and they verify with the key inside', async () => {
    const { dataDir, runsDir, runIds } = await fiveDays();
    const zip = await exportRange({ runsDir, from: '2026-03-02', to: '2026-03-04', ...keyOf(dataDir) });
    const files = unzip(zip);
    const inRange = runIds.slice(1, 4);
    expect(Object.keys(files).sort()).toEqual(
      [INDEX_CSV, KEY_FILE, README_FILE, ...inRange.flatMap((id) => [`${id}.jsonl`, `${id}.csv`])].sort(),
    );
    for (const runId of inRange) {
      const journal = readFileSync(join(runsDir, `${runId}.jsonl`));
      expect(files[`${runId}.jsonl`]!.equals(journal)).toBe(true);
      const csv = files[`${runId}.csv`]!.toString('utf8');
      expect(csv.startsWith(CSV_BOM)).toBe(true);
      expect(parse(csv, { bom: true })).toHaveLength(journal.toString('utf8').trim().split('\n').length + 1);
    }
    expect(files[KEY_FILE]!.toString('utf8').trim()).toBe(keyOf(dataDir).publicKey);
    const readme = files[README_FILE]!.toString('utf8');
    expect(readme).toContain(`npm run cli -- records verify <dir> --key <dir>/${KEY_FILE}`);
    expect(readme).toContain('如何核验');
    expect(readme).toContain(keyOf(dataDir).keyId);

    const dir = extract(files);
    const { out, io } = cli();
    expect(await runCli(['records', 'verify', dir, '--key', join(dir, KEY_FILE), '--lang', 'en'], io)).toBe(0);
    expect(out).toHaveLength(4);
    expect(
      out.slice(0, 3).every((line) => /^PASS .*sealed, signature valid \(key [0-9a-f]{16}, trusted\)$/.test(line)),
    ).toBe(true);
    expect(out[3]).toBe(`key fingerprint used: ${fingerprintOf(keyOf(dataDir).publicKey)}`);
  });

  it('writes an index.csv with a BOM and one row per run, oldest first, local times and Chinese labels', async () => {
    const { dataDir, runsDir, runIds } = await fiveDays();
    const files = unzip(
      await exportRange({
        runsDir,
        from: '2026-03-01',
        to: '2026-03-05',
        timeZone: 'Asia/Shanghai',
        ...keyOf(dataDir),
      }),
    );
    const csv = files[INDEX_CSV]!;
    expect(csv.toString('utf8').startsWith(CSV_BOM)).toBe(true);
    const [header, ...rows] = indexRows(csv);
    expect(header).toEqual([
      '记录编号 run id',
      '开始（本地时间）started (local, Asia/Shanghai)',
      '结束（本地时间）ended (local, Asia/Shanghai)',
      '开始 started (UTC)',
      '结束 ended (UTC)',
      '类型 mode',
      '类型 mode (中文)',
      '预案 plan id',
      '版本 plan version',
      '内容哈希 plan hash',
      '预案名称 plan title',
      '结果 outcome',
      '结果 outcome (中文)',
      '完整性 integrity',
      '完整性 integrity (中文)',
      '损坏位置 damage',
    ]);
    expect(rows.map((r) => r[0])).toEqual(runIds);
    // 08:00 UTC is 16:00 in Shanghai.
    expect(rows.map((r) => r[1])).toEqual([
      '2026-03-01 16:00:00',
      '2026-03-02 16:00:00',
      '2026-03-03 16:00:00',
      '2026-03-04 16:00:00',
      '2026-03-05 16:00:00',
    ]);
    expect(rows.map((r) => r[3])).toEqual(runIds.map((_, i) => `2026-03-0${i + 1}T08:00:00.000Z`));
    expect(rows.map((r) => r.slice(5, 7))).toEqual([
      ['drill', '演练'],
      ['incident', '实战'],
      ['drill', '演练'],
      ['incident', '实战'],
      ['drill', '演练'],
    ]);
    expect(rows.map((r) => r[7])).toEqual([
      'armed-robbery',
      'fire',
      'medical-emergency',
      'earthquake',
      'violent-customer',
    ]);
    for (const row of rows) {
      expect(row[2]! > row[1]!).toBe(true);
      expect(row[2]).toMatch(/^2026-03-0\d \d{2}:\d{2}:\d{2}$/);
      expect(row[4]! > row[3]!).toBe(true);
      expect(row[8]).toMatch(/^\d+$/);
      expect(row[9]).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(row[11]).not.toBe('');
      expect(row[12]).toMatch(/[\u4e00-\u9fff]/);
      expect(row.slice(13)).toEqual(['verified', '已验证', '']);
    }
    expect(rows[0]![10]).toBe('营业网点持械抢劫现场处置方案');
  });

  it('gives an archive with only the header, the README and the key for a range with no runs', async () => {
    const { dataDir, runsDir } = await fiveDays();
    const files = unzip(await exportRange({ runsDir, from: '2025-01-01', to: '2025-12-31', ...keyOf(dataDir) }));
    expect(Object.keys(files).sort()).toEqual([INDEX_CSV, KEY_FILE, README_FILE].sort());
    expect(indexRows(files[INDEX_CSV]!)).toHaveLength(1);
    expect(files[README_FILE]!.toString('utf8')).toContain('记录数 runs: 0');
  });

  it('takes times with an offset exactly, and a bare date as a whole local day of the zone', async () => {
    const { dataDir, runsDir, runIds } = await fiveDays();
    const names = async (from: string, to: string, timeZone = 'UTC') =>
      Object.keys(unzip(await exportRange({ runsDir, from, to, timeZone, ...keyOf(dataDir) })))
        .filter((n) => n.endsWith('.jsonl'))
        .sort();
    // 2 March 08:00 UTC is 16:00 in Beijing.
    expect(await names('2026-03-02T16:00:00+08:00', '2026-03-02T16:00:00+08:00')).toEqual([`${runIds[1]}.jsonl`]);
    expect(await names('2026-03-02T16:00:00.001+08:00', '2026-03-03T07:59:59Z')).toEqual([]);
    expect(await names('2026-03-05', '2026-03-05')).toEqual([`${runIds[4]}.jsonl`]);
    // 5 March 08:00 UTC is 22:00 on the 4th in Honolulu.
    expect(await names('2026-03-05', '2026-03-05', 'Pacific/Honolulu')).toEqual([]);
    expect(await names('2026-03-04', '2026-03-04', 'Pacific/Honolulu')).toEqual([`${runIds[4]}.jsonl`]);
  });

  it('exports a damaged journal in the range too, marked, and verification then fails on it', async () => {
    const { dataDir, runsDir, runIds } = await fiveDays();
    const path = join(runsDir, `${runIds[2]}.jsonl`);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"by":"simulator"', '"by":"someone else"'));
    const files = unzip(await exportRange({ runsDir, from: '2026-03-03', to: '2026-03-03', ...keyOf(dataDir) }));
    expect(files[`${runIds[2]}.jsonl`]!.equals(readFileSync(path))).toBe(true);
    const row = indexRows(files[INDEX_CSV]!)[1]!;
    expect(row.slice(13, 15)).toEqual(['damaged', '已损坏']);
    expect(row[15]).toMatch(/^line \d+ \(byte \d+\): bad-hash$/);
    const dir = extract(files);
    expect(await runCli(['records', 'verify', dir, '--key', join(dir, KEY_FILE)], cli().io)).toBe(1);
  });

  it('leaves out files that are not journals, sidecars and unsafe names', async () => {
    const { dataDir, runsDir, runIds } = await fiveDays();
    const journal = readFileSync(join(runsDir, `${runIds[0]}.jsonl`));
    writeFileSync(join(runsDir, `${runIds[0]}.torn-9-1.jsonl`), journal);
    writeFileSync(join(runsDir, 'odd name.jsonl'), journal);
    appendFileSync(join(runsDir, 'notes.txt'), 'x');
    const files = unzip(await exportRange({ runsDir, from: '2026-03-01', to: '2026-03-01', ...keyOf(dataDir) }));
    expect(Object.keys(files).filter((n) => n.endsWith('.jsonl'))).toEqual([`${runIds[0]}.jsonl`]);
  });

  it('refuses dates that are not dates and ranges that end before they start', async () => {
    const runsDir = tempDir('guardbook-batch-empty-');
    for (const [from, to] of [
      ['2026-02-30', '2026-03-01'],
      ['2026-03-01', 'tomorrow'],
      ['2026-03-01T08:00:00', '2026-03-02'], // a time without its offset is ambiguous
      ['2026-03-02', '2026-03-01'],
      ['2026-03-01T10:00:00Z', '2026-03-01T09:59:59Z'],
    ] as const) {
      await expect(exportRange({ runsDir, from, to })).rejects.toBeInstanceOf(BatchRangeError);
    }
    expect(resolveRange('2026-03-01', '2026-03-01', 'UTC')).toEqual({
      start: Date.UTC(2026, 2, 1),
      end: Date.UTC(2026, 2, 2) - 1,
    });
    expect(resolveRange('2026-03-01', '2026-03-01', 'Asia/Shanghai')).toEqual({
      start: Date.UTC(2026, 1, 28, 16),
      end: Date.UTC(2026, 2, 1, 16) - 1,
    });
    expect(batchFileName('2026-03-01T00:00:00+08:00', '2026-03-31')).toBe('guardbook-records-20260301-20260331.zip');
    // The screen sends the instants of the branch's days: the name gives the days, not their UTC dates.
    expect(batchFileName('2026-02-28T16:00:00.000Z', '2026-03-31T15:59:59.999Z', 'Asia/Shanghai')).toBe(
      'guardbook-records-20260301-20260331.zip',
    );
  });
});

describe('records export --from --to', () => {
  it('writes the zip where --out says', async () => {
    const { dataDir, runIds } = await fiveDays();
    const out = join(dataDir, 'march.zip');
    const { out: printed, io } = cli();
    expect(
      await runCli(
        ['records', 'export', '--from', '2026-03-04', '--to', '2026-03-31', '--out', out, '--data-dir', dataDir],
        io,
      ),
    ).toBe(0);
    expect(printed).toEqual([out]);
    const files = unzip(readFileSync(out));
    expect(
      Object.keys(files)
        .filter((n) => n.endsWith('.jsonl'))
        .sort(),
    ).toEqual([`${runIds[3]}.jsonl`, `${runIds[4]}.jsonl`]);
    expect(files[KEY_FILE]!.toString('utf8').trim()).toBe(keyOf(dataDir).publicKey);
  });

  it('says what is wrong with bad arguments (exit 2)', async () => {
    const { dataDir, runIds } = await fiveDays();
    const { out, io } = cli();
    const args = ['--data-dir', dataDir, '--out', join(dataDir, 'x.zip')];
    expect(await runCli(['records', 'export', '--from', '2026-03-32', '--to', '2026-04-01', ...args], io)).toBe(2);
    expect(out.join('\n')).toContain('--from is not an ISO date');
    expect(await runCli(['records', 'export', '--from', '2026-03-02', '--to', '2026-03-01', ...args], io)).toBe(2);
    expect(await runCli(['records', 'export', '--from', '2026-03-01', ...args], io)).toBe(2);
    expect(
      await runCli(['records', 'export', runIds[0]!, '--from', '2026-03-01', '--to', '2026-03-02', ...args], io),
    ).toBe(2);
    expect(
      await runCli(['records', 'export', '--from', '2026-03-01', '--to', '2026-03-02', '--format', 'csv', ...args], io),
    ).toBe(2);
  });
});

describe('records.exportBatch', () => {
  it('answers with the zip as base64, named by its range, holding the runs and the installation key', async () => {
    const { dataDir, runsDir, runIds } = await fiveDays();
    const backend = await createBackend({ dataDir, plansDir: PLANS_DIR, host: 'web', version: '0', log: () => {} });
    try {
      const range = { from: '2026-03-01', to: '2026-03-02' };
      // Records leave the machine only for a trainer or above, and the hand-over is on the audit trail.
      const locked = await backend.call('records.exportBatch', range);
      expect(locked.ok ? 'ok' : locked.error.code).toBe('locked');
      const admin = await setupAdmin(backend);
      const result = await backend.call('records.exportBatch', range);
      if (!result.ok) throw new Error(result.error.message.en);
      expect(backend.audit.entries.at(-1)).toMatchObject({
        type: 'records.exported',
        by: admin.id,
        data: { format: 'zip', ...range },
      });
      const value = BatchExportSchema.parse(result.value);
      expect(value).toMatchObject({ fileName: 'guardbook-records-20260301-20260302.zip', mime: 'application/zip' });
      const files = unzip(Buffer.from(value.base64, 'base64'));
      for (const runId of runIds.slice(0, 2)) {
        expect(files[`${runId}.jsonl`]!.equals(readFileSync(join(runsDir, `${runId}.jsonl`)))).toBe(true);
      }
      expect(Object.keys(files)).toHaveLength(3 + 2 * 2);
      expect(files[KEY_FILE]!.toString('utf8').trim()).toBe(keyOf(dataDir).publicKey);
    } finally {
      await backend.close();
    }
  });

  it('refuses bad dates and a range that ends before it starts as invalid input', async () => {
    const dataDir = join(tempDir('guardbook-batch-api-'), 'data');
    mkdirSync(dataDir);
    const backend = await createBackend({ dataDir, plansDir: PLANS_DIR, host: 'web', version: '0', log: () => {} });
    await setupAdmin(backend);
    try {
      for (const input of [
        { from: '2026-03-01', to: 'soon' },
        { from: '2026-02-30', to: '2026-03-01' },
        { from: '2026-03-02', to: '2026-03-01' },
        { from: '2026-03-01' },
        { from: '2026-03-01', to: '2026-03-02', extra: 1 },
      ]) {
        const result = await backend.call('records.exportBatch', input);
        expect(result.ok ? 'ok' : result.error.code).toBe('invalid-input');
      }
      const reversed = await backend.call('records.exportBatch', { from: '2026-03-02', to: '2026-03-01' });
      expect(reversed.ok ? [] : reversed.error.issues).toEqual([
        { path: 'to', message: 'the range ends before it starts' },
      ]);
    } finally {
      await backend.close();
    }
  });
});

describe('the branch time zone in the API', () => {
  it('makes bare dates in records.list and records.exportBatch local days there, and refuses a zone that is none', async () => {
    const dataDir = tempDir('guardbook-batch-zone-');
    // 23:30 on 4 December and 00:30 on 5 December in Shanghai.
    const [late, early] = await runsStartedAt(dataDir, [
      { planId: 'fire', mode: 'drill', at: '2026-12-04T15:30:00.000Z' },
      { planId: 'fire', mode: 'drill', at: '2026-12-04T16:30:00.000Z' },
    ]);
    const backend = await createBackend({ dataDir, plansDir: PLANS_DIR, host: 'web', version: '0', log: () => {} });
    try {
      await setupAdmin(backend);
      const ids = async (from: string, to: string) => {
        const page = await backend.call('records.list', { from, to });
        if (!page.ok) throw new Error(page.error.message.en);
        return (page.value as { items: { runId: string }[] }).items.map((r) => r.runId);
      };
      const settingsUpdate = (timeZone: string) => backend.call('settings.update', { timeZone });

      expect((await settingsUpdate('UTC')).ok).toBe(true);
      expect(await ids('2026-12-04', '2026-12-04')).toEqual([early, late]);

      const refused = await settingsUpdate('Beijing');
      expect(refused.ok ? 'ok' : refused.error.code).toBe('invalid-input');
      expect(JSON.stringify(refused)).toMatch(/timeZone.*IANA/);

      expect((await settingsUpdate('Asia/Shanghai')).ok).toBe(true);
      expect(await ids('2026-12-04', '2026-12-04')).toEqual([late]);
      expect(await ids('2026-12-05', '2026-12-05')).toEqual([early]);
      const result = await backend.call('records.exportBatch', { from: '2026-12-05', to: '2026-12-05' });
      if (!result.ok) throw new Error(result.error.message.en);
      const value = BatchExportSchema.parse(result.value);
      expect(value.fileName).toBe('guardbook-records-20261205-20261205.zip');
      const files = unzip(Buffer.from(value.base64, 'base64'));
      expect(Object.keys(files).filter((n) => n.endsWith('.jsonl'))).toEqual([`${early}.jsonl`]);
      expect(indexRows(files[INDEX_CSV]!)[1]!.slice(1, 2)).toEqual(['2026-12-05 00:30:00']);
      // The one-run CSV gives the same local time.
      const csv = await backend.call('records.export', { runId: early, format: 'csv' });
      if (!csv.ok) throw new Error(csv.error.message.en);
      expect((csv.value as { content: string }).content).toContain('2026-12-05 00:30:00');
    } finally {
      await backend.close();
    }
  });
});
