// The console's scenario clock: the seconds the backend reported when the exercise was loaded, counted on by the
// wall clock while scenario time runs, frozen while paused (the backend decides when injects fall due; this only
// shows it). Undefined before the exercise has a run.
import type { ExerciseView } from '../../../shared/drills/exerciseView';
import { useNow } from '../run/useNow';

/** Scenario time runs while the exercise runs and its run is still going. */
export function scenarioTimeRuns(view: ExerciseView): boolean {
  return view.status === 'running' && view.run !== undefined && (view.runStatus ?? 'active') === 'active';
}

export function useScenarioClock(view: ExerciseView, receivedAt: number): number | undefined {
  const ticking = scenarioTimeRuns(view);
  const now = useNow(ticking);
  if (view.scenarioSeconds === undefined) return undefined;
  if (!ticking) return view.scenarioSeconds;
  return view.scenarioSeconds + Math.max(0, Math.floor((now - receivedAt) / 1000));
}
