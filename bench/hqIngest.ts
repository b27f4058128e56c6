// `bench hq`, part 1 — ingest: simulated branches send sealed runs through the branch's own code
// (electron/sync/headOfficeLink.ts), each on its own login, a bounded number at once; then head office's verifier
// (electron/hq/ingest.ts) checks everything queued; then every branch makes the pass it makes every minute when it
// has nothing to send (log in, witness its register, read its releases), which is most of head office's traffic.
//
// A branch's pass here is what SyncService.pass does: connect, ask which branch it is, push its records one after
// the other (each an INSERT … ON CONFLICT DO NOTHING and a receipt read back), witness its seal register, close.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PLANS_DIR } from '../electron/build/projectPaths';
import { verifyPending } from '../electron/hq/ingest';
import { HeadOfficeLink } from '../electron/sync/headOfficeLink';
import type { RecordPush } from '../shared/hq/receivedRecord';
import type { Plan } from '../shared/plan/schema';
import { pushOf, sealedRunJournal } from '../tests/support/hqRecords';
import { loadPlanFile } from '../tests/support/runJournal';
import { lagDays, type BenchBranch, type HeadOffice } from './hqSetup';
import { describeCpu, eachConcurrently, measureCpu, ms, percentile, perSecond } from './hqStats';

const VERIFY_GOAL_PER_SECOND = 500;
const DAY_MS = 86_400_000;
const LOGINS = 20;

export interface IngestOptions {
  runsPerBranch: number;
  concurrency: number;
  /** The newest run's start: runs go back from here, one every few days per branch. */
  nowMs: number;
}

interface BranchRuns {
  branch: BenchBranch;
  pushes: RecordPush[];
}

