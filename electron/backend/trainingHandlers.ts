// The self-study and training channels: a quiz for whoever is unlocked, graded into their record; the records of
// everyone for trainers, with the plans each person has not studied since it was revised.
import type { Caller, Handlers } from '../../shared/api/dispatch';
import { studyGaps } from '../../shared/drills/trainingLog';
import type { TrainingRecords } from '../../shared/drills/trainingView';
import type { ExerciseStore } from '../drills/exerciseStore';
import type { EvaluationStore } from '../drills/evaluationStore';
import type { ExerciseState } from '../../shared/drills/exerciseLog';
import type { PeopleService } from '../people/peopleService';
import type { Sessions } from '../people/sessions';
import type { BranchLibrary } from '../plans/branchLibrary';
import type { TrainingStore } from '../training/trainingStore';

type TrainingChannel = Extract<keyof Handlers, `training.${string}`>;

export function trainingHandlers(
  training: TrainingStore,
  drills: ExerciseStore,
  evaluations: EvaluationStore,
  plans: BranchLibrary,
  people: PeopleService,
  sessions: Sessions,
): Pick<Handlers, TrainingChannel> {
  const person = (caller: Caller) => {
    const user = sessions.requireUser(caller);
    return { userId: user.id, name: user.name };
  };
  return {
    'training.quiz': async ({ count, planIds }) => ({ questions: training.draw(count, planIds) }),
    'training.submit': async ({ questionIds, answers }, caller) =>
      training.submit(person(caller), questionIds, answers),
    'training.records': async (): Promise<TrainingRecords> => {
      const users = people.list().filter((u) => !u.disabled);
      const quizzes = training.quizzes();
      const exercises = drills.states();
      // Each drill's share of rated objectives met (未观察 left out), from its evaluation.
      const shareMet = new Map<string, number>();
      for (const exercise of exercises.filter((e) => e.run)) {
        const rated = ((await evaluations.get(exercise.id).catch(() => undefined))?.objectives ?? []).filter(
          (o) => o.consensus !== 'U',
        );
        if (rated.length > 0) shareMet.set(exercise.id, rated.filter((o) => o.consensus === 'P').length / rated.length);
      }
      const published = plans
        .list()
        .filter((p) => p.status === 'published')
        .map((p) => ({ planId: p.id, version: p.version }));
      return {
        people: users.map((user) => ({
          person: { userId: user.id, name: user.name },
          role: user.role,
          lastByPlan: lastByPlan(
            exercises.filter((e) => e.run && e.spec.participants.some((p) => p.userId === user.id)),
          ),
          quizzes: quizzes
            .filter((q) => q.person.userId === user.id)
            .map(({ at, correct, total, plans: asked }) => ({ at, correct, total, plans: asked })),
          drills: exercises.flatMap((exercise) =>
            exercise.spec.participants
              .filter((p) => p.userId === user.id)
              .map((p) => ({
                exerciseId: exercise.id,
                title: exercise.spec.title,
                planId: exercise.spec.planId,
                role: p.role,
                scheduledAt: exercise.spec.scheduledAt,
                ...(exercise.run ? { runId: exercise.run.runId } : {}),
                status: exercise.status,
                ...(shareMet.has(exercise.id) ? { shareMet: shareMet.get(exercise.id)! } : {}),
              })),
          ),
        })),
        gaps: studyGaps(
          users.map((u) => ({ userId: u.id, name: u.name })),
          published,
          quizzes,
        ),
      };
    },
  };
}

/** The newest drill that ran per plan, newest first. */
function lastByPlan(ran: readonly ExerciseState[]): { planId: string; exerciseId: string; at: string }[] {
  const last = new Map<string, { planId: string; exerciseId: string; at: string }>();
  for (const exercise of ran) {
    const at = exercise.run!.startedAt;
    const before = last.get(exercise.spec.planId);
    if (!before || before.at < at)
      last.set(exercise.spec.planId, { planId: exercise.spec.planId, exerciseId: exercise.id, at });
  }
  return [...last.values()].sort((a, b) => b.at.localeCompare(a.at));
}
