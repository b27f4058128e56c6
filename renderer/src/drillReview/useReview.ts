// Loading a drill's evaluation and the improvement actions as a trainer (through the session's PIN prompt, as every
// drills.* call), kept current by the drills.changed and actions.changed pushes; an answer to this window's own
// change is shown at once rather than after the next load. The tracker screen loads every action for a trainer and
// above, and a guard's own rectifications for a guard.
import { useCallback, useState } from 'react';
import type { ActionView } from '../../../shared/actions/actionView';
import type { EvaluationView } from '../../../shared/drills/evaluationView';
import { useApi, usePush } from '../api/ApiContext';
import { useAsync, type AsyncState } from '../app/useAsync';
import { useAsTrainer } from '../drills/useDrills';
import { useUnlockedCall } from '../training/useUnlockedCall';
import { reviewStrings } from './strings';

export interface EvaluationHandle {
  /** null: nobody has rated anything yet. */
  state: AsyncState<EvaluationView | null>;
  reload: () => void;
  /** The view a call of this window answered (a rating, a finding, the close). */
  accept: (view: EvaluationView) => void;
}

export function useEvaluation(exerciseId: string): EvaluationHandle {
  const api = useApi();
  const asTrainer = useAsTrainer();
  const [loaded, reload] = useAsync(
    () => asTrainer(() => api.call('drills.evaluation', { exerciseId })),
    [exerciseId, asTrainer],
  );
  const [answered, setAnswered] = useState<EvaluationView>();
  usePush(
    'drills.changed',
    useCallback(() => reload(), []),
  );
  // The evaluation only grows: whichever of the two has more events is the newer.
  const newer =
    answered && loaded.status === 'ready' && (loaded.value?.events ?? 0) <= answered.events ? answered : undefined;
  const state: AsyncState<EvaluationView | null> = newer ? { status: 'ready', value: newer } : loaded;
  return { state, reload, accept: setAnswered };
}

/** Every improvement action, as the backend lists them. */
export function useActionList(): [AsyncState<ActionView[]>, () => void] {
  const api = useApi();
  const asTrainer = useAsTrainer();
  const [state, reload] = useAsync(() => asTrainer(() => api.call('actions.list')), [asTrainer]);
  usePush(
    'actions.changed',
    useCallback(() => reload(), []),
  );
  return [state, reload];
}

/** A cancelled PIN prompt, said like a backend refusal. */
export const NOT_UNLOCKED = {
  'zh-CN': reviewStrings['zh-CN'].review.actions.notUnlocked,
  en: reviewStrings.en.review.actions.notUnlocked,
};

/** Whose actions the tracker shows: everyone's (a trainer and above), or the unlocked guard's own. */
export type TrackerScope = 'all' | 'mine';

/** The tracker's actions: `actions.list` for everyone's, `actions.mine` for a guard's own. */
export function useTrackedActions(scope: TrackerScope): [AsyncState<ActionView[]>, () => void] {
  const api = useApi();
  const asTrainer = useUnlockedCall('trainer', NOT_UNLOCKED);
  const asGuard = useUnlockedCall('guard', NOT_UNLOCKED);
  const [state, reload] = useAsync(
    () => (scope === 'all' ? asTrainer(() => api.call('actions.list')) : asGuard(() => api.call('actions.mine'))),
    [scope, asTrainer, asGuard],
  );
  usePush(
    'actions.changed',
    useCallback(() => reload(), []),
  );
  return [state, reload];
}
