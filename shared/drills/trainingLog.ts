// The training log: each self-study quiz a person took (which plan versions it asked about, each question's result),
// in the journals' line format and hash chain, for each person's training record.
import { z } from 'zod';
import type { JournalEvent } from '../journal/format';
import type { ChainFormat } from '../journal/verify';
import { PersonRefSchema, type PersonRef } from '../library/libraryLog';
import { SlugSchema } from '../plan/schema';

export const trainingLogData = {
  'training.started': z.object({
    installation: z.string(),
    afterDamaged: z.object({ file: z.string(), line: z.number().int(), reason: z.string() }).optional(),
  }),
  'quiz.taken': z.object({
    person: PersonRefSchema,
    /** The plan versions the questions came from. */
    plans: z.array(z.object({ planId: SlugSchema, version: z.number().int() })),
    questions: z.array(z.object({ id: z.string(), planId: SlugSchema, right: z.boolean() })),
    correct: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
  'training.recovered': z.object({ sidecar: z.string(), bytes: z.number().int(), reason: z.string() }),
} as const;

export const TRAINING_LOG_FORMAT: ChainFormat = { firstType: 'training.started', dataSchemas: trainingLogData };
export const TRAINING_LOG_FILE = 'training.jsonl';

export type QuizTaken = z.infer<(typeof trainingLogData)['quiz.taken']> & { at: string };

export function quizzesOf(entries: readonly JournalEvent[]): QuizTaken[] {
  return entries
    .filter((e) => e.type === 'quiz.taken')
    .map((e) => ({ ...(e.data as z.infer<(typeof trainingLogData)['quiz.taken']>), at: e.at }));
}

/**
 * Per person and published plan: the version they last studied (a quiz with a question on it), and whether the plan
 * has been revised since — or never studied at all. What a trainer follows up.
 */
export function studyGaps(
  people: readonly PersonRef[],
  published: readonly { planId: string; version: number }[],
  quizzes: readonly QuizTaken[],
): { person: PersonRef; planId: string; version: number; lastStudied?: { version: number; at: string } }[] {
  const last = new Map<string, { version: number; at: string }>();
  for (const quiz of quizzes) {
    for (const plan of quiz.plans) {
      if (!quiz.questions.some((q) => q.planId === plan.planId)) continue;
      const key = `${quiz.person.userId} ${plan.planId}`;
      const before = last.get(key);
      if (!before || before.at <= quiz.at) last.set(key, { version: plan.version, at: quiz.at });
    }
  }
  return people.flatMap((person) =>
    published.flatMap(({ planId, version }) => {
      const studied = last.get(`${person.userId} ${planId}`);
      if (studied && studied.version >= version) return [];
      return [{ person, planId, version, ...(studied ? { lastStudied: studied } : {}) }];
    }),
  );
}