export async function benchIngest(office: HeadOffice, branches: readonly BenchBranch[], options: IngestOptions) {
  const total = branches.length * options.runsPerBranch;
  console.log(
    `  part 1, ingest: ${branches.length} branches × ${options.runsPerBranch} sealed runs = ${total}, ` +
      `at most ${options.concurrency} branches connected at once`,
  );
  const work = makeRuns(branches, options);
  await loginCost(office, branches[0]!);

  // Pushes.
  const connects: number[] = [];
  const pushes: number[] = [];
  const passes: number[] = [];
  let refused = 0;
  const pushCpu = measureCpu(office.postmasterPid);
  await eachConcurrently(work, options.concurrency, async ({ branch, pushes: records }) => {
    const started = performance.now();
    const link = await HeadOfficeLink.connect(branch.connection);
    connects.push(performance.now() - started);
    try {
      if ((await link.branchCode()) !== branch.code) throw new Error(`${branch.code}: not enrolled as itself`);
      for (const push of records) {
        const sent = performance.now();
        const outcome = await link.push(push);
        pushes.push(performance.now() - sent);
        if (outcome.outcome !== 'acknowledged') refused++;
      }
      await link.witnessRegister(records.length, records.at(-1)!.headHash);
    } finally {
      await link.close();
    }
    passes.push(performance.now() - started);
  });
  const pushed = pushCpu();
  console.log(
    `    pushed in ${(pushed.wallMs / 1000).toFixed(1)} s: ${perSecond(total, pushed.wallMs)} pushes, ` +
      `per push p50 ${ms(percentile(pushes, 50))}, p99 ${ms(percentile(pushes, 99))}, max ${ms(Math.max(...pushes))}` +
      (refused > 0 ? `; ${refused} NOT acknowledged` : ''),
  );
  console.log(
    `    per branch: log-in p50 ${ms(percentile(connects, 50))}, p99 ${ms(percentile(connects, 99))}; whole pass ` +
      `(log in, ${options.runsPerBranch} pushes, witness, close) p50 ${ms(percentile(passes, 50))}, ` +
      `p99 ${ms(percentile(passes, 99))}`,
  );
  console.log(`    ${describeCpu(pushed)}`);

  // Verification, once everything is in.
  const admin = await office.login('admin');
  try {
    const verifyCpu = measureCpu(office.postmasterPid);
    const result = await verifyPending(admin);
    const verified = verifyCpu();
    const queued = (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM guardbook.ingest_queue')).rows[0]!;
    const rate = result.verified / (verified.wallMs / 1000);
    console.log(
      `    verified ${result.verified} (failed ${result.failed}, still queued ${queued.n}) in ` +
        `${(verified.wallMs / 1000).toFixed(1)} s: ${Math.round(rate)} runs/s ` +
        `(goal ≥ ${VERIFY_GOAL_PER_SECOND}/s: ${rate >= VERIFY_GOAL_PER_SECOND ? 'met' : 'NOT met'}); one verifier`,
    );
    console.log(`    ${describeCpu(verified)}`);
    const wallMs = pushed.wallMs + verified.wallMs;
    console.log(
      `    sent to verified: ${(wallMs / 1000).toFixed(1)} s in all, ${perSecond(result.verified, wallMs)} end to end`,
    );
  } finally {
    await admin.end();
  }

  await idlePasses(office, work, options.concurrency);
}

/**
 * What one login costs the server on this machine, alone: a new backend process and a SCRAM exchange. It is the
 * scale for everything below, where every pass begins with one.
 */
async function loginCost(office: HeadOffice, branch: BenchBranch): Promise<void> {
  const times: number[] = [];
  const cpu = measureCpu(office.postmasterPid);
  for (let i = 0; i < LOGINS; i++) {
    const started = performance.now();
    const link = await HeadOfficeLink.connect(branch.connection);
    await link.close();
    times.push(performance.now() - started);
  }
  const used = cpu();
  console.log(
    `    one login (connect and close, one at a time, ${LOGINS} times): p50 ${ms(percentile(times, 50))}, ` +
      `${ms(used.serverMs / LOGINS)} of PostgreSQL CPU each`,
  );
}

/** Each branch's sealed runs, each a few days before the last, cycling through the bundled plans; made in memory. */
function makeRuns(branches: readonly BenchBranch[], options: IngestOptions): BranchRuns[] {
  const plans: Plan[] = readdirSync(PLANS_DIR)
    .filter((file) => file.endsWith('.json') && file !== 'plan.schema.json')
    .map((file) => loadPlanFile(join(PLANS_DIR, file)));
  const started = performance.now();
  let bytes = 0;
  const work = branches.map((branch, b) => ({
    branch,
    pushes: Array.from({ length: options.runsPerBranch }, (_, n) => {
      const startMs = options.nowMs - (lagDays(b) + (options.runsPerBranch - n) * 9) * DAY_MS - (b % 24) * 3_600_000;
      const journal = sealedRunJournal(branch.key, `${branch.code}-run-${n + 1}`, {
        plan: plans[(b + n) % plans.length],
        startMs,
      });
      bytes += Buffer.byteLength(journal);
      return pushOf('run', journal);
    }),
  }));
  const count = branches.length * options.runsPerBranch;
  console.log(
    `    made ${count} sealed runs in ${((performance.now() - started) / 1000).toFixed(1)} s (not timed below): ` +
      `8 lines each, the plan's whole body in run.started as the app writes it, ${Math.round(bytes / count)} bytes ` +
      `on average`,
  );
  return work;
}

/**
 * The pass every branch makes every minute when it has nothing new (SyncService's interval): log in, which branch
 * am I, witness the register (already seen: nothing inserted), read the releases in scope (every published plan's
 * text, each time), close.
 */
async function idlePasses(office: HeadOffice, branches: readonly BranchRuns[], concurrency: number): Promise<void> {
  const times: number[] = [];
  let releaseBytes = 0;
  const cpu = measureCpu(office.postmasterPid);
  await eachConcurrently(branches, concurrency, async ({ branch, pushes }) => {
    const started = performance.now();
    const link = await HeadOfficeLink.connect(branch.connection);
    try {
      await link.branchCode();
      await link.witnessRegister(pushes.length, pushes.at(-1)!.headHash);
      for (const release of await link.releases()) releaseBytes += Buffer.byteLength(release.content);
    } finally {
      await link.close();
    }
    times.push(performance.now() - started);
  });
  const used = cpu();
  console.log(
    `    idle passes (nothing to send: log in, witness, read releases): ${branches.length} in ` +
      `${(used.wallMs / 1000).toFixed(1)} s, ${perSecond(branches.length, used.wallMs)}; per pass p50 ` +
      `${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}; ` +
      `${Math.round(releaseBytes / branches.length / 1024)} KiB of plan text read back per pass`,
  );
  console.log(`    ${describeCpu(used)}`);
}
