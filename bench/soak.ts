// Soak runs, longer than CI affords: `npm run soak -- crash --kills 500 [--seed S] [--timeout SECONDS]`.
// `crash` runs the crash harness of `tests/electron/crash.test.ts` (tests/support/crashHarness.ts) with as many
// kills as asked and prints kills, acknowledged events, lost ones, torn tails recovered, seconds and a verdict.
// Exit code 1 when an acknowledged event was lost or the chain does not verify, 2 on bad arguments.
import { parseArgs } from 'node:util';
import { CRASH_SEED, crashTimeLimitMs, runCrashHarness } from '../tests/support/crashHarness';

const USAGE = `usage: npm run soak -- crash [--kills N] [--seed S] [--timeout SECONDS]

  crash        a child process appends to a journal and is killed (SIGKILL) N times at seeded random
               moments; after each kill the journal is reopened and checked: no acknowledged event lost,
               the hash chain verifies, the next child carries on in the same file
  --kills N    kills to make (default 500)
  --seed S     seed of the kill moments and the children's notes (default ${CRASH_SEED})
  --timeout S  give up after S seconds (default: the harness's limit for N kills)
  --help       this text`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function positiveInteger(name: string, text: string | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) fail(`--${name} must be an integer of at least ${min}: ${text}`);
  return value;
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      kills: { type: 'string' },
      seed: { type: 'string' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail((error as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1 || positionals[0] !== 'crash') {
  fail(positionals.length === 0 ? 'name a soak run: crash' : `unknown soak run: ${positionals.join(' ')}`);
}
const kills = positiveInteger('kills', values.kills, 500);
const seed = positiveInteger('seed', values.seed, CRASH_SEED, 0);
const timeoutMs = positiveInteger('timeout', values.timeout, crashTimeLimitMs(kills) / 1000) * 1000;

// Ctrl-C or a kill: exit through process.exit, so the harness's exit hook kills the child's process group.
for (const [name, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.once(name, () => process.exit(code));
}

console.error(`crash soak: ${kills} kills, seed ${seed}, limit ${Math.round(timeoutMs / 1000)} s`);
const step = Math.max(1, Math.round(kills / 10));
const report = await runCrashHarness({
  kills,
  seed,
  timeoutMs,
  keepDirOnFailure: true,
  onProgress: (progress) => {
    if (progress.kills % step === 0 && progress.kills < kills) {
      console.error(
        `  … ${progress.kills} kills, ${progress.acknowledged} acknowledged, ${progress.seconds.toFixed(0)} s`,
      );
    }
  },
}).catch((error: unknown) => {
  console.error(`crash soak failed to run: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const ok = report.lost === 0 && report.chainVerified && report.problems.length === 0 && report.kills === kills;
console.log(`kills: ${report.kills}`);
console.log(`acknowledged events: ${report.acknowledged}`);
console.log(`lost acknowledged events: ${report.lost}`);
console.log(`torn tails recovered: ${report.tornTails}`);
console.log(`seconds: ${report.seconds.toFixed(1)}`);
console.log(
  ok
    ? `verdict: PASS (no acknowledged event lost, chain verified; ${report.events} events, ` +
        `${(report.journalBytes / 1e6).toFixed(1)} MB, ${report.killedBeforeOpen} kills before the journal was open)`
    : `verdict: FAIL (${report.lost} lost, chain ${report.chainVerified ? 'verified' : 'does not verify'})`,
);
for (const problem of report.problems) console.error(`  ${problem}`);
if (report.keptDir) console.error(`  journal kept in ${report.keptDir}`);
process.exitCode = ok ? 0 : 1;
