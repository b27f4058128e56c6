// The drills log: every exercise planned, changed, cancelled, started (or declared on a live run), paused and resumed,
// in the journals' line format and hash chain. An exercise's state is this log folded; what happened during the
// drill itself (injects delivered, steps done) is in its run's journal, the one record of the run.
import { z } from 'zod';
import type { JournalEvent } from '../journal/format';
import type { ChainFormat } from '../journal/verify';
import { PersonRefSchema, type PersonRef } from '../library/libraryLog';
import { EXERCISE_LIMITS } from '../limits';
import { SlugSchema } from '../plan/schema';
import { ExerciseSpecSchema, type ExerciseSpec } from './exercise';

export const exerciseLogData = {
  /** The first line; names a damaged log kept aside before this one was started. */
  'drills.started': z.object({
    installation: z.string(),
    afterDamaged: z.object({ file: z.string(), line: z.number().int(), reason: z.string() }).optional(),
  }),
  'exercise.planned': z.object({ exerciseId: SlugSchema, spec: ExerciseSpecSchema, by: PersonRefSchema }),
  /** The whole spec again (changes are allowed until the exercise starts). */
  'exercise.updated': z.object({ exerciseId: SlugSchema, spec: ExerciseSpecSchema, by: PersonRefSchema }),
  'exercise.cancelled': z.object({
    exerciseId: SlugSchema,
    reason: z.string().max(EXERCISE_LIMITS.cancelReason),
    by: PersonRefSchema,
  }),
  /**
   * The exercise's run: started for it (announced), or a live run declared a drill of it (`declared`, unannounced).
   * Scenario time counts from the run's start.
   */
  'exercise.started': z.object({
    exerciseId: SlugSchema,
    runId: z.string(),
    runStartedAt: z.string(),
    declared: z.boolean(),
    by: PersonRefSchema,
  }),
  /** Scenario time stops (no scheduled inject fires) until resumed. */
  'exercise.paused': z.object({ exerciseId: SlugSchema, by: PersonRefSchema }),
  'exercise.resumed': z.object({ exerciseId: SlugSchema, by: PersonRefSchema }),
  /** An exercise's evaluation was sealed: its head hash and length, so one cut back or replaced is found out. */
  'evaluation.sealed': z.object({
    exerciseId: SlugSchema,
    head: z.string(),
    events: z.number().int().min(1),
    keyId: z.string(),
  }),
  'drills.recovered': z.object({ sidecar: z.string(), bytes: z.number().int(), reason: z.string() }),
} as const;

export const EXERCISE_LOG_FORMAT: ChainFormat = { firstType: 'drills.started', dataSchemas: exerciseLogData };
export const EXERCISE_LOG_FILE = 'drills.jsonl';

export type ExerciseStatus = 'planned' | 'running' | 'paused' | 'cancelled';

export interface ExerciseState {
  id: string;
  spec: ExerciseSpec;
  status: ExerciseStatus;
  planned: { at: string; by: PersonRef };
  updated?: { at: string; by: PersonRef };
  cancelled?: { at: string; by: PersonRef; reason: string };
  run?: { runId: string; startedAt: string; declared: boolean; at: string; by: PersonRef };
  /** Scenario time stopped and started again, in order; the last has no `resumedAt` while paused. */
  pauses: { at: string; resumedAt?: string }[];
  /** The evaluation's seal, as registered when it was made. */
  evaluationSeal?: { at: string; head: string; events: number; keyId: string };
}

/** Every exercise in the log, in the order planned. Entries about an unknown exercise are skipped. */
export function foldExercises(entries: readonly JournalEvent[]): ExerciseState[] {
  const exercises = new Map<string, ExerciseState>();
  for (const entry of entries) {
    const data = entry.data as { exerciseId?: string };
    if (data.exerciseId === undefined) continue;
    if (entry.type === 'exercise.planned') {
      const d = entry.data as z.infer<(typeof exerciseLogData)['exercise.planned']>;
      exercises.set(d.exerciseId, {
        id: d.exerciseId,
        spec: d.spec,
        status: 'planned',
        planned: { at: entry.at, by: d.by },
        pauses: [],
      });
      continue;
    }
    const exercise = exercises.get(data.exerciseId);
    if (!exercise) continue;
    switch (entry.type) {
      case 'exercise.updated': {
        const d = entry.data as z.infer<(typeof exerciseLogData)['exercise.updated']>;
        exercise.spec = d.spec;
        exercise.updated = { at: entry.at, by: d.by };
        break;
      }
      case 'exercise.cancelled': {
        const d = entry.data as z.infer<(typeof exerciseLogData)['exercise.cancelled']>;
        exercise.status = 'cancelled';
        exercise.cancelled = { at: entry.at, by: d.by, reason: d.reason };
        break;
      }
      case 'exercise.started': {
        const d = entry.data as z.infer<(typeof exerciseLogData)['exercise.started']>;
        exercise.status = 'running';
        exercise.run = { runId: d.runId, startedAt: d.runStartedAt, declared: d.declared, at: entry.at, by: d.by };
        break;
      }
      case 'exercise.paused':
        if (exercise.status !== 'running') break;
        exercise.status = 'paused';
        exercise.pauses = [...exercise.pauses, { at: entry.at }];
        break;
      case 'evaluation.sealed': {
        const d = entry.data as z.infer<(typeof exerciseLogData)['evaluation.sealed']>;
        exercise.evaluationSeal = { at: entry.at, head: d.head, events: d.events, keyId: d.keyId };
        break;
      }
      case 'exercise.resumed': {
        const last = exercise.pauses.at(-1);
        if (exercise.status !== 'paused' || !last) break;
        exercise.status = 'running';
        exercise.pauses = [...exercise.pauses.slice(0, -1), { ...last, resumedAt: entry.at }];
        break;
      }
    }
  }
  return [...exercises.values()];
}

/**
 * Scenario time at `at`, in whole seconds: from the run's start, less every pause (a pause still open counts up to
 * `at`). Undefined before the exercise has a run.
 */
export function scenarioSeconds(exercise: ExerciseState, at: Date): number | undefined {
  if (!exercise.run) return undefined;
  const start = Date.parse(exercise.run.startedAt);
  let paused = 0;
  for (const pause of exercise.pauses) {
    const from = Date.parse(pause.at);
    const to = pause.resumedAt === undefined ? at.getTime() : Date.parse(pause.resumedAt);
    paused += Math.max(0, Math.min(to, at.getTime()) - from);
  }
  return Math.max(0, Math.floor((at.getTime() - start - paused) / 1000));
}

/** When scenario time reaches `seconds`, counting from `now` (undefined while paused or without a run). */
export function wallTimeOfScenario(exercise: ExerciseState, seconds: number, now: Date): Date | undefined {
  if (exercise.status !== 'running') return undefined;
  const current = scenarioSeconds(exercise, now);
  if (current === undefined) return undefined;
  return new Date(now.getTime() + Math.max(0, seconds - current) * 1000);
}
