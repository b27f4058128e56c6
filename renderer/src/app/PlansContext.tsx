// The plan library as the shell last loaded it (at start-up, and again on every plans.changed push), for screens
// that only name plans: asking plans.list again on each run screen cost the guard's first paint a round trip.
import { createContext, useContext } from 'react';
import type { PlanSummary } from '../../../shared/api/channels';

const PlansContext = createContext<readonly PlanSummary[]>([]);

export const PlansProvider = PlansContext.Provider;

/** The library's plans (empty until the shell has them). */
export function usePlans(): readonly PlanSummary[] {
  return useContext(PlansContext);
}
