// The crash harness behind `tests/electron/crash.test.ts` and `npm run soak -- crash`: a child process appends to a
// journal and prints each acknowledged seq; the parent kills it with SIGKILL at random (seeded) moments, then
// reopens the journal as the app would after a crash. No acknowledged event may be lost, the chain must verify,
// and the next child carries on in the same file.
//
// Each child leads its own process group (`detached`), and the group is killed on every way out: the planned
// kill, the time limit or an abort signal, an exception, and the parent process exiting. A child also exits when
// its stdin closes (the parent is gone), and dies on its next print (EPIPE). The temp directory is removed at the end.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { JournalFile, readJournal } from '../../electron/journal/journalFile';
import { seededRandom } from '../../electron/cli/runsCommands';
import { startedData, tempDir } from './runJournal';

const CHILD_ENTRY = fileURLToPath(new URL('./journalCrashChild.ts', import.meta.url));
export const CRASH_SEED = 20260301;

/**
 * How long a run of `kills` kills may take, in ms. Each kill costs a process start plus reading and verifying the
 * whole journal (in the child and in the parent), and the journal grows with every kill, so the cost per kill grows
 * too: a fixed part and a part proportional to the kills before it. Measured on a 2-core machine with the default
 * seed (other jobs running): 100 kills ≈ 34 s, 200 ≈ 86 s, 500 ≈ 320 s, i.e. ≈ 270 ms + 0.75 ms × kills so far per
 * kill. The limit allows 250 ms + 1.2 ms × kills so far per kill (a quieter disk appends more between kills, so
 * the journal grows faster), doubled, plus 30 s: 226 s for 200 kills, 880 s for 500.
 */
export function crashTimeLimitMs(kills: number): number {
  const fixedMsPerKill = 250;
  const growthMsPerKillPerKill = 1.2; // the journal grows ≈ 25–50 KB a kill, read twice a kill
  // A net against a hang, not a speed check: four times the time measured on an idle 2-core machine, so a machine
  // busy with other work (seen: three times slower) does not fail the test.
  return Math.ceil(4 * (kills * fixedMsPerKill + growthMsPerKillPerKill * kills * kills) + 30_000);
}

export class CrashTimeoutError extends Error {
  constructor(
    readonly limitMs: number,
    readonly kills: number,
  ) {
    super(`the crash harness gave up after ${(limitMs / 1000).toFixed(0)} s, at kill ${kills}`);
    this.name = 'CrashTimeoutError';
  }
}

export interface CrashOptions {
  kills: number;
  seed?: number;
  /** Gives up after this long: the live child's group is killed and the run rejects with `CrashTimeoutError`. */
  timeoutMs?: number;
  /** Ends the run the same way (rejecting with the signal's reason): e.g. vitest's test signal. */
  signal?: AbortSignal;
  /** Each child as it is spawned. An exception here ends the run like any other: the child is killed first. */
  onChild?: (child: { pid: number; kill: number; dir: string }) => void;
  /** After each kill's checks. */
  onProgress?: (report: CrashReport) => void;
  /** Keep the temp directory when a problem is found, for a look at the journal (`report.keptDir`). */
  keepDirOnFailure?: boolean;
}

export interface CrashReport {
  /** Kills done (and checked). */
  kills: number;
  /** Distinct events acknowledged to a child (its append resolved: written and fsynced). */
  acknowledged: number;
  /** Acknowledged events missing or changed when the journal was reopened. */
  lost: number;
  /** `journal.recovered` events in the journal: torn last lines moved aside. */
  tornTails: number;
  /** Torn tails the parent's reopening recovered, and of those, the ones a child had been appending when killed. */
  recoveries: number;
  tornByKill: number;
  /** Sidecar files (a child killed between moving a tail aside and recording it leaves one without an event). */
  sidecars: number;
  /** Children killed before they had opened the journal. */
  killedBeforeOpen: number;
  /** Whether every reopening verified (hash chain, numbering) and the final file does. */
  chainVerified: boolean;
  events: number;
  journalBytes: number;
  seconds: number;
  /** What went wrong, if anything; the run stops at the first kill with a problem. */
  problems: string[];
  keptDir?: string;
}

interface ChildRun {
  /** `seq → hash` of every event the child saw acknowledged, in order. */
  acknowledged: Map<number, string>;
  openedWith?: number;
  /** Why the child ended other than by our SIGKILL (a crash is a finding, not a harness error). */
  endedBy?: string;
}

/** Live children's process groups, by leader pid. */
type LiveGroups = Set<number>;

