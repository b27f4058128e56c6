// Where a step lives in a plan being edited: its scope (the top level, or one track of a parallel step), its index
// there and its path as findings write it. Pure: the editor's model and its screens both walk the plan through here.
import type { ParallelStep, Plan, Step, Track, TrackStep } from '../../../shared/plan/schema';

export type AnyStep = Step | TrackStep;

/** A track of a parallel step: tracks have no id of their own, so they are named by their step and position. */
export interface TrackRef {
  parallelId: string;
  track: number;
}

export interface StepLocation {
  step: AnyStep;
  index: number;
  /** The array the step is in: the plan's steps, or its track's. */
  siblings: AnyStep[];
  /** Set for a step inside a track. */
  track?: { parallel: ParallelStep; index: number; track: Track };
  /** Its path in the document, as findings write it (`steps[2].tracks[0].steps[1]`). */
  path: string;
}

/** Every step of the plan in document order, tracks' steps right after their parallel step. */
export function everyStep(plan: Plan): StepLocation[] {
  const found: StepLocation[] = [];
  plan.steps.forEach((step, i) => {
    found.push({ step, index: i, siblings: plan.steps, path: `steps[${i}]` });
    if (step.kind !== 'parallel') return;
    step.tracks.forEach((track, t) =>
      track.steps.forEach((inner, j) =>
        found.push({
          step: inner,
          index: j,
          siblings: track.steps,
          track: { parallel: step, index: t, track },
          path: `steps[${i}].tracks[${t}].steps[${j}]`,
        }),
      ),
    );
  });
  return found;
}

/** The first step with this id (ids are plan-wide; analysis reports a duplicate where the second one is). */
export function locateStep(plan: Plan, id: string): StepLocation | undefined {
  return everyStep(plan).find((location) => location.step.id === id);
}

export function allStepIds(plan: Plan): Set<string> {
  return new Set(everyStep(plan).map((location) => location.step.id));
}

export function findTrack(plan: Plan, ref: TrackRef): { parallel: ParallelStep; track: Track } | undefined {
  const parallel = plan.steps.find((s): s is ParallelStep => s.kind === 'parallel' && s.id === ref.parallelId);
  const track = parallel?.tracks[ref.track];
  return parallel && track ? { parallel, track } : undefined;
}

/** The steps a step may lead to: those of its own scope (a track's steps never leave their track). */
export function scopeOf(plan: Plan, id: string): AnyStep[] {
  return locateStep(plan, id)?.siblings ?? plan.steps;
}
