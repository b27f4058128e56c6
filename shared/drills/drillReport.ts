// The drill report (演练总结报告 / After-Action Report and Improvement Plan) as data: built from the exercise as
// planned, its run's journal (times, step visits, injects delivered), its evaluation and its improvement actions —
// never from anything typed into the report itself. Sections follow 突发事件应急演练指南 and AQ/T 9009 (purpose; time
// and place; units and participants; scenario; process; evaluation results; problems and causes; improvement
// measures) with HSEEP's strengths, areas for improvement and corrective actions. A screen renders it on A4.
import type { ActionView } from '../actions/actionView';
import { pick } from '../plan/labels';
import { indexSteps } from '../plan/stepIndex';
import type { RunView } from '../run/runViewSchema';
import { text, type Text } from '../text';
import type { Rating } from './evaluation';
import type { EvaluationView } from './evaluationView';
import type { ExerciseView } from './exerciseView';
import { fromExercise } from '../actions/actionSource';

export interface ReportObjective {
  id: string;
  text: string;
  step?: { id: string; title: Text };
  /** The step's first visit as the journal timed it, against the plan's target. */
  measured?: { seconds: number; targetSeconds?: number; overTarget: boolean };
  consensus?: Rating;
  ratings: { evaluator: string; rating: Rating; observation?: string }[];
}

export interface DrillReport {
  exercise: { id: string; title: string; announced: boolean; scenario: string };
  plan: { title: Text; id: string; version: number; contentHash: string };
  /** When it was planned for and when it ran, from the run's journal. */
  time: { scheduledAt: string; startedAt?: string; endedAt?: string; seconds?: number };
  branch?: { name: string; code: string };
  /** Started as a live incident and declared an unannounced drill: by whom and when. */
  declared?: { name: string; at: string };
  participants: { name: string; role: Text }[];
  evaluators: string[];
  /** Everyone the journal names as having acted. */
  actors: string[];
  injects: {
    id: string;
    text: string;
    to?: Text;
    atSeconds?: number;
    contingency: boolean;
    delivered?: { at: string; scenarioSeconds: number; manual: boolean };
  }[];
  steps: {
    id: string;
    title: Text;
    enteredAt: string;
    seconds: number;
    targetSeconds?: number;
    overTarget: boolean;
    consensus?: Rating;
    observations: string[];
  }[];
  objectives: ReportObjective[];
  strengths: string[];
  improvements: { text: string; cause?: string }[];
  actions: {
    id: string;
    title: string;
    owner: string;
    due: string;
    status: ActionView['status'];
    overdue: boolean;
    version?: { planId: string; version: number };
  }[];
  hotWash?: string;
  /** What the report rests on: the run's head hash and the evaluation's seal. */
  evidence: {
    runId?: string;
    runHead?: string;
    evaluationSealed?: { keyId: string; at: string };
    evaluationEvents?: number;
  };
}

