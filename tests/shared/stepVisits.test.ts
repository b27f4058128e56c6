// Step visits as replay records them (shared/run/stepVisits.ts): checked against the journals of real runs of the
// bundled plans, written by the real engine. Every visit closes on the event that moved the machine out of its step,
// top-level visits follow one another without a gap, track visits lie inside their parallel step's, and the visits
// still open are exactly the steps the machine has current. Scripted runs pin parallel tracks, decisions, timeouts,
// loops (also of a step to itself, and of a parallel step restarting its tracks) and aborts.
import { readFileSync, rmSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulateRun } from '../../electron/cli/runsCommands';
import type { PlanLibrary } from '../../electron/plans/planLibrary';
import type { JournalEvent } from '../../shared/journal/format';
import type { Plan } from '../../shared/plan/schema';
import type { RunCommand } from '../../shared/run/commands';
import { applyEvent, replayRun, type RunState } from '../../shared/run/runState';
import { toRunView } from '../../shared/run/runView';
import { RunViewSchema } from '../../shared/run/runViewSchema';
import { timeVisits, type StepVisit, type VisitRecord } from '../../shared/run/stepVisits';
import { bundledPlanFiles, loadBundledPlan } from '../support/bundledPlans';
import {
  bundledLibrary,
  EngineHarness,
  fixtureLibrary,
  sketchPlan,
  startedData,
  T0,
  tempDir,
} from '../support/runJournal';

let bundled: PlanLibrary;
let sketch: PlanLibrary;
beforeAll(async () => {
  [bundled, sketch] = await Promise.all([bundledLibrary(), fixtureLibrary()]);
});

const at = (seconds: number): string => new Date(T0 + seconds * 1000).toISOString();

function readEvents(path: string): JournalEvent[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as JournalEvent);
}

/** Drives a run through the engine: each command a number of seconds after the one before, deadlines as they fall. */
async function scripted(
  library: PlanLibrary,
  planId: string,
  steps: [seconds: number, command: RunCommand][],
): Promise<{ events: JournalEvent[]; state: RunState }> {
  const h = new EngineHarness(library);
  try {
    const { runId } = await h.engine.start(planId, 'drill', '赵强');
    for (const [seconds, command] of steps) {
      h.clock.advance(seconds);
      await h.fireDue();
      await h.engine.command(runId, command, '赵强');
    }
    const events = readEvents(h.engine.journalPath(runId));
    return { events, state: replayRun(events).state };
  } finally {
    await h.engine.close();
    rmSync(h.dataDir, { recursive: true, force: true });
  }
}

/** Journal lines made by hand (replay reads neither hashes nor the chain): for plans the engine would not start. */
function handJournal(plan: Plan, lines: [seconds: number, type: string, data: object][]): JournalEvent[] {
  const all: [number, string, object][] = [[0, 'run.started', startedData(plan)], ...lines];
  return all.map(([seconds, type, data], seq) => ({
    seq,
    at: at(seconds),
    type,
    by: '赵强',
    data,
    prev: '',
    hash: '',
  }));
}

const summary = (visits: readonly StepVisit[]) => visits.map((v) => [v.step, v.end, v.seconds, v.overTarget]);
const timed = (state: RunState): StepVisit[] => timeVisits(state.visits, state.events.at(-1)!.at);

/**
 * Checks the visits of a journal against its events, after every event: what closed and how, what is open, the
 * order and the timing. Returns the visits of the whole journal.
 */
