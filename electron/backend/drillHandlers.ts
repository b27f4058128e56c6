// The drills channels: exercises planned, started or declared, paused, and injects fired — each on the audit trail
// under the trainer who did it (access: shared/api/access.ts, trainers and above).
import type { Caller, Handlers } from '../../shared/api/dispatch';
import { ApiError } from '../../shared/api/errors';
import { API_MESSAGES } from '../../shared/messages/api';
import type { ReportPrinter } from './reportPage';
import type { CoverageView } from '../../shared/drills/coverageView';
import type { ExerciseAction } from '../../shared/audit/events';
import type { ExerciseView } from '../../shared/drills/exerciseView';
import type { PersonRef } from '../../shared/library/libraryLog';
import type { User } from '../../shared/people/roles';
import type { EvaluationStore } from '../drills/evaluationStore';
import type { ExerciseStore } from '../drills/exerciseStore';
import type { RunEngine } from '../runs/runEngine';
import type { PeopleService } from '../people/peopleService';
import type { Sessions } from '../people/sessions';

type DrillChannel = Extract<keyof Handlers, `drills.${string}`>;

export function drillHandlers(
  drills: ExerciseStore,
  evaluations: EvaluationStore,
  people: PeopleService,
  sessions: Sessions,
  reportPdf: ReportPrinter | undefined,
  coverage: () => Promise<CoverageView>,
  runs: RunEngine,
): Pick<Handlers, DrillChannel> {
  const trainer = (caller: Caller): { user: User; by: PersonRef } => {
    const user = sessions.requireUser(caller);
    return { user, by: { userId: user.id, name: user.name } };
  };
  const audited = <T extends ExerciseView>(
    user: User,
    action: ExerciseAction,
    exercise: T,
    extra: { runId?: string; injectId?: string; reason?: string } = {},
  ): T => {
    people.audit('exercise.changed', user.id, {
      exerciseId: exercise.id,
      title: exercise.spec.title,
      planId: exercise.spec.planId,
      action,
      ...extra,
    });
    return exercise;
  };
  return {
    'drills.list': async () => drills.list(),
    'drills.get': async ({ exerciseId }) => drills.get(exerciseId),
    'drills.plan': async ({ spec }, caller) => {
      const { user, by } = trainer(caller);
      return audited(user, 'planned', await drills.plan(spec, by));
    },
    'drills.update': async ({ exerciseId, spec }, caller) => {
      const { user, by } = trainer(caller);
      return audited(user, 'updated', await drills.update(exerciseId, spec, by));
    },
    'drills.cancel': async ({ exerciseId, reason }, caller) => {
      const { user, by } = trainer(caller);
      return audited(user, 'cancelled', await drills.cancel(exerciseId, reason, by), reason ? { reason } : {});
    },
    'drills.start': async ({ exerciseId }, caller) => {
      const { user, by } = trainer(caller);
      const started = await drills.start(exerciseId, by);
      audited(user, 'started', started.exercise, { runId: started.run.runId });
      return started;
    },
    'drills.declare': async ({ exerciseId, runId }, caller) => {
      const { user, by } = trainer(caller);
      const declared = await drills.declare(exerciseId, runId, by);
      audited(user, 'declared', declared.exercise, { runId });
      return declared;
    },
    'drills.pause': async ({ exerciseId }, caller) => {
      const { user, by } = trainer(caller);
      return audited(user, 'paused', await drills.pause(exerciseId, by));
    },
    'drills.resume': async ({ exerciseId }, caller) => {
      const { user, by } = trainer(caller);
      return audited(user, 'resumed', await drills.resume(exerciseId, by));
    },
    'drills.fire': async ({ exerciseId, injectId }, caller) => {
      const { user, by } = trainer(caller);
      const run = await drills.fire(exerciseId, injectId, by);
      audited(user, 'injectFired', await drills.get(exerciseId), { runId: run.runId, injectId });
      return run;
    },
    'drills.reportPdf': async ({ exerciseId }, caller) => {
      if (!reportPdf) throw new ApiError({ code: 'forbidden', message: API_MESSAGES.pdfInBrowser() });
      await drills.get(exerciseId); // an unknown exercise is not-found, not a blank PDF
      // The report reads exercises and evaluations, a trainer's: the printing window reads them as the caller does.
      const { user } = trainer(caller);
      const pdf = await reportPdf({ kind: 'drill', exerciseId }, (sessionId) => {
        sessions.unlockAs({ sessionId }, user);
        return () => void sessions.lock({ sessionId });
      });
      return {
        fileName: `guardbook-drill-${exerciseId}.pdf`,
        mime: 'application/pdf' as const,
        base64: pdf.toString('base64'),
      };
    },
    'drills.coverage': async () => coverage(),
    'drills.trends': async () => {
      const ran = drills.states().filter((e) => e.run);
      const points = await Promise.all(
        ran.map(async (exercise) => {
          const run = await runs.read(exercise.run!.runId).catch(() => undefined);
          const evaluation = await evaluations.get(exercise.id).catch(() => undefined);
          const rated = (evaluation?.objectives ?? []).filter((o) => o.consensus !== 'U');
          const first = run?.visits[0];
          return {
            exerciseId: exercise.id,
            title: exercise.spec.title,
            planId: exercise.spec.planId,
            at: exercise.run!.startedAt,
            ...(rated.length > 0 ? { shareMet: rated.filter((o) => o.consensus === 'P').length / rated.length } : {}),
            ...(first && first.end !== 'ongoing'
              ? {
                  firstStep: {
                    seconds: first.seconds,
                    ...(first.targetSeconds !== undefined ? { targetSeconds: first.targetSeconds } : {}),
                  },
                }
              : {}),
          };
        }),
      );
      return points.sort((a, b) => a.at.localeCompare(b.at));
    },
    'drills.evaluation': async ({ exerciseId }) => (await evaluations.get(exerciseId)) ?? null,
    'drills.rate': async ({ exerciseId, target, rating, observation }, caller) =>
      evaluations.rate(exerciseId, target, rating, observation, trainer(caller).by),
    'drills.note': async ({ exerciseId, ...finding }, caller) =>
      evaluations.note(exerciseId, finding, trainer(caller).by),
    'drills.close': async ({ exerciseId, hotWash }, caller) => {
      const { user, by } = trainer(caller);
      const evaluation = await evaluations.close(exerciseId, hotWash, by);
      audited(user, 'evaluated', await drills.get(exerciseId), { runId: evaluation.runId });
      return evaluation;
    },
  };
}
