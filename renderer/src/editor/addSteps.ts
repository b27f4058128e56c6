// Adding steps and tracks to a plan being edited (an immer draft): fresh ids for everything new, and the kinds each
// scope allows (a track holds actions, decisions and its own end, never a parallel step).
import type { ParallelStep, Plan, Track } from '../../../shared/plan/schema';
import { freshId, idProblem } from './ids';
import { allStepIds, findTrack, locateStep, type AnyStep, type TrackRef } from './stepLocation';

export type StepKind = 'action' | 'decision' | 'end' | 'parallel';

/**
 * A new step is linked to nothing (so analysis says it cannot be reached until something leads to it), and leads
 * where the step it follows leads (else to the scope's first end), so it is never a dead end of its own making.
 */
export function addStep(plan: Plan, kind: StepKind, id: string, after?: string, trackRef?: TrackRef): void {
  const taken = allStepIds(plan);
  if (idProblem(id, taken)) return;
  const afterLocation = after === undefined ? undefined : locateStep(plan, after);
  const track = afterLocation ? afterLocation.track?.track : trackRef ? findTrack(plan, trackRef)?.track : undefined;
  if (trackRef && !afterLocation && !track) return;
  const scope: AnyStep[] = afterLocation?.siblings ?? track?.steps ?? plan.steps;
  const inTrack = track !== undefined;
  if (kind === 'parallel' && inTrack) return; // the schema has no parallel step inside a track
  const target = defaultTarget(scope, afterLocation?.step, id);
  taken.add(id);
  const step = newStep(plan, kind, id, target, inTrack, taken);
  scope.splice(afterLocation ? afterLocation.index + 1 : scope.length, 0, step);
}

function newStep(
  plan: Plan,
  kind: StepKind,
  id: string,
  target: string,
  inTrack: boolean,
  taken: Set<string>,
): AnyStep {
  switch (kind) {
    case 'action':
      return { id, kind, title: {}, next: target };
    case 'decision':
      return {
        id,
        kind,
        title: {},
        options: [
          { id: 'option-1', label: {}, next: target },
          { id: 'option-2', label: {}, next: target },
        ],
      };
    case 'end':
      return inTrack ? { id, kind } : { id, kind, title: {}, outcome: 'resolved' };
    case 'parallel': {
      const first = trackRole(plan, new Set());
      const second = trackRole(plan, new Set([first]));
      return { id, kind, title: {}, tracks: [newTrack(first, taken), newTrack(second, taken)], next: target };
    }
  }
}

/** The first role not yet given a track of this parallel step, else the first role. */
function trackRole(plan: Plan, used: ReadonlySet<string>): string {
  return plan.roles.find((r) => !used.has(r.id))?.id ?? plan.roles[0]?.id ?? 'staff';
}

/** A track of one action leading to its end. */
function newTrack(role: string, taken: Set<string>): Track {
  const action = freshId('action', taken);
  taken.add(action);
  const end = freshId('track-end', taken);
  taken.add(end);
  return {
    role,
    start: action,
    steps: [
      { id: action, kind: 'action', title: {}, next: end },
      { id: end, kind: 'end' },
    ],
  };
}

export function addTrack(plan: Plan, parallelId: string): void {
  const parallel = plan.steps.find((s): s is ParallelStep => s.kind === 'parallel' && s.id === parallelId);
  if (!parallel) return;
  const role = trackRole(plan, new Set(parallel.tracks.map((t) => t.role)));
  parallel.tracks.push(newTrack(role, allStepIds(plan)));
}

/** Where a new step or option leads at first. */
export function defaultTarget(scope: readonly AnyStep[], after: AnyStep | undefined, self: string): string {
  if (after?.kind === 'action' || after?.kind === 'parallel') return after.next;
  if (after?.kind === 'decision' && after.options[0]) return after.options[0].next;
  return scope.find((s) => s.kind === 'end')?.id ?? self;
}
