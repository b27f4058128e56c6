// Self-study quizzes: every question checked against the plan's structure, walked here independently of the module,
// on the twelve bundled plans; seeded draws; grading; odd and tiny plans.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  drawQuiz,
  formatTarget,
  gradeQuiz,
  QUESTION_KINDS,
  questionsFor,
  seededRandom,
  type QuestionKind,
  type QuizQuestion,
} from '../../shared/drills/quiz';
import {
  PlanSchema,
  type DecisionStep,
  type Localized,
  type Plan,
  type Step,
  type TrackStep,
} from '../../shared/plan/schema';

const PLANS_DIR = new URL('../../plans/', import.meta.url);
const plans: Plan[] = readdirSync(PLANS_DIR)
  .filter((name) => name.endsWith('.json') && name !== 'plan.schema.json')
  .sort()
  .map((name) => PlanSchema.parse(JSON.parse(readFileSync(new URL(name, PLANS_DIR), 'utf8'))));

const HAN = /\p{Script=Han}/u;
/** What the quiz shows for a track end without a title. */
const TRACK_DONE = { 'zh-CN': '该岗位任务完成', en: 'This role’s part is done' };

// The plan walked here, not through the module: steps with whether they sit in a track.
type AnyStep = Step | TrackStep;
function stepsOf(plan: Plan): { step: AnyStep; inTrack: boolean }[] {
  return plan.steps.flatMap((step) => [
    { step, inTrack: false },
    ...(step.kind === 'parallel' ? step.tracks.flatMap((t) => t.steps.map((s) => ({ step: s, inTrack: true }))) : []),
  ]);
}
function stepById(plan: Plan, id: string | undefined): AnyStep {
  const found = stepsOf(plan).find((s) => s.step.id === id);
  if (!found) throw new Error(`no step ${id} in ${plan.id}`);
  return found.step;
}
/** The bundled plans are fully bilingual, so a step's title is simply its own text. */
function titleOf(step: AnyStep): Localized {
  return step.title ?? TRACK_DONE;
}
const choiceText = (q: QuizQuestion, id: string) => q.choices.find((c) => c.id === id)!.text;

/** The questions of each kind a plan can support, counted from its structure. */
function expectedCounts(plan: Plan): Record<QuestionKind, number> {
  const steps = stepsOf(plan).map((s) => s.step);
  const named = new Set(plan.contacts.map((c) => c.id));
  const start = plan.steps.find((s) => s.id === plan.start);
  const otherNonEnd = steps.filter((s) => s.kind !== 'end' && s.id !== plan.start).length;
  return {
    'first-step': start && start.kind !== 'end' && otherNonEnd >= 2 ? 1 : 0,
    'decision-option': steps
      .filter((s): s is DecisionStep => s.kind === 'decision' && new Set(s.options.map((o) => o.next)).size >= 2)
      .reduce((n, s) => n + s.options.length, 0),
    'whom-to-call': steps.filter((s) => {
      if (s.kind !== 'action' && s.kind !== 'decision') return false;
      const listed = s.contacts ?? [];
      return listed.some((id) => named.has(id)) && plan.contacts.filter((c) => !listed.includes(c.id)).length >= 2;
    }).length,
    'target-time': steps.filter((s) => s.kind !== 'end' && (s.targetSeconds ?? 0) > 0).length,
    'next-step': steps.filter((s) => s.kind === 'action').length,
  };
}

/** "1 min 30 s" / "1 分 30 秒" / "2 分钟" back to seconds. */
function parseDuration(textValue: string): number {
  const units: Record<string, number> = { h: 3600, 小时: 3600, min: 60, 分: 60, 分钟: 60, s: 1, 秒: 1 };
  const parts = [...textValue.matchAll(/(\d+) (h|min|s|小时|分钟|分|秒)/g)];
  expect(parts.map((p) => p[0]).join(' ')).toBe(textValue);
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * units[unit!]!, 0);
}

