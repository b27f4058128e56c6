// Drill evaluations on disk: one hash-chained journal per exercise (`<data>/drills/evaluations/<id>.jsonl`, format in
// shared/drills/evaluation.ts), begun at the first rating with the run's head hash, closed by the hot-wash with the
// run's head hash again, then sealed with the installation's key — and the seal noted on the drills log, so a
// sealed evaluation cut back or replaced is found out (`records verify --data-dir`). A journal that does not verify
// is never written to or replaced: it stays as evidence, and the refusal says where it is damaged.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import {
  consensusRating,
  EVALUATION_FORMAT,
  foldEvaluation,
  type EvaluationEventData,
  type EvaluationState,
  type Rating,
  type RatingEntry,
} from '../../shared/drills/evaluation';
import type { EvaluationView } from '../../shared/drills/evaluationView';
import type { JournalEvent } from '../../shared/journal/format';
import { verifyJournalText } from '../../shared/journal/verify';
import type { PersonRef } from '../../shared/library/libraryLog';
import { DRILL_MESSAGES as m } from '../../shared/messages/drills';
import { FILE_MESSAGES } from '../../shared/messages/files';
import { indexSteps } from '../../shared/plan/stepIndex';
import { ChainLog, ChainWriteError, type ChainLogSpec } from '../journal/chainLog';
import { nodeJournalCrypto } from '../journal/nodeCrypto';
import type { SigningKey } from '../journal/signingKey';
import type { RunEngine } from '../runs/runEngine';
import { DRILLS_DIR, type ExerciseStore } from './exerciseStore';

export const EVALUATIONS_DIR = 'evaluations';

export interface EvaluationStoreOptions {
  dataDir: string;
  exercises: ExerciseStore;
  runs: RunEngine;
  signingKey: () => SigningKey;
  readOnly?: boolean;
  now?: () => Date;
  /** A rating, a finding or the hot-wash was written: other windows showing the evaluation load it again. */
  onChange?: () => void;
}

export type RatingTarget = { objectiveId: string } | { stepId: string };

export class EvaluationStore {
  private readonly dir: string;
  private readonly now: () => Date;
  /** Evaluations kept in memory where nothing can be recorded (a read-only data folder). */
  private readonly memory = new Map<string, ChainLog>();

  constructor(private readonly options: EvaluationStoreOptions) {
    this.dir = join(options.dataDir, DRILLS_DIR, EVALUATIONS_DIR);
    this.now = options.now ?? (() => new Date());
  }

  file(exerciseId: string): string {
    return join(this.dir, `${exerciseId}.jsonl`);
  }

  /** The exercise's evaluation so far; undefined before its first rating. */
  async get(exerciseId: string): Promise<EvaluationView | undefined> {
    const events = this.read(exerciseId);
    return events ? this.viewOf(exerciseId, events) : undefined;
  }

  async rate(
    exerciseId: string,
    target: RatingTarget,
    rating: Rating,
    observation: string | undefined,
    by: PersonRef,
  ): Promise<EvaluationView> {
    const exercise = await this.options.exercises.get(exerciseId);
    if ('objectiveId' in target) {
      if (!exercise.spec.objectives.some((o) => o.id === target.objectiveId)) {
        throw invalid(m.unknownObjective(target.objectiveId));
      }
      return this.append(exerciseId, 'objective.rated', by, {
        objectiveId: target.objectiveId,
        rating,
        ...(observation ? { observation } : {}),
        evaluator: by,
      });
    }
    const run = await this.runOf(exerciseId);
    if (!indexSteps(run.plan).has(target.stepId)) throw invalid(m.unknownStep(target.stepId));
    return this.append(exerciseId, 'step.rated', by, {
      stepId: target.stepId,
      rating,
      ...(observation ? { observation } : {}),
      evaluator: by,
    });
  }

  async note(
    exerciseId: string,
    finding: Omit<EvaluationEventData<'finding.noted'>, 'findingId' | 'by'>,
    by: PersonRef,
  ): Promise<EvaluationView> {
    const events = this.read(exerciseId) ?? [];
    const findingId = `f-${events.filter((e) => e.type === 'finding.noted').length + 1}`;
    return this.append(exerciseId, 'finding.noted', by, { findingId, ...finding, by });
  }

  /**
   * The hot-wash closes the evaluation once the drill has ended: written with the run's head hash as it is now, then
   * the evaluation is sealed and its seal noted on the drills log.
   */
  async close(exerciseId: string, hotWash: string, by: PersonRef): Promise<EvaluationView> {
    const run = await this.runOf(exerciseId);
    if (run.status === 'active') throw invalid(m.drillStillRunning(exerciseId));
    const key = this.options.signingKey(); // before anything is written: without a key there is no seal
    await this.append(exerciseId, 'evaluation.closed', by, { hotWash, runHead: run.head, by });
    const log = this.openLog(exerciseId, run);
    try {
      const head = log.head;
      const sealed = this.write(log, 'evaluation.sealed', 'system', {
        head,
        signature: key.sign(head),
        publicKey: key.publicKey,
        keyId: key.keyId,
      });
      this.options.exercises.evaluationSealed(exerciseId, {
        head: sealed.hash,
        events: log.entries.length,
        keyId: key.keyId,
      });
    } finally {
      this.closeLog(exerciseId, log);
    }
    return (await this.get(exerciseId))!;
  }

