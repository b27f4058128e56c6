// What the API shows of self-study and training: a quiz without its answers, its grade with the plan's own words,
// and each person's training record (quizzes, drills taken part in) with the plans they have not studied since they
// were last revised.
import { z } from 'zod';
import { PersonRefSchema } from '../library/libraryLog';
import { TextSchema } from '../textSchema';
import { QUESTION_KINDS } from './quiz';

const QuestionOutSchema = z.object({
  id: z.string(),
  planId: z.string(),
  planVersion: z.number().int(),
  kind: z.enum(QUESTION_KINDS),
  stepId: z.string().optional(),
  prompt: TextSchema,
  choices: z.array(z.object({ id: z.string(), text: TextSchema })),
});

export const QuizOutSchema = z.object({ questions: z.array(QuestionOutSchema) });

export const QuizGradeSchema = z.object({
  correct: z.number().int(),
  total: z.number().int(),
  perQuestion: z.array(
    z.object({
      id: z.string(),
      chosen: z.string().optional(),
      answer: z.string(),
      right: z.boolean(),
      explanation: TextSchema,
    }),
  ),
  questions: z.array(QuestionOutSchema.extend({ answer: z.string(), explanation: TextSchema })),
});

export const TrainingRecordsSchema = z.object({
  people: z.array(
    z.object({
      person: PersonRefSchema,
      role: z.string(),
      quizzes: z.array(
        z.object({
          at: z.string(),
          correct: z.number().int(),
          total: z.number().int(),
          plans: z.array(z.object({ planId: z.string(), version: z.number().int() })),
        }),
      ),
      drills: z.array(
        z.object({
          exerciseId: z.string(),
          title: z.string(),
          planId: z.string(),
          role: z.string(),
          scheduledAt: z.string(),
          runId: z.string().optional(),
          status: z.string(),
          /** The drill's objectives rated 达标 among those rated (its evaluation's consensus), once rated. */
          shareMet: z.number().min(0).max(1).optional(),
        }),
      ),
      /** Per plan, the last drill this person took part in that ran (newest first). */
      lastByPlan: z.array(z.object({ planId: z.string(), exerciseId: z.string(), at: z.string() })),
    }),
  ),
  /** A person and a published plan they have not studied at its current version (never, or an older one). */
  gaps: z.array(
    z.object({
      person: PersonRefSchema,
      planId: z.string(),
      version: z.number().int(),
      lastStudied: z.object({ version: z.number().int(), at: z.string() }).optional(),
    }),
  ),
});
export type TrainingRecords = z.infer<typeof TrainingRecordsSchema>;
