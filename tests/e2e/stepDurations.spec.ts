// The Records screen's step durations (renderer/src/records/stepDurations.ts), checked in plain Node against
// the plan machine itself: after every event of real journals, the steps it leaves open are exactly the
// steps replay says are current, entered at the same time. No browser is needed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { simulateRun } from '../../electron/cli/runsCommands';
import type { JournalEvent } from '../../shared/journal/format';
import { indexSteps } from '../../shared/plan/stepIndex';
import { replayRun } from '../../shared/run/runState';
import { stepVisits } from '../../renderer/src/records/stepDurations';
import { shanghai, writeRuns } from './support/records';

const PLANS = [
  'armed-robbery',
  'atm-skimmer',
  'cash-in-transit-attack',
  'earthquake',
  'hostage-taking',
  'medical-emergency',
  'violent-customer',
];

function journal(dataDir: string, runId: string): JournalEvent[] {
  return readFileSync(join(dataDir, 'runs', `${runId}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as JournalEvent);
}

/** After each prefix of the journal: open visits (id@entered) and the machine's current steps, ends left out. */
function compareWithReplay(events: JournalEvent[]): void {
  const { state } = replayRun(events.slice(0, 1));
  const index = indexSteps(state.plan);
  for (let n = 1; n <= events.length; n++) {
    const prefix = events.slice(0, n);
    const open = stepVisits(state.plan, prefix)
      .filter((v) => v.end === 'ongoing')
      .map((v) => `${v.step}@${v.enteredAt}`)
      .sort();
    const current = replayRun(prefix)
      .state.active.filter((a) => index.get(a.step)?.step.kind !== 'end')
      .map((a) => `${a.step}@${a.enteredAt}`)
      .sort();
    expect(open, `after event ${n} (${events[n - 1]!.type})`).toEqual(current);
  }
}

test.describe('step durations', () => {
  let dataDir: string;
  test.beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'guardbook-durations-'));
  });
  test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  test('follow the plan machine through simulated runs of every shape', async () => {
    test.slow();
    let checked = 0;
    for (const planId of PLANS) {
      for (const seed of [1, 2, 3]) {
        const start = new Date(Date.UTC(2026, 0, 1));
        // A simulated run can stop early (a timeout fires between the simulator's look and its tap): the journal
        // up to there is still a valid run to check.
        const runId = await simulateRun({ planId, dataDir, mode: 'drill', seed, start })
          .then((r) => r.runId)
          .catch(() => undefined);
        if (runId) {
          compareWithReplay(journal(dataDir, runId));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(PLANS.length);
  });

  test('time a step from becoming current to being left, through timeouts, joins and an abort', async () => {
    const [runId] = await writeRuns(dataDir, [
      {
        planId: 'fire',
        mode: 'drill',
        start: shanghai('2026-03-01', '10:00:00'),
        operator: '赵强',
        steps: [
          [12, { type: 'complete', step: 'raise-alarm' }],
          [20, { type: 'choose', step: 'assess-fire', option: 'small-fire' }],
          [50, { type: 'complete', step: 'fight-initial-fire' }],
          // 130 s into the parallel step: its 120 s timeout has passed, and the engine records it (at this
          // moment, when it sees it) before the note. Replay moves on at that moment too.
          [80, { type: 'note', text: '火势扩大，转入疏散' }],
          [25, { type: 'complete', step: 'lock-cash' }],
          [10, { type: 'abort', reason: '演练到此结束' }],
        ],
      },
    ]);
    const events = journal(dataDir, runId!);
    compareWithReplay(events);
    const visits = stepVisits(replayRun(events).state.plan, events);
    const summary = visits.map((v) => [v.step, v.end, v.seconds, v.overTarget]);
    expect(summary).toEqual([
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
    expect([lockCash.end, lockCash.seconds, lockCash.parallel]).toEqual(['completed', 25, 'evacuate']);
    expect(visits.filter((v) => v.parallel === 'evacuate' && v.end === 'aborted').length).toBeGreaterThan(0);
  });

  test('leave the current step open until the given time', () => {
    const plan = JSON.parse(readFileSync(join('plans', 'armed-robbery.json'), 'utf8')) as Parameters<
      typeof stepVisits
    >[0];
    const visits = stepVisits(
      plan,
      [{ at: '2026-03-01T02:00:00.000Z', type: 'run.started', data: {} }],
      '2026-03-01T02:00:25.000Z',
    );
    expect(visits).toEqual([
      {
        step: 'press-alarm',
        kind: 'action',
        role: 'teller',
        enteredAt: '2026-03-01T02:00:00.000Z',
        end: 'ongoing',
        seconds: 25,
        targetSeconds: 10,
        overTarget: true,
      },
    ]);
  });
});
