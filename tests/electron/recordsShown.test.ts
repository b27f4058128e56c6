// What the history shows is what is exported, and what is on disk is what the history shows: a ZIP holds exactly
// the runs the list shows under the same filters, and journals written by another process join the list without
// a restart.
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { simulateRun } from '../../electron/cli/runsCommands';
import type { RecordPage } from '../../shared/records/recordQuery';
import { backendFixtures } from '../support/backends';
import { call, usersOfEachRole } from '../support/people';

const fixtures = backendFixtures('guardbook-shown-');
const tempDir = () => fixtures.tempDir();
const start = (dataDir: string, clock: () => number) => fixtures.start(dataDir, { clock });

/** Drills and incidents over four days, on two plans. */
async function history(dataDir: string) {
  for (let day = 1; day <= 4; day++) {
    for (const [planId, mode] of [
      ['fire', 'drill'],
      ['armed-robbery', 'incident'],
    ] as const) {
      await simulateRun({ planId, dataDir, mode, seed: day * 10, start: new Date(Date.UTC(2026, 2, day, 2)) });
    }
  }
}

describe('records.exportBatch', () => {
  it('holds exactly the runs the history shows under the same filters', async () => {
    const dataDir = tempDir();
    await history(dataDir);
    let now = 0;
    const backend = await start(dataDir, () => now);
    await usersOfEachRole(backend); // the local caller stays unlocked as the administrator
    now += 1;
    for (const filters of [{ mode: 'incident' }, { mode: 'drill', planId: 'fire' }, { planId: 'armed-robbery' }, {}]) {
      const range = { from: '2026-03-02', to: '2026-03-03' };
      const shown = await call<RecordPage>(backend, 'records.list', { ...filters, ...range, limit: 500 });
      const zip = await call<{ base64: string }>(backend, 'records.exportBatch', { ...filters, ...range });
      const journals = Object.keys(unzipSync(Buffer.from(zip.base64, 'base64')))
        .filter((n) => n.endsWith('.jsonl'))
        .map((n) => n.slice(0, -'.jsonl'.length))
        .sort();
      expect(journals, JSON.stringify(filters)).toEqual(shown.items.map((r) => r.runId).sort());
      expect(journals.length).toBeGreaterThan(0);
    }
    const exported = backend.audit.entries.filter((e) => e.type === 'records.exported').at(-1);
    expect(exported?.data).toMatchObject({ format: 'zip', from: '2026-03-02', to: '2026-03-03', runs: 4 });
  });
});

describe('the history and the folder', () => {
  it('journals another process puts in the folder, or removes, join or leave the list without a restart', async () => {
    const dataDir = tempDir();
    const elsewhere = tempDir();
    let now = 0;
    const backend = await start(dataDir, () => now);
    expect((await call<RecordPage>(backend, 'records.list', {})).total).toBe(0);
    const { runId } = await simulateRun({ planId: 'fire', dataDir: elsewhere, mode: 'drill', seed: 5 });
    cpSync(join(elsewhere, 'runs', `${runId}.jsonl`), join(dataDir, 'runs', `${runId}.jsonl`));
    now += 2_000; // the folder is looked at again every two seconds at most
    const page = await call<RecordPage>(backend, 'records.list', {});
    expect(page.items.map((r) => r.runId)).toEqual([runId]);
    expect(page.items[0]!.integrity).toBe('foreign'); // sealed elsewhere: never "verified" here
    rmSync(join(dataDir, 'runs', `${runId}.jsonl`));
    now += 2_000;
    expect((await call<RecordPage>(backend, 'records.list', {})).total).toBe(0);
    expect(readdirSync(join(dataDir, 'runs')).filter((n) => n.endsWith('.jsonl'))).toEqual([]);
  });
});
