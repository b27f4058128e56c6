// The branch's drill exercises: planned and changed until they start, cancelled, started (announced) or declared on
// a live run (unannounced), paused and resumed — each a line of the drills log (shared/drills/exerciseLog.ts). Once
// an exercise has its run, this store delivers its scheduled injects when scenario time reaches them (and any a
// trainer fires by hand) into that run's journal, the one record of what happened.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { exerciseProblems, scheduledInjects, type ExerciseSpec, type Inject } from '../../shared/drills/exercise';
import {
  EXERCISE_LOG_FILE,
  EXERCISE_LOG_FORMAT,
  foldExercises,
  scenarioSeconds,
  wallTimeOfScenario,
  type ExerciseState,
} from '../../shared/drills/exerciseLog';
import type { ExerciseView } from '../../shared/drills/exerciseView';
import type { PersonRef } from '../../shared/library/libraryLog';
import { DRILL_MESSAGES as m } from '../../shared/messages/drills';
import type { Plan } from '../../shared/plan/schema';
import type { RunView } from '../../shared/run/runView';
import { FILE_MESSAGES } from '../../shared/messages/files';
import { inBothLanguages, joinText, text, type Text } from '../../shared/text';
import { ChainLog, ChainWriteError, type ChainLogSpec } from '../journal/chainLog';
import type { PlanSource } from '../plans/planSource';
import type { RunEngine } from '../runs/runEngine';

export const DRILLS_DIR = 'drills';

export interface ExerciseStoreOptions {
  dataDir: string;
  installation: string;
  plans: PlanSource;
  runs: RunEngine;
  /** Nothing can be written (the data folder is read-only): kept in memory. */
  readOnly?: boolean;
  now?: () => Date;
  /** Timers are injectable so tests can drive scenario time; production uses setTimeout. */
  schedule?: (at: Date, callback: () => void) => () => void;
  /** An exercise changed (planned, started, an inject delivered…): windows showing exercises load them again. */
  onChange: () => void;
  /** A scheduled inject could not be delivered (the run's disk is full…): said, and tried again at the next change. */
  log?: (message: string) => void;
}

export class ExerciseStore {
  private readonly now: () => Date;
  private readonly schedule: NonNullable<ExerciseStoreOptions['schedule']>;
  private readonly timers = new Map<string, () => void>();
  private exercises: Map<string, ExerciseState>;
  private closed = false;

  private constructor(
    private readonly log: ChainLog,
    private readonly options: ExerciseStoreOptions,
    /** Damage found when the log was opened, for trainers to see. */
    readonly problems: string[],
  ) {
    this.now = options.now ?? (() => new Date());
    this.schedule =
      options.schedule ??
      ((at, callback) => {
        const timer = setTimeout(callback, Math.max(0, at.getTime() - Date.now()));
        return () => clearTimeout(timer);
      });
    this.exercises = new Map(foldExercises(log.entries).map((e) => [e.id, e]));
  }

  static open(options: ExerciseStoreOptions): ExerciseStore {
    const dir = join(options.dataDir, DRILLS_DIR);
    const spec = drillsSpec(options.installation);
    const problems: string[] = [];
    let log: ChainLog;
    if (options.readOnly) log = ChainLog.openInMemory(dir, spec, options.now);
    else {
      const opened = ChainLog.open(dir, spec, options.now);
      log = opened.log;
      if (opened.report.damaged) {
        // What still verifies is carried over: exercises planned before the damage are not lost.
        const { file, line, reason } = opened.report.damaged;
        for (const entry of opened.report.intactBeforeDamage ?? []) {
          if (entry.type !== 'drills.started') log.append(entry.type, entry.by, entry.data);
        }
        problems.push(`drills log damaged at line ${line} (${reason}); kept aside as ${file}`);
      }
    }
    const store = new ExerciseStore(log, options, problems);
    for (const exercise of store.exercises.values()) store.reschedule(exercise.id);
    return store;
  }

  // ---- reading ----

  async list(): Promise<ExerciseView[]> {
    return Promise.all([...this.exercises.values()].map((e) => this.viewOf(e)));
  }

  async get(exerciseId: string): Promise<ExerciseView> {
    return this.viewOf(this.exercise(exerciseId));
  }

  /** Every exercise as the drills log says, without reading runs (what coverage and training records need). */
  states(): ExerciseState[] {
    return [...this.exercises.values()];
  }

  // ---- planning ----

  async plan(spec: ExerciseSpec, by: PersonRef): Promise<ExerciseView> {
    this.checkAgainstPlan(spec);
    const exerciseId = newExerciseId(this.now());
    this.append('exercise.planned', by, { exerciseId, spec, by });
    return this.get(exerciseId);
  }

  async update(exerciseId: string, spec: ExerciseSpec, by: PersonRef): Promise<ExerciseView> {
    this.notStarted(this.exercise(exerciseId));
    this.checkAgainstPlan(spec);
    this.append('exercise.updated', by, { exerciseId, spec, by });
    return this.get(exerciseId);
  }

