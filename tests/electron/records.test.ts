// The history index, queries and exports, on real data folders filled by the real engine.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { simulateRun } from '../../electron/cli/runsCommands';
import { INDEX_FILE, INDEX_FORMAT, RunIndex } from '../../electron/records/runIndex';
import { dataFolderWitnesses } from '../../electron/records/dataFolderWitnesses';
import { RecordsService } from '../../electron/records/recordsService';
import { fingerprintOf, loadOrCreateSigningKey } from '../../electron/journal/signingKey';
import { CSV_BOM, csvCell } from '../../shared/records/csvExport';
import { queryable, queryRecords } from '../../shared/records/recordQuery';
import type { RunRecord } from '../../shared/records/runSummary';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data folder with runs walked through the real engine: drills and incidents on a few plans. */
async function dataDirWithRuns(count: number): Promise<{ dataDir: string; runsDir: string; runIds: string[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guardbook-records-'));
  dirs.push(dataDir);
  const plans = ['armed-robbery', 'fire', 'medical-emergency'];
  const runIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const { runId } = await simulateRun({
      planId: plans[i % plans.length]!,
      dataDir,
      mode: i % 2 === 0 ? 'drill' : 'incident',
      seed: i + 1,
      start: new Date(Date.UTC(2026, 0, 1 + i, 8, 0, 0)),
    });
    runIds.push(runId);
  }
  return { dataDir, runsDir: join(dataDir, 'runs'), runIds };
}

const byId = (records: RunRecord[]) => Object.fromEntries(records.map((r) => [r.runId, r]));

describe('the run index', () => {
  it('rebuilt from the journals equals the index kept up to date incrementally', async () => {
    const { dataDir, runsDir, runIds } = await dataDirWithRuns(6);
    const { index: incremental } = await RunIndex.load(runsDir, dataFolderWitnesses(dataDir));
    for (const runId of runIds) await incremental.refresh(runId);
    await incremental.flush();
    unlinkSync(join(runsDir, INDEX_FILE));
    const { index: rebuilt, report } = await RunIndex.load(runsDir, dataFolderWitnesses(dataDir));
    expect(report).toMatchObject({ read: 6, reused: 0, rebuiltWhole: true });
    expect(byId(rebuilt.all())).toEqual(byId(incremental.all()));
    expect(rebuilt.all().every((r) => r.integrity === 'verified' && r.status === 'sealed')).toBe(true);
  });

  it('reuses unchanged entries, re-reads changed journals and drops vanished ones', async () => {
    const { runsDir, runIds } = await dataDirWithRuns(3);
    await (await RunIndex.load(runsDir)).index.flush();
    const touched = join(runsDir, `${runIds[0]}.jsonl`);
    utimesSync(touched, new Date(), new Date(Date.now() + 5000));
    unlinkSync(join(runsDir, `${runIds[1]}.jsonl`));
    const { index, report } = await RunIndex.load(runsDir);
    expect(report).toMatchObject({ read: 1, reused: 1, removed: 1, rebuiltWhole: false });
    expect(
      index
        .all()
        .map((r) => r.runId)
        .sort(),
    ).toEqual([runIds[0], runIds[2]].sort());
  });

  it('marks a damaged journal, and rebuilds a corrupt index file whole', async () => {
    const { dataDir, runsDir, runIds } = await dataDirWithRuns(2);
    appendFileSync(join(runsDir, `${runIds[0]}.jsonl`), '{"seq":999}\n');
    writeFileSync(join(runsDir, INDEX_FILE), '{"format": 1, "entries": ');
    const { index, report } = await RunIndex.load(runsDir, dataFolderWitnesses(dataDir));
    expect(report.rebuiltWhole).toBe(true);
    expect(index.get(runIds[0]!)).toMatchObject({
      integrity: 'damaged',
      damage: expect.stringMatching(/^line \d+ \(byte \d+\): bad-event$/),
    });
    expect(index.get(runIds[1]!)?.integrity).toBe('verified');
    expect(JSON.parse(readFileSync(join(runsDir, INDEX_FILE), 'utf8')).format).toBe(INDEX_FORMAT);
  });
});

