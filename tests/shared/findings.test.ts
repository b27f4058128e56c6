// A run's findings (shared/run/findings.ts): who took part, the decisions taken (chosen, or taken by a timeout) and
// the problems the record shows (missed targets, timeouts, skipped checklist items, an abort, a recovered write,
// notes last), from runs of the bundled plans written by the real engine; and the view followed by a clock.
import { readFileSync, rmSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanLibrary } from '../../electron/plans/planLibrary';
import type { JournalEvent } from '../../shared/journal/format';
import type { Plan } from '../../shared/plan/schema';
import type { RunCommand } from '../../shared/run/commands';
import { findingsAsOf } from '../../shared/run/findings';
import { replayRun } from '../../shared/run/runState';
import { toRunView, type RunView } from '../../shared/run/runView';
import { loadBundledPlan } from '../support/bundledPlans';
import { bundledLibrary, EngineHarness, startedData, T0 } from '../support/runJournal';

let bundled: PlanLibrary;
beforeAll(async () => {
  bundled = await bundledLibrary();
});

const at = (seconds: number): string => new Date(T0 + seconds * 1000).toISOString();

/** A run driven through the engine, each command some seconds after the one before; its view as replayed. */
async function scripted(
  planId: string,
  operator: string | null,
  steps: [seconds: number, command: RunCommand, by?: string][],
): Promise<RunView> {
  const h = new EngineHarness(bundled);
  try {
    const { runId } = await h.engine.start(planId, 'drill', operator);
    for (const [seconds, command, by] of steps) {
      h.clock.advance(seconds);
      await h.fireDue();
      await h.engine.command(runId, command, by ?? operator);
    }
    const events = readFileSync(h.engine.journalPath(runId), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as JournalEvent);
    const { state, context } = replayRun(events);
    return toRunView(state, context);
  } finally {
    await h.engine.close();
    rmSync(h.dataDir, { recursive: true, force: true });
  }
}

/** Journal lines made by hand (replay reads neither hashes nor the chain). */
function handView(plan: Plan, lines: [seconds: number, type: string, data: object, by?: string | null][]): RunView {
  const all: [number, string, object, (string | null)?][] = [[0, 'run.started', startedData(plan)], ...lines];
  const events = all.map(([seconds, type, data, by], seq): JournalEvent => {
    return { seq, at: at(seconds), type, by: by === undefined ? '张三' : by, data, prev: '', hash: '' };
  });
  const { state, context } = replayRun(events);
  return toRunView(state, context);
}

