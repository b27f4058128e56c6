// `runs simulate`: walks a bundled plan through the real engine, choosing by seed, and leaves a sealed run
// (for demos, fixtures and benchmarks).
import { join } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { closeOutRequired, commandFor, type RunCommand } from '../../shared/run/commands';
import { PLANS_DIR } from '../build/projectPaths';
import { loadOrCreateSigningKey } from '../journal/signingKey';
import { SealRegister } from '../journal/sealRegister';
import { PlanLibrary } from '../plans/planLibrary';
import { RunEngine } from '../runs/runEngine';
import { dataFolderOf, defineCommand, parseCommandArgs } from './args';
import { EXIT_OK, UsageError, type CliIo } from './io';

/** A small seeded generator (mulberry32): the same seed walks the same path. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SimulationOptions {
  planId: string;
  dataDir: string;
  mode: 'drill' | 'incident';
  seed: number;
  /** Where the simulated clock starts. */
  start?: Date;
}

export async function simulateRun(
  options: SimulationOptions,
): Promise<{ runId: string; path: string; events: number }> {
  const random = seededRandom(options.seed);
  let clock = options.start?.getTime() ?? Date.now();
  const key = loadOrCreateSigningKey(options.dataDir);
  const engine = new RunEngine({
    runsDir: join(options.dataDir, 'runs'),
    plans: await PlanLibrary.loadBundled(PLANS_DIR),
    signingKey: () => key,
    // Its lock refuses a simulation while the app has the folder open: one writer of the register.
    register: SealRegister.open(options.dataDir, key.keyId),
    branch: () => ({ name: '', code: '' }),
    directory: () => ({}),
    onChange: () => {},
    now: () => new Date(clock),
    schedule: () => () => {}, // simulated time: deadlines are caught up after each command
  });
  try {
    let view = await engine.start(options.planId, options.mode, 'simulator');
    for (let guard = 0; view.status === 'active' && guard < 1000; guard++) {
      clock += Math.floor(random() * 40_000); // 0–40 s per action: some targets are missed, as in life
      const contacts = view.active.flatMap(({ step }) => {
        const def = view.plan.steps.find((s) => s.id === step);
        return def && 'contacts' in def ? (def.contacts ?? []).map((contact) => ({ step, contact })) : [];
      });
      const uncalled = contacts.filter((c) => !view.called.some((x) => x.step === c.step && x.contact === c.contact));
      let command: RunCommand;
      if (uncalled.length > 0 && random() < 0.7) command = { type: 'called', ...uncalled[0]! };
      else if (random() < 0.05) command = { type: 'note', text: `模拟备注 / simulated note ${guard}` };
      else {
        const moves = view.available;
        if (moves.length === 0) break;
        command = commandFor(moves[Math.floor(random() * moves.length)]!);
      }
      try {
        view = await engine.command(view.runId, command, 'simulator');
      } catch (error) {
        // Simulated time moved past a hard timeout: the engine recorded it first and the chosen move no
        // longer applies. Look at the run as it is now and choose again.
        if (!(error instanceof ApiError) || error.body.code !== 'invalid-input') throw error;
        view = await engine.read(view.runId);
      }
    }
    if (view.status === 'ended' && closeOutRequired(view)) {
      // A live incident is closed out before sign-off; nothing happened in a simulation: "none" in every section.
      const none = { none: true } as const;
      const closeOut = { losses: none, casualties: none, police: none, reports: none, followUp: none };
      view = await engine.command(view.runId, { type: 'closeOut', closeOut }, 'simulator');
    }
    if (view.status === 'ended')
      view = await engine.command(view.runId, { type: 'signOff', name: 'simulator' }, 'simulator');
    return { runId: view.runId, path: engine.journalPath(view.runId), events: view.timeline.length };
  } finally {
    await engine.close();
  }
}

export const RUNS_SIMULATE = defineCommand({
  name: 'runs simulate',
  forms: [
    {
      synopsis: 'runs simulate <plan-id> [--mode drill|incident] [--data-dir DIR] [--seed N]',
      about: ['walk a plan through the engine, leave a sealed run'],
    },
  ],
  options: { mode: { type: 'string' }, 'data-dir': { type: 'string' }, seed: { type: 'string' } },
  dataFolder: true,
});

/** Writes a run (and, the first time, the folder, its key and its seal register): it is meant to. */
export async function runsSimulate(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(RUNS_SIMULATE, argv, io);
  if (!args) return EXIT_OK;
  if (args.positionals.length !== 1) throw new UsageError('runs simulate takes one plan id');
  const mode = args.values.mode ?? 'drill';
  if (mode !== 'drill' && mode !== 'incident') throw new UsageError('--mode takes drill or incident');
  const seed = Number(args.values.seed ?? 1);
  if (!Number.isInteger(seed)) throw new UsageError('--seed takes a whole number');
  const folder = dataFolderOf(args.values['data-dir']);
  const result = await simulateRun({ planId: args.positionals[0]!, dataDir: folder.dir, mode, seed });
  io.out(`${result.runId} ${result.path} (${result.events} events)`);
  return EXIT_OK;
}