  async cancel(exerciseId: string, reason: string, by: PersonRef): Promise<ExerciseView> {
    this.notStarted(this.exercise(exerciseId));
    this.append('exercise.cancelled', by, { exerciseId, reason, by });
    return this.get(exerciseId);
  }

  // ---- conducting ----

  /** Starts an announced exercise: a drill run of its plan, named as the exercise's run from its first line. */
  async start(exerciseId: string, by: PersonRef): Promise<{ exercise: ExerciseView; run: RunView }> {
    const exercise = this.exercise(exerciseId);
    this.notStarted(exercise);
    if (!exercise.spec.announced) throw invalid(m.unannouncedNeedsDeclare(exerciseId));
    this.checkAgainstPlan(exercise.spec);
    const run = await this.options.runs.start(exercise.spec.planId, 'drill', by.name, {
      id: exerciseId,
      title: exercise.spec.title,
    });
    this.append('exercise.started', by, {
      exerciseId,
      runId: run.runId,
      runStartedAt: run.startedAt,
      declared: false,
      by,
    });
    this.reschedule(exerciseId);
    return { exercise: await this.get(exerciseId), run };
  }

  /**
   * Declares a live run of the exercise's plan an unannounced drill of it: the run's journal gets the declaration
   * (appended; what was recorded stays), then the exercise names the run. Scenario time counts from the run's start.
   */
  async declare(exerciseId: string, runId: string, by: PersonRef): Promise<{ exercise: ExerciseView; run: RunView }> {
    const exercise = this.exercise(exerciseId);
    this.notStarted(exercise);
    if (exercise.spec.announced) throw invalid(m.announcedNeedsStart(exerciseId));
    const current = await this.options.runs.read(runId);
    if (current.planRef.id !== exercise.spec.planId) throw invalid(m.runOfOtherPlan(runId, exercise.spec.planId));
    const run = await this.options.runs.declareDrill(runId, { id: exerciseId, title: exercise.spec.title }, by);
    this.append('exercise.started', by, { exerciseId, runId, runStartedAt: run.startedAt, declared: true, by });
    this.reschedule(exerciseId);
    return { exercise: await this.get(exerciseId), run };
  }

  async pause(exerciseId: string, by: PersonRef): Promise<ExerciseView> {
    const exercise = this.exercise(exerciseId);
    if (exercise.status !== 'running') throw invalid(m.notRunning(exerciseId));
    this.append('exercise.paused', by, { exerciseId, by });
    this.reschedule(exerciseId);
    return this.get(exerciseId);
  }

  async resume(exerciseId: string, by: PersonRef): Promise<ExerciseView> {
    const exercise = this.exercise(exerciseId);
    if (exercise.status !== 'paused') throw invalid(m.notPaused(exerciseId));
    this.append('exercise.resumed', by, { exerciseId, by });
    this.reschedule(exerciseId);
    return this.get(exerciseId);
  }

  /** A trainer fires an inject by hand (a contingency inject, or a scheduled one early). */
  async fire(exerciseId: string, injectId: string, by: PersonRef): Promise<RunView> {
    const exercise = this.exercise(exerciseId);
    const inject = exercise.spec.injects.find((i) => i.id === injectId);
    if (!inject) throw invalid(m.unknownInject(injectId));
    if (!exercise.run || exercise.status === 'cancelled') throw invalid(m.notStarted(exerciseId));
    const run = await this.deliver(exercise, inject, by.name, true);
    this.reschedule(exerciseId);
    return run;
  }

  /** The exercise's title as planned (the name its evaluation carries). */
  titleOf(exerciseId: string): string {
    return this.exercise(exerciseId).spec.title;
  }

  /** Notes an evaluation's seal on the drills log (its register). */
  evaluationSealed(exerciseId: string, seal: { head: string; events: number; keyId: string }): void {
    this.append('evaluation.sealed', { userId: 'system', name: 'system' }, { exerciseId, ...seal });
  }

  close(): void {
    this.closed = true;
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
    this.log.close();
  }

  // ---- inside ----

  private deliver(exercise: ExerciseState, inject: Inject, by: string | null, manual: boolean): Promise<RunView> {
    return this.options.runs.deliverInject(
      exercise.run!.runId,
      {
        exerciseId: exercise.id,
        injectId: inject.id,
        text: inject.text,
        ...(inject.toRole ? { toRole: inject.toRole } : {}),
        ...(inject.stepId ? { stepId: inject.stepId } : {}),
        scenarioSeconds: scenarioSeconds(exercise, this.now()) ?? 0,
        manual,
      },
      by,
    );
  }

  /** Sets the timer for the exercise's next scheduled inject (none while paused, before its run, or once it ended). */
  private reschedule(exerciseId: string): void {
    this.timers.get(exerciseId)?.();
    this.timers.delete(exerciseId);
    if (this.closed) return;
    void this.nextDue(exerciseId).then((next) => {
      if (!next || this.closed || this.timers.has(exerciseId)) return;
      const cancel = this.schedule(next.at, () => {
        this.timers.delete(exerciseId);
        void this.fireDue(exerciseId);
      });
      this.timers.set(exerciseId, cancel);
    });
  }

