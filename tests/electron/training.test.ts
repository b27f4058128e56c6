// Self-study through the backend: a quiz comes without its answers; graded, it shows the plan's own words and goes
// into the person's record; a plan revised since someone's last quiz on it shows up as not studied; a question on
// a plan revised between drawing and answering is not counted; the records are a trainer's.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import type { TrainingRecords } from '../../shared/drills/trainingView';
import type { Plan } from '../../shared/plan/schema';
import { FILLED_DIRECTORY } from '../support/directory';
import { call, PINS, usersOfEachRole } from '../support/people';
import { TEST_PIN_HASH_COST } from '../support/pinHashCost';
import { tempDir } from '../support/runJournal';

const PLANS_DIR = fileURLToPath(new URL('../../plans/', import.meta.url));
const opened: Backend[] = [];
afterEach(async () => {
  for (const b of opened.splice(0)) await b.close();
});

interface Question {
  id: string;
  planId: string;
  choices: { id: string }[];
  answer?: string;
  explanation?: unknown;
}

describe('self-study quizzes', () => {
  it('are graded by the backend, kept in each person’s record, and say who has not studied a revised plan', async () => {
    const backend = await createBackend({
      dataDir: tempDir('guardbook-training-'),
      plansDir: PLANS_DIR,
      host: 'web',
      version: 'test',
      log: () => {},
      pinHashCost: TEST_PIN_HASH_COST,
    });
    opened.push(backend);
    const admin = { sessionId: 'admin' };
    const users = await usersOfEachRole(backend, admin);
    const guard = { sessionId: 'guard' };
    const trainer = { sessionId: 'trainer' };
    const manager = { sessionId: 'manager' };
    for (const [role, window] of [
      ['guard', guard],
      ['trainer', trainer],
      ['manager', manager],
    ] as const) {
      await call(backend, 'session.unlock', { userId: users[role].id, pin: PINS[role] }, window);
    }

    const quiz = await call<{ questions: Question[] }>(
      backend,
      'training.quiz',
      { count: 5, planIds: ['fire'] },
      guard,
    );
    expect(quiz.questions).toHaveLength(5);
    for (const q of quiz.questions) {
      expect(q.planId).toBe('fire');
      expect(q.answer).toBeUndefined();
      expect(q.explanation).toBeUndefined();
    }
    // The first answered with its first choice, the others left unanswered: graded as the plan says.
    const first = quiz.questions[0]!;
    const graded = await call<{
      correct: number;
      total: number;
      perQuestion: { id: string; right: boolean; answer: string; explanation: { 'zh-CN': string } }[];
    }>(
      backend,
      'training.submit',
      { questionIds: quiz.questions.map((q) => q.id), answers: { [first.id]: first.choices[0]!.id } },
      guard,
    );
    expect(graded.total).toBe(5);
    expect(graded.perQuestion.map((g) => g.id)).toEqual(quiz.questions.map((q) => q.id));
    expect(graded.perQuestion[0]!.right).toBe(first.choices[0]!.id === graded.perQuestion[0]!.answer);
    expect(graded.correct).toBe(graded.perQuestion[0]!.right ? 1 : 0);
    expect(graded.perQuestion.every((g) => g.explanation['zh-CN'].length > 0)).toBe(true);

    let records = await call<TrainingRecords>(backend, 'training.records', {}, trainer);
    const mine = records.people.find((p) => p.person.userId === users.guard.id)!;
    expect(mine.quizzes).toEqual([
      expect.objectContaining({ correct: graded.correct, total: 5, plans: [{ planId: 'fire', version: 1 }] }),
    ]);
    const gap = (userId: string, planId: string) =>
      records.gaps.find((g) => g.person.userId === userId && g.planId === planId);
    expect(gap(users.guard.id, 'fire')).toBeUndefined(); // studied at its current version
    expect(gap(users.guard.id, 'armed-robbery')).toMatchObject({ version: 1 }); // never studied
    expect(gap(users.trainer.id, 'fire')).toBeDefined();

    // The fire plan revised and published as version 2: the guard has not studied it since.
    await call(backend, 'settings.update', { contacts: FILLED_DIRECTORY }, admin);
    const draft = await call<{ draft: { plan: Plan; revision: number } }>(
      backend,
      'plans.revise',
      { planId: 'fire' },
      manager,
    );
    const plan = { ...draft.draft.plan, summary: { ...draft.draft.plan.summary, en: 'Revised' } };
    await call(backend, 'plans.saveDraft', { planId: 'fire', revision: draft.draft.revision, plan }, manager);
    const submitted = await call<{ draft: { submitted: { contentHash: string } } }>(
      backend,
      'plans.submit',
      { planId: 'fire', note: '修订' },
      manager,
    );
    await call(
      backend,
      'plans.approve',
      { planId: 'fire', contentHash: submitted.draft.submitted.contentHash, pin: PINS.admin },
      admin,
    );
    records = await call<TrainingRecords>(backend, 'training.records', {}, trainer);
    expect(gap(users.guard.id, 'fire')).toMatchObject({ version: 2, lastStudied: { version: 1 } });

    // The old quiz's questions name version 1: answered now, none of them counts.
    const stale = await call<{ total: number }>(
      backend,
      'training.submit',
      { questionIds: quiz.questions.map((q) => q.id), answers: {} },
      guard,
    );
    expect(stale.total).toBe(0);
    records = await call<TrainingRecords>(backend, 'training.records', {}, trainer);
    expect(records.people.find((p) => p.person.userId === users.guard.id)!.quizzes).toHaveLength(1);

    const refused = await backend.call('training.records', {}, guard);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
    const locked = await backend.call('training.quiz', { count: 3 }, { sessionId: 'nobody' });
    expect(locked.ok ? 'ok' : locked.error.code).toBe('locked');
  });
});
