// Drill coverage through the backend: each published plan starts "never drilled"; a drill run (and a live run
// declared a drill) makes it drilled today, due again after its policy's days; a planned exercise shows on the
// calendar and as the plan's next; guards cannot see it.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { addDays, localDateOf } from '../../shared/drills/coverage';
import type { CoverageView } from '../../shared/drills/coverageView';
import type { TrainingRecords } from '../../shared/drills/trainingView';
import type { RunView } from '../../shared/run/runViewSchema';
import { call, PINS, usersOfEachRole } from '../support/people';
import { TEST_PIN_HASH_COST } from '../support/pinHashCost';
import { tempDir } from '../support/runJournal';

const PLANS_DIR = fileURLToPath(new URL('../../plans/', import.meta.url));
const opened: Backend[] = [];
afterEach(async () => {
  for (const b of opened.splice(0)) await b.close();
});

describe('drill coverage', () => {
  it('follows the drills the records hold, by each plan’s policy, in the branch’s time zone', async () => {
    const backend = await createBackend({
      dataDir: tempDir('guardbook-coverage-'),
      plansDir: PLANS_DIR,
      host: 'web',
      version: 'test',
      log: () => {},
      pinHashCost: TEST_PIN_HASH_COST,
    });
    opened.push(backend);
    const admin = { sessionId: 'admin' };
    const users = await usersOfEachRole(backend, admin);
    await call(backend, 'settings.update', { timeZone: 'Asia/Shanghai' }, admin);
    const trainer = { sessionId: 'trainer' };
    const guard = { sessionId: 'guard' };
    await call(backend, 'session.unlock', { userId: users.trainer.id, pin: PINS.trainer }, trainer);
    await call(backend, 'session.unlock', { userId: users.guard.id, pin: PINS.guard }, guard);
    const coverage = () => call<CoverageView>(backend, 'drills.coverage', {}, trainer);

    const before = await coverage();
    const today = localDateOf(new Date(), 'Asia/Shanghai');
    expect(before.today).toBe(today);
    const published = await call<{ id: string; status: string }[]>(backend, 'plans.list', {});
    expect(before.plans.map((p) => p.planId)).toEqual(
      published.filter((p) => p.status === 'published').map((p) => p.id),
    );
    expect(before.plans.every((p) => p.status === 'never' && p.dueDate === undefined)).toBe(true);

    // A drill of the fire plan, ended: drilled today, due again after its policy's days.
    const fire = await call<RunView>(backend, 'runs.start', { planId: 'fire', mode: 'drill' });
    await call(backend, 'runs.command', { runId: fire.runId, command: { type: 'abort', reason: '演练结束' } });
    // A live robbery run declared an unannounced drill counts too.
    const exercise = await call<{ id: string }>(
      backend,
      'drills.plan',
      {
        spec: {
          title: '暗访',
          planId: 'armed-robbery',
          planVersion: 1,
          scheduledAt: new Date().toISOString(),
          announced: false,
        },
      },
      trainer,
    );
    const live = await call<RunView>(backend, 'runs.start', { planId: 'armed-robbery', mode: 'incident' });
    await call(backend, 'drills.declare', { exerciseId: exercise.id, runId: live.runId }, trainer);
    // A planned drill of the earthquake plan next month.
    const next = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const planned = await call<{ id: string }>(
      backend,
      'drills.plan',
      { spec: { title: '地震演练', planId: 'earthquake', planVersion: 1, scheduledAt: next, announced: true } },
      trainer,
    );

    const after = await coverage();
    const plan = (id: string) => after.plans.find((p) => p.planId === id)!;
    expect(plan('fire')).toMatchObject({
      status: 'ok',
      lastDrill: { runId: fire.runId, localDate: today, declared: false },
      dueDate: addDays(today, plan('fire').everyDays),
      daysLeft: plan('fire').everyDays,
    });
    expect(plan('armed-robbery')).toMatchObject({ status: 'ok', lastDrill: { runId: live.runId, declared: true } });
    expect(plan('earthquake')).toMatchObject({
      status: 'never',
      nextPlanned: { id: planned.id, localDate: localDateOf(next, 'Asia/Shanghai') },
    });
    expect(after.calendar.map((e) => e.id)).toEqual([planned.id]);
    const refused = await backend.call('drills.coverage', {}, guard);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');

    // Trends: an announced fire drill whose first step was done and whose objectives were rated 达标 and 未达标.
    const announced = await call<{ id: string }>(
      backend,
      'drills.plan',
      {
        spec: {
          title: '消防演练',
          planId: 'fire',
          planVersion: 1,
          scheduledAt: new Date().toISOString(),
          announced: true,
          participants: [{ userId: users.guard.id, name: users.guard.name, role: 'guard' }],
          objectives: [
            { id: 'alarm', text: '报警', stepId: 'raise-alarm' },
            { id: 'exit', text: '疏散' },
            { id: 'unseen', text: '未观察的' },
          ],
        },
      },
      trainer,
    );
    const { run } = await call<{ run: RunView }>(backend, 'drills.start', { exerciseId: announced.id }, trainer);
    await call(backend, 'runs.command', { runId: run.runId, command: { type: 'complete', step: 'raise-alarm' } });
    const rate = (objectiveId: string, rating: string) =>
      call(backend, 'drills.rate', { exerciseId: announced.id, target: { objectiveId }, rating }, trainer);
    await rate('alarm', 'P');
    await rate('exit', 'M');
    await rate('unseen', 'U');
    const trends = await call<{ exerciseId: string; shareMet?: number; firstStep?: { targetSeconds?: number } }[]>(
      backend,
      'drills.trends',
      {},
      trainer,
    );
    expect(trends.map((t) => t.exerciseId)).toEqual([exercise.id, announced.id]);
    expect(trends[0]).not.toHaveProperty('shareMet');
    expect(trends[1]).toMatchObject({ shareMet: 0.5, firstStep: { targetSeconds: 30 } });
    // The guard's training record: the drill they took part in, its share met, and their last drill per plan.
    const records = await call<TrainingRecords>(backend, 'training.records', {}, trainer);
    const mine = records.people.find((p) => p.person.userId === users.guard.id)!;
    expect(mine.drills).toEqual([expect.objectContaining({ exerciseId: announced.id, role: 'guard', shareMet: 0.5 })]);
    expect(mine.lastByPlan).toEqual([{ planId: 'fire', exerciseId: announced.id, at: run.startedAt }]);
    expect(records.people.find((p) => p.person.userId === users.trainer.id)!.lastByPlan).toEqual([]);
  });
});
