// A drill's evaluation (a trainer's): every objective (with its step's time from the run's journal against the plan's
// target) and every step the run visited, rated by each evaluator under their own name; the strengths and areas for
// improvement, each area made an improvement action if needed; the hot-wash that closes and seals it. Sealed, it
// reads back, with the seal's key id.
import { useTranslation } from 'react-i18next';
import type { ActionView } from '../../../shared/actions/actionView';
import type { EvaluationView } from '../../../shared/drills/evaluationView';
import type { ExerciseView } from '../../../shared/drills/exerciseView';
import { pick } from '../../../shared/plan/labels';
import type { RunView } from '../../../shared/run/runViewSchema';
import { hrefFor } from '../app/router';
import type { AsyncState } from '../app/useAsync';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { stepTitle } from '../drills/labels';
import { useExercise, type LoadedExercise } from '../drills/useDrills';
import { useSession } from '../people/SessionContext';
import { runLoadState, useRun } from '../run/useRun';
import { CloseSection } from './CloseSection';
import { FindingsSection, type FindingSubject } from './FindingsSection';
import { firstVisits } from './labels';
import { MeasuredTime } from './MeasuredTime';
import { RatingItem } from './RatingItem';
import { TrainerGate } from '../people/TrainerGate';
import { useActionList, useEvaluation, type EvaluationHandle } from './useReview';
import './strings';
import '../styles/drillReview.css';
import { fromExercise } from '../../../shared/actions/actionSource';

export function EvaluationScreen({ exerciseId }: { exerciseId: string }) {
  const { t } = useTranslation();
  return (
    <section className="review-screen evaluation-screen" aria-labelledby="evaluation-title">
      <TrainerGate
        title={t('review.evaluation.title')}
        titleId="evaluation-title"
        needs={(role) => t('review.needsTrainer', { role })}
        unlock={t('review.unlock')}
      >
        <ExerciseEvaluation exerciseId={exerciseId} />
      </TrainerGate>
    </section>
  );
}

function ExerciseEvaluation({ exerciseId }: { exerciseId: string }) {
  const { t } = useTranslation();
  const [state, reload] = useExercise(exerciseId);
  return (
    <>
      <p>
        <a href={hrefFor({ screen: 'drills', exerciseId })}>{t('review.backToExercise')}</a>
      </p>
      <LoadState state={state} retry={reload}>
        {({ view }: LoadedExercise) =>
          view.run ? (
            <WithRun key={view.run.runId} exercise={view} runId={view.run.runId} />
          ) : (
            <>
              <h1 id="evaluation-title">{t('review.evaluation.heading', { title: view.spec.title })}</h1>
              <p className="notice notice-info">{t('review.evaluation.notStarted')}</p>
            </>
          )
        }
      </LoadState>
    </>
  );
}

function WithRun({ exercise, runId }: { exercise: ExerciseView; runId: string }) {
  const run = useRun(runId);
  const evaluation = useEvaluation(exercise.id);
  const [actions, reloadActions] = useActionList();
  return (
    <LoadState state={both(runLoadState(run), evaluation.state)} retry={() => (run.reload(), evaluation.reload())}>
      {([view, current]) => (
        <Evaluation
          exercise={exercise}
          run={view}
          evaluation={current}
          accept={evaluation.accept}
          actions={actions.status === 'ready' ? actions.value : []}
          reloadActions={reloadActions}
        />
      )}
    </LoadState>
  );
}

