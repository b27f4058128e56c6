// What an operator can do next in a run: every event the machine accepts in its current state.
// The runner shows these as buttons; tests and the simulator walk plans with them.
import { stateLeaves, type RunEvent, type RunSnapshot } from './compile';
import type { Plan } from './schema';
import { indexSteps, type IndexedStep } from './stepIndex';

/** Steps someone is working on now (finished track ends and the run's end are not included). */
export function activeSteps(snapshot: RunSnapshot, steps: Map<string, IndexedStep>): IndexedStep[] {
  if (snapshot.status !== 'active') return [];
  return stateLeaves(snapshot.value)
    .map((id) => steps.get(id))
    .filter((entry): entry is IndexedStep => entry !== undefined && entry.step.kind !== 'end');
}

/** Events that would change the run now, in plan order: complete, choose, tick, time out. */
export function availableEvents(
  plan: Plan,
  snapshot: RunSnapshot,
  steps: Map<string, IndexedStep> = indexSteps(plan),
): RunEvent[] {
  const events: RunEvent[] = [];
  const timedOutParents = new Set<string>();
  for (const { step, parallel } of activeSteps(snapshot, steps)) {
    if (step.kind === 'action') {
      events.push({ type: 'COMPLETE', step: step.id });
      for (const item of step.checklist ?? []) events.push({ type: 'CHECK', step: step.id, item: item.id });
    }
    if (step.kind === 'decision') {
      for (const option of step.options) events.push({ type: 'CHOOSE', step: step.id, option: option.id });
    }
    if ((step.kind === 'action' || step.kind === 'decision') && step.timeout) {
      events.push({ type: 'TIMEOUT', step: step.id });
    }
    if (parallel?.timeout && !timedOutParents.has(parallel.id)) {
      timedOutParents.add(parallel.id);
      events.push({ type: 'TIMEOUT', step: parallel.id });
    }
  }
  return events.filter((event) => snapshot.can(event));
}
