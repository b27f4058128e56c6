// Runs for the records tests, written before the backend starts by the real engine on a scripted clock: each
// command a given number of seconds after the one before, so targets are missed and runs lie in the past.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLANS_DIR } from '../../../electron/build/projectPaths';
import { SealRegister } from '../../../electron/journal/sealRegister';
import { keyIdOf, loadOrCreateSigningKey, readPublicKey } from '../../../electron/journal/signingKey';
import { PlanLibrary } from '../../../electron/plans/planLibrary';
import { RunEngine } from '../../../electron/runs/runEngine';
import type { RunCommand } from '../../../shared/run/commands';

export const BRANCH = { name: '中国建设银行杭州西湖支行', code: '330106001' };

export interface ScriptedRun {
  planId: string;
  mode: 'incident' | 'drill';
  start: Date;
  operator: string | null;
  branch?: { name: string; code: string };
  /** Each command with the seconds since the one before (or since the start). */
  steps: [seconds: number, command: RunCommand][];
}

/** Writes the runs (sealed when their script signs off) and returns their ids in the order given. */
export async function writeRuns(dataDir: string, runs: readonly ScriptedRun[]): Promise<string[]> {
  let clock = 0;
  let branch = BRANCH;
  const key = loadOrCreateSigningKey(dataDir);
  const engine = new RunEngine({
    runsDir: join(dataDir, 'runs'),
    plans: await PlanLibrary.loadBundled(PLANS_DIR),
    signingKey: () => key,
    // Seals are registered as the app registers them, so the app vouches for these runs as its own.
    register: SealRegister.open(dataDir, key.keyId, () => new Date(clock)),
    branch: () => branch,
    directory: () => ({ 'head-office-security': { phones: ['0571-8765 4321'] } }),
    onChange: () => {},
    now: () => new Date(clock),
    schedule: () => () => {}, // scripted time: deadlines are caught up before each command
  });
  const ids: string[] = [];
  try {
    for (const run of runs) {
      clock = run.start.getTime();
      branch = run.branch ?? BRANCH;
      const view = await engine.start(run.planId, run.mode, run.operator);
      for (const [seconds, command] of run.steps) {
        clock += seconds * 1000;
        await engine.command(view.runId, command, run.operator);
      }
      ids.push(view.runId);
    }
  } finally {
    await engine.close();
  }
  return ids;
}

/**
 * Writes the runs in another installation's data folder (its own key, its own seal register), then copies their
 * journals into `dataDir`'s runs: validly sealed records, but not by this installation. Returns their ids and the
 * other installation's key id.
 */
export async function writeForeignRuns(
  dataDir: string,
  runs: readonly ScriptedRun[],
): Promise<{ ids: string[]; keyId: string }> {
  const other = mkdtempSync(join(tmpdir(), 'guardbook-e2e-other-'));
  try {
    const ids = await writeRuns(other, runs);
    mkdirSync(join(dataDir, 'runs'), { recursive: true, mode: 0o700 });
    for (const id of ids) copyFileSync(join(other, 'runs', `${id}.jsonl`), join(dataDir, 'runs', `${id}.jsonl`));
    return { ids, keyId: keyIdOf(readPublicKey(other)!) };
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
}

/** Alters one event's text in place, keeping its hash: what a tampered record looks like. */
export function tamper(dataDir: string, runId: string, from: string, to: string): void {
  const path = join(dataDir, 'runs', `${runId}.jsonl`);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`"${from}" is not in ${runId}`);
  writeFileSync(path, text.replace(from, to));
}

const done = (step: string): RunCommand => ({ type: 'complete', step });
const choose = (step: string, option: string): RunCommand => ({ type: 'choose', step, option });

/** Shanghai wall-clock time as an instant (the tests run in Asia/Shanghai, UTC+8 all year). */
export function shanghai(date: string, time: string): Date {
  return new Date(`${date}T${time}+08:00`);
}

/** An armed-robbery drill walked to the end: the alarm pressed late, a note, a skipped check, signed and sealed. */
export function robberyDrill(start: Date, operator = '张伟'): ScriptedRun {
  return {
    planId: 'armed-robbery',
    mode: 'drill',
    start,
    operator,
    steps: [
      [14, done('press-alarm')], // target 10 s: overdue
      [6, { type: 'check', step: 'lock-cash', item: 'cash-locked' }],
      [5, done('keep-distance')],
      [3, { type: 'check', step: 'lock-cash', item: 'vouchers-locked' }],
      [18, done('lock-cash')], // 32 s against 30: overdue, and the window was left open
      [8, { type: 'called', step: 'call-police', contact: 'police' }],
      [6, { type: 'check', step: 'call-police', item: 'address-given' }],
      [6, { type: 'check', step: 'call-police', item: 'suspects-described' }],
      [20, { type: 'called', step: 'call-police', contact: 'head-office-security' }],
      [4, { type: 'check', step: 'call-police', item: 'head-office-told' }],
      [10, { type: 'note', text: '柜员锁款动作偏慢，需加强训练', step: 'lock-cash' }],
      [5, { type: 'check', step: 'call-police', item: 'injuries-reported' }],
      [5, done('call-police')],
      [20, { type: 'check', step: 'calm-suspect', item: 'height-build' }],
      [10, { type: 'check', step: 'calm-suspect', item: 'accent-clothing' }],
      [6, { type: 'check', step: 'calm-suspect', item: 'weapon-type' }],
      [4, { type: 'check', step: 'calm-suspect', item: 'escape-vehicle' }],
      [5, done('calm-suspect')],
      [95, done('evacuate-customers')],
      [8, choose('hostage-check', 'no-hostage')],
      [6, choose('robber-left', 'left')],
      [45, done('watch-escape')],
      [20, choose('anyone-hurt', 'not-hurt')],
      [240, done('protect-scene')],
      [300, done('hand-over-police')],
      [420, done('debrief')],
      [60, { type: 'signOff', name: '王建国', note: '演练达到预期目标，锁款环节需改进' }],
    ],
  };
}

/** A medical emergency started by mistake and aborted; ended but not yet signed off (so not sealed). */
export function abortedRun(start: Date, operator = '李娜'): ScriptedRun {
  return {
    planId: 'medical-emergency',
    mode: 'incident',
    start,
    operator,
    steps: [[35, { type: 'abort', reason: '误触启动，现场无人员不适' }]],
  };
}

/** A fire drill that ends quickly (many of these make a long history). */
export function shortFireDrill(start: Date, operator: string): ScriptedRun {
  return {
    planId: 'fire',
    mode: 'drill',
    start,
    operator,
    steps: [
      [20, done('raise-alarm')],
      [15, { type: 'abort', reason: '演练到此结束' }],
      [30, { type: 'signOff', name: operator }],
    ],
  };
}