function Evaluation({
  exercise,
  run,
  evaluation,
  accept,
  actions,
  reloadActions,
}: {
  exercise: ExerciseView;
  run: RunView;
  evaluation: EvaluationView | null;
  accept: EvaluationHandle['accept'];
  actions: readonly ActionView[];
  reloadActions: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession();
  const unlocked = session.view?.unlocked ?? session.lapsed ?? undefined;
  const me = unlocked ? { userId: unlocked.userId, name: unlocked.name } : undefined;
  const { spec } = exercise;
  const sealed = evaluation?.closed !== undefined;
  const visits = firstVisits(run);
  const titleOf = (stepId: string) => stepTitle(run.plan, stepId, lang);
  const ratedObjectives = new Map(evaluation?.objectives.map((o) => [o.id, o]));
  const ratedSteps = new Map(evaluation?.steps.map((s) => [s.id, s]));
  const objectiveName = (i: number, text: string) => t('review.evaluation.objective', { n: i + 1, text });
  const subjects: FindingSubject[] = [
    ...spec.objectives.map((o, i) => ({ value: `objective:${o.id}`, label: objectiveName(i, o.text) })),
    ...[...visits.keys()].map((id) => ({
      value: `step:${id}`,
      label: t('review.evaluation.step', { title: titleOf(id) }),
    })),
  ];
  const notListed = me !== undefined && !spec.evaluators.some((e) => e.userId === me.userId);
  return (
    <>
      <h1 id="evaluation-title">{t('review.evaluation.heading', { title: spec.title })}</h1>
      <nav className="review-links" aria-label={t('review.evaluation.links')}>
        <a className="button-link" href={hrefFor({ screen: 'drills', exerciseId: exercise.id, report: true })}>
          {t('review.reportLink')}
        </a>
        <a className="button-link" href={hrefFor({ screen: 'records', runId: run.runId })}>
          {t('review.recordLink')}
        </a>
        <a className="button-link" href={hrefFor({ screen: 'actions' })}>
          {t('review.actionsLink')}
        </a>
      </nav>
      <dl className="facts review-facts">
        <dt>{t('review.evaluation.plan')}</dt>
        <dd>
          {t('review.planVersion', {
            title: pick(run.plan.title, lang) || run.planRef.id,
            version: run.planRef.version,
          })}
        </dd>
        <dt>{t('review.evaluation.run')}</dt>
        <dd data-testid="run-status">{t(`review.runStatus.${run.status}`)}</dd>
        <dt>{t('review.evaluation.evaluators')}</dt>
        <dd>
          {spec.evaluators.length > 0
            ? spec.evaluators.map((e) => e.name).join(lang === 'en' ? ', ' : '、')
            : t('review.none')}
        </dd>
        {me && (
          <>
            <dt>{t('review.evaluation.you')}</dt>
            <dd>
              {me.name}
              {notListed && <span className="review-hint">{t('review.evaluation.notListed')}</span>}
            </dd>
          </>
        )}
      </dl>
      {sealed && (
        <p className="notice notice-info" data-testid="evaluation-sealed">
          {t('review.evaluation.sealed', { keyId: evaluation.sealed?.keyId ?? '—' })}
        </p>
      )}

      <section className="review-section" aria-labelledby="objectives-title">
        <h2 id="objectives-title">{t('review.evaluation.objectives')}</h2>
        {spec.objectives.length === 0 ? (
          <p className="muted">{t('review.evaluation.noObjectives')}</p>
        ) : (
          spec.objectives.map((o, i) => (
            <RatingItem
              key={o.id}
              exerciseId={exercise.id}
              target={{ objectiveId: o.id }}
              name={objectiveName(i, o.text)}
              measured={o.stepId && <MeasuredTime visit={visits.get(o.stepId)} step={titleOf(o.stepId)} />}
              rated={ratedObjectives.get(o.id)}
              me={me}
              readOnly={sealed}
              onSaved={accept}
            />
          ))
        )}
      </section>

      <section className="review-section" aria-labelledby="steps-title">
        <h2 id="steps-title">{t('review.evaluation.steps')}</h2>
        {visits.size === 0 ? (
          <p className="muted">{t('review.evaluation.noSteps')}</p>
        ) : (
          [...visits.entries()].map(([stepId, visit]) => (
            <RatingItem
              key={stepId}
              exerciseId={exercise.id}
              target={{ stepId }}
              name={titleOf(stepId)}
              measured={<MeasuredTime visit={visit} />}
              rated={ratedSteps.get(stepId)}
              me={me}
              readOnly={sealed}
              onSaved={accept}
            />
          ))
        )}
      </section>

      <FindingsSection
        exercise={exercise}
        evaluation={evaluation}
        actions={actions.filter((a) => fromExercise(a.spec, exercise.id))}
        subjects={subjects}
        readOnly={sealed}
        onNoted={accept}
        onActionOpened={reloadActions}
      />
      <CloseSection
        exerciseId={exercise.id}
        evaluation={evaluation}
        runActive={run.status === 'active'}
        onClosed={accept}
      />
    </>
  );
}

/** Two loads as one: ready when both are, the first error otherwise. */
function both<A, B>(a: AsyncState<A>, b: AsyncState<B>): AsyncState<[A, B]> {
  if (a.status === 'error') return a;
  if (b.status === 'error') return b;
  if (a.status === 'loading' || b.status === 'loading') return { status: 'loading' };
  return { status: 'ready', value: [a.value, b.value] };
}
