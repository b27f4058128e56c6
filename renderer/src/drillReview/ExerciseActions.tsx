// On an exercise's page: the improvement actions its evaluation produced (status, owner, due), with the way to the
// actions list, so a trainer sees from the drill what is still to be done.
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../app/router';
import { ActionStatusBadge, DueBadge } from './ActionBadges';
import { inListOrder } from './actionOrder';
import { useActionList } from './useReview';
import './strings';
import '../styles/drillReview.css';
import { fromExercise } from '../../../shared/actions/actionSource';

export function ExerciseActions({ exerciseId }: { exerciseId: string }) {
  const { t } = useTranslation();
  const [state] = useActionList();
  const actions = state.status === 'ready' ? state.value.filter((a) => fromExercise(a.spec, exerciseId)) : [];
  return (
    <section className="exercise-improvements" aria-labelledby="exercise-improvements-title">
      <h2 id="exercise-improvements-title">{t('review.exercise.actions')}</h2>
      {actions.length === 0 ? (
        <p className="muted">{t('review.exercise.noActions')}</p>
      ) : (
        <ul>
          {inListOrder(actions).map((a) => (
            <li key={a.id} data-action={a.id}>
              {t('review.findings.action', { title: a.spec.title, owner: a.spec.owner.name, due: a.spec.due })}{' '}
              <ActionStatusBadge action={a} />
              <DueBadge action={a} />
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={hrefFor({ screen: 'actions' })}>{t('review.actionsLink')}</a>
      </p>
    </section>
  );
}
