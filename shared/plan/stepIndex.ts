// Looks steps up by id anywhere in a plan, with the parallel step and track that hold them.
import type { ParallelStep, Plan, Step, Track, TrackStep } from './schema';

export interface IndexedStep {
  step: Step | TrackStep;
  /** Set for a step inside a track. */
  parallel?: ParallelStep;
  track?: Track;
}

export function indexSteps(plan: Plan): Map<string, IndexedStep> {
  const index = new Map<string, IndexedStep>();
  for (const step of plan.steps) {
    if (!index.has(step.id)) index.set(step.id, { step });
    if (step.kind !== 'parallel') continue;
    for (const track of step.tracks) {
      for (const inner of track.steps) {
        if (!index.has(inner.id)) index.set(inner.id, { step: inner, parallel: step, track });
      }
    }
  }
  return index;
}

/** Who does a step: its own role, else its track's role. */
export function stepRole(entry: IndexedStep): string | undefined {
  return ('role' in entry.step ? entry.step.role : undefined) ?? entry.track?.role;
}
