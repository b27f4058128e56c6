// What the API shows of a drill's evaluation: each objective's and step's ratings by evaluator with the consensus
// (the worst observed), the findings, the hot-wash and the seal (electron/drills/evaluationStore.ts builds it).
import { z } from 'zod';
import { PersonRefSchema } from '../library/libraryLog';
import { evaluationData, RatingSchema } from './evaluation';

const RatedSchema = z.object({
  id: z.string(),
  ratings: z.array(
    z.object({ rating: RatingSchema, observation: z.string().optional(), evaluator: PersonRefSchema, at: z.string() }),
  ),
  consensus: RatingSchema,
});

export const EvaluationViewSchema = z.object({
  exerciseId: z.string(),
  runId: z.string(),
  runHeadAtStart: z.string(),
  runHeadAtClose: z.string().optional(),
  plan: z.object({ id: z.string(), version: z.number().int(), contentHash: z.string() }),
  objectives: z.array(RatedSchema),
  steps: z.array(RatedSchema),
  findings: z.array(evaluationData['finding.noted'].extend({ at: z.string() })),
  closed: z.object({ at: z.string(), hotWash: z.string(), by: PersonRefSchema }).optional(),
  sealed: z.object({ at: z.string(), keyId: z.string(), head: z.string() }).optional(),
  head: z.string(),
  events: z.number().int(),
});
export type EvaluationView = z.infer<typeof EvaluationViewSchema>;