function checkAgainstJournal(events: JournalEvent[]): VisitRecord[] {
  const first = replayRun(events.slice(0, 1));
  let state = first.state;
  const steps = first.context.steps;
  const parallelOf = (step: string) => steps.get(step)?.parallel?.id;
  for (let n = 2; n <= events.length; n++) {
    const before = state.visits;
    const event = events[n - 1]!;
    state = applyEvent(state, event, first.context); // as the engine goes, one event at a time
    const where = `after event ${n - 1} (${event.type})`;
    const acted = (event.data as { step?: string }).step;
    for (const [i, visit] of state.visits.entries()) {
      const was = before[i];
      if (was && was.end === 'ongoing' && visit.end !== 'ongoing') {
        // Closed by this event, at its time, and how agrees with what the event did.
        expect(visit.leftAt, where).toBe(event.at);
        const expected =
          event.type === 'run.aborted'
            ? 'aborted'
            : acted === visit.step
              ? ({ 'step.completed': 'completed', 'option.chosen': 'chosen', 'step.timeout': 'timed-out' } as const)[
                  event.type as 'step.completed'
                ]
              : visit.kind === 'parallel'
                ? 'joined'
                : 'interrupted';
        expect(visit.end, `${where}: ${visit.step}`).toBe(expected);
        if (visit.end === 'interrupted')
          expect([acted, event.type], where).toEqual([parallelOf(visit.step), 'step.timeout']);
      } else if (was) {
        // Visits are only ever appended, and one the event did not close is as it was (an overdue mark aside).
        expect({ ...visit, overdueAt: undefined }, where).toEqual({ ...was, overdueAt: undefined });
        if (was.overdueAt) expect(visit.overdueAt).toBe(was.overdueAt);
        else if (visit.overdueAt)
          expect([event.type, acted, visit.overdueAt]).toEqual(['step.overdue', visit.step, event.at]);
      } else {
        expect([visit.enteredAt, visit.end], where).toEqual([event.at, 'ongoing']);
      }
    }
    // What is open is what the machine has current (a track's end is where a track rests, not a visit).
    const open = state.visits.filter((v) => v.end === 'ongoing').map((v) => `${v.step}@${v.enteredAt}`);
    const current = state.active
      .filter((a) => steps.get(a.step)?.step.kind !== 'end')
      .map((a) => `${a.step}@${a.enteredAt}`);
    expect(open.sort(), where).toEqual(current.sort());
  }
  // Replaying the whole journal at once gives the same visits as following it.
  expect(replayRun(events).state.visits).toEqual(state.visits);

  // Top-level visits follow one another without a gap, from the start to the end of the run.
  const topLevel = state.visits.filter((v) => !v.parallel);
  expect(topLevel[0]?.enteredAt).toBe(state.startedAt);
  for (const [i, v] of topLevel.entries()) if (i > 0) expect(v.enteredAt).toBe(topLevel[i - 1]!.leftAt);
  if (state.outcome) expect(topLevel.at(-1)!.leftAt).toBe(state.outcome.at);
  // Each track's visits lie inside a visit of their parallel step and begin as it begins.
  for (const v of state.visits.filter((x) => x.parallel)) {
    const outer = state.visits.filter(
      (p) => p.step === v.parallel && p.enteredAt <= v.enteredAt && (!p.leftAt || (v.leftAt && v.leftAt <= p.leftAt)),
    );
    expect(outer, `${v.step}@${v.enteredAt}`).toHaveLength(1);
  }
  return [...state.visits];
}

