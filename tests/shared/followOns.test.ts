// The one rule for which follow-on plans a run offers now (shared/run/followOns.ts), on the minimal plan.
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/journal/format';
import { indexSteps } from '../../shared/plan/stepIndex';
import { offeredFollowOns } from '../../shared/run/followOns';
import type { RunState } from '../../shared/run/runState';
import { withChange } from '../fixtures/minimalPlan';

const plan = withChange((p) => {
  const [alarm, assess, respond, done] = p.steps;
  if (alarm?.kind === 'action') alarm.followOn = 'fire';
  if (assess?.kind === 'decision') assess.options[0]!.followOn = 'hostage-taking';
  if (respond?.kind === 'parallel') {
    const lock = respond.tracks[1]!.steps[0]!;
    if (lock.kind === 'action') lock.followOn = 'medical-emergency';
  }
  if (done?.kind === 'end') done.followOn = 'fire';
});
const steps = indexSteps(plan);
const chosen = (option: string) =>
  ({ type: 'option.chosen', data: { step: 'assess', option } }) as unknown as JournalEvent;

type State = Parameters<typeof offeredFollowOns>[0];
const state = (change: Partial<State>): State => ({
  status: 'active',
  active: [],
  events: [],
  escalatedTo: [],
  ...change,
});
const active = (...ids: string[]): RunState['active'] => ids.map((step) => ({ step, enteredAt: '' }));

describe('offeredFollowOns', () => {
  it("offers a step's follow-on while it is current, a track step's too, and nothing else's", () => {
    expect(offeredFollowOns(state({ active: active('alarm') }), steps)).toEqual([{ planId: 'fire', step: 'alarm' }]);
    expect(offeredFollowOns(state({ active: active('assess') }), steps)).toEqual([]);
    expect(offeredFollowOns(state({ active: active('respond', 'guard-secure', 'teller-lock') }), steps)).toEqual([
      { planId: 'medical-emergency', step: 'teller-lock' },
    ]);
  });

  it("offers an option's follow-on from its choice on, and an end step's once the run ended there", () => {
    const afterChoice = state({ active: active('respond', 'guard-done', 'teller-lock'), events: [chosen('serious')] });
    expect(offeredFollowOns(afterChoice, steps)).toEqual([
      { planId: 'medical-emergency', step: 'teller-lock' },
      { planId: 'hostage-taking', step: 'assess', option: 'serious' },
    ]);
    expect(offeredFollowOns(state({ events: [chosen('minor')] }), steps)).toEqual([]);
    const ended = state({ status: 'ended', outcome: { outcome: 'resolved', endStep: 'done', at: '' } });
    expect(offeredFollowOns(ended, steps)).toEqual([{ planId: 'fire', step: 'done' }]);
  });

  it('offers each plan once, not one already started from this run, and nothing once signed off', () => {
    const both = state({ active: active('alarm'), events: [chosen('serious'), chosen('serious')] });
    expect(offeredFollowOns(both, steps).map((f) => f.planId)).toEqual(['fire', 'hostage-taking']);
    const started = { ...both, escalatedTo: [{ runId: 'r2', planId: 'fire', at: '', by: null }] };
    expect(offeredFollowOns(started, steps).map((f) => f.planId)).toEqual(['hostage-taking']);
    expect(offeredFollowOns({ ...both, status: 'signed-off' }, steps)).toEqual([]);
    expect(offeredFollowOns({ ...both, status: 'sealed' }, steps)).toEqual([]);
  });
});