/** SIGKILL a child's whole process group; one already gone is fine. */
export function killGroup(pid: number): void {
  try {
    if (process.platform === 'win32') process.kill(pid, 'SIGKILL');
    else process.kill(-pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Bundles a crash child (`entry`) into `dir`: plain node runs it, so a kill costs no tsx start-up. */
export async function bundleChild(entry: string, dir: string): Promise<string> {
  const script = join(dir, 'child.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: script,
    logLevel: 'silent',
  });
  return script;
}

/**
 * Starts a child, kills its group `delayMs` after it started (or after it opened the journal), and collects what
 * it printed. Settles only once the child has exited and been reaped, also when `signal` aborts (it rejects then).
 */
function runChild(
  args: { script: string; path: string; label: string; seed: number; delayMs: number; fromSpawn: boolean },
  live: LiveGroups,
  signal: AbortSignal,
  onSpawn: (pid: number) => void,
): Promise<ChildRun> {
  return new Promise<ChildRun>((resolve, reject) => {
    const { script, path, label, seed, delayMs, fromSpawn } = args;
    const child: ChildProcess = spawn(process.execPath, [script, path, label, String(seed)], {
      detached: true, // its own process group, so the kill reaches anything it starts
      stdio: ['pipe', 'pipe', 'pipe'], // stdin is the lifeline: the child exits when it closes
    });
    const pid = child.pid;
    const run: ChildRun = { acknowledged: new Map() };
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    /** Set when the parent ends the child early (abort, exception): the promise rejects with it. */
    let failure: unknown;
    const stop = (reason: unknown) => {
      failure ??= reason;
      clearTimeout(timer);
      if (pid !== undefined) killGroup(pid);
    };
    const onAbort = () => stop(signal.reason);
    const arm = () => {
      timer = setTimeout(() => {
        if (pid !== undefined) killGroup(pid);
      }, delayMs);
    };

    child.on('error', (error) => {
      // Spawning failed (no pid, no 'close' to wait for) or signalling did: either way, nothing to reap here.
      stop(error);
      signal.removeEventListener('abort', onAbort);
      if (pid !== undefined) live.delete(pid);
      reject(error);
    });
    child.on('close', (code, exitSignal) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      if (pid !== undefined) live.delete(pid);
      if (failure !== undefined) reject(failure);
      else {
        if (exitSignal !== 'SIGKILL') run.endedBy = `${code ?? exitSignal}: ${stderr.trim().slice(-2000)}`;
        resolve(run);
      }
    });
    if (pid === undefined) return; // 'error' follows
    live.add(pid);
    child.stdin!.on('error', () => {}); // never written to; an EPIPE on close is of no interest
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [first, second] = line.split(' ');
        if (first === 'open') {
          run.openedWith = Number(second);
          if (!fromSpawn && failure === undefined) arm();
        } else run.acknowledged.set(Number(first), second!);
      }
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => (stderr += chunk));

    if (signal.aborted) return stop(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      onSpawn(pid);
    } catch (error) {
      return stop(error);
    }
    if (fromSpawn) arm();
  });
}

