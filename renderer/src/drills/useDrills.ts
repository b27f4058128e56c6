// Loading exercises as a trainer: every drills.* call goes through the session's PIN prompt (a window that locked
// itself asks again, nothing typed is lost), and the screens follow drills.changed and their run's run.changed.
import { useCallback, useRef } from 'react';
import { ApiError } from '../../../shared/api/errors';
import type { ExerciseView } from '../../../shared/drills/exerciseView';
import type { Plan } from '../../../shared/plan/schema';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useApi, usePush } from '../api/ApiContext';
import { useAsync, type AsyncState } from '../app/useAsync';
import { useSession } from '../people/SessionContext';
import { drillStrings } from './strings';

/** The PIN prompt was cancelled: said like a backend refusal, in both languages. */
function notUnlocked(): ApiError {
  return new ApiError({
    code: 'locked',
    message: { 'zh-CN': drillStrings['zh-CN'].drills.notUnlocked, en: drillStrings.en.drills.notUnlocked },
  });
}

/** Runs `action` as a trainer (or above), asking for a PIN when needed; rejects when none was given. */
export function useAsTrainer(): <T>(action: () => Promise<T>) => Promise<T> {
  const { withUnlock } = useSession();
  return useCallback(
    async <T>(action: () => Promise<T>) => {
      const result = await withUnlock('trainer', action);
      if (result === undefined) throw notUnlocked();
      return result;
    },
    [withUnlock],
  );
}

export function useExercises(): [AsyncState<ExerciseView[]>, () => void] {
  const api = useApi();
  const asTrainer = useAsTrainer();
  const [state, reload] = useAsync(() => asTrainer(() => api.call('drills.list')), [asTrainer]);
  const runIds = useRef<ReadonlySet<string>>(new Set());
  runIds.current = new Set(state.status === 'ready' ? state.value.flatMap((e) => (e.run ? [e.run.runId] : [])) : []);
  usePush(
    'drills.changed',
    useCallback(() => reload(), []),
  );
  // An inject fired by hand is news of the run only: the count of delivered injects follows it.
  usePush(
    'run.changed',
    useCallback((run: RunView) => {
      if (runIds.current.has(run.runId)) reload();
    }, []),
  );
  return [state, reload];
}

/** An exercise and when it arrived (the console's scenario clock counts on from there). */
export interface LoadedExercise {
  view: ExerciseView;
  receivedAt: number;
}

export function useExercise(exerciseId: string): [AsyncState<LoadedExercise>, () => void] {
  const api = useApi();
  const asTrainer = useAsTrainer();
  const [state, reload] = useAsync(
    () => asTrainer(() => api.call('drills.get', { exerciseId })).then((view) => ({ view, receivedAt: Date.now() })),
    [exerciseId, asTrainer],
  );
  const runId = useRef<string | undefined>(undefined);
  runId.current = state.status === 'ready' ? state.value.view.run?.runId : undefined;
  usePush(
    'drills.changed',
    useCallback(() => reload(), []),
  );
  // An inject fired by hand changes the run, not the drills log: the exercise's delivered list follows its run.
  usePush(
    'run.changed',
    useCallback((run: RunView) => {
      if (run.runId === runId.current) reload();
    }, []),
  );
  return [state, reload];
}

/** The plan version an exercise names, for its roles' and steps' titles. */
export function usePlanVersion(planId: string, version: number): AsyncState<Plan | undefined> {
  const api = useApi();
  const [state] = useAsync(() => api.call('plans.version', { planId, version }).then((v) => v.plan), [planId, version]);
  return state;
}
