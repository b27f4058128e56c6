// A drill exercise as a trainer plans it: which plan (and its published version), the scenario, objectives, who
// takes part and who evaluates, when, announced or not, and its injects (the MSEL: time-ordered events the trainer
// delivers, and contingency injects fired only if needed). Checked against the plan version it names, so an
// objective, a role or an inject never points at a step the plan does not have.
import { z } from 'zod';
import { EXERCISE_LIMITS as L } from '../limits';
import { DRILL_MESSAGES as m } from '../messages/drills';
import { SlugSchema, type Plan } from '../plan/schema';
import { indexSteps } from '../plan/stepIndex';
import type { Text } from '../text';

const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const ObjectiveSchema = z.strictObject({
  id: SlugSchema,
  text: trimmed(L.text),
  /** The step whose performance this objective judges; its target time comes from the plan, never typed. */
  stepId: SlugSchema.optional(),
});
export type Objective = z.infer<typeof ObjectiveSchema>;

/** A user of the app (`userId`) or someone from outside (name only), with their role in the plan. */
export const ParticipantSchema = z.strictObject({
  userId: SlugSchema.optional(),
  name: trimmed(L.title),
  role: SlugSchema,
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const EvaluatorSchema = z.strictObject({ userId: SlugSchema, name: trimmed(L.title) });
export type Evaluator = z.infer<typeof EvaluatorSchema>;

/**
 * An event of the scenario, delivered to the players: at `atSeconds` of scenario time, or — a contingency inject —
 * only when the trainer fires it (when the expected action does not happen).
 */
export const InjectSchema = z
  .strictObject({
    id: SlugSchema,
    atSeconds: z.number().int().min(0).max(L.injectSeconds).optional(),
    contingency: z.boolean().default(false),
    /** What happens, as the players are told it. */
    text: trimmed(L.text),
    /** The plan role it is addressed to (absent: everyone). */
    toRole: SlugSchema.optional(),
    /** What the players should do: for the console and the evaluators, never shown on the runner. */
    expected: trimmed(L.text).optional(),
    stepId: SlugSchema.optional(),
    objectiveId: SlugSchema.optional(),
  })
  .refine((inject) => inject.contingency || inject.atSeconds !== undefined, {
    message: 'a scheduled inject needs atSeconds (or mark it a contingency inject)',
    path: ['atSeconds'],
  });
export type Inject = z.infer<typeof InjectSchema>;

export const ExerciseSpecSchema = z.strictObject({
  title: trimmed(L.title),
  planId: SlugSchema,
  /** The published version the exercise drills; a run started for it follows the version offered then. */
  planVersion: z.number().int().min(1),
  scenario: z.string().trim().max(L.scenario).default(''),
  objectives: z.array(ObjectiveSchema).max(L.objectives).default([]),
  participants: z.array(ParticipantSchema).max(L.participants).default([]),
  evaluators: z.array(EvaluatorSchema).max(L.evaluators).default([]),
  /** When it is to take place (ISO 8601 with offset). */
  scheduledAt: z.string().datetime({ offset: true }),
  /** Unannounced (暗访演练): the players are not told; the run starts as a live incident and is declared a drill. */
  announced: z.boolean(),
  injects: z.array(InjectSchema).max(L.injects).default([]),
});
export type ExerciseSpec = z.infer<typeof ExerciseSpecSchema>;
export type ExerciseSpecInput = z.input<typeof ExerciseSpecSchema>;

/** Something wrong with an exercise against its plan: where (a JSON path into the spec) and what. */
export interface ExerciseProblem {
  path: string;
  message: Text;
}

/** What does not fit the plan version the exercise names; empty when it can be planned as it is. */
export function exerciseProblems(spec: ExerciseSpec, plan: Plan): ExerciseProblem[] {
  const problems: ExerciseProblem[] = [];
  const steps = indexSteps(plan);
  const roles = new Set(plan.roles.map((r) => r.id));
  const objectiveIds = new Set<string>();
  if (spec.planId !== plan.id || spec.planVersion !== plan.version) {
    problems.push({ path: 'planVersion', message: m.otherPlanVersion(spec.planId, spec.planVersion) });
  }
  spec.objectives.forEach((objective, i) => {
    if (objectiveIds.has(objective.id))
      problems.push({ path: `objectives[${i}].id`, message: m.duplicateId(objective.id) });
    objectiveIds.add(objective.id);
    if (objective.stepId !== undefined && !steps.has(objective.stepId)) {
      problems.push({ path: `objectives[${i}].stepId`, message: m.unknownStep(objective.stepId) });
    }
  });
  spec.participants.forEach((participant, i) => {
    if (!roles.has(participant.role))
      problems.push({ path: `participants[${i}].role`, message: m.unknownRole(participant.role) });
  });
  const evaluators = new Set<string>();
  spec.evaluators.forEach((evaluator, i) => {
    if (evaluators.has(evaluator.userId)) {
      problems.push({ path: `evaluators[${i}].userId`, message: m.duplicateId(evaluator.userId) });
    }
    evaluators.add(evaluator.userId);
  });
  const injectIds = new Set<string>();
  spec.injects.forEach((inject, i) => {
    if (injectIds.has(inject.id)) problems.push({ path: `injects[${i}].id`, message: m.duplicateId(inject.id) });
    injectIds.add(inject.id);
    if (inject.toRole !== undefined && !roles.has(inject.toRole)) {
      problems.push({ path: `injects[${i}].toRole`, message: m.unknownRole(inject.toRole) });
    }
    if (inject.stepId !== undefined && !steps.has(inject.stepId)) {
      problems.push({ path: `injects[${i}].stepId`, message: m.unknownStep(inject.stepId) });
    }
    if (inject.objectiveId !== undefined && !objectiveIds.has(inject.objectiveId)) {
      problems.push({ path: `injects[${i}].objectiveId`, message: m.unknownObjective(inject.objectiveId) });
    }
  });
  return problems;
}

/** The scheduled injects in scenario order (contingency injects, which have no time, are left out). */
export function scheduledInjects(spec: ExerciseSpec): Inject[] {
  return spec.injects
    .filter((inject) => !inject.contingency && inject.atSeconds !== undefined)
    .sort((a, b) => a.atSeconds! - b.atSeconds!);
}
