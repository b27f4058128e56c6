import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { ABORTED_STATE, compilePlan, stateLeaves, type RunEvent } from '../../shared/plan/compile';
import { checkPlanText } from '../../shared/plan/checkPlanText';
import { applyEvent, initialSnapshot, replayEvents } from '../../shared/plan/replay';
import { activeSteps, availableEvents } from '../../shared/plan/runEvents';
import type { Plan } from '../../shared/plan/schema';
import { indexSteps } from '../../shared/plan/stepIndex';
import { explorePlan } from '../support/explore';

function fixture(name: string): Plan {
  const text = readFileSync(new URL(`../fixtures/plans/${name}.json`, import.meta.url), 'utf8');
  const { plan, findings } = checkPlanText(text);
  expect(findings).toEqual([]);
  return plan!;
}

const plan = fixture('sketch-robbery');
const machine = compilePlan(plan);
const steps = indexSteps(plan);
const run = (...events: RunEvent[]) => replayEvents(machine, events);
const active = (events: RunEvent[]) => activeSteps(run(...events), steps).map((s) => s.step.id);

describe('compilePlan', () => {
  it('starts at the plan start and names the machine after the plan version', () => {
    expect(machine.id).toBe('sketch-robbery@v3');
    expect(initialSnapshot(machine).value).toBe('raise-alarm');
  });

  it('moves on COMPLETE only for the step that is active', () => {
    expect(run({ type: 'COMPLETE', step: 'call-police' }).value).toBe('raise-alarm');
    expect(active([{ type: 'COMPLETE', step: 'raise-alarm' }])).toEqual(['lock-cash', 'observe']);
  });

  it('runs parallel tracks independently and joins when every track has ended', () => {
    const base: RunEvent[] = [{ type: 'COMPLETE', step: 'raise-alarm' }];
    const tellerDone: RunEvent[] = [...base, { type: 'COMPLETE', step: 'lock-cash' }];
    expect(active(tellerDone)).toEqual(['observe']);
    expect(stateLeaves(run(...tellerDone).value)).toContain('teller-done');
    const guardDone: RunEvent[] = [
      ...tellerDone,
      { type: 'COMPLETE', step: 'observe' },
      { type: 'CHOOSE', step: 'safe-to-engage', option: 'yes' },
    ];
    expect(run(...guardDone).value).toBe('anyone-hurt');
  });

  it('follows the chosen option, and loops inside a track until the way out is taken', () => {
    const looped = run(
      { type: 'COMPLETE', step: 'raise-alarm' },
      { type: 'COMPLETE', step: 'observe' },
      { type: 'CHOOSE', step: 'safe-to-engage', option: 'no' },
    );
    expect(activeSteps(looped, steps).map((s) => s.step.id)).toEqual(['lock-cash', 'observe']);
    expect(applyEvent(machine, looped, { type: 'CHOOSE', step: 'safe-to-engage', option: 'maybe' })).toEqual(looped);
  });

  it('takes a hard timeout of a parallel step out of every track', () => {
    const snapshot = run({ type: 'COMPLETE', step: 'raise-alarm' }, { type: 'TIMEOUT', step: 'protect' });
    expect(snapshot.value).toBe('call-police');
  });

  it('ends with the outcome of the end step reached', () => {
    const toPolice = run(
      { type: 'COMPLETE', step: 'raise-alarm' },
      { type: 'TIMEOUT', step: 'protect' },
      { type: 'TIMEOUT', step: 'call-police' },
    );
    expect(toPolice.status).toBe('done');
    expect(toPolice.output).toEqual({ outcome: 'escalated', endStep: 'escalate' });
  });

  it('records checklist ticks once each, and only for items of the active step', () => {
    const snapshot = run(
      { type: 'COMPLETE', step: 'raise-alarm' },
      { type: 'CHECK', step: 'observe', item: 'exit' },
      { type: 'CHECK', step: 'observe', item: 'face' },
      { type: 'CHECK', step: 'observe', item: 'face' },
      { type: 'CHECK', step: 'observe', item: 'shoes' },
      { type: 'CHECK', step: 'lock-cash', item: 'face' },
    );
    expect(snapshot.context.checked).toEqual({ observe: ['exit', 'face'] });
  });

  it('aborts from anywhere, keeping the reason', () => {
    const snapshot = run({ type: 'COMPLETE', step: 'raise-alarm' }, { type: 'ABORT', reason: 'drill cancelled' });
    expect(snapshot.value).toBe(ABORTED_STATE);
    expect(snapshot.output).toEqual({ outcome: 'aborted' });
    expect(snapshot.context.abortReason).toBe('drill cancelled');
  });

  it('is deterministic: the same plan compiles to the same machine definition', () => {
    expect(JSON.stringify(compilePlan(plan).definition)).toBe(JSON.stringify(machine.definition));
  });

  it('offers exactly the events the machine accepts', () => {
    const snapshot = run({ type: 'COMPLETE', step: 'raise-alarm' });
    expect(availableEvents(plan, snapshot)).toEqual([
      { type: 'COMPLETE', step: 'lock-cash' },
      { type: 'TIMEOUT', step: 'protect' },
      { type: 'COMPLETE', step: 'observe' },
      { type: 'CHECK', step: 'observe', item: 'face' },
      { type: 'CHECK', step: 'observe', item: 'exit' },
    ]);
  });

  it('reaches every end and never gets stuck (state-space exploration)', () => {
    const result = explorePlan(plan);
    expect(result.stuck).toEqual([]);
    expect([...result.endsReached].sort()).toEqual(['escalate', 'first-aid', 'handed-over']);
  });

  it('detects a plan whose machine can get stuck', () => {
    // A loop with no way out, which analysis reports and the exploration must see too.
    const trapped = structuredClone(plan);
    const decision = trapped.steps.find((s) => s.id === 'anyone-hurt')!;
    if (decision.kind !== 'decision') throw new Error('fixture changed');
    decision.options = decision.options.map((o) => ({ ...o, next: 'anyone-hurt' }));
    expect(explorePlan(trapped).stuck).toEqual(['"anyone-hurt"']);
  });
});

