// The branch's drill exercises, newest first: what, which plan, when (branch time), announced or unannounced, where
// each stands and how many of its injects have been delivered; a way to plan the next one.
import { useTranslation } from 'react-i18next';
import type { ExerciseView } from '../../../shared/drills/exerciseView';
import { usePlans } from '../app/PlansContext';
import { hrefFor } from '../app/router';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { formatDateTime } from '../records/recordTime';
import { exerciseState, newestFirst, planTitle } from './labels';
import { useExercises } from './useDrills';

export function ExerciseList() {
  const { t } = useTranslation();
  const [state, reload] = useExercises();
  return (
    <section className="drills-screen" aria-labelledby="drills-title">
      <div className="drills-head">
        <h1 id="drills-title">{t('drills.list.heading')}</h1>
        <a className="button-link primary" href={hrefFor({ screen: 'drills', plan: true })}>
          {t('drills.list.planNew')}
        </a>
      </div>
      <LoadState state={state} retry={reload}>
        {(exercises: ExerciseView[]) =>
          exercises.length === 0 ? <p className="muted">{t('drills.list.none')}</p> : <Table exercises={exercises} />
        }
      </LoadState>
    </section>
  );
}

function Table({ exercises }: { exercises: ExerciseView[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const plans = usePlans();
  return (
    <table className="drills-table exercise-table">
      <caption className="visually-hidden">{t('drills.list.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('drills.list.columns.title')}</th>
          <th scope="col">{t('drills.list.columns.plan')}</th>
          <th scope="col">{t('drills.list.columns.scheduled')}</th>
          <th scope="col">{t('drills.list.columns.kind')}</th>
          <th scope="col">{t('drills.list.columns.status')}</th>
          <th scope="col">{t('drills.list.columns.injects')}</th>
        </tr>
      </thead>
      <tbody>
        {newestFirst(exercises).map((exercise) => {
          const state = exerciseState(exercise);
          return (
            <tr key={exercise.id} data-exercise={exercise.id} className={`exercise-${state}`}>
              <th scope="row">
                <a href={hrefFor({ screen: 'drills', exerciseId: exercise.id })}>{exercise.spec.title}</a>
              </th>
              <td>{planTitle(plans, exercise.spec.planId, lang)}</td>
              <td>
                <time dateTime={exercise.spec.scheduledAt}>{formatDateTime(exercise.spec.scheduledAt, false)}</time>
              </td>
              <td>
                <KindBadge announced={exercise.spec.announced} />
              </td>
              <td>
                <StatusBadge view={exercise} />
              </td>
              <td className="exercise-injects">
                {t('drills.list.injects', {
                  delivered: exercise.delivered.length,
                  total: exercise.spec.injects.length,
                })}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function KindBadge({ announced }: { announced: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${announced ? 'badge-announced' : 'badge-unannounced'}`}>
      {t(announced ? 'drills.kind.announced' : 'drills.kind.unannounced')}
    </span>
  );
}

const STATUS_BADGE = {
  planned: 'badge-start',
  running: 'badge-warning',
  paused: 'badge-warning',
  ended: 'badge-ok',
  cancelled: 'badge-error',
} as const;

export function StatusBadge({ view }: { view: ExerciseView }) {
  const { t } = useTranslation();
  const state = exerciseState(view);
  return (
    <span className={`badge ${STATUS_BADGE[state]}`} data-status={state}>
      {t(`drills.status.${state}`)}
    </span>
  );
}