  private async nextDue(exerciseId: string): Promise<{ inject: Inject; at: Date } | undefined> {
    const exercise = this.exercises.get(exerciseId);
    if (!exercise?.run || exercise.status !== 'running') return undefined;
    const run = await this.options.runs.read(exercise.run.runId).catch(() => undefined);
    if (!run || run.status !== 'active') return undefined;
    const delivered = new Set(run.injects.map((i) => i.injectId));
    const inject = scheduledInjects(exercise.spec).find((i) => !delivered.has(i.id));
    if (!inject) return undefined;
    const at = wallTimeOfScenario(exercise, inject.atSeconds!, this.now());
    return at ? { inject, at } : undefined;
  }

  /** Delivers every scheduled inject whose scenario time has come, in order, then waits for the next. */
  private async fireDue(exerciseId: string): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const next = await this.nextDue(exerciseId);
      if (!next || next.at.getTime() > this.now().getTime()) break;
      const exercise = this.exercises.get(exerciseId)!;
      try {
        await this.deliver(exercise, next.inject, 'system', false);
      } catch (error) {
        this.options.log?.(`inject ${next.inject.id} of ${exerciseId} not delivered: ${describe(error)}`);
        return; // tried again at the exercise's next change
      }
      this.options.onChange();
    }
    this.reschedule(exerciseId);
  }

  private async viewOf(exercise: ExerciseState): Promise<ExerciseView> {
    if (!exercise.run) return { ...exercise, delivered: [] };
    const run = await this.options.runs.read(exercise.run.runId).catch(() => undefined);
    const delivered = run?.injects.map((i) => i.injectId) ?? [];
    const seconds = scenarioSeconds(exercise, this.now());
    const nextInject = scheduledInjects(exercise.spec).find((i) => !delivered.includes(i.id));
    const dueAt = nextInject && wallTimeOfScenario(exercise, nextInject.atSeconds!, this.now());
    return {
      ...exercise,
      delivered,
      ...(seconds !== undefined ? { scenarioSeconds: seconds } : {}),
      ...(nextInject
        ? {
            next: {
              injectId: nextInject.id,
              atSeconds: nextInject.atSeconds!,
              ...(dueAt ? { dueAt: dueAt.toISOString() } : {}),
            },
          }
        : {}),
      ...(run ? { runStatus: run.status } : {}),
    };
  }

  private exercise(exerciseId: string): ExerciseState {
    const exercise = this.exercises.get(exerciseId);
    if (!exercise) throw new ApiError({ code: 'not-found', message: m.notFound(exerciseId) });
    return exercise;
  }

  private notStarted(exercise: ExerciseState): void {
    if (exercise.status === 'cancelled') throw invalid(m.cancelled(exercise.id));
    if (exercise.run) throw invalid(m.alreadyStarted(exercise.id));
  }

  /** The spec fits the plan version it names, and that version is the one published now. */
  private checkAgainstPlan(spec: ExerciseSpec): Plan {
    const detail = this.options.plans.get(spec.planId);
    if (detail.summary.status !== 'published' || !detail.plan) throw invalid(m.planNotPublished(spec.planId));
    const problems = exerciseProblems(spec, detail.plan);
    if (problems.length > 0) {
      throw invalid(
        m.invalidExercise(
          joinText(problems.map((p) => text(`${p.path}：${p.message['zh-CN']}`, `${p.path}: ${p.message.en}`))),
        ),
      );
    }
    return detail.plan;
  }

  private append(type: string, by: PersonRef, data: unknown): void {
    try {
      this.log.append(type, by.userId, data);
    } catch (error) {
      if (!(error instanceof ChainWriteError)) throw error;
      throw new ApiError({ code: 'storage', message: m.notWritten(error.file, FILE_MESSAGES.diskReason(error.code)) });
    }
    this.exercises = new Map(foldExercises(this.log.entries).map((e) => [e.id, e]));
    this.options.onChange();
  }
}

function drillsSpec(installation: string): ChainLogSpec {
  return {
    format: EXERCISE_LOG_FORMAT,
    fileName: EXERCISE_LOG_FILE,
    recoveredType: 'drills.recovered',
    startData: (afterDamaged) => ({ installation, ...(afterDamaged ? { afterDamaged } : {}) }),
  };
}

/** Sortable by the day it was planned, unique without coordination: ex-20261205-3f9a1c. */
function newExerciseId(now: Date): string {
  return `ex-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
}

function invalid(message: Text): ApiError {
  return new ApiError({ code: 'invalid-input', message });
}

function describe(error: unknown): string {
  if (error instanceof ApiError) return inBothLanguages(error.body.message);
  return error instanceof Error ? error.message : String(error);
}
