// Self-study quizzes drawn from published plans: the questions a plan supports (its first step, where a decision
// leads, whom to call, target times, what comes next), a seeded draw and the grading. Choices and explanations quote
// the plan's own texts in both languages, so a wrong answer teaches the plan rather than the quiz.
import { pick } from '../plan/labels';
import type { Language, Localized, Plan } from '../plan/schema';
import { indexSteps, type IndexedStep } from '../plan/stepIndex';
import { text, type Text } from '../text';

export const QUESTION_KINDS = ['first-step', 'decision-option', 'whom-to-call', 'target-time', 'next-step'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Both languages filled: a text the plan gives in one language only is shown in that one in both. */
export type LocalizedText = Text;

export interface QuizChoice {
  id: string;
  text: LocalizedText;
}

export interface QuizQuestion {
  /** Stable across calls and draws: `planId@version:kind:stepId[:optionId]`. */
  id: string;
  planId: string;
  planVersion: number;
  kind: QuestionKind;
  stepId?: string;
  prompt: LocalizedText;
  choices: QuizChoice[];
  /** The id of the one right choice. */
  answer: string;
  /** The plan's own words for the right answer. */
  explanation: LocalizedText;
}

export interface QuizOptions {
  kinds?: readonly QuestionKind[];
  /** Choices per question, the answer included: at most this many (default 4), never fewer than 3. */
  maxChoices?: number;
}

export interface DrawOptions {
  kinds?: readonly QuestionKind[];
  planIds?: readonly string[];
}

export interface QuestionGrade {
  id: string;
  chosen?: string;
  answer: string;
  right: boolean;
  explanation: LocalizedText;
}

export interface QuizGrade {
  correct: number;
  total: number;
  perQuestion: QuestionGrade[];
}

const DEFAULT_CHOICES = 4;
const MIN_CHOICES = 3;
/** Two target times closer than this factor are too alike to tell apart as answers. */
const TIME_RATIO = 1.5;
/** Targets a plan might plausibly set, for when the plan's own targets are too few or too alike. */
const TIME_LADDER = [5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1200, 1800, 2700, 3600, 7200];
/** A track's end usually has no title: the role has finished its part. */
const TRACK_DONE = text('该岗位任务完成', 'This role’s part is done');

/** A step of the plan with its place in document order (tracks' steps right after their parallel step). */
interface Entry extends IndexedStep {
  position: number;
}

/** A possible choice and where it sits when the choices are listed (document order, plan order, seconds). */
interface Candidate extends QuizChoice {
  order: number;
}

interface Context {
  plan: Plan;
  entries: Entry[];
  byId: Map<string, Entry>;
  maxChoices: number;
}

/** Every question the plan supports, in a fixed order: by kind, then by step in document order. */
export function questionsFor(plan: Plan, options: QuizOptions = {}): QuizQuestion[] {
  const kinds = new Set(options.kinds ?? QUESTION_KINDS);
  const entries = [...indexSteps(plan).values()].map((entry, position) => ({ ...entry, position }));
  const ctx: Context = {
    plan,
    entries,
    byId: new Map(entries.map((e) => [e.step.id, e])),
    maxChoices: choicesWanted(options.maxChoices),
  };
  const questions: QuizQuestion[] = [];
  for (const kind of QUESTION_KINDS) if (kinds.has(kind)) questions.push(...BUILDERS[kind](ctx));
  const seen = new Set<string>();
  return questions.filter((q) => !seen.has(q.id) && seen.add(q.id));
}

function choicesWanted(maxChoices: number | undefined): number {
  const wanted = Math.floor(maxChoices ?? DEFAULT_CHOICES);
  return Number.isNaN(wanted) ? DEFAULT_CHOICES : Math.max(MIN_CHOICES, wanted);
}

const BUILDERS: Record<QuestionKind, (ctx: Context) => QuizQuestion[]> = {
  'first-step': (ctx) => {
    const start = ctx.byId.get(ctx.plan.start);
    if (!start || start.track || start.step.kind === 'end') return [];
    const plan = both(ctx.plan.title);
    return question(ctx, 'first-step', start.step.id, {
      prompt: text(`「${plan['zh-CN']}」的第一步是什么？`, `Which is the first step of “${plan.en}”?`),
      answer: stepChoice(start),
      candidates: nearbySteps(ctx, start, (e) => e.step.kind !== 'end'),
      explanation: () => lines(stepLines(start)),
    });
  },

  'decision-option': (ctx) =>
    ctx.entries.flatMap((entry) => {
      const { step } = entry;
      if (step.kind !== 'decision' || new Set(step.options.map((o) => o.next)).size < 2) return [];
      const title = titleOf(entry);
      if (!title) return [];
      return step.options.flatMap((option) => {
        const target = ctx.byId.get(option.next);
        const label = both(option.label);
        if (!target || isBlank(label)) return [];
        const others = step.options.flatMap((o) => ctx.byId.get(o.next) ?? []).filter((e) => e !== target);
        const rest = nearbySteps(ctx, target, (e) => e !== entry);
        return question(ctx, 'decision-option', `${step.id}:${option.id}`, {
          stepId: step.id,
          prompt: text(
            `在「${title['zh-CN']}」这一步，如果「${label['zh-CN']}」，下一步是什么？`,
            `At “${title.en}”, if “${label.en}”, what comes next?`,
          ),
          answer: stepChoice(target),
          candidates: [...others.map(stepChoice), ...rest],
          explanation: (answer) => lines([title, arrow(label, answer.text), ...detailLines(target)]),
        });
      });
    }),

  'whom-to-call': (ctx) => {
    const named = new Map<string, Candidate>();
    ctx.plan.contacts.forEach((contact, order) => {
      const name = both(contact.name);
      if (!named.has(contact.id) && !isBlank(name)) named.set(contact.id, { id: contact.id, text: name, order });
    });
    return ctx.entries.flatMap((entry) => {
      const { step } = entry;
      if (step.kind !== 'action' && step.kind !== 'decision') return [];
      const listed = new Set(step.contacts ?? []);
      const answer = [...listed].flatMap((id) => named.get(id) ?? [])[0];
      const title = titleOf(entry);
      if (!answer || !title) return [];
      const names = [...listed].flatMap((id) => named.get(id)?.text ?? []);
      return question(ctx, 'whom-to-call', step.id, {
        prompt: text(
          `在「${title['zh-CN']}」这一步，预案要求联系谁？`,
          `At “${title.en}”, whom does the plan say to call?`,
        ),
        answer,
        candidates: [...named.values()].filter((c) => !listed.has(c.id)),
        explanation: () =>
          lines([
            ...stepLines(entry),
            text(`联系：${names.map((n) => n['zh-CN']).join('、')}`, `Call: ${names.map((n) => n.en).join(', ')}`),
          ]),
      });
    });
  },

  'target-time': (ctx) => {
    const targetOf = (e: Entry) => ('targetSeconds' in e.step ? (e.step.targetSeconds ?? 0) : 0);
    const planTimes = new Set(ctx.entries.map(targetOf).filter((s) => Number.isSafeInteger(s) && s > 0));
    return ctx.entries.flatMap((entry) => {
      const seconds = targetOf(entry);
      const title = titleOf(entry);
      if (entry.step.kind === 'end' || !Number.isSafeInteger(seconds) || seconds <= 0 || !title) return [];
      const id = questionId(ctx.plan, 'target-time', entry.step.id);
      return question(ctx, 'target-time', entry.step.id, {
        prompt: text(`「${title['zh-CN']}」应在多长时间内完成？`, `How soon should “${title.en}” be done?`),
        answer: timeChoice(seconds),
        candidates: timeCandidates(seconds, planTimes, ctx.maxChoices - 1, hash(id)).map(timeChoice),
        explanation: (answer) =>
          lines([...stepLines(entry), text(`目标时间：${answer.text['zh-CN']}`, `Target: ${answer.text.en}`)]),
      });
    });
  },

  'next-step': (ctx) =>
    ctx.entries.flatMap((entry) => {
      const title = titleOf(entry);
      const next = entry.step.kind === 'action' ? ctx.byId.get(entry.step.next) : undefined;
      if (!next || next === entry || !title) return [];
      return question(ctx, 'next-step', entry.step.id, {
        prompt: text(`「${title['zh-CN']}」之后是哪一步？`, `What comes after “${title.en}”?`),
        answer: stepChoice(next),
        candidates: nearbySteps(ctx, next, (e) => e !== entry),
        explanation: (answer) => lines([arrow(title, answer.text), ...detailLines(next)]),
      });
    }),
};

interface QuestionParts {
  /** Set when the id's last part is not the step id (a decision's option). */
  stepId?: string;
  prompt: LocalizedText;
  answer: Candidate;
  /** Wrong choices, best first; those that repeat an id or a text are skipped. */
  candidates: Iterable<Candidate>;
  explanation: (answer: Candidate) => LocalizedText;
}

/** The question, or none when the answer is blank or fewer than two distinct wrong choices are left. */
function question(ctx: Context, kind: QuestionKind, subject: string, parts: QuestionParts): QuizQuestion[] {
  if (isBlank(parts.answer.text)) return [];
  const chosen = [parts.answer];
  const taken = (c: Candidate) =>
    chosen.some((o) => o.id === c.id || sameText(o.text['zh-CN'], c.text['zh-CN']) || sameText(o.text.en, c.text.en));
  for (const candidate of parts.candidates) {
    if (chosen.length >= ctx.maxChoices) break;
    if (!isBlank(candidate.text) && !taken(candidate)) chosen.push(candidate);
  }
  if (chosen.length < MIN_CHOICES) return [];
  return [
    {
      id: questionId(ctx.plan, kind, subject),
      planId: ctx.plan.id,
      planVersion: ctx.plan.version,
      kind,
      stepId: parts.stepId ?? subject,
      prompt: parts.prompt,
      choices: chosen.sort((a, b) => a.order - b.order).map(({ id, text: t }) => ({ id, text: t })),
      answer: parts.answer.id,
      explanation: parts.explanation(parts.answer),
    },
  ];
}

function questionId(plan: Plan, kind: QuestionKind, subject: string): string {
  return `${plan.id}@${plan.version}:${kind}:${subject}`;
}

/**
 * Steps to offer as wrong answers for `near`: its own scope first (the top level, or its track), then the rest,
 * each nearest in document order first, as neighbouring steps are the ones a learner confuses. An untitled track end
 * only stands in for its own track, where "this role's part is done" means something.
 */
function nearbySteps(ctx: Context, near: Entry, keep: (entry: Entry) => boolean): Candidate[] {
  const far = (e: Entry) => (e.track === near.track ? 0 : 1);
  return ctx.entries
    .filter((e) => e !== near && keep(e) && (e.track === near.track || titleOf(e) !== undefined))
    .sort((a, b) => far(a) - far(b) || Math.abs(a.position - near.position) - Math.abs(b.position - near.position))
    .map(stepChoice);
}

function stepChoice(entry: Entry): Candidate {
  return {
    id: entry.step.id,
    text: titleOf(entry) ?? (isTrackEnd(entry) ? TRACK_DONE : both(undefined)),
    order: entry.position,
  };
}

function isTrackEnd(entry: Entry): boolean {
  return entry.step.kind === 'end' && entry.track !== undefined;
}

/** The step's own title in both languages, or undefined when it has none. */
function titleOf(entry: Entry): Text | undefined {
  const title = both(entry.step.title);
  return isBlank(title) ? undefined : title;
}

/** The step as the plan words it: title, instruction, checklist. */
function stepLines(entry: Entry): Text[] {
  return [titleOf(entry) ?? (isTrackEnd(entry) ? TRACK_DONE : both(undefined)), ...detailLines(entry)];
}

function detailLines(entry: Entry): Text[] {
  const { step } = entry;
  const detail = 'detail' in step ? both(step.detail) : both(undefined);
  const checklist = step.kind === 'action' ? (step.checklist ?? []).map((item) => both(item.text)) : [];
  return [detail, ...checklist.map((item) => text(`· ${item['zh-CN']}`, `· ${item.en}`))];
}

function arrow(from: Text, to: Text): Text {
  return text(`${from['zh-CN']} → ${to['zh-CN']}`, `${from.en} → ${to.en}`);
}

/** One text per language, blank parts left out, one line each. */
function lines(parts: readonly Text[]): Text {
  const join = (lang: Language) =>
    parts
      .map((p) => p[lang])
      .filter((line) => line.replace(/^· /, '').trim() !== '')
      .join('\n');
  return text(join('zh-CN'), join('en'));
}

function both(localized: Localized | undefined): Text {
  return text(pick(localized, 'zh-CN'), pick(localized, 'en'));
}

function isBlank(t: Text): boolean {
  return t['zh-CN'] === '' || t.en === '';
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function timeChoice(seconds: number): Candidate {
  return { id: `${seconds}s`, text: formatTarget(seconds), order: seconds };
}

/** A target time as the quiz shows it: 30 秒 / 30 s, 2 分钟 / 2 min, 1 分 30 秒 / 1 min 30 s, 1 小时 / 1 h. */
export function formatTarget(seconds: number): LocalizedText {
  const whole = Math.max(0, Math.round(seconds));
  const [h, m, s] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
  const zh = [h && `${h} 小时`, m && (s ? `${m} 分` : `${m} 分钟`), (s || whole === 0) && `${s} 秒`];
  const en = [h && `${h} h`, m && `${m} min`, (s || whole === 0) && `${s} s`];
  return text(zh.filter(Boolean).join(' '), en.filter(Boolean).join(' '));
}

/**
 * Wrong target times for `answer`, `wanted` of them when there are: the nearest that are at least TIME_RATIO apart
 * from the answer and from each other, the plan's own targets before the ladder's at equal distance. How many lie
 * below the answer follows `spread` (a hash of the question), so the answer is not always the middle one.
 */
function timeCandidates(answer: number, planTimes: ReadonlySet<number>, wanted: number, spread: number): number[] {
  const distance = (s: number) => Math.abs(Math.log(s / answer));
  const ranked = [...new Set([...planTimes, ...TIME_LADDER])].sort(
    (a, b) => distance(a) - distance(b) || Number(planTimes.has(b)) - Number(planTimes.has(a)) || a - b,
  );
  const chosen = [answer];
  const apart = (s: number) => chosen.every((c) => Math.max(s, c) / Math.min(s, c) >= TIME_RATIO);
  const take = (side: number[], upTo: number) => {
    for (const s of side) if (chosen.length - 1 < upTo && apart(s)) chosen.push(s);
  };
  const below = ranked.filter((s) => s < answer);
  const above = ranked.filter((s) => s > answer);
  take(below, spread % (wanted + 1));
  take(above, wanted);
  take(below, wanted);
  return chosen.slice(1);
}

/** FNV-1a: a stable small number from a question id. */
function hash(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: a small seeded generator of numbers in [0, 1), the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let state = (Number.isFinite(seed) ? Math.trunc(seed) : 0) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` questions from these plans, none twice, with their choices shuffled: the same quiz for the same plans,
 * count and seed. All of them, in a shuffled order, when fewer are available.
 */
export function drawQuiz(
  plans: readonly Plan[],
  count: number,
  seed: number,
  options: DrawOptions = {},
): QuizQuestion[] {
  const planIds = options.planIds && new Set(options.planIds);
  const seen = new Set<string>();
  const pool = plans
    .filter((plan) => !planIds || planIds.has(plan.id))
    .flatMap((plan) => questionsFor(plan, options.kinds ? { kinds: options.kinds } : {}))
    .filter((q) => !seen.has(q.id) && seen.add(q.id));
  const random = seededRandom(seed);
  const wanted = Math.min(pool.length, Math.max(0, Math.floor(count) || 0));
  // A Fisher–Yates shuffle stopped after `wanted` places.
  for (let i = 0; i < wanted; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, wanted).map((q) => ({ ...q, choices: shuffled(q.choices, random) }));
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Grades answers (question id → choice id): ids of other questions are ignored, an unanswered question is wrong. */
export function gradeQuiz(questions: readonly QuizQuestion[], answers: Readonly<Record<string, string>>): QuizGrade {
  const perQuestion = questions.map((q): QuestionGrade => {
    const chosen = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    const right = chosen === q.answer && q.choices.some((c) => c.id === chosen);
    const grade = { id: q.id, answer: q.answer, right, explanation: q.explanation };
    return typeof chosen === 'string' ? { ...grade, chosen } : grade;
  });
  return { correct: perQuestion.filter((g) => g.right).length, total: questions.length, perQuestion };
}