describe('step visits follow the plan machine', () => {
  it('through simulated runs of every bundled plan', { timeout: 240_000 }, async () => {
    const ends = new Set<string>();
    let runs = 0;
    for (const file of bundledPlanFiles()) {
      const planId = file.replace(/\.json$/, '');
      for (const seed of [1, 2, 3, 4]) {
        const dataDir = tempDir('guardbook-visits-');
        try {
          // A simulated run can stop early (a timeout fires between the simulator's look and its tap): the journal
          // up to there is still a valid run to check.
          const result = await simulateRun({ planId, dataDir, mode: 'drill', seed, start: new Date(T0) }).catch(
            () => undefined,
          );
          if (!result) continue;
          const visits = checkAgainstJournal(readEvents(result.path));
          for (const v of visits) ends.add(v.end);
          runs++;
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      }
    }
    expect(runs).toBeGreaterThan(bundledPlanFiles().length * 3);
    // Steps completed, decisions chosen, tracks joined, timeouts taken (tracks cut short are pinned below).
    expect([...ends]).toEqual(expect.arrayContaining(['chosen', 'completed', 'joined', 'timed-out']));
  });

  it('times a step from becoming current to being left, through timeouts, joins and an abort', async () => {
    const { events, state } = await scripted(bundled, 'fire', [
      [12, { type: 'complete', step: 'raise-alarm' }],
      [20, { type: 'choose', step: 'assess-fire', option: 'small-fire' }],
      [50, { type: 'complete', step: 'fight-initial-fire' }],
      // 130 s into the parallel step: its 120 s timeout has passed, and the engine records it (at this moment,
      // when it sees it) before the note. Replay moves on at that moment too.
      [80, { type: 'note', text: '火势扩大，转入疏散' }],
      [25, { type: 'complete', step: 'lock-cash' }],
      [10, { type: 'abort', reason: '演练到此结束' }],
    ]);
    checkAgainstJournal(events);
    const visits = timed(state);
    expect(summary(visits)).toEqual([
      ['raise-alarm', 'completed', 12, false],
      ['assess-fire', 'chosen', 20, false],
      ['initial-response', 'timed-out', 130, true],
      ['fight-initial-fire', 'completed', 50, false],
      ['report-119-early', 'interrupted', 130, true],
      ['clear-customers', 'interrupted', 130, true],
      ['evacuate', 'aborted', 35, false],
      ...visits.slice(7).map((v) => [v.step, v.end, v.seconds, v.overTarget]),
    ]);
    // The evacuation's tracks began with it; the teller's first step was done 25 s after the timeout.
    const lockCash = visits.find((v) => v.step === 'lock-cash')!;
    expect([lockCash.end, lockCash.seconds, lockCash.parallel, lockCash.role]).toEqual([
      'completed',
      25,
      'evacuate',
      'teller',
    ]);
    const evacuating = visits.filter((v) => v.parallel === 'evacuate');
    expect(evacuating.every((v) => v.end === 'aborted' || v.step === 'lock-cash')).toBe(true);
    expect(evacuating.filter((v) => v.end === 'aborted').length).toBeGreaterThan(1);
    // The overdue marks the engine wrote are on the visits they belong to.
    for (const o of state.overdue) {
      expect(visits.find((v) => v.step === o.step && v.overdueAt === o.at)).toBeDefined();
    }
  });

  it('leaves the current step open, timed up to the given moment', () => {
    const plan = loadBundledPlan('armed-robbery.json');
    const { state } = replayRun(handJournal(plan, []));
    expect(timeVisits(state.visits, at(25))).toEqual([
      {
        step: 'press-alarm',
        kind: 'action',
        role: 'teller',
        enteredAt: at(0),
        end: 'ongoing',
        seconds: 25,
        targetSeconds: 10,
        overTarget: true,
      },
    ]);
    // A view of the same run times it to its last event.
    expect(toRunView(state, replayRun(state.events).context).visits[0]).toMatchObject({
      seconds: 0,
      overTarget: false,
    });
  });

  it('opens a new visit for each pass through a loop in a track, each with its own skipped checklist', async () => {
    const { events, state } = await scripted(sketch, 'sketch-robbery', [
      [5, { type: 'complete', step: 'raise-alarm' }],
      [3, { type: 'check', step: 'observe', item: 'face' }],
      [4, { type: 'complete', step: 'observe' }],
      [6, { type: 'choose', step: 'safe-to-engage', option: 'no' }],
      [7, { type: 'check', step: 'observe', item: 'exit' }],
      [1, { type: 'complete', step: 'observe' }],
      [2, { type: 'choose', step: 'safe-to-engage', option: 'yes' }],
      [9, { type: 'complete', step: 'lock-cash' }],
      [10, { type: 'choose', step: 'anyone-hurt', option: 'no' }],
      [20, { type: 'complete', step: 'call-police' }],
    ]);
    checkAgainstJournal(events);
    const visits = timed(state);
    expect(visits.map((v) => [v.step, v.end, v.seconds, v.skipped])).toEqual([
      ['raise-alarm', 'completed', 5, undefined],
      ['protect', 'joined', 32, undefined],
      ['lock-cash', 'completed', 32, undefined],
      // The first pass left "exit" unticked; the second ticked it, and "face" was ticked already.
      ['observe', 'completed', 7, ['exit']],
      ['safe-to-engage', 'chosen', 6, undefined],
      ['observe', 'completed', 8, undefined],
      ['safe-to-engage', 'chosen', 2, undefined],
      ['anyone-hurt', 'chosen', 10, undefined],
      ['call-police', 'completed', 20, undefined],
    ]);
    expect(state.outcome?.outcome).toBe('handed-to-police');
  });

  it('opens a new visit when a step loops to itself, and restarts every track when a parallel step does', () => {
    const plan = sketchPlan();
    const protect = plan.steps.find((s) => s.id === 'protect');
    const alarm = plan.steps.find((s) => s.id === 'raise-alarm');
    if (protect?.kind !== 'parallel' || alarm?.kind !== 'action') throw new Error('the sketch changed');
    alarm.timeout = { seconds: 20, next: 'raise-alarm' }; // the alarm is pressed again until it works
    protect.timeout = { seconds: 60, next: 'protect' }; // the tracks start over
    const events = handJournal(plan, [
      [20, 'step.timeout', { step: 'raise-alarm', due: at(20), seconds: 20 }],
      [25, 'step.completed', { step: 'raise-alarm' }],
      [30, 'step.completed', { step: 'observe' }],
      [85, 'step.timeout', { step: 'protect', due: at(85), seconds: 60 }],
      [90, 'step.completed', { step: 'lock-cash' }],
    ]);
    const visits = checkAgainstJournal(events);
    const { state } = replayRun(events);
    // The machine has the guard's track back at its start, as the visits say.
    expect(state.snapshot.value).toEqual({ protect: { 'lock-cash': 'teller-done', observe: 'observe' } });
    expect(visits.map((v) => [v.step, v.enteredAt, v.end])).toEqual([
      ['raise-alarm', at(0), 'timed-out'],
      ['raise-alarm', at(20), 'completed'],
      ['protect', at(25), 'timed-out'],
      ['lock-cash', at(25), 'interrupted'],
      ['observe', at(25), 'completed'],
      ['safe-to-engage', at(30), 'interrupted'],
      ['protect', at(85), 'ongoing'],
      ['lock-cash', at(85), 'completed'],
      ['observe', at(85), 'ongoing'],
    ]);
  });

  it('ignores journal events the machine does not take: nothing is left, entered or re-timed', () => {
    const plan = sketchPlan();
    const events = handJournal(plan, [
      [5, 'step.completed', { step: 'raise-alarm' }],
      [8, 'option.chosen', { step: 'safe-to-engage', option: 'yes' }], // not current yet
      [9, 'step.completed', { step: 'observe' }],
      [12, 'option.chosen', { step: 'safe-to-engage', option: 'maybe' }], // no such option
      [14, 'checklist.ticked', { step: 'observe', item: 'face' }], // observe is no longer current
    ]);
    const visits = checkAgainstJournal(events);
    expect(visits.map((v) => [v.step, v.enteredAt, v.end])).toEqual([
      ['raise-alarm', at(0), 'completed'],
      ['protect', at(5), 'ongoing'],
      ['lock-cash', at(5), 'ongoing'],
      ['observe', at(5), 'completed'],
      ['safe-to-engage', at(9), 'ongoing'],
    ]);
  });

  it('ends every open visit with an abort, tracks included', async () => {
    const { events, state } = await scripted(bundled, 'armed-robbery', [
      [4, { type: 'complete', step: 'press-alarm' }],
      [6, { type: 'complete', step: 'keep-distance' }],
      [7, { type: 'abort', reason: '误触' }],
    ]);
    checkAgainstJournal(events);
    const open = timed(state).filter((v) => v.leftAt === at(17));
    expect(open.length).toBeGreaterThan(2);
    expect(open.every((v) => v.end === 'aborted')).toBe(true);
    expect(timed(state).some((v) => v.end === 'ongoing')).toBe(false);
  });

  it('reach the renderer whole: the view schema keeps every field of visits and findings', async () => {
    const { state } = await scripted(bundled, 'fire', [
      [12, { type: 'complete', step: 'raise-alarm' }],
      [70, { type: 'note', text: '无人选择' }],
      [200, { type: 'abort', reason: '演练到此结束' }],
    ]);
    const view = toRunView(state, replayRun(state.events).context);
    expect(view.visits.some((v) => v.overdueAt) && view.findings.problems.length > 2).toBe(true);
    expect(RunViewSchema.parse(view)).toEqual(view);
  });
});
