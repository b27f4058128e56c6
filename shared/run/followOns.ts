// Which follow-on plans a run offers now (escalation, robbery → hostage taking): one rule, read by the run view (the
// runner's button) and by the engine (which refuses to escalate to a plan the run does not offer).
import type { IndexedStep } from '../plan/stepIndex';
import type { RunState } from './runState';

export interface OfferedFollowOn {
  planId: string;
  /** The step whose follow-on it is (for an option, the decision). */
  step: string;
  option?: string;
}

/**
 * A step's follow-on is offered while the step is current, and after the run ended at it (an end step); an option's
 * from when it was chosen on (it states a fact, "hostages taken", that stays true). Nothing once the run is signed
 * off, and a plan already started from this run is not offered again.
 */
export function offeredFollowOns(
  state: Pick<RunState, 'status' | 'active' | 'outcome' | 'events' | 'escalatedTo'>,
  steps: ReadonlyMap<string, IndexedStep>,
): OfferedFollowOn[] {
  if (state.status !== 'active' && state.status !== 'ended') return [];
  const offered: OfferedFollowOn[] = [];
  const followOnOf = (stepId: string) => {
    const step = steps.get(stepId)?.step;
    return step && 'followOn' in step ? step.followOn : undefined;
  };
  for (const { step } of state.active) {
    const planId = followOnOf(step);
    if (planId) offered.push({ planId, step });
  }
  const endStep = state.outcome?.endStep;
  const endFollowOn = endStep && followOnOf(endStep);
  if (endStep && endFollowOn) offered.push({ planId: endFollowOn, step: endStep });
  for (const event of state.events) {
    if (event.type !== 'option.chosen') continue;
    const { step, option } = event.data as { step: string; option: string };
    const decision = steps.get(step)?.step;
    const planId = decision?.kind === 'decision' ? decision.options.find((o) => o.id === option)?.followOn : undefined;
    if (planId) offered.push({ planId, step, option });
  }
  const started = new Set(state.escalatedTo.map((e) => e.planId));
  return offered.filter((f, i) => !started.has(f.planId) && offered.findIndex((g) => g.planId === f.planId) === i);
}