/** Runs `kills` kills against one journal and reports what was acknowledged, lost and recovered. */
export async function runCrashHarness(options: CrashOptions): Promise<CrashReport> {
  const began = performance.now();
  const { kills, seed = CRASH_SEED, timeoutMs, keepDirOnFailure = false } = options;
  const dir = tempDir('guardbook-crash-');
  const path = join(dir, 'run-crash.jsonl');
  const live: LiveGroups = new Set();
  const onExit = () => {
    // The parent is exiting (process.exit, an uncaught exception): no child may go on appending.
    for (const pid of live) killGroup(pid);
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // exiting anyway: a leftover temp folder is all that remains
    }
  };
  process.on('exit', onExit);

  const report: CrashReport = {
    kills: 0,
    acknowledged: 0,
    lost: 0,
    tornTails: 0,
    recoveries: 0,
    tornByKill: 0,
    sidecars: 0,
    killedBeforeOpen: 0,
    chainVerified: true,
    events: 0,
    journalBytes: 0,
    seconds: 0,
    problems: [],
  };
  const controller = new AbortController();
  const deadline =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => controller.abort(new CrashTimeoutError(timeoutMs, report.kills)), timeoutMs);
  const forward = () => controller.abort(options.signal!.reason);
  if (options.signal?.aborted) forward();
  else options.signal?.addEventListener('abort', forward, { once: true });
  const signal = controller.signal;
  /** Every event ever acknowledged to a child, `seq → hash`: none may be lost or changed later. */
  const everAcknowledged = new Map<number, string>();
  const lostIn = (events: readonly { hash: string }[], kill: number | 'the end'): number => {
    let lost = 0;
    for (const [seq, hash] of everAcknowledged) {
      const found = events[seq - 1]?.hash;
      if (found === hash) continue;
      lost++;
      if (lost <= 3) {
        report.problems.push(
          `after kill ${kill}: event ${seq} was acknowledged as ${hash.slice(0, 12)}… but reads ` +
            (found ? `${found.slice(0, 12)}…` : 'as missing'),
        );
      }
    }
    return lost;
  };

  try {
    const script = await bundleChild(CHILD_ENTRY, dir);
    await (await JournalFile.create(path, null, startedData(undefined, 'run-crash'))).close();
    const random = seededRandom(seed);
    let lastSeq = 1;

    for (let kill = 0; kill < kills; kill++) {
      signal.throwIfAborted();
      // Mostly while appending (5–60 ms after the child opened the journal); every eighth kill counts from the
      // spawn instead, landing in start-up, opening and recovering a torn tail.
      const fromSpawn = random() < 0.125;
      const delayMs = 5 + Math.floor(random() * 56);
      const childSeed = Math.floor(random() * 2 ** 32);
      const run = await runChild(
        { script, path, label: `child-${kill}`, seed: childSeed, delayMs, fromSpawn },
        live,
        signal,
        (pid) => options.onChild?.({ pid, kill, dir }),
      );
      if (run.openedWith === undefined) report.killedBeforeOpen++;
      if (run.endedBy) report.problems.push(`child ${kill} ended by itself (${run.endedBy})`);
      // The child carries on in the same file: it opened everything acknowledged so far and appended after it.
      if (run.openedWith !== undefined && run.openedWith < lastSeq) {
        report.problems.push(`child ${kill} opened ${run.openedWith} events, but ${lastSeq} were acknowledged`);
      }
      const firstSeq = run.acknowledged.keys().next().value;
      if (firstSeq !== undefined && firstSeq !== run.openedWith! + 1) {
        report.problems.push(`child ${kill} opened ${run.openedWith} events but appended event ${firstSeq} first`);
      }
      for (const [seq, hash] of run.acknowledged) {
        everAcknowledged.set(seq, hash);
        lastSeq = Math.max(lastSeq, seq);
      }

      let reopened: Awaited<ReturnType<typeof JournalFile.open>>;
      try {
        reopened = await JournalFile.open(path);
      } catch (error) {
        report.chainVerified = false;
        report.problems.push(`after kill ${kill}: reopening failed: ${(error as Error).message}`);
        report.kills = kill + 1;
        break;
      }
      const { journal, recovered } = reopened;
      try {
        // `open()` verified the whole file (or it would have thrown); when it recovered a torn tail it also
        // truncated the file and appended `journal.recovered`, so the file is read and verified again.
        if (recovered) {
          report.recoveries++;
          if (run.acknowledged.size > 0 || run.openedWith !== undefined) report.tornByKill++;
          const size = statSync(join(dir, recovered.sidecar)).size;
          if (size !== recovered.bytes) {
            report.problems.push(`after kill ${kill}: sidecar has ${size} bytes, recorded ${recovered.bytes}`);
          }
          const verification = await readJournal(path);
          const events = journal.events;
          if (!verification.ok) {
            report.chainVerified = false;
            const { line, reason } = verification.failure!;
            report.problems.push(`after kill ${kill}: the recovered journal does not verify (line ${line}, ${reason})`);
          } else if (
            verification.events.length !== events.length ||
            verification.events.some((event, i) => event.hash !== events[i]!.hash)
          ) {
            report.problems.push(`after kill ${kill}: the file and the reopened journal differ`);
          }
        }
        report.lost = lostIn(journal.events, kill);
        lastSeq = Math.max(lastSeq, journal.events.length);
      } finally {
        await journal.close();
      }
      if (existsSync(`${path}.lock`)) report.problems.push(`after kill ${kill}: the lock file was left behind`);
      report.kills = kill + 1;
      report.acknowledged = everAcknowledged.size;
      report.seconds = (performance.now() - began) / 1000;
      options.onProgress?.(report);
      if (report.problems.length > 0) break;
    }

    const final = await readJournal(path);
    if (!final.ok) {
      report.chainVerified = false;
      report.problems.push(`the final journal does not verify (line ${final.failure!.line}, ${final.failure!.reason})`);
    }
    report.lost = Math.max(report.lost, lostIn(final.events, 'the end'));
    report.acknowledged = everAcknowledged.size;
    report.events = final.events.length;
    report.tornTails = final.events.filter((e) => e.type === 'journal.recovered').length;
    report.sidecars = readdirSync(dir).filter((name) => name.includes('.torn-')).length;
    if (report.sidecars < report.tornTails) {
      report.problems.push(`${report.tornTails} torn tails recorded but only ${report.sidecars} sidecars`);
    }
    report.journalBytes = statSync(path).size;
    report.seconds = (performance.now() - began) / 1000;
    if (report.problems.length > 0 && keepDirOnFailure) report.keptDir = dir;
    return report;
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', forward);
    for (const pid of live) killGroup(pid); // only after an exception: runChild settles once its child is reaped
    process.removeListener('exit', onExit);
    if (report.keptDir === undefined) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** One line for a test log. */
export function describeCrashReport(report: CrashReport): string {
  return (
    `crash test: ${report.kills} kills in ${report.seconds.toFixed(1)} s (${report.killedBeforeOpen} before the ` +
    `child had opened the journal); ${report.events} events, ${report.acknowledged} acknowledged, ${report.lost} ` +
    `lost; ${report.tornTails} torn tails recovered (${report.recoveries} by the parent, ${report.tornByKill} right ` +
    `after a kill while appending), ${report.sidecars} sidecars; journal ${(report.journalBytes / 1e6).toFixed(1)} MB`
  );
}
