// The scorecard (inspections.scorecard) and each checklist's pass mark (carried by its series). Loaded again when
// inspections or actions change.
import { useCallback } from 'react';
import type { ScorecardView } from '../../../shared/inspections/scorecard';
import { useApi, usePush } from '../api/ApiContext';
import { useAsync, type AsyncState } from '../app/useAsync';
import { useAsGuard } from '../inspections/useInspections';

export interface ScorecardData {
  view: ScorecardView;
  passScores: ReadonlyMap<string, number>;
}

export function useScorecard(): [AsyncState<ScorecardData>, () => void] {
  const api = useApi();
  const asGuard = useAsGuard();
  const [state, reload] = useAsync(async () => {
    const view = await asGuard(() => api.call('inspections.scorecard'));
    const passScores = new Map(view.series.map((line) => [line.checklistId, line.passScore]));
    return { view, passScores };
  }, [asGuard]);
  const again = useCallback(() => reload(), []);
  usePush('inspections.changed', again);
  usePush('actions.changed', again);
  return [state, reload];
}
