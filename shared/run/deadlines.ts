// Deadlines of a run, computed from event times: a step's soft target (overdue is recorded, the run goes
// on) and its hard timeout (the run takes the timeout branch). Nothing here reads a clock.
import type { ReplayContext, RunState } from './runState';

export interface Deadline {
  kind: 'overdue' | 'timeout';
  step: string;
  due: Date;
  seconds: number;
}

export function pendingDeadlines(state: RunState, context: ReplayContext): Deadline[] {
  if (state.status !== 'active') return [];
  const deadlines: Deadline[] = [];
  for (const active of state.active) {
    const step = context.steps.get(active.step)?.step;
    if (!step || step.kind === 'end') continue;
    const entered = Date.parse(active.enteredAt);
    if (step.targetSeconds !== undefined && active.overdueAt === undefined) {
      deadlines.push({
        kind: 'overdue',
        step: step.id,
        due: new Date(entered + step.targetSeconds * 1000),
        seconds: step.targetSeconds,
      });
    }
    if (step.timeout && state.snapshot.can({ type: 'TIMEOUT', step: step.id })) {
      deadlines.push({
        kind: 'timeout',
        step: step.id,
        due: new Date(entered + step.timeout.seconds * 1000),
        seconds: step.timeout.seconds,
      });
    }
  }
  // Earliest first; at the same instant the overdue is recorded before the timeout moves the run on.
  return deadlines.sort((a, b) => a.due.getTime() - b.due.getTime() || (a.kind === 'overdue' ? -1 : 1));
}