export function drillReport(input: {
  exercise: ExerciseView;
  run?: RunView;
  evaluation?: EvaluationView;
  actions: readonly ActionView[];
}): DrillReport {
  const { exercise, run, evaluation } = input;
  const spec = exercise.spec;
  const plan = run?.plan;
  const steps = plan ? indexSteps(plan) : undefined;
  const titleOf = (id: string): Text => {
    const title = steps?.get(id)?.step.title;
    return text(pick(title, 'zh-CN') || id, pick(title, 'en') || id);
  };
  const roleOf = (id: string): Text => {
    const role = plan?.roles.find((r) => r.id === id)?.title;
    return text(pick(role, 'zh-CN') || id, pick(role, 'en') || id);
  };
  const firstVisit = (stepId: string) => run?.visits.find((v) => v.step === stepId);
  const objectiveRatings = new Map(evaluation?.objectives.map((o) => [o.id, o]));
  const stepRatings = new Map(evaluation?.steps.map((s) => [s.id, s]));
  const delivered = new Map(run?.injects.map((i) => [i.injectId, i]));
  const end = run?.outcome?.at;

  return {
    exercise: { id: exercise.id, title: spec.title, announced: spec.announced, scenario: spec.scenario },
    plan: run
      ? { title: text(pick(run.plan.title, 'zh-CN'), pick(run.plan.title, 'en')), ...run.planRef }
      : { title: text(spec.planId, spec.planId), id: spec.planId, version: spec.planVersion, contentHash: '' },
    time: {
      scheduledAt: spec.scheduledAt,
      ...(run ? { startedAt: run.startedAt } : {}),
      ...(end ? { endedAt: end, seconds: Math.round((Date.parse(end) - Date.parse(run!.startedAt)) / 1000) } : {}),
    },
    ...(run ? { branch: run.branch } : {}),
    ...(run?.exercise?.declared
      ? { declared: { name: run.exercise.declared.name, at: run.exercise.declared.at } }
      : {}),
    participants: spec.participants.map((p) => ({ name: p.name, role: roleOf(p.role) })),
    evaluators: spec.evaluators.map((e) => e.name),
    actors: run?.findings.participants ?? [],
    injects: [...spec.injects]
      .sort((a, b) => (a.atSeconds ?? Infinity) - (b.atSeconds ?? Infinity))
      .map((inject) => {
        const done = delivered.get(inject.id);
        return {
          id: inject.id,
          text: inject.text,
          ...(inject.toRole ? { to: roleOf(inject.toRole) } : {}),
          ...(inject.atSeconds !== undefined ? { atSeconds: inject.atSeconds } : {}),
          contingency: inject.contingency,
          ...(done ? { delivered: { at: done.at, scenarioSeconds: done.scenarioSeconds, manual: done.manual } } : {}),
        };
      }),
    steps: (run?.visits ?? []).map((visit) => {
      const rated = stepRatings.get(visit.step);
      return {
        id: visit.step,
        title: titleOf(visit.step),
        enteredAt: visit.enteredAt,
        seconds: visit.seconds,
        ...(visit.targetSeconds !== undefined ? { targetSeconds: visit.targetSeconds } : {}),
        overTarget: visit.overTarget,
        ...(rated ? { consensus: rated.consensus } : {}),
        observations:
          rated?.ratings.flatMap((r) => (r.observation ? [`${r.evaluator.name}：${r.observation}`] : [])) ?? [],
      };
    }),
    objectives: spec.objectives.map((objective) => {
      const rated = objectiveRatings.get(objective.id);
      const visit = objective.stepId ? firstVisit(objective.stepId) : undefined;
      return {
        id: objective.id,
        text: objective.text,
        ...(objective.stepId ? { step: { id: objective.stepId, title: titleOf(objective.stepId) } } : {}),
        ...(visit
          ? {
              measured: {
                seconds: visit.seconds,
                ...(visit.targetSeconds !== undefined ? { targetSeconds: visit.targetSeconds } : {}),
                overTarget: visit.overTarget,
              },
            }
          : {}),
        ...(rated ? { consensus: rated.consensus } : {}),
        ratings:
          rated?.ratings.map((r) => ({
            evaluator: r.evaluator.name,
            rating: r.rating,
            ...(r.observation ? { observation: r.observation } : {}),
          })) ?? [],
      };
    }),
    strengths: evaluation?.findings.filter((f) => f.kind === 'strength').map((f) => f.text) ?? [],
    improvements:
      evaluation?.findings
        .filter((f) => f.kind === 'improvement')
        .map((f) => ({ text: f.text, ...(f.cause ? { cause: f.cause } : {}) })) ?? [],
    actions: input.actions
      .filter((a) => fromExercise(a.spec, exercise.id))
      .map((a) => ({
        id: a.id,
        title: a.spec.title,
        owner: a.spec.owner.name,
        due: a.spec.due,
        status: a.status,
        overdue: a.overdue === true,
        ...(a.closed?.version
          ? { version: { planId: a.closed.version.planId, version: a.closed.version.version } }
          : {}),
      })),
    ...(evaluation?.closed ? { hotWash: evaluation.closed.hotWash } : {}),
    evidence: {
      ...(run ? { runId: run.runId, runHead: run.head } : {}),
      ...(evaluation?.sealed ? { evaluationSealed: { keyId: evaluation.sealed.keyId, at: evaluation.sealed.at } } : {}),
      ...(evaluation ? { evaluationEvents: evaluation.events } : {}),
    },
  };
}
