// The crash test: a child process appends to a journal and prints each acknowledged seq; the parent kills it
// with SIGKILL at random (seeded) moments, then reopens the journal as the app would after a crash. No
// acknowledged event may be lost, the chain must verify, and the next child carries on in the same file.
// The harness is `tests/support/crashHarness.ts`, shared with `npm run soak -- crash --kills N` (longer runs).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CRASH_SEED,
  CrashTimeoutError,
  crashTimeLimitMs,
  describeCrashReport,
  runCrashHarness,
} from '../support/crashHarness';

// CI's count: 120 kills take about a minute on a 2-core machine (200 take 90–105 s; the cost per kill grows with
// the journal, and 500 take ≈ 320 s: `npm run soak -- crash --kills 500`). The time limit scales with the count.
const KILLS = Number(process.env.GUARDBOOK_CRASH_KILLS ?? 120);
const LIMIT_MS = crashTimeLimitMs(KILLS);

/** The error code of `kill(pid, 0)`: ESRCH once the process is gone (and reaped), undefined while it exists. */
function probe(pid: number): string | undefined {
  try {
    process.kill(pid, 0);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}

/**
 * Whether a process still runs. An orphan's zombie (its parent gone and nobody reaping it, as in some containers)
 * still answers `kill(pid, 0)` but runs no more: Linux shows it as state Z in /proc.
 */
function isRunning(pid: number): boolean {
  if (probe(pid) === 'ESRCH') return false;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return true; // no /proc: kill(pid, 0) is all there is to go by
  }
  return stat.charAt(stat.lastIndexOf(')') + 2) !== 'Z';
}

describe('a journal survives SIGKILL at any moment', () => {
  it(`loses no acknowledged event over ${KILLS} kills`, { timeout: LIMIT_MS + 15_000 }, async ({ signal }) => {
    expect(Number.isInteger(KILLS) && KILLS > 0, `GUARDBOOK_CRASH_KILLS=${KILLS}`).toBe(true);
    const report = await runCrashHarness({ kills: KILLS, seed: CRASH_SEED, timeoutMs: LIMIT_MS, signal });
    process.stdout.write(`${describeCrashReport(report)}; limit ${(LIMIT_MS / 1000).toFixed(0)} s\n`);
    expect(report.problems).toEqual([]);
    expect(report.kills).toBe(KILLS);
    expect(report.lost).toBe(0);
    expect(report.chainVerified).toBe(true);
    // The children did append (many events each), and every torn tail recorded has its sidecar.
    expect(report.acknowledged).toBeGreaterThan(KILLS);
    expect(report.sidecars).toBeGreaterThanOrEqual(report.tornTails);
  });
});

describe('the crash harness leaves no child behind', () => {
  it('kills the child when the run is aborted while a child runs, and removes its folder', async () => {
    const controller = new AbortController();
    const children: { pid: number; dir: string }[] = [];
    const run = runCrashHarness({
      kills: 1000,
      signal: controller.signal,
      onChild: ({ pid, kill, dir }) => {
        children.push({ pid, dir });
        if (kill === 2) controller.abort(new Error('stop here'));
      },
    });
    await expect(run).rejects.toThrow('stop here');
    expect(children).toHaveLength(3);
    for (const { pid } of children) expect(probe(pid)).toBe('ESRCH');
    expect(existsSync(children[0]!.dir)).toBe(false);
  });

  it('kills the child when an exception ends the run', async () => {
    const pids: number[] = [];
    const run = runCrashHarness({
      kills: 1000,
      onChild: ({ pid, kill }) => {
        pids.push(pid);
        if (kill === 1) throw new Error('harness failure');
      },
    });
    await expect(run).rejects.toThrow('harness failure');
    expect(pids).toHaveLength(2);
    for (const pid of pids) expect(probe(pid)).toBe('ESRCH');
  });

  it('kills the child when the time limit passes', async () => {
    const pids: number[] = [];
    const run = runCrashHarness({ kills: 10_000, timeoutMs: 1500, onChild: ({ pid }) => pids.push(pid) });
    await expect(run).rejects.toBeInstanceOf(CrashTimeoutError);
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) expect(probe(pid)).toBe('ESRCH');
  });

  it('kills the child when the parent process exits mid-run', async () => {
    // A separate node process runs the harness and calls process.exit() as soon as its third child is spawned.
    const require = createRequire(import.meta.url);
    const tsx = pathToFileURL(require.resolve('tsx')).href;
    const harness = pathToFileURL(fileURLToPath(new URL('../support/crashHarness.ts', import.meta.url))).href;
    const script =
      `import(${JSON.stringify(harness)}).then(({ runCrashHarness }) => runCrashHarness({ kills: 1000, ` +
      `onChild: ({ pid, kill, dir }) => { process.stdout.write(pid + ' ' + dir + '\\n'); ` +
      `if (kill === 2) process.exit(3); } }))`;
    const parent = spawn(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    parent.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    parent.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => parent.on('close', resolve));
    expect({ code, err }).toEqual({ code: 3, err: '' });
    const children = out
      .trim()
      .split('\n')
      .map((line) => line.split(' '))
      .map(([pid, dir]) => ({ pid: Number(pid), dir: dir! }));
    expect(children).toHaveLength(3);
    // Orphans are reparented: give the last one a moment to be reaped (or to show as a zombie).
    for (let wait = 0; wait < 40 && isRunning(children[2]!.pid); wait++) await new Promise((r) => setTimeout(r, 50));
    for (const { pid } of children) expect(isRunning(pid)).toBe(false);
    expect(existsSync(children[0]!.dir)).toBe(false);
  });
});