function expectWellFormed(q: QuizQuestion, maxChoices = 4): void {
  expect(q.choices.length).toBeGreaterThanOrEqual(3);
  expect(q.choices.length).toBeLessThanOrEqual(maxChoices);
  expect(q.choices.filter((c) => c.id === q.answer)).toHaveLength(1);
  expect(new Set(q.choices.map((c) => c.id)).size).toBe(q.choices.length);
  for (const lang of ['zh-CN', 'en'] as const) {
    const texts = q.choices.map((c) => c.text[lang].trim().toLowerCase());
    expect(new Set(texts).size, `${q.id} ${lang}: ${texts.join(' | ')}`).toBe(texts.length);
    for (const t of [...texts, q.prompt[lang], q.explanation[lang]]) expect(t.trim()).not.toBe('');
  }
}

/** The answer agrees with the plan, found from the plan itself. */
function expectFaithful(plan: Plan, q: QuizQuestion): void {
  const answer = choiceText(q, q.answer);
  const subject = stepById(plan, q.stepId);
  const optionId = q.kind === 'decision-option' ? q.id.split(':').at(-1) : undefined;
  expect(q.id).toBe(`${plan.id}@${plan.version}:${q.kind}:${q.stepId}${optionId ? `:${optionId}` : ''}`);
  expect([q.planId, q.planVersion]).toEqual([plan.id, plan.version]);
  const expectAnswerStep = (id: string) => {
    expect(q.answer).toBe(id);
    expect(answer).toEqual(titleOf(stepById(plan, id)));
    // A wrong answer teaches: the explanation names the right step in both languages.
    expect(q.explanation['zh-CN']).toContain(answer['zh-CN']);
    expect(q.explanation.en).toContain(answer.en);
  };
  switch (q.kind) {
    case 'first-step':
      expect(q.stepId).toBe(plan.start);
      expectAnswerStep(plan.start);
      expect(q.prompt.en).toContain(plan.title.en);
      break;
    case 'decision-option': {
      const option = (subject as DecisionStep).options.find((o) => o.id === optionId)!;
      expectAnswerStep(option.next);
      expect(q.prompt['zh-CN']).toContain(option.label['zh-CN']);
      expect(q.prompt.en).toContain(option.label.en);
      expect(q.explanation.en).toContain(option.label.en);
      break;
    }
    case 'whom-to-call': {
      const listed = (subject as Extract<AnyStep, { kind: 'action' | 'decision' }>).contacts ?? [];
      expect(listed).toContain(q.answer);
      expect(answer).toEqual(plan.contacts.find((c) => c.id === q.answer)!.name);
      for (const c of q.choices.filter((c) => c.id !== q.answer)) {
        expect(listed).not.toContain(c.id);
        expect(c.text).toEqual(plan.contacts.find((p) => p.id === c.id)!.name);
      }
      break;
    }
    case 'target-time': {
      const target = (subject as { targetSeconds?: number }).targetSeconds;
      expect(parseDuration(answer.en)).toBe(target);
      expect(parseDuration(answer['zh-CN'])).toBe(target);
      for (const c of q.choices.filter((c) => c.id !== q.answer)) {
        const seconds = parseDuration(c.text.en);
        expect(parseDuration(c.text['zh-CN'])).toBe(seconds);
        expect(Math.max(seconds, target!) / Math.min(seconds, target!)).toBeGreaterThanOrEqual(1.5);
      }
      expect(q.explanation.en).toContain(answer.en);
      break;
    }
    case 'next-step':
      expect(subject.kind).toBe('action');
      expectAnswerStep((subject as { next: string }).next);
      expect(q.choices.map((c) => c.id)).not.toContain(q.stepId);
      break;
  }
}

