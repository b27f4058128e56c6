// What the runner shows now, from a run view: the current top-level step, and for a parallel step each
// role's track with its current step (or nothing once that track has reached its end).
import type { IndexedStep } from '../../../shared/plan/stepIndex';
import type { ActionStep, DecisionStep, ParallelStep, Track } from '../../../shared/plan/schema';
import type { RunView } from '../../../shared/run/runViewSchema';

export type ActiveEntry = RunView['active'][number];
export type WorkStep = ActionStep | DecisionStep;

export interface TrackNow {
  track: Track;
  /** Absent once the track has ended. */
  step?: WorkStep;
  active?: ActiveEntry;
}

export type Current =
  | { kind: 'step'; step: WorkStep; active: ActiveEntry }
  | { kind: 'parallel'; step: ParallelStep; active: ActiveEntry; tracks: TrackNow[] };

export function currentSteps(view: RunView, index: Map<string, IndexedStep>): Current[] {
  if (view.status !== 'active') return [];
  const current: Current[] = [];
  for (const active of view.active) {
    const entry = index.get(active.step);
    if (!entry || entry.parallel) continue; // track steps are shown inside their parallel step
    const step = entry.step;
    if (step.kind === 'action' || step.kind === 'decision') current.push({ kind: 'step', step, active });
    if (step.kind === 'parallel') {
      const tracks = step.tracks.map((track): TrackNow => {
        for (const inner of view.active) {
          const e = index.get(inner.step);
          if (e?.parallel?.id !== step.id || e.track?.start !== track.start) continue;
          if (e.step.kind === 'action' || e.step.kind === 'decision') return { track, step: e.step, active: inner };
        }
        return { track };
      });
      current.push({ kind: 'parallel', step, active, tracks });
    }
  }
  return current;
}

/** The work steps someone can act on now, in screen order (a parallel step's tracks left to right). */
export function workStepsOf(current: Current[]): { step: WorkStep; active: ActiveEntry }[] {
  return current.flatMap((c) =>
    c.kind === 'step'
      ? [{ step: c.step, active: c.active }]
      : c.tracks.flatMap((t) => (t.step && t.active ? [{ step: t.step, active: t.active }] : [])),
  );
}
