// Runs at chosen instants for the local-date tests: started by the real engine on a scripted clock and aborted a
// minute later (ended, not signed off), so each has a start, an end and an outcome without a sign-off.
import { join } from 'node:path';
import { PLANS_DIR } from '../../electron/build/projectPaths';
import { SealRegister } from '../../electron/journal/sealRegister';
import { loadOrCreateSigningKey } from '../../electron/journal/signingKey';
import { PlanLibrary } from '../../electron/plans/planLibrary';
import { RunEngine } from '../../electron/runs/runEngine';

export interface TimedRun {
  planId: string;
  mode: 'incident' | 'drill';
  /** When it starts, as an ISO instant. */
  at: string;
}

/** Writes the runs into `<dataDir>/runs` and returns their ids in the order given. */
export async function runsStartedAt(dataDir: string, runs: readonly TimedRun[]): Promise<string[]> {
  let clock = 0;
  const key = loadOrCreateSigningKey(dataDir);
  const engine = new RunEngine({
    runsDir: join(dataDir, 'runs'),
    plans: await PlanLibrary.loadBundled(PLANS_DIR),
    signingKey: () => key,
    register: SealRegister.open(dataDir, key.keyId, () => new Date(clock)),
    branch: () => ({ name: '', code: '' }),
    directory: () => ({}),
    onChange: () => {},
    now: () => new Date(clock),
    schedule: () => () => {},
  });
  const ids: string[] = [];
  try {
    for (const run of runs) {
      clock = Date.parse(run.at);
      const view = await engine.start(run.planId, run.mode, '张伟');
      clock += 60_000;
      await engine.command(view.runId, { type: 'abort', reason: '演练到此结束' }, '张伟');
      ids.push(view.runId);
    }
  } finally {
    await engine.close();
  }
  return ids;
}