describe('questions from the bundled plans', () => {
  it('reads the twelve bundled plans', () => expect(plans).toHaveLength(12));

  describe.each(plans.map((plan) => [plan.id, plan] as const))('%s', (_, plan) => {
    const questions = questionsFor(plan);

    it('asks every question its structure supports, and each kind it can', () => {
      const counts = Object.fromEntries(QUESTION_KINDS.map((k) => [k, questions.filter((q) => q.kind === k).length]));
      expect(counts).toEqual(expectedCounts(plan));
      expect(counts['first-step']).toBe(1);
      expect(counts['next-step']).toBeGreaterThan(0);
      expect(counts['decision-option']).toBeGreaterThan(0);
    });

    it('has exactly one right choice per question, the one the plan says', () => {
      for (const q of questions) {
        expectWellFormed(q);
        expectFaithful(plan, q);
      }
    });

    it('keeps the languages apart: English text has no Chinese in it, Chinese prompts are Chinese', () => {
      for (const q of questions) {
        for (const t of [q.prompt.en, q.explanation.en, ...q.choices.map((c) => c.text.en)]) expect(t).not.toMatch(HAN);
        expect(q.prompt['zh-CN']).toMatch(HAN);
      }
    });

    it('gives stable, unique ids and the same questions at every call', () => {
      expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
      expect(questionsFor(plan)).toEqual(questions);
    });

    it('asks only the kinds asked for', () => {
      expect(questionsFor(plan, { kinds: ['target-time'] })).toEqual(questions.filter((q) => q.kind === 'target-time'));
    });
  });

  it('gives ids unique across the library', () => {
    const ids = plans.flatMap((p) => questionsFor(p).map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never makes end steps the subject of a question, though they are answers', () => {
    const all = plans.flatMap((plan) => questionsFor(plan).map((q) => ({ plan, q })));
    for (const { plan, q } of all) expect(stepById(plan, q.stepId).kind).not.toBe('end');
    expect(all.some(({ plan, q }) => stepById(plan, q.answer).kind === 'end')).toBe(true);
  });

  it('asks about track steps too', () => {
    const robbery = plans.find((p) => p.id === 'armed-robbery')!;
    const ids = questionsFor(robbery).map((q) => q.id);
    expect(ids).toContain('armed-robbery@1:next-step:lock-cash');
    expect(ids).toContain('armed-robbery@1:decision-option:hostage-check:hostage');
  });

  it('honours a smaller number of choices, never below three', () => {
    const plan = plans[0]!;
    for (const q of questionsFor(plan, { maxChoices: 3 })) expectWellFormed(q, 3);
    for (const q of questionsFor(plan, { maxChoices: 1 })) expectWellFormed(q, 3);
  });
});

describe('formatTarget', () => {
  it('writes target times the way the plans are read', () => {
    expect(formatTarget(30)).toEqual({ 'zh-CN': '30 秒', en: '30 s' });
    expect(formatTarget(120)).toEqual({ 'zh-CN': '2 分钟', en: '2 min' });
    expect(formatTarget(90)).toEqual({ 'zh-CN': '1 分 30 秒', en: '1 min 30 s' });
    expect(formatTarget(3600)).toEqual({ 'zh-CN': '1 小时', en: '1 h' });
    expect(formatTarget(5400)).toEqual({ 'zh-CN': '1 小时 30 分钟', en: '1 h 30 min' });
  });

  it('round-trips every whole number of seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), (seconds) => {
        const t = formatTarget(seconds);
        expect(parseDuration(t.en)).toBe(seconds);
        expect(parseDuration(t['zh-CN'])).toBe(seconds);
      }),
    );
  });
});

describe('drawQuiz', () => {
  const pool = plans.flatMap((p) => questionsFor(p));
  const byId = new Map(pool.map((q) => [q.id, q]));

  it('draws the same quiz for the same seed, another for another seed', () => {
    expect(drawQuiz(plans, 20, 7)).toEqual(drawQuiz(plans, 20, 7));
    const orders = [1, 2, 3].map((seed) =>
      drawQuiz(plans, 20, seed)
        .map((q) => q.id)
        .join(),
    );
    expect(new Set(orders).size).toBe(3);
  });

  it('shuffles the choices but keeps the question and its answer', () => {
    const drawn = drawQuiz(plans, pool.length, 11);
    let reordered = 0;
    for (const q of drawn) {
      const original = byId.get(q.id)!;
      expect({ ...q, choices: [...q.choices].sort((a, b) => a.id.localeCompare(b.id)) }).toEqual({
        ...original,
        choices: [...original.choices].sort((a, b) => a.id.localeCompare(b.id)),
      });
      if (q.choices.map((c) => c.id).join() !== original.choices.map((c) => c.id).join()) reordered++;
    }
    expect(reordered).toBeGreaterThan(drawn.length / 2);
  });

  it('respects count and filters, never repeats, and gives all when fewer are available', () => {
    const planIds = plans.map((p) => p.id);
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -2, max: pool.length + 20 }),
        fc.option(fc.subarray([...QUESTION_KINDS]), { nil: undefined }),
        fc.option(fc.subarray(planIds), { nil: undefined }),
        (seed, count, kinds, ids) => {
          const options = { ...(kinds ? { kinds } : {}), ...(ids ? { planIds: ids } : {}) };
          const drawn = drawQuiz(plans, count, seed, options);
          const available = pool.filter(
            (q) => (!kinds || kinds.includes(q.kind)) && (!ids || ids.includes(q.planId)),
          ).length;
          expect(drawn).toHaveLength(Math.max(0, Math.min(count, available)));
          expect(new Set(drawn.map((q) => q.id)).size).toBe(drawn.length);
          for (const q of drawn) {
            if (kinds) expect(kinds).toContain(q.kind);
            if (ids) expect(ids).toContain(q.planId);
            expect(byId.get(q.id)?.answer).toBe(q.answer);
          }
          expect(drawQuiz(plans, count, seed, options)).toEqual(drawn);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('draws every question once when asked for more than there are', () => {
    const drawn = drawQuiz(plans, pool.length + 5, 3);
    expect(drawn.map((q) => q.id).sort()).toEqual(pool.map((q) => q.id).sort());
  });

  it('uses a seeded generator that repeats itself and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    for (const v of values) expect(v >= 0 && v < 1).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
  });
});

