// How the drill screens name things: an exercise's state, its plan, the plan's roles and steps, and its injects in
// the order a trainer reads an MSEL (scheduled ones by scenario time, contingency injects last).
import type { PlanSummary } from '../../../shared/api/channels';
import type { Inject } from '../../../shared/drills/exercise';
import type { ExerciseView } from '../../../shared/drills/exerciseView';
import { pick } from '../../../shared/plan/labels';
import type { Language, Plan } from '../../../shared/plan/schema';
import { indexSteps } from '../../../shared/plan/stepIndex';

export type ExerciseState = ExerciseView['status'] | 'ended';

/** The exercise's state as a trainer reads it: a drill whose run has ended is over, whatever the log says. */
export function exerciseState(view: ExerciseView): ExerciseState {
  if (view.status !== 'cancelled' && view.runStatus !== undefined && view.runStatus !== 'active') return 'ended';
  return view.status;
}

export function planTitle(plans: readonly PlanSummary[], planId: string, lang: Language): string {
  const plan = plans.find((p) => p.id === planId);
  return plan ? plan.title[lang] : planId;
}

export function roleTitle(plan: Plan | undefined, roleId: string, lang: Language): string {
  return pick(plan?.roles.find((r) => r.id === roleId)?.title, lang) || roleId;
}

/** Every step of the plan, tracks included, in plan order: id and title. */
export function planSteps(plan: Plan, lang: Language): { id: string; title: string }[] {
  return [...indexSteps(plan).values()].map(({ step }) => ({ id: step.id, title: pick(step.title, lang) || step.id }));
}

export function stepTitle(plan: Plan | undefined, stepId: string, lang: Language): string {
  const entry = plan ? indexSteps(plan).get(stepId) : undefined;
  return (entry && pick(entry.step.title, lang)) || stepId;
}

/** Scheduled injects by scenario time (the order they were written when tied), then contingency injects. */
export function injectsInScenarioOrder(injects: readonly Inject[]): Inject[] {
  const time = (inject: Inject) => (inject.contingency ? Infinity : (inject.atSeconds ?? Infinity));
  return injects
    .map((inject, i) => ({ inject, i }))
    .sort((a, b) => time(a.inject) - time(b.inject) || a.i - b.i)
    .map(({ inject }) => inject);
}

/** Newest first: by when it is to take place, then by when it was planned. */
export function newestFirst(exercises: readonly ExerciseView[]): ExerciseView[] {
  return [...exercises].sort(
    (a, b) =>
      Date.parse(b.spec.scheduledAt) - Date.parse(a.spec.scheduledAt) ||
      Date.parse(b.planned.at) - Date.parse(a.planned.at),
  );
}
