// `bench hq`, part 2 — the dashboard at 1,000,000 received runs. The runs part 1 sent (real, verified) are the newest;
// older history is bulk-loaded as summary rows with a short shared journal, a receipt and a `verified` check each
// (one in a thousand `failed`), in the order head office would have received them (oldest first). Loaded as the
// superuser with triggers off (session_replication_role = replica: no receipt or queue trigger, no foreign-key
// checks — the rows are consistent by construction), then VACUUM ANALYZE, as autovacuum would leave an insert-only
// table. Then the dashboard's own functions (electron/hq/dashboard.ts) are timed on a viewer login.
import type pg from 'pg';
import {
  branchHistory,
  coverageMatrix,
  HQ_ZONE,
  incidentsByMonth,
  type CoverageMatrix,
  type HistoryCursor,
} from '../electron/hq/dashboard';
import { formatLocalDate } from '../shared/time/localTime';
import { lagDays, type BenchBranch, type HeadOffice } from './hqSetup';
import { ms, percentile } from './hqStats';

const COVERAGE_GOAL_MS = 300;
const HISTORY_GOAL_MS = 50;
const REPEATS = 10;
const STALE_DAYS = 7;
/** Loaded this many (per branch) at a time: ~100,000 rows per statement. */
const CHUNK = 98;
/** Hours between two runs of a branch in the loaded history: ~280 runs a year, the capacity plan's upper case. */
const SPACING_HOURS = 31;
/** A journal for every loaded row: what matters here is the summary columns; part 1 measured real journals. */
const SHARED_JOURNAL = Buffer.from(
  `${JSON.stringify({ seq: 1, at: '2020-01-01T00:00:00.000Z', type: 'bench.synthetic', by: 'bench', data: {} })}\n`.repeat(
    3,
  ),
);
export const SYNTHETIC_JOURNAL_BYTES = SHARED_JOURNAL.length;