describe('a run’s findings', () => {
  it('lists missed targets, skipped checklist items, the abort and notes, and who took part', async () => {
    const view = await scripted('armed-robbery', '张伟', [
      [14, { type: 'complete', step: 'press-alarm' }], // target 10 s
      [6, { type: 'check', step: 'lock-cash', item: 'cash-locked' }],
      [5, { type: 'complete', step: 'keep-distance' }, '李娜'],
      [3, { type: 'check', step: 'lock-cash', item: 'vouchers-locked' }],
      [18, { type: 'complete', step: 'lock-cash' }], // 32 s against 30, the window left open
      [10, { type: 'note', text: '柜员锁款动作偏慢', step: 'lock-cash' }],
      [5, { type: 'abort', reason: '演练到此结束' }],
      [30, { type: 'signOff', name: '王建国' }],
    ]);
    // The misses are dated when the engine recorded them (it catches deadlines up before each command).
    expect(view.findings.problems).toEqual([
      { kind: 'overdue', at: at(14), step: 'press-alarm', seconds: 14, targetSeconds: 10 },
      { kind: 'overdue', at: at(46), step: 'lock-cash', seconds: 32, targetSeconds: 30 },
      { kind: 'skipped', at: at(46), step: 'lock-cash', items: ['window-closed'] },
      { kind: 'aborted', at: at(61), reason: '演练到此结束' },
      { kind: 'note', at: at(56), text: '柜员锁款动作偏慢', step: 'lock-cash' },
    ]);
    expect(view.overdue.map((o) => o.at)).toEqual([at(14), at(46)]);
    expect(view.findings.decisions).toEqual([]);
    // The operator, everyone who acted and the signer, once each; the engine's own events are not people.
    expect(view.findings.participants).toEqual(['张伟', '李娜', '王建国']);
    expect(view.timeline.some((e) => e.by === 'system')).toBe(true);
  });

  it('records the choices made and the branches a timeout took, as decisions and as problems', async () => {
    const view = await scripted('fire', '赵强', [
      [12, { type: 'complete', step: 'raise-alarm' }],
      [20, { type: 'choose', step: 'assess-fire', option: 'small-fire' }, '孙丽'],
      [50, { type: 'complete', step: 'fight-initial-fire' }],
      [80, { type: 'note', text: '火势扩大，转入疏散' }], // the parallel step's 120 s passed at 152 s
      [10, { type: 'abort', reason: '演练到此结束' }],
    ]);
    expect(view.findings.decisions).toEqual([
      { kind: 'chosen', at: at(32), step: 'assess-fire', option: 'small-fire', by: '孙丽' },
      { kind: 'timed-out', at: at(162), step: 'initial-response', seconds: 120, next: 'evacuate' },
    ]);
    const problems = view.findings.problems;
    expect(problems).toContainEqual({
      kind: 'timeout',
      at: at(162),
      step: 'initial-response',
      seconds: 120,
      next: 'evacuate',
    });
    // Every miss is a visit over its target, and the list is in time order with the notes last.
    const overdue = problems.filter((p) => p.kind === 'overdue').map((p) => p.step);
    expect(overdue).toEqual(view.visits.filter((v) => v.overTarget).map((v) => v.step));
    expect(overdue).toContain('initial-response');
    const timed = problems.filter((p) => p.kind !== 'note').map((p) => p.at);
    expect(timed).toEqual([...timed].sort());
    expect(problems.at(-1)).toMatchObject({ kind: 'note', text: '火势扩大，转入疏散' });
    expect(view.findings.participants).toEqual(['赵强', '孙丽']);
  });

  it('counts a decision no one answered in time as taken by its timeout', async () => {
    const view = await scripted('fire', '赵强', [
      [12, { type: 'complete', step: 'raise-alarm' }],
      [70, { type: 'note', text: '无人选择' }], // assess-fire times out after 60 s
    ]);
    expect(view.findings.decisions).toEqual([
      { kind: 'timed-out', at: at(82), step: 'assess-fire', seconds: 60, next: 'evacuate' },
    ]);
    expect(view.visits.find((v) => v.step === 'assess-fire')).toMatchObject({ end: 'timed-out', seconds: 70 });
  });

  it('shows a write that was recovered, and leaves out people not named', () => {
    const view = handView(loadBundledPlan('armed-robbery.json'), [
      [3, 'journal.recovered', { sidecar: 'run.torn-2-1.jsonl', bytes: 42, reason: 'torn' }, 'system'],
      [4, 'note.added', { text: '无名' }, null],
    ]);
    expect(view.findings.problems).toEqual([
      { kind: 'recovered', at: at(3), bytes: 42 },
      { kind: 'note', at: at(4), text: '无名' },
    ]);
    expect(view.findings.participants).toEqual(['张三']);
  });

  it('follows a clock for a run in progress: an open step past its target is overdue before the engine says so', () => {
    const view = handView(loadBundledPlan('armed-robbery.json'), [[5, 'note.added', { text: '开始' }]]);
    // As of its last event, the alarm has taken 5 s of its 10.
    expect(view.visits).toMatchObject([{ step: 'press-alarm', end: 'ongoing', seconds: 5, overTarget: false }]);
    expect(view.findings.problems.map((p) => p.kind)).toEqual(['note']);
    expect(findingsAsOf(view)).toEqual({ visits: view.visits, problems: view.findings.problems });
    const now = findingsAsOf(view, at(25));
    expect(now.visits).toMatchObject([{ step: 'press-alarm', end: 'ongoing', seconds: 25, overTarget: true }]);
    // Dated when the target passed, as nothing recorded the miss yet.
    expect(now.problems).toEqual([
      { kind: 'overdue', at: at(10), step: 'press-alarm', seconds: 25, targetSeconds: 10 },
      { kind: 'note', at: at(5), text: '开始' },
    ]);
  });
});
