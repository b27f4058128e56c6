// `npm run bench -- hq [--verbose] [--concurrency=N] [--branches=N] [--runs=N] [--total=N]`: head office on
// PostgreSQL (issue 15's figures), on a throwaway cluster of its own (tests/support/pgCluster.ts):
//   1. ingest: N branches (1,000), each enrolled with its own Ed25519 key and login, send their sealed runs (20 each)
//      through the branch's own code, at most `--concurrency` at once; then head office verifies all of them;
//   2. the dashboard at `--total` received runs (1,000,000): coverage matrix and a branch's history, timed on a
//      viewer login (`--verbose`: each statement's EXPLAIN ANALYZE, BUFFERS);
//   3. storage: table and index sizes, per run and per million runs.
// Concurrency: a branch keeps one connection while it syncs, so at most `--concurrency` branches are let in at once
// (the rest wait their turn, as they would behind a pooler's limit). 2 cores run 2 things at once; a few more keep
// them busy while others wait on the network and on commits; more than that adds waiting, not throughput. The default
// 32 stays well inside PostgreSQL's default max_connections (100); above 90 the bench raises it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HQ_ZONE } from '../electron/hq/dashboard';
import { formatLocalDate } from '../shared/time/localTime';
import { benchDashboard, loadHistory, SYNTHETIC_JOURNAL_BYTES } from './hqDashboard';
import { benchIngest } from './hqIngest';
import { enrolBranches, publishBundledPlans, startHeadOffice } from './hqSetup';
import { journalSizes, perRunOf, storageSnapshot } from './hqStorage';

/** Connections beyond the branches': the verifier, the superuser, the viewer, and PostgreSQL's reserved ones. */
const OTHER_CONNECTIONS = 10;

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

export async function benchHq(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const concurrency = option('concurrency', 32);
  const branchCount = option('branches', 1000);
  const runsPerBranch = option('runs', 20);
  const totalRuns = option('total', 1_000_000);
  console.log(`hq: head office on PostgreSQL — ingest, the dashboard at ${totalRuns} runs, storage`);
  const keysDir = mkdtempSync(join(tmpdir(), 'guardbook-bench-hq-'));
  const office = await startHeadOffice({ connections: concurrency + OTHER_CONNECTIONS });
  try {
    const version = (await office.su.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v.split(' on ')[0];
    console.log(
      `  ${version}, throwaway cluster; set: ` +
        Object.entries(office.settings)
          .map(([name, value]) => `${name}=${value}`)
          .join(', '),
    );
    const today = formatLocalDate(Date.now(), HQ_ZONE);
    const published = await publishBundledPlans(office, keysDir, today);
    const enrolling = performance.now();
    const branches = await enrolBranches(office, branchCount, keysDir);
    console.log(
      `  ${published} bundled plans published to all; ${branches.length} branches enrolled (addBranch: login role, ` +
        `SCRAM verifier, key) in ${((performance.now() - enrolling) / 1000).toFixed(1)} s`,
    );

    await benchIngest(office, branches, { runsPerBranch, concurrency, nowMs: Date.now() });
    const afterIngest = await storageSnapshot(office.su, 'part 3, storage after part 1');
    await journalSizes(office.su, "record_id LIKE '%-run-%'");

    console.log(`  part 2, the dashboard at ${totalRuns} received runs`);
    await loadHistory(office, totalRuns, branches);
    await benchDashboard(office, branches, { verbose });
    const loaded = await storageSnapshot(office.su, 'part 3, storage after part 2');
    perRunOf(afterIngest, loaded, SYNTHETIC_JOURNAL_BYTES);
  } finally {
    await office.su.end().catch(() => undefined);
    await office.cluster.stop();
    rmSync(keysDir, { recursive: true, force: true });
  }
}