export async function loadHistory(office: HeadOffice, totalRuns: number, branches: readonly BenchBranch[]) {
  const { su } = office;
  const existing = await countRuns(su);
  const perBranch = Math.ceil((totalRuns - existing) / branches.length);
  if (perBranch <= 0) return;
  const started = performance.now();
  await su.query('SET session_replication_role = replica');
  await su.query(`CREATE TEMP TABLE bench_branches AS
    SELECT branch_code, (row_number() OVER (ORDER BY branch_code))::int - 1 AS n FROM guardbook.branches`);
  await su.query(
    `CREATE TEMP TABLE bench_lags AS SELECT (ord - 1)::int AS n, lag FROM unnest($1::int[]) WITH ORDINALITY AS t(lag, ord)`,
    [branches.map((_, i) => lagDays(i))],
  );
  await su.query(`CREATE TEMP TABLE bench_plans AS
    SELECT plan_id, version, content_hash, content ->> 'category' AS category,
           (row_number() OVER (ORDER BY plan_id))::int - 1 AS k
      FROM (SELECT DISTINCT ON (plan_id) * FROM guardbook.plan_versions ORDER BY plan_id, version DESC) latest`);
  const plans = (await su.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_plans')).rows[0]!.n;
  // The oldest first, as they would have arrived: i counts back from the newest loaded run (i = 1) of each branch,
  // which is 190 days before its newest real run from part 1.
  for (let high = perBranch; high >= 1; high -= CHUNK) {
    const low = Math.max(1, high - CHUNK + 1);
    await su.query(
      `WITH rows AS (
         INSERT INTO guardbook.received_records
           (branch_code, kind, record_id, head_hash, seal, journal, plan_id, plan_version, plan_hash, category,
            is_drill, started_at, ended_at, score, passed, received_at)
         SELECT b.branch_code, 'run', 'hist-' || i, h.head,
                jsonb_build_object('head', h.prev, 'keyId', 'bench', 'publicKey', 'bench', 'signature', 'bench'),
                $3::bytea, p.plan_id, p.version, p.content_hash, p.category,
                (i * 7 + b.n) % 10 <> 0, t.started, t.started + interval '20 minutes', NULL, NULL,
                t.started + interval '1 hour'
           FROM generate_series($1::int, $2::int) AS i
           CROSS JOIN bench_branches b
           JOIN bench_lags l USING (n)
           JOIN bench_plans p ON p.k = (i + b.n) % $4
           CROSS JOIN LATERAL (SELECT now() - make_interval(days => l.lag + 190, hours => i * ${SPACING_HOURS})
                                      AS started) t
           CROSS JOIN LATERAL (SELECT md5(b.branch_code || ':' || i) || md5(i || ':' || b.branch_code) AS head,
                                      md5('p' || b.branch_code || i) || md5('q' || i || b.branch_code) AS prev) h
          ORDER BY i DESC, b.n
         RETURNING branch_code, kind, record_id, head_hash, received_at),
       receipts AS (
         INSERT INTO guardbook.receipts (branch_code, kind, record_id, head_hash, received_at)
         SELECT branch_code, kind, record_id, head_hash, received_at FROM rows)
       INSERT INTO guardbook.record_checks (branch_code, kind, record_id, status, reason, checked_at)
       SELECT branch_code, kind, record_id,
              CASE WHEN abs(hashtext(branch_code || record_id)) % 1000 = 0 THEN 'failed' ELSE 'verified' END,
              CASE WHEN abs(hashtext(branch_code || record_id)) % 1000 = 0 THEN 'bench: a synthetic failure' END,
              received_at + interval '1 minute'
         FROM rows`,
      [low, high, SHARED_JOURNAL, plans],
    );
  }
  await su.query('SET session_replication_role = origin');
  await su.query('DROP TABLE bench_branches, bench_lags, bench_plans');
  const loadedMs = performance.now() - started;
  // The history was loaded past ingest, which keeps the coverage matrix's derived table: made here as it would be.
  const rebuilt = performance.now();
  await su.query('SELECT guardbook.rebuild_drill_coverage()');
  console.log(
    `    drill_coverage rebuilt from every verified drill in ${((performance.now() - rebuilt) / 1000).toFixed(1)} s ` +
      `(ingest keeps it as it verifies; this is the migration's and a repair's cost)`,
  );
  const vacuumed = performance.now();
  await su.query(
    'VACUUM ANALYZE guardbook.received_records, guardbook.record_checks, guardbook.receipts, guardbook.drill_coverage',
  );
  const total = await countRuns(su);
  console.log(
    `    loaded ${total - existing} older runs (${perBranch} per branch, one every ${SPACING_HOURS} h) with their ` +
      `receipts and checks in ${(loadedMs / 1000).toFixed(1)} s; VACUUM ANALYZE ${((performance.now() - vacuumed) / 1000).toFixed(1)} s; ` +
      `${total} runs received in all`,
  );
}

const countRuns = async (client: pg.ClientBase) =>
  (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM guardbook.received_records')).rows[0]!.n;

export async function benchDashboard(
  office: HeadOffice,
  branches: readonly BenchBranch[],
  options: { verbose: boolean },
): Promise<void> {
  const today = formatLocalDate(Date.now(), HQ_ZONE);
  const viewer = await office.login('viewer');
  try {
    // PostgreSQL compiles a query to machine code (JIT) when its estimated cost is high, which these many-probe
    // queries' estimates are; compiling can cost more than it saves. Both ways, so the choice is informed.
    const jit = (await viewer.query<{ jit: string }>('SHOW jit')).rows[0]!.jit;
    console.log(`    with the server's default settings (jit = ${jit}):`);
    await timeDashboard(viewer, branches, today);
    await viewer.query('SET jit = off');
    console.log(`    with jit = off for the viewer's session:`);
    await timeDashboard(viewer, branches, today);
  } finally {
    await viewer.end();
  }
  if (options.verbose) await explainDashboard(office, branches[0]!.code, today);
}

async function timeDashboard(viewer: pg.ClientBase, branches: readonly BenchBranch[], today: string): Promise<void> {
  let matrix: CoverageMatrix | undefined;
  const coverage = await timed(REPEATS, async () => {
    matrix = await coverageMatrix(viewer, { today, staleDays: STALE_DAYS });
  });
  const statuses = new Map<string, number>();
  for (const row of matrix!.branches) {
    for (const cell of row.cells) if (cell) statuses.set(cell.status, (statuses.get(cell.status) ?? 0) + 1);
  }
  console.log(
    `      coverageMatrix (${matrix!.branches.length} branches × ${matrix!.plans.length} plans): median ` +
      `${ms(percentile(coverage, 50))}, p95 ${ms(percentile(coverage, 95))} (goal ≤ ${COVERAGE_GOAL_MS} ms: ` +
      `${percentile(coverage, 50) <= COVERAGE_GOAL_MS ? 'met' : 'NOT met'}); cells ` +
      [...statuses].map(([status, n]) => `${status} ${n}`).join(', '),
  );

  // A different branch each time, so each reads its own pages rather than the last one's.
  let turn = 0;
  let next: HistoryCursor | undefined;
  const history = await timed(REPEATS, async () => {
    const page = await branchHistory(viewer, branches[(turn++ * 97) % branches.length]!.code, { limit: 50 });
    if (page?.records.length !== 50) throw new Error('branchHistory: not a page of 50');
    next = page.next;
  });
  console.log(
    `      branchHistory (first page of 50): median ${ms(percentile(history, 50))}, p95 ` +
      `${ms(percentile(history, 95))} (goal ≤ ${HISTORY_GOAL_MS} ms: ` +
      `${percentile(history, 50) <= HISTORY_GOAL_MS ? 'met' : 'NOT met'})`,
  );
  const code = branches[((turn - 1) * 97) % branches.length]!.code;
  const deeper = await timed(REPEATS, async () => {
    const page = await branchHistory(viewer, code, { limit: 50, before: next });
    next = page?.next;
  });
  console.log(
    `      branchHistory, the pages after it (keyset, one branch): median ${ms(percentile(deeper, 50))}, ` +
      `p95 ${ms(percentile(deeper, 95))}`,
  );
  const from = formatLocalDate(Date.now() - 365 * 86_400_000, HQ_ZONE);
  let groups = 0;
  const incidents = await timed(REPEATS, async () => {
    groups = (await incidentsByMonth(viewer, { from, to: today })).length;
  });
  console.log(
    `      incidentsByMonth over a year (${groups} month × region × category groups; no goal): median ` +
      `${ms(percentile(incidents, 50))}, p95 ${ms(percentile(incidents, 95))}`,
  );
}

/** Runs `work` once to warm up, then `repeats` times; the times of the latter. */
async function timed(repeats: number, work: () => Promise<void>): Promise<number[]> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

/** Each statement the two timed functions run, as auto_explain (ANALYZE, BUFFERS) reports it to the session. */
async function explainDashboard(office: HeadOffice, code: string, today: string): Promise<void> {
  const viewer = await office.login('viewer-explained');
  const plans: string[] = [];
  viewer.on('notice', (notice) => plans.push(notice.message ?? ''));
  try {
    for (const [name, run] of [
      ['coverageMatrix', () => coverageMatrix(viewer, { today, staleDays: STALE_DAYS })],
      ['branchHistory', () => branchHistory(viewer, code, { limit: 50 })],
    ] as const) {
      plans.length = 0;
      await run();
      console.log(`    EXPLAIN (ANALYZE, BUFFERS) of ${name}'s statements:`);
      for (const plan of plans) console.log(summaryOf(plan));
    }
  } finally {
    await viewer.end();
  }
}

/** A plan as auto_explain words it, shortened: its duration, the query's start, and each node's actual figures. */
function summaryOf(plan: string): string {
  const lines = plan.split('\n');
  const duration = /duration: ([\d.]+ ms)/.exec(lines[0] ?? '')?.[1] ?? '?';
  const query = (lines.find((line) => line.startsWith('Query Text:')) ?? '').replace(/\s+/g, ' ').slice(12, 110);
  const nodes = lines
    .filter((line) => /actual time|Buffers:|Index Cond|Filter:|JIT:|Timing:/.test(line))
    .map((line) => `        ${line.replace(/\(cost=[^)]*\) /, '').slice(0, 150)}`);
  return [`      ${duration}: ${query}…`, ...nodes].join('\n');
}