describe('queries', () => {
  it('filters by mode, plan, outcome, dates and note text, newest first, paged', async () => {
    const { runsDir } = await dataDirWithRuns(6);
    const all = (await RunIndex.load(runsDir)).index.all();
    const drills = queryRecords(all, { mode: 'drill' });
    expect(drills.total).toBe(3);
    expect(drills.items.every((r) => r.mode === 'drill')).toBe(true);
    expect(queryRecords(all, { planId: 'fire' }).items.every((r) => r.planId === 'fire')).toBe(true);
    const newestFirst = queryRecords(all, {}).items.map((r) => r.startedAt);
    expect(newestFirst).toEqual([...newestFirst].sort().reverse());
    expect(queryRecords(all, { from: '2026-01-02', to: '2026-01-03' }).total).toBe(2);
    const page = queryRecords(all, { limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 6 });
    expect(page.items.map((r) => r.runId)).toEqual(
      queryRecords(all, {})
        .items.slice(2, 4)
        .map((r) => r.runId),
    );
    const withNotes = all.filter((r) => r.notes.includes('simulated note'));
    expect(queryRecords(all, { text: 'SIMULATED NOTE' }).total).toBe(withNotes.length);
    expect(queryRecords(all, { text: '火灾' }).items.every((r) => r.planId === 'fire')).toBe(true);
  });
});

describe('exports', () => {
  it('CSV opens in Excel: a BOM, Chinese intact, one row per event, formulas defused', async () => {
    const { dataDir, runsDir, runIds } = await dataDirWithRuns(1);
    const service = await RecordsService.open(runsDir, () => loadOrCreateSigningKey(dataDir));
    const { content, fileName } = await service.export(runIds[0]!, 'csv');
    expect(fileName).toBe(`guardbook-${runIds[0]}.csv`);
    expect(content.startsWith(CSV_BOM)).toBe(true);
    const rows = parse(content, { bom: true }) as string[][];
    const journalLines = readFileSync(join(runsDir, `${runIds[0]}.jsonl`), 'utf8')
      .trim()
      .split('\n');
    expect(rows).toHaveLength(journalLines.length + 1);
    expect(rows[0]![0]).toBe('序号 seq');
    expect(rows[1]![5]).toBe('开始演练：营业网点持械抢劫现场处置方案');
    expect(rows.slice(1).map((r) => r[10])).toEqual(journalLines.map((l) => (JSON.parse(l) as { hash: string }).hash));
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-12.5')).toBe('-12.5');
    expect(csvCell('+86 571')).toBe("'+86 571");
    await service.close();
  });

  it('JSON carries the journal verbatim and the public key, and passes records verify elsewhere', async () => {
    const { dataDir, runsDir, runIds } = await dataDirWithRuns(1);
    const service = await RecordsService.open(runsDir, () => loadOrCreateSigningKey(dataDir));
    const { content } = await service.export(runIds[0]!, 'json');
    const bundle = JSON.parse(content) as { journal: string; publicKey: string };
    expect(bundle.journal).toBe(readFileSync(join(runsDir, `${runIds[0]}.jsonl`), 'utf8'));
    expect(bundle.publicKey).toBe(loadOrCreateSigningKey(dataDir).publicKey);
    const elsewhere = mkdtempSync(join(tmpdir(), 'guardbook-auditor-'));
    dirs.push(elsewhere);
    writeFileSync(join(elsewhere, 'run.json'), content);
    writeFileSync(join(elsewhere, 'branch.pub'), bundle.publicKey);
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    expect(
      await runCli(
        ['records', 'verify', join(elsewhere, 'run.json'), '--key', join(elsewhere, 'branch.pub'), '--lang', 'en'],
        io,
      ),
    ).toBe(0);
    expect(out.join('\n')).toMatch(
      /^PASS .*run\.json: \d+ events, .*sealed, signature valid \(key [0-9a-f]{16}, trusted\)/,
    );
    const edited = content.replace('simulator', 'someone else');
    writeFileSync(join(elsewhere, 'edited.json'), edited);
    expect(await runCli(['records', 'verify', join(elsewhere, 'edited.json')], io)).toBe(1);
    await service.close();
  });

  it('records list and records export from the command line', async () => {
    const { dataDir, runIds } = await dataDirWithRuns(2);
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    expect(await runCli(['records', 'list', '--data-dir', dataDir, '--lang', 'en'], io)).toBe(0);
    expect(out.at(-3)).toBe('2 runs');
    expect(out.at(-2)).toBe(
      `installation key fingerprint: ${fingerprintOf(loadOrCreateSigningKey(dataDir).publicKey)}`,
    );
    expect(out.at(-1)).toMatch(/^seal register: 2 seals, head [0-9a-f]{64}$/);
    expect(out[0]).toContain(runIds[1]);
    const csv = join(dataDir, 'out.csv');
    expect(
      await runCli(['records', 'export', runIds[0]!, '--format', 'csv', '--data-dir', dataDir, '--out', csv], io),
    ).toBe(0);
    expect(readFileSync(csv, 'utf8').startsWith(CSV_BOM)).toBe(true);
    expect(await runCli(['records', 'export', '../etc/passwd', '--data-dir', dataDir], io)).toBe(2);
    expect(await runCli(['records', 'export', 'no-such-run', '--data-dir', dataDir], io)).toBe(1);
  });
});