describe('gradeQuiz', () => {
  it('counts right answers; unanswered and unknown choices are wrong, other ids are ignored', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.nat()),
        fc.constantFrom({}, { constructor: 'x', 'no-such@1:first-step:x': 'a' }),
        (seed, count, picks, extra) => {
          const questions = drawQuiz(plans, count, seed);
          // Per question: unanswered, the answer, any choice, or an id that is no choice.
          const answers: Record<string, string> = { ...extra };
          questions.forEach((q, i) => {
            const n = picks[i] ?? 0;
            if (n % 4 === 1) answers[q.id] = q.answer;
            if (n % 4 === 2) answers[q.id] = q.choices[n % q.choices.length]!.id;
            if (n % 4 === 3) answers[q.id] = 'not-a-choice';
          });
          const grade = gradeQuiz(questions, answers);
          const expected = questions.filter((q) => answers[q.id] === q.answer);
          expect(grade.total).toBe(questions.length);
          expect(grade.correct).toBe(expected.length);
          expect(grade.perQuestion.map((g) => g.id)).toEqual(questions.map((q) => q.id));
          grade.perQuestion.forEach((g, i) => {
            const q = questions[i]!;
            expect(g.right).toBe(answers[q.id] === q.answer);
            expect(g.chosen).toBe(answers[q.id]);
            expect(g.answer).toBe(q.answer);
            expect(g.explanation).toEqual(q.explanation);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('grades a repeated question each time and an empty quiz as nothing', () => {
    const [q] = drawQuiz(plans, 1, 5);
    expect(gradeQuiz([q!, q!], { [q!.id]: q!.answer })).toMatchObject({ correct: 2, total: 2 });
    expect(gradeQuiz([], { [q!.id]: q!.answer })).toEqual({ correct: 0, total: 0, perQuestion: [] });
  });
});

// Plans small and odd: one action and one end, and random shapes with repeated ids, missing texts, unknown targets.
const base = {
  schemaVersion: 1 as const,
  id: 'tiny',
  version: 1,
  category: 'other' as const,
  severity: 'low' as const,
  title: { 'zh-CN': '小预案', en: 'Tiny plan' },
  summary: { 'zh-CN': '只有一步', en: 'One step' },
  roles: [],
  drill: { everyDays: 30 },
};

describe('plans with little content', () => {
  const tinyPlan = (targetSeconds?: number, contacts: string[] = [], listed: string[] = []): Plan => ({
    ...base,
    contacts: contacts.map((id) => ({ id, name: { 'zh-CN': `联系${id}`, en: `Contact ${id}` } })),
    start: 'act',
    steps: [
      { id: 'act', kind: 'action', title: { 'zh-CN': '做', en: 'Do' }, next: 'done', targetSeconds, contacts: listed },
      { id: 'done', kind: 'end', title: { 'zh-CN': '完', en: 'Done' }, outcome: 'resolved' },
    ],
  });

  it('asks nothing of one action and one end', () => {
    expect(questionsFor(tinyPlan())).toEqual([]);
    expect(drawQuiz([tinyPlan()], 10, 1)).toEqual([]);
  });

  it('asks only what has enough wrong answers, with at least three choices', () => {
    const questions = questionsFor(tinyPlan(60, ['a', 'b', 'c'], ['a']));
    expect(questions.map((q) => q.kind)).toEqual(['whom-to-call', 'target-time']);
    for (const q of questions) expectWellFormed(q);
    // Two contacts besides the step's own would be needed for a whom-to-call question.
    expect(questionsFor(tinyPlan(undefined, ['a', 'b'], ['a']))).toEqual([]);
  });

  it('never throws and never asks a malformed question, whatever the plan looks like', () => {
    let asked = 0;
    fc.assert(
      fc.property(oddPlan, fc.integer({ min: 0, max: 6 }), (plan, maxChoices) => {
        const questions = questionsFor(plan, { maxChoices });
        asked += questions.length;
        for (const q of questions) expectWellFormed(q, Math.max(3, maxChoices));
        expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
        drawQuiz([plan, plan], 5, 1);
      }),
      { numRuns: 300 },
    );
    // The shapes are odd, not empty: many of them do support questions.
    expect(asked).toBeGreaterThan(100);
  });
});

const ID = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'zz');
const LOCALIZED: fc.Arbitrary<Localized> = fc.record(
  { 'zh-CN': fc.constantFrom('甲', '乙', '丙', '', ' ', '甲 '), en: fc.constantFrom('A', 'B', 'a', 'C', '', ' D') },
  { requiredKeys: [] },
);
const SECONDS = fc.option(fc.constantFrom(-5, 0, 1, 10, 14, 15, 60, 61, 3599, 3600, 86_400), { nil: undefined });
const CONTACTS = fc.option(fc.subarray(['police', 'fire', 'unnamed', 'ambulance']), { nil: undefined });
const action = fc.record({
  id: ID,
  kind: fc.constant('action' as const),
  title: LOCALIZED,
  detail: fc.option(LOCALIZED, { nil: undefined }),
  next: ID,
  targetSeconds: SECONDS,
  contacts: CONTACTS,
  checklist: fc.option(fc.array(fc.record({ id: ID, text: LOCALIZED }), { maxLength: 2 }), { nil: undefined }),
});
const decision = fc.record({
  id: ID,
  kind: fc.constant('decision' as const),
  title: LOCALIZED,
  targetSeconds: SECONDS,
  contacts: CONTACTS,
  options: fc.array(fc.record({ id: ID, label: LOCALIZED, next: ID }), { maxLength: 3 }),
});
const trackEnd = fc.record(
  { id: ID, kind: fc.constant('end' as const), title: LOCALIZED },
  { requiredKeys: ['id', 'kind'] },
);
const end = fc.record({
  id: ID,
  kind: fc.constant('end' as const),
  title: LOCALIZED,
  outcome: fc.constant('resolved' as const),
});
const parallel = fc.record({
  id: ID,
  kind: fc.constant('parallel' as const),
  title: LOCALIZED,
  next: ID,
  targetSeconds: SECONDS,
  tracks: fc.array(
    fc.record({
      role: fc.constant('guard'),
      start: ID,
      steps: fc.array(fc.oneof(action, decision, trackEnd), { maxLength: 4 }),
    }),
    { maxLength: 2 },
  ),
});
const oddPlan: fc.Arbitrary<Plan> = fc.record({
  schemaVersion: fc.constant(1 as const),
  id: fc.constant('odd'),
  version: fc.constant(1),
  category: fc.constant('other' as const),
  severity: fc.constant('low' as const),
  title: LOCALIZED,
  summary: LOCALIZED,
  roles: fc.constant([]),
  contacts: fc.array(fc.record({ id: fc.constantFrom('police', 'fire', 'ambulance', 'bank', 'it'), name: LOCALIZED }), {
    maxLength: 6,
  }),
  drill: fc.constant({ everyDays: 30 }),
  start: ID,
  steps: fc.array(fc.oneof(action, decision, end, parallel), { maxLength: 8 }),
});
