// What the run engine and the handlers need of a plan library: the branch's library in the app, a folder of plan
// files in tests and tools.
import type { PlanDetail, PlanSummary } from '../../shared/api/channels';

export interface PlanSource {
  list(): PlanSummary[];
  /** A plan's detail; only a `published` one without errors may be started. */
  get(id: string): PlanDetail;
}
