// How long each step took in a run: its visits, derived from the journal's timeline and the plan alone.
// A visit lasts from when the step became current to when it was completed, chosen, timed out or joined.
import type { Plan } from '../../../shared/plan/schema';
import { indexSteps, stepRole } from '../../../shared/plan/stepIndex';

/** How a visit ended; `ongoing` when the timeline stops while the step is still current. */
export type VisitEnd = 'completed' | 'chosen' | 'timed-out' | 'joined' | 'interrupted' | 'aborted' | 'ongoing';

export interface StepVisit {
  step: string;
  kind: 'action' | 'decision' | 'parallel';
  /** The parallel step whose track holds this step. */
  parallel?: string;
  role?: string;
  enteredAt: string;
  /** Absent while the step is still current. */
  leftAt?: string;
  end: VisitEnd;
  seconds: number;
  targetSeconds?: number;
  overTarget: boolean;
}

export interface TimelineEvent {
  at: string;
  type: string;
  data: unknown;
}

type OpenVisit = Omit<StepVisit, 'seconds' | 'overTarget' | 'end'> & { end?: VisitEnd };

/**
 * Every step visit in the order the steps became current. `until` closes visits still open (an active run's
 * "now"); without it they run to the last event. The walk mirrors the plan machine: an action's `next`, an
 * option's `next`, a timeout's `next`, a parallel step entering every track and joining when all have ended.
 */
export function stepVisits(plan: Plan, timeline: readonly TimelineEvent[], until?: string): StepVisit[] {
  const index = indexSteps(plan);
  const visits: OpenVisit[] = [];
  const open = new Map<string, OpenVisit>();

  const leave = (id: string, at: string, end: VisitEnd): void => {
    const visit = open.get(id);
    if (!visit) return;
    visit.leftAt = at;
    visit.end = end;
    open.delete(id);
    // Leaving a parallel step (its timeout) cuts short whatever its tracks were doing; an abort ends them all.
    const cut = end === 'aborted' ? 'aborted' : 'interrupted';
    for (const inner of [...open.values()]) if (inner.parallel === id) leave(inner.step, at, cut);
  };

  const joinIfDone = (parallelId: string, at: string): void => {
    if ([...open.values()].some((v) => v.parallel === parallelId)) return;
    const parallel = index.get(parallelId)?.step;
    if (!open.has(parallelId) || parallel?.kind !== 'parallel') return;
    leave(parallelId, at, 'joined');
    enter(parallel.next, at);
  };

  const enter = (id: string, at: string): void => {
    const entry = index.get(id);
    if (!entry) return;
    const step = entry.step;
    if (step.kind === 'end') {
      // A track's end: that role is done; the parallel step joins once every track is.
      if (entry.parallel) joinIfDone(entry.parallel.id, at);
      return;
    }
    const role = stepRole(entry);
    const visit: OpenVisit = {
      step: id,
      kind: step.kind,
      ...(entry.parallel ? { parallel: entry.parallel.id } : {}),
      ...(role ? { role } : {}),
      enteredAt: at,
      ...(step.targetSeconds !== undefined ? { targetSeconds: step.targetSeconds } : {}),
    };
    visits.push(visit);
    open.set(id, visit);
    if (step.kind === 'parallel') {
      for (const track of step.tracks) {
        const start = track.steps.find((s) => s.id === track.start);
        if (start && start.kind !== 'end') enter(track.start, at);
      }
      joinIfDone(id, at); // every track may start at its end
    }
  };

  for (const event of timeline) {
    const data = (event.data ?? {}) as { step?: string; option?: string };
    const step = data.step ? index.get(data.step)?.step : undefined;
    switch (event.type) {
      case 'run.started':
        enter(plan.start, event.at);
        break;
      case 'step.completed':
        if (!step || !open.has(step.id)) break;
        leave(step.id, event.at, 'completed');
        if (step.kind === 'action') enter(step.next, event.at);
        break;
      case 'option.chosen': {
        if (!step || step.kind !== 'decision' || !open.has(step.id)) break;
        const option = step.options.find((o) => o.id === data.option);
        leave(step.id, event.at, 'chosen');
        if (option) enter(option.next, event.at);
        break;
      }
      case 'step.timeout':
        if (!step || step.kind === 'end' || !open.has(step.id)) break;
        leave(step.id, event.at, 'timed-out');
        if (step.timeout) enter(step.timeout.next, event.at);
        break;
      case 'run.aborted':
        for (const id of [...open.keys()]) leave(id, event.at, 'aborted');
        break;
    }
  }

  const last = until ?? timeline.at(-1)?.at;
  return visits.map((v) => {
    const leftAt = v.leftAt ?? last ?? v.enteredAt;
    const seconds = Math.max(0, (Date.parse(leftAt) - Date.parse(v.enteredAt)) / 1000);
    return {
      ...v,
      end: v.end ?? 'ongoing',
      seconds,
      overTarget: v.targetSeconds !== undefined && seconds > v.targetSeconds,
    };
  });
}
