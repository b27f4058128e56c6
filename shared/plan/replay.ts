// Replays run events through a compiled plan with xstate's pure transition functions:
// the state of a run is a function of its plan and its events, with no actor, clock or side effect.
import { initialTransition, transition } from 'xstate';
import type { PlanMachine, RunEvent, RunSnapshot } from './compile';

export function initialSnapshot(machine: PlanMachine): RunSnapshot {
  return initialTransition(machine)[0];
}

export function applyEvent(machine: PlanMachine, snapshot: RunSnapshot, event: RunEvent): RunSnapshot {
  return transition(machine, snapshot, event)[0];
}

export function replayEvents(machine: PlanMachine, events: Iterable<RunEvent>, from?: RunSnapshot): RunSnapshot {
  let snapshot = from ?? initialSnapshot(machine);
  for (const event of events) snapshot = applyEvent(machine, snapshot, event);
  return snapshot;
}
