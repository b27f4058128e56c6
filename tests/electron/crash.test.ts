// The crash test: a child process appends to a journal and prints each acknowledged seq; the parent kills it
// with SIGKILL at random (seeded) moments, then reopens the journal as the app would after a crash. No
// acknowledged event may be lost, the chain must verify, and the next child carries on in the same file.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { JournalFile, readJournal } from '../../electron/journal/journalFile';
import { seededRandom } from '../../electron/cli/runsCommands';
import { startedData, tempDir } from '../support/runJournal';

const CHILD_ENTRY = fileURLToPath(new URL('../support/journalCrashChild.ts', import.meta.url));
const KILLS = Number(process.env.GUARDBOOK_CRASH_KILLS ?? 200);
const SEED = 20260301;

interface ChildRun {
  /** `seq → hash` of every event the child saw acknowledged. */
  acknowledged: Map<number, string>;
  openedWith?: number;
  /** Whether the child was still starting (not yet appending) when it was killed. */
  killedBeforeOpen: boolean;
}

/** Starts the child, kills it `delayMs` after it started (or after it opened the journal), and collects its output. */
function runChild(script: string, path: string, label: string, seed: number, delayMs: number, fromSpawn: boolean) {
  return new Promise<ChildRun>((resolve, reject) => {
    const child = spawn(process.execPath, [script, path, label, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: ChildRun = { acknowledged: new Map(), killedBeforeOpen: true };
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => {
      timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    if (fromSpawn) kill();
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [first, second] = line.split(' ');
        if (first === 'open') {
          run.openedWith = Number(second);
          run.killedBeforeOpen = false;
          if (!fromSpawn) kill();
        } else run.acknowledged.set(Number(first), second!);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`child ${label} ended by itself (${code ?? signal}): ${stderr}`));
      else resolve(run);
    });
  });
}

describe('a journal survives SIGKILL at any moment', () => {
  let script: string;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir('guardbook-crash-');
    script = join(dir, 'child.mjs');
    await build({
      entryPoints: [CHILD_ENTRY],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: script,
      logLevel: 'silent',
    });
  });

  it(`loses no acknowledged event over ${KILLS} kills`, { timeout: 600_000 }, async () => {
    const began = performance.now();
    const path = join(dir, 'run-crash.jsonl');
    await (await JournalFile.create(path, null, startedData(undefined, 'run-crash'))).close();
    const random = seededRandom(SEED);
    /** Every event ever acknowledged to a child, `seq → hash`: none may be lost or changed later. */
    const everAcknowledged = new Map<number, string>();
    let recoveries = 0;
    let killedBeforeOpen = 0;
    let tornByKill = 0;

    for (let kill = 0; kill < KILLS; kill++) {
      // Mostly while appending (5–60 ms after the child opened the journal); every eighth kill counts from the
      // spawn instead, landing in start-up, opening and recovering a torn tail.
      const fromSpawn = random() < 0.125;
      const delay = 5 + Math.floor(random() * 56);
      const run = await runChild(script, path, `child-${kill}`, Math.floor(random() * 2 ** 32), delay, fromSpawn);
      if (run.killedBeforeOpen) killedBeforeOpen++;
      for (const [seq, hash] of run.acknowledged) everAcknowledged.set(seq, hash);

      const { journal, recovered } = await JournalFile.open(path);
      try {
        if (recovered) {
          recoveries++;
          if (run.acknowledged.size > 0 || run.openedWith !== undefined) tornByKill++;
          expect(statSync(join(dir, recovered.sidecar)).size).toBe(recovered.bytes);
        }
        const events = journal.events;
        for (const [seq, hash] of everAcknowledged) {
          expect({ kill, seq, hash: events[seq - 1]?.hash }).toEqual({ kill, seq, hash });
        }
        const verification = await readJournal(path);
        expect({ kill, ok: verification.ok, failure: verification.failure }).toEqual({
          kill,
          ok: true,
          failure: undefined,
        });
        expect(verification.events).toEqual(events);
      } finally {
        await journal.close();
      }
      expect(existsSync(`${path}.lock`)).toBe(false);
    }

    const final = await readJournal(path);
    expect(final.ok).toBe(true);
    const recoveredEvents = final.events.filter((e) => e.type === 'journal.recovered').length;
    // A child killed between moving a tail aside and recording it leaves a sidecar without an event.
    const sidecars = readdirSync(dir).filter((n) => n.includes('.torn-')).length;
    expect(sidecars).toBeGreaterThanOrEqual(recoveredEvents);
    expect(everAcknowledged.size).toBeGreaterThan(KILLS);
    const seconds = ((performance.now() - began) / 1000).toFixed(1);
    process.stdout.write(
      `crash test: ${KILLS} kills in ${seconds} s (${killedBeforeOpen} before the child had opened the journal); ` +
        `${final.events.length} events, ${everAcknowledged.size} acknowledged, none lost; ` +
        `${recoveredEvents} torn tails recovered (${recoveries} by the parent, ${tornByKill} right after a kill ` +
        `while appending), ${sidecars} sidecars; journal ${(statSync(path).size / 1e6).toFixed(1)} MB\n`,
    );
    rmSync(dir, { recursive: true }); // kept when the test fails, for a look at the journal
  });
});
