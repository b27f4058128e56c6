// Self-study between drills: quizzes drawn from the branch's published plans (shared/drills/quiz.ts), answered and
// graded here, and each result on the training log (`<data>/training/training.jsonl`). A quiz goes out without its
// answers; grading finds the questions shown again by their ids (stable: plan, version, kind, step), so nothing is
// kept in between — and a question on a plan revised in between is simply not counted.
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { drawQuiz, gradeQuiz, questionsFor, type QuizGrade, type QuizQuestion } from '../../shared/drills/quiz';
import { quizzesOf, TRAINING_LOG_FILE, TRAINING_LOG_FORMAT, type QuizTaken } from '../../shared/drills/trainingLog';
import type { PersonRef } from '../../shared/library/libraryLog';
import type { Plan } from '../../shared/plan/schema';
import { ChainLog } from '../journal/chainLog';
import type { PlanSource } from '../plans/planSource';

export const TRAINING_DIR = 'training';

/** A question as the person sees it before answering: no answer, no explanation. */
export type QuizQuestionOut = Omit<QuizQuestion, 'answer' | 'explanation'>;

export class TrainingStore {
  private constructor(
    private readonly log: ChainLog,
    private readonly plans: PlanSource,
  ) {}

  static open(options: {
    dataDir: string;
    installation: string;
    plans: PlanSource;
    readOnly?: boolean;
    now?: () => Date;
  }): TrainingStore {
    const dir = join(options.dataDir, TRAINING_DIR);
    const spec = {
      format: TRAINING_LOG_FORMAT,
      fileName: TRAINING_LOG_FILE,
      recoveredType: 'training.recovered',
      startData: (afterDamaged: unknown) => ({
        installation: options.installation,
        ...(afterDamaged ? { afterDamaged } : {}),
      }),
    };
    const log = options.readOnly
      ? ChainLog.openInMemory(dir, spec, options.now)
      : ChainLog.open(dir, spec, options.now).log;
    return new TrainingStore(log, options.plans);
  }

  /** A quiz of up to `count` questions on the published plans (or some of them), without its answers. */
  draw(count: number, planIds?: readonly string[]): QuizQuestionOut[] {
    const questions = drawQuiz(this.published(), count, randomInt(1, 2 ** 31 - 1), planIds ? { planIds } : {});
    return questions.map(({ answer: _a, explanation: _e, ...question }) => question);
  }

  /** Grades the answers to the questions shown (unanswered: wrong) and writes the result on the training log. */
  submit(
    person: PersonRef,
    shown: readonly string[],
    answers: Readonly<Record<string, string>>,
  ): QuizGrade & { questions: QuizQuestion[] } {
    // In the order they were shown; those no longer asked (their plan revised meanwhile) left out.
    const asked = new Map(
      this.published()
        .flatMap((plan) => questionsFor(plan))
        .map((q) => [q.id, q]),
    );
    const questions = [...new Set(shown)].flatMap((id) => asked.get(id) ?? []);
    const grade = gradeQuiz(questions, answers);
    const plans = [...new Map(questions.map((q) => [q.planId, { planId: q.planId, version: q.planVersion }])).values()];
    // Nothing left to count (every plan asked about was revised meanwhile): nothing goes into the record.
    if (grade.total === 0) return { ...grade, questions };
    this.log.append('quiz.taken', person.userId, {
      person,
      plans,
      questions: grade.perQuestion.map((g, i) => ({ id: g.id, planId: questions[i]!.planId, right: g.right })),
      correct: grade.correct,
      total: grade.total,
    });
    return { ...grade, questions };
  }

  quizzes(): QuizTaken[] {
    return quizzesOf(this.log.entries);
  }

  close(): void {
    this.log.close();
  }

  private published(): Plan[] {
    return this.plans
      .list()
      .filter((p) => p.status === 'published')
      .flatMap((p) => {
        const plan = this.plans.get(p.id).plan;
        return plan ? [plan] : [];
      });
  }
}
