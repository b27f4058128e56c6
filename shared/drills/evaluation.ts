// A drill's evaluation: each evaluator's rating of every objective and step (达标 / 基本达标 / 未达标 / 未观察, HSEEP
// P / S / M / U) with what they observed, the strengths and areas for improvement found, and the hot-wash (复盘)
// that closes the drill. Evidence like the run itself: one hash-chained journal per exercise, in the journals' line
// format, linked to the run by its head hash when opened and when closed, and sealed with the installation's key.
// Times are never typed here: they come from the run's journal, against the plan's targets.
import { z } from 'zod';
import type { JournalEvent } from '../journal/format';
import type { ChainFormat } from '../journal/verify';
import { PersonRefSchema, type PersonRef } from '../library/libraryLog';
import { EXERCISE_LIMITS } from '../limits';
import { SlugSchema } from '../plan/schema';
import { text, type Text } from '../text';

/** HSEEP's ratings, in order from best: performed without, with some, with major challenges; unable / not observed. */
export const RATINGS = ['P', 'S', 'M', 'U'] as const;
export const RatingSchema = z.enum(RATINGS);
export type Rating = z.infer<typeof RatingSchema>;

export const RATING_LABELS: Record<Rating, Text> = {
  P: text('达标', 'Performed (P)'),
  S: text('基本达标', 'Some challenges (S)'),
  M: text('未达标', 'Major challenges (M)'),
  U: text('未观察', 'Not observed (U)'),
};

const observation = z.string().trim().max(EXERCISE_LIMITS.text);
const hash = z.string().regex(/^[0-9a-f]{64}$/);

export const evaluationData = {
  /** The first line: the exercise, its run and that run's head hash when the evaluation began. */
  'evaluation.started': z.object({
    exerciseId: SlugSchema,
    title: z.string(),
    runId: z.string(),
    runHead: hash,
    plan: z.object({ id: SlugSchema, version: z.number().int(), contentHash: z.string() }),
  }),
  'objective.rated': z.object({
    objectiveId: SlugSchema,
    rating: RatingSchema,
    observation: observation.optional(),
    evaluator: PersonRefSchema,
  }),
  'step.rated': z.object({
    stepId: SlugSchema,
    rating: RatingSchema,
    observation: observation.optional(),
    evaluator: PersonRefSchema,
  }),
  /** A strength, or an area for improvement (with its cause: plan, organisation, people, mechanism, resources). */
  'finding.noted': z.object({
    findingId: SlugSchema,
    kind: z.enum(['strength', 'improvement']),
    text: z.string().trim().min(1).max(EXERCISE_LIMITS.text),
    cause: z.enum(['plan', 'organisation', 'people', 'mechanism', 'resources']).optional(),
    objectiveId: SlugSchema.optional(),
    stepId: SlugSchema.optional(),
    by: PersonRefSchema,
  }),
  /** The hot-wash (复盘) right after the drill, which closes the evaluation; the run's head hash as it was then. */
  'evaluation.closed': z.object({
    hotWash: z.string().trim().max(EXERCISE_LIMITS.scenario),
    runHead: hash,
    by: PersonRefSchema,
  }),
  /** The head hash signed with the installation's key, as a run's seal. Nothing may follow it. */
  'evaluation.sealed': z.object({ head: z.string(), signature: z.string(), publicKey: z.string(), keyId: z.string() }),
  'evaluation.recovered': z.object({ sidecar: z.string(), bytes: z.number().int(), reason: z.string() }),
} as const;

export const EVALUATION_FORMAT: ChainFormat = {
  firstType: 'evaluation.started',
  dataSchemas: evaluationData,
  sealType: 'evaluation.sealed',
};

export type EvaluationEventData<T extends keyof typeof evaluationData> = z.infer<(typeof evaluationData)[T]>;

export interface RatingEntry {
  rating: Rating;
  observation?: string;
  evaluator: PersonRef;
  at: string;
}

export interface EvaluationState {
  exerciseId: string;
  runId: string;
  /** The run's head hash when the evaluation began, and when it was closed. */
  runHeadAtStart: string;
  runHeadAtClose?: string;
  plan: { id: string; version: number; contentHash: string };
  /** Each evaluator's latest rating, by objective id then evaluator id. */
  objectives: Map<string, Map<string, RatingEntry>>;
  steps: Map<string, Map<string, RatingEntry>>;
  findings: (EvaluationEventData<'finding.noted'> & { at: string })[];
  closed?: { at: string; hotWash: string; by: PersonRef };
  sealed?: { at: string; keyId: string; head: string };
}

/** An evaluation journal folded: the latest rating each evaluator gave each objective and step. */
export function foldEvaluation(events: readonly JournalEvent[]): EvaluationState {
  const first = events[0];
  if (!first || first.type !== 'evaluation.started') throw new Error('an evaluation starts with evaluation.started');
  const started = first.data as EvaluationEventData<'evaluation.started'>;
  const state: EvaluationState = {
    exerciseId: started.exerciseId,
    runId: started.runId,
    runHeadAtStart: started.runHead,
    plan: started.plan,
    objectives: new Map(),
    steps: new Map(),
    findings: [],
  };
  const rate = (table: Map<string, Map<string, RatingEntry>>, id: string, entry: RatingEntry) => {
    const byEvaluator = table.get(id) ?? new Map<string, RatingEntry>();
    byEvaluator.set(entry.evaluator.userId, entry);
    table.set(id, byEvaluator);
  };
  for (const event of events.slice(1)) {
    switch (event.type) {
      case 'objective.rated': {
        const d = event.data as EvaluationEventData<'objective.rated'>;
        rate(state.objectives, d.objectiveId, { ...ratingOf(d), at: event.at });
        break;
      }
      case 'step.rated': {
        const d = event.data as EvaluationEventData<'step.rated'>;
        rate(state.steps, d.stepId, { ...ratingOf(d), at: event.at });
        break;
      }
      case 'finding.noted':
        state.findings.push({ ...(event.data as EvaluationEventData<'finding.noted'>), at: event.at });
        break;
      case 'evaluation.closed': {
        const d = event.data as EvaluationEventData<'evaluation.closed'>;
        state.closed = { at: event.at, hotWash: d.hotWash, by: d.by };
        state.runHeadAtClose = d.runHead;
        break;
      }
      case 'evaluation.sealed': {
        const d = event.data as EvaluationEventData<'evaluation.sealed'>;
        state.sealed = { at: event.at, keyId: d.keyId, head: d.head };
        break;
      }
    }
  }
  return state;
}

function ratingOf(d: { rating: Rating; observation?: string | undefined; evaluator: PersonRef }) {
  return { rating: d.rating, ...(d.observation ? { observation: d.observation } : {}), evaluator: d.evaluator };
}

/**
 * One rating for an objective or step from several evaluators' ratings: the worst observed one (an objective met by
 * one evaluator and missed by another was not met), `U` only when nobody observed it; undefined when unrated.
 */
export function consensusRating(entries: Iterable<RatingEntry>): Rating | undefined {
  const observed = [...entries].map((e) => e.rating);
  if (observed.length === 0) return undefined;
  const rated = observed.filter((r) => r !== 'U');
  if (rated.length === 0) return 'U';
  return rated.reduce((worst, r) => (RATINGS.indexOf(r) > RATINGS.indexOf(worst) ? r : worst));
}
