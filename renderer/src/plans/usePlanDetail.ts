// Loads one plan (with its check results) from the backend, for the screens that show a plan.
import type { PlanDetail } from '../../../shared/api/channels';
import { useApi } from '../api/ApiContext';
import { useAsync, type AsyncState } from '../app/useAsync';

export function usePlanDetail(planId: string): [AsyncState<PlanDetail>, () => void] {
  const api = useApi();
  return useAsync(() => api.call('plans.get', { id: planId }), [planId]);
}