describe('the index file and queries at scale', () => {
  it('is one JSON document written an entry a line; a bad line costs only that run a re-read', async () => {
    const { runsDir } = await dataDirWithRuns(3);
    await (await RunIndex.load(runsDir)).index.flush();
    const path = join(runsDir, INDEX_FILE);
    const text = readFileSync(path, 'utf8');
    expect(Object.keys((JSON.parse(text) as { entries: object }).entries)).toHaveLength(3);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(3 + 2); // header, one line per run, footer
    lines[2] = '"not-an-entry":{"size":"big"},';
    writeFileSync(path, lines.join('\n') + '\n');
    const { report } = await RunIndex.load(runsDir);
    expect(report).toMatchObject({ read: 1, reused: 2, removed: 0, rebuiltWhole: false });
  });

  it('reads an index written whole on one line (as earlier versions did) without re-reading journals', async () => {
    const { runsDir } = await dataDirWithRuns(3);
    const { index } = await RunIndex.load(runsDir);
    await index.flush();
    const path = join(runsDir, INDEX_FILE);
    writeFileSync(path, JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))));
    const { index: reloaded, report } = await RunIndex.load(runsDir);
    expect(report).toMatchObject({ read: 0, reused: 3, rebuiltWhole: false });
    expect(byId(reloaded.all())).toEqual(byId(index.all()));
  });

  it('answers queries like queryRecords, and follows new runs and refreshes', async () => {
    const { dataDir, runsDir } = await dataDirWithRuns(4);
    const { index } = await RunIndex.load(runsDir);
    for (const query of [{}, { mode: 'drill' as const }, { text: 'simulated' }, { limit: 2, offset: 1 }]) {
      expect(index.query(query)).toEqual(queryRecords(index.all(), query));
    }
    const { runId } = await simulateRun({
      planId: 'fire',
      dataDir,
      mode: 'incident',
      seed: 99,
      start: new Date(Date.UTC(2026, 5, 1, 8, 0, 0)),
    });
    await index.refresh(runId);
    expect(index.query({ limit: 1 }).items[0]!.runId).toBe(runId);
    expect(index.query({}).total).toBe(5);
  });

  it('searches notes, titles and operator without regard to case, Chinese notes kept as they are', () => {
    const base: RunRecord = {
      runId: 'r1',
      planId: 'atm-skimmer',
      planVersion: 1,
      planHash: 'sha256:x',
      planTitle: { 'zh-CN': '自助设备被加装', en: 'ATM tampering' },
      category: 'atm-tampering',
      mode: 'drill',
      startedAt: '2026-03-01T08:00:00.000Z',
      status: 'sealed',
      operator: 'Wang Fang',
      participants: ['Wang Fang'],
      overdueCount: 0,
      notes: '发现读卡器被加装，已通知 POS 维护商\n客户称卡被吞',
      events: 10,
      integrity: 'verified',
    };
    const wide = { ...base, runId: 'r2', notes: 'ＡＴＭ 屏幕有划痕', operator: null, participants: [] };
    const records = [base, wide];
    const found = (text: string) => queryRecords(records, { text }).items.map((r) => r.runId);
    expect(found('pos 维护')).toEqual(['r1']);
    expect(found('吞')).toEqual(['r1']);
    expect(found('atm')).toEqual(['r2', 'r1']); // r2 in its notes (full-width), r1 in its title
    expect(found('ａｔｍ 屏幕')).toEqual(['r2']);
    expect(found('wang')).toEqual(['r1']);
    expect(found('维护商\n客户')).toEqual(['r1']); // notes are one text, as before
    expect(found('tampering\u0000wang')).toEqual([]); // never across two fields
    expect(queryable(base).notes).not.toBe(base.notes); // "POS" has capitals
    const chinese = { ...base, notes: '客户情绪已稳定，安排在贵宾室休息' };
    expect(queryable(chinese).notes).toBe(chinese.notes); // the same string, not a lower-cased copy
  });
});