  // ---- inside ----

  private async runOf(exerciseId: string) {
    const exercise = await this.options.exercises.get(exerciseId);
    if (!exercise.run) throw invalid(m.notStarted(exerciseId));
    return this.options.runs.read(exercise.run.runId);
  }

  private async append(exerciseId: string, type: string, by: PersonRef, data: unknown): Promise<EvaluationView> {
    const run = await this.runOf(exerciseId);
    const log = this.openLog(exerciseId, run);
    try {
      if (foldEvaluation(log.entries).closed) throw invalid(m.evaluationClosed(exerciseId));
      this.write(log, type, by.userId, data);
      this.options.onChange?.();
      return this.viewOf(exerciseId, log.entries);
    } finally {
      this.closeLog(exerciseId, log);
    }
  }

  /** The evaluation's log, begun with the run's head hash when new; refused when its journal does not verify. */
  private openLog(
    exerciseId: string,
    run: { runId: string; head: string; planRef: EvaluationState['plan'] },
  ): ChainLog {
    const existing = this.read(exerciseId);
    const spec = (started: EvaluationEventData<'evaluation.started'>): ChainLogSpec => ({
      format: EVALUATION_FORMAT,
      fileName: `${exerciseId}.jsonl`,
      recoveredType: 'evaluation.recovered',
      startData: () => started,
    });
    const started: EvaluationEventData<'evaluation.started'> = {
      exerciseId,
      title: this.options.exercises.titleOf(exerciseId),
      runId: run.runId,
      runHead: run.head,
      plan: run.planRef,
    };
    if (existing && foldEvaluation(existing).sealed) throw invalid(m.evaluationClosed(exerciseId));
    if (this.options.readOnly) {
      let log = this.memory.get(exerciseId);
      if (!log) this.memory.set(exerciseId, (log = ChainLog.openInMemory(this.dir, spec(started), this.now)));
      return log;
    }
    try {
      return ChainLog.open(this.dir, spec(started), this.now).log;
    } catch (error) {
      throw storage(this.file(exerciseId), error);
    }
  }

  private closeLog(exerciseId: string, log: ChainLog): void {
    if (!this.memory.has(exerciseId)) log.close();
  }

  private write(log: ChainLog, type: string, by: string, data: unknown): JournalEvent {
    try {
      return log.append(type, by, data);
    } catch (error) {
      throw storage(log.file, error);
    }
  }

  /** The evaluation's events, undefined when there is none; a journal damaged other than at its last line is refused. */
  private read(exerciseId: string): readonly JournalEvent[] | undefined {
    const inMemory = this.memory.get(exerciseId);
    if (inMemory) return inMemory.entries;
    const file = this.file(exerciseId);
    if (!existsSync(file)) return undefined;
    const verification = verifyJournalText(readFileSync(file, 'utf8'), nodeJournalCrypto, {
      format: EVALUATION_FORMAT,
    });
    if (!verification.ok && verification.failure!.reason !== 'torn') {
      throw new ApiError({
        code: 'storage',
        message: m.evaluationDamaged(file, verification.failure!.line, verification.failure!.message),
      });
    }
    return verification.events.length > 0 ? verification.events : undefined;
  }

  private async viewOf(exerciseId: string, events: readonly JournalEvent[]): Promise<EvaluationView> {
    const state = foldEvaluation(events);
    const table = (ratings: Map<string, Map<string, RatingEntry>>) =>
      [...ratings.entries()].map(([id, byEvaluator]) => ({
        id,
        ratings: [...byEvaluator.values()],
        consensus: consensusRating(byEvaluator.values())!,
      }));
    return {
      exerciseId,
      runId: state.runId,
      runHeadAtStart: state.runHeadAtStart,
      ...(state.runHeadAtClose ? { runHeadAtClose: state.runHeadAtClose } : {}),
      plan: state.plan,
      objectives: table(state.objectives),
      steps: table(state.steps),
      findings: state.findings,
      ...(state.closed ? { closed: state.closed } : {}),
      ...(state.sealed ? { sealed: state.sealed } : {}),
      head: events.at(-1)!.hash,
      events: events.length,
    };
  }
}

function invalid(message: ReturnType<typeof m.notFound>): ApiError {
  return new ApiError({ code: 'invalid-input', message });
}

function storage(file: string, error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const code = error instanceof ChainWriteError ? error.code : ((error as NodeJS.ErrnoException).code ?? 'EIO');
  return new ApiError({ code: 'storage', message: m.notWritten(file, FILE_MESSAGES.diskReason(code)) });
}
