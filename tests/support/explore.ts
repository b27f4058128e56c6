// Explores every state a compiled plan can reach, event by event, to prove each one can still end.
import { compilePlan, type RunSnapshot } from '../../shared/plan/compile';
import { applyEvent, initialSnapshot } from '../../shared/plan/replay';
import { availableEvents } from '../../shared/plan/runEvents';
import type { Plan } from '../../shared/plan/schema';
import { indexSteps } from '../../shared/plan/stepIndex';

export interface Exploration {
  states: number;
  /** State values from which no sequence of events reaches an end step. */
  stuck: string[];
  /** Top-level end steps reached by some path. */
  endsReached: Set<string>;
}

export function explorePlan(plan: Plan, maxStates = 100_000): Exploration {
  const machine = compilePlan(plan);
  const steps = indexSteps(plan);
  const key = (s: RunSnapshot) => JSON.stringify(s.value);
  const successors = new Map<string, string[]>();
  const finals = new Set<string>();
  const endsReached = new Set<string>();
  const start = initialSnapshot(machine);
  const queue: RunSnapshot[] = [start];
  successors.set(key(start), []);
  while (queue.length > 0) {
    if (successors.size > maxStates) throw new Error(`more than ${maxStates} states`);
    const snapshot = queue.shift()!;
    const from = key(snapshot);
    if (snapshot.status === 'done') {
      finals.add(from);
      if (snapshot.output?.endStep) endsReached.add(snapshot.output.endStep);
      continue;
    }
    // Ticking a checklist item never moves a run, so it is left out of the state space.
    for (const event of availableEvents(plan, snapshot, steps).filter((e) => e.type !== 'CHECK')) {
      const next = applyEvent(machine, snapshot, event);
      const to = key(next);
      successors.get(from)!.push(to);
      if (!successors.has(to)) {
        successors.set(to, []);
        queue.push(next);
      }
    }
  }
  // Backwards from the end states: whatever is not reached this way is stuck.
  const predecessors = new Map<string, string[]>();
  for (const [from, tos] of successors)
    for (const to of tos) predecessors.set(to, [...(predecessors.get(to) ?? []), from]);
  const canEnd = new Set(finals);
  const stack = [...finals];
  while (stack.length > 0) {
    for (const p of predecessors.get(stack.pop()!) ?? []) {
      if (!canEnd.has(p)) {
        canEnd.add(p);
        stack.push(p);
      }
    }
  }
  return { states: successors.size, stuck: [...successors.keys()].filter((k) => !canEnd.has(k)), endsReached };
}
