// The self-study and training channels: a quiz for whoever is unlocked, graded into their record; the records of
// everyone for trainers, with the plans each person has not studied since it was revised.
import type { Caller, Handlers } from '../../shared/api/dispatch';
import { studyGaps } from '../../shared/drills/trainingLog';
import type { TrainingRecords } from '../../shared/drills/trainingView';
import type { ExerciseStore } from '../drills/exerciseStore';
import type { PeopleService } from '../people/peopleService';
import type { Sessions } from '../people/sessions';
import type { BranchLibrary } from '../plans/branchLibrary';
import type { TrainingStore } from '../training/trainingStore';

type TrainingChannel = Extract<keyof Handlers, `training.${string}`>;

export function trainingHandlers(
  training: TrainingStore,
  drills: ExerciseStore,
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
      const exercises = await drills.list();
      const published = plans
        .list()
        .filter((p) => p.status === 'published')
        .map((p) => ({ planId: p.id, version: p.version }));
      return {
        people: users.map((user) => ({
          person: { userId: user.id, name: user.name },
          role: user.role,
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