describe('replay (property)', () => {
  /** Picks events by index among those available, so every generated sequence is a valid run. */
  function eventsFor(choices: number[]): RunEvent[] {
    const events: RunEvent[] = [];
    let snapshot = initialSnapshot(machine);
    for (const choice of choices) {
      const options = availableEvents(plan, snapshot, steps);
      if (options.length === 0) break;
      const event = options[choice % options.length]!;
      events.push(event);
      snapshot = applyEvent(machine, snapshot, event);
    }
    return events;
  }

  it('replaying one event list twice gives the same state, and an actor agrees', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), (choices) => {
        const events = eventsFor(choices);
        const first = replayEvents(machine, events);
        const second = replayEvents(machine, events);
        expect(second.value).toEqual(first.value);
        expect(second.context).toEqual(first.context);
        expect(second.status).toBe(first.status);

        const actor = createActor(machine).start();
        for (const event of events) actor.send(event);
        expect(actor.getSnapshot().value).toEqual(first.value);
        expect(actor.getSnapshot().context).toEqual(first.context);
        actor.stop();
      }),
      { numRuns: 300 },
    );
  });

  it('restoring a persisted snapshot halfway and continuing gives the same state', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), fc.nat(), (choices, cut) => {
        const events = eventsFor(choices);
        const at = events.length === 0 ? 0 : cut % events.length;
        const halfway = createActor(machine).start();
        for (const event of events.slice(0, at)) halfway.send(event);
        const persisted = JSON.parse(JSON.stringify(halfway.getPersistedSnapshot()));
        const resumed = createActor(machine, { snapshot: persisted }).start();
        for (const event of events.slice(at)) resumed.send(event);
        const whole = replayEvents(machine, events);
        expect(resumed.getSnapshot().value).toEqual(whole.value);
        expect(resumed.getSnapshot().context).toEqual(whole.context);
      }),
      { numRuns: 200 },
    );
  });
});
