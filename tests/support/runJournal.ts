// Helpers for the journal and run-engine tests: real temp folders, a fixed clock, the fixture plans,
// an engine whose timers the test fires by hand, and byte-level views of a journal file.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JournalEventData } from '../../shared/journal/events';
import { checkPlanText } from '../../shared/plan/checkPlanText';
import type { Plan } from '../../shared/plan/schema';
import type { RunView } from '../../shared/run/runView';
import { loadOrCreateSigningKey } from '../../electron/journal/signingKey';
import { SealRegister } from '../../electron/journal/sealRegister';
import { contentHashOf } from '../../electron/plans/contentHash';
import { PlanLibrary } from '../../electron/plans/planLibrary';
import { RunEngine } from '../../electron/runs/runEngine';

export const FIXTURE_PLANS_DIR = fileURLToPath(new URL('../fixtures/plans/', import.meta.url));
export const BUNDLED_PLANS_DIR = fileURLToPath(new URL('../../plans/', import.meta.url));

export function tempDir(prefix = 'guardbook-journal-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function loadPlanFile(path: string): Plan {
  const result = checkPlanText(readFileSync(path, 'utf8'));
  if (!result.plan) throw new Error(`${path} does not parse`);
  return result.plan;
}

export function sketchPlan(): Plan {
  return loadPlanFile(join(FIXTURE_PLANS_DIR, 'sketch-robbery.json'));
}

/** The data of a `run.started` line for a plan, as the engine writes it. */
export function startedData(plan: Plan = sketchPlan(), runId = 'run-1'): JournalEventData<'run.started'> {
  return {
    runId,
    mode: 'drill',
    plan: { id: plan.id, version: plan.version, contentHash: contentHashOf(plan), body: plan },
    operator: '张三',
    branch: { name: '测试支行', code: 'T001' },
  };
}

export const T0 = Date.parse('2026-03-01T08:00:00.000Z');

/** A clock the test moves; every reading is the same until it is moved. */
export class TestClock {
  constructor(public ms = T0) {}
  readonly now = (): Date => new Date(this.ms);
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
  iso(offsetSeconds = 0): string {
    return new Date(this.ms + offsetSeconds * 1000).toISOString();
  }
}

/** A clock that ticks one second per reading: every event gets its own time. */
export function tickingClock(start = T0): () => Date {
  let ms = start;
  return () => new Date((ms += 1000));
}

/** Byte offsets where each line of a journal starts (plus the file's length at the end). */
export function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) starts.push(i + 1);
  if (starts.at(-1) !== bytes.length) starts.push(bytes.length);
  return starts;
}

interface Timer {
  at: Date;
  callback: () => void;
  cancelled: boolean;
}

/** A RunEngine on a real temp folder with an injected clock and timers the test fires. */
export class EngineHarness {
  readonly engine: RunEngine;
  readonly timers: Timer[] = [];
  readonly changes: RunView[] = [];
  private waiters: (() => void)[] = [];

  constructor(
    readonly plans: PlanLibrary,
    readonly dataDir: string = tempDir('guardbook-runs-'),
    readonly clock: TestClock = new TestClock(),
  ) {
    this.engine = new RunEngine({
      runsDir: join(dataDir, 'runs'),
      plans,
      signingKey: () => loadOrCreateSigningKey(dataDir),
      register: SealRegister.open(dataDir, 'test'),
      branch: () => ({ name: '测试支行', code: 'T001' }),
      directory: () => ({}),
      onChange: (view) => {
        this.changes.push(view);
        for (const wake of this.waiters.splice(0)) wake();
      },
      now: clock.now,
      schedule: (at, callback) => {
        const timer: Timer = { at, callback, cancelled: false };
        this.timers.push(timer);
        return () => {
          timer.cancelled = true;
        };
      },
    });
  }

  get runsDir(): string {
    return join(this.dataDir, 'runs');
  }

  /** Timers set and not cancelled (at most one per open run). */
  pending(): Timer[] {
    return this.timers.filter((t) => !t.cancelled);
  }

  /** Fires every pending timer that is due by the clock and waits for the engine to report the change. */
  async fireDue(): Promise<number> {
    let fired = 0;
    for (;;) {
      const due = this.pending().filter((t) => t.at.getTime() <= this.clock.ms);
      if (due.length === 0) return fired;
      for (const timer of due) {
        timer.cancelled = true; // a fired timer is spent, as with setTimeout
        const changed = new Promise<void>((resolve) => this.waiters.push(resolve));
        timer.callback();
        await changed;
        fired++;
      }
    }
  }
}

export async function fixtureLibrary(): Promise<PlanLibrary> {
  return PlanLibrary.loadBundled(FIXTURE_PLANS_DIR);
}

export async function bundledLibrary(): Promise<PlanLibrary> {
  return PlanLibrary.loadBundled(BUNDLED_PLANS_DIR);
}
