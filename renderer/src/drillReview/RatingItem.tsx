// One objective or step to rate: what the journal measured (never typed), this evaluator's rating (达标 / 基本达标 /
// 未达标 / 未观察, HSEEP P / S / M / U) with an observation, saved under their name; every evaluator's latest rating
// and the consensus (the worst observed). Read-only once the evaluation is sealed.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RATINGS, type Rating } from '../../../shared/drills/evaluation';
import type { EvaluationView } from '../../../shared/drills/evaluationView';
import { EXERCISE_LIMITS } from '../../../shared/limits';
import { useApi } from '../api/ApiContext';
import { useLanguage } from '../components/useLanguage';
import { useAsTrainer } from '../drills/useDrills';
import { ErrorNote } from '../people/ErrorNote';
import { formatDateTime } from '../records/recordTime';
import { ratingText } from './labels';

export type RatingTarget = { objectiveId: string } | { stepId: string };
type Rated = EvaluationView['objectives'][number];

export function RatingItem({
  exerciseId,
  target,
  name,
  measured,
  rated,
  me,
  readOnly,
  onSaved,
}: {
  exerciseId: string;
  target: RatingTarget;
  /** The legend: the objective's text or the step's title. */
  name: string;
  measured?: ReactNode;
  rated: Rated | undefined;
  me: { userId: string; name: string } | undefined;
  readOnly: boolean;
  onSaved: (view: EvaluationView) => void;
}) {
  const { t } = useTranslation();
  const key = 'objectiveId' in target ? `objective-${target.objectiveId}` : `step-${target.stepId}`;
  const mine = rated?.ratings.find((r) => r.evaluator.userId === me?.userId);
  return (
    <fieldset className={`rating-item${rated ? ` rating-${rated.consensus}` : ''}`} data-target={key}>
      <legend>{name}</legend>
      {measured && <p className="rating-measured">{measured}</p>}
      <RatingsSoFar rated={rated} me={me} />
      {!readOnly && (
        <RatingForm
          key={mine ? `${mine.at}` : 'new'}
          id={`rate-${key}`}
          exerciseId={exerciseId}
          target={target}
          mine={mine}
          me={me}
          onSaved={onSaved}
        />
      )}
      {readOnly && !rated && <p className="muted">{t('review.rating.notRated')}</p>}
    </fieldset>
  );
}

/** Every evaluator's latest rating with what they observed, and the consensus. */
function RatingsSoFar({ rated, me }: { rated: Rated | undefined; me: { userId: string } | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (!rated || rated.ratings.length === 0) return null;
  return (
    <div className="ratings-so-far">
      <p className="rating-consensus">
        {t('review.rating.consensus')}{' '}
        <span className={`rating-badge rating-badge-${rated.consensus}`} data-rating={rated.consensus}>
          {ratingText(rated.consensus, lang)}
        </span>
      </p>
      <ul className="rating-list">
        {rated.ratings.map((r) => (
          <li key={r.evaluator.userId} data-evaluator={r.evaluator.userId}>
            <strong>
              {r.evaluator.userId === me?.userId
                ? t('review.rating.you', { name: r.evaluator.name })
                : r.evaluator.name}
            </strong>
            {t('review.rating.colon')}
            {ratingText(r.rating, lang)}
            <span className="muted small"> · {formatDateTime(r.at, false)}</span>
            {r.observation && <span className="rating-observation">{r.observation}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function RatingForm({
  id,
  exerciseId,
  target,
  mine,
  me,
  onSaved,
}: {
  id: string;
  exerciseId: string;
  target: RatingTarget;
  mine: Rated['ratings'][number] | undefined;
  me: { name: string } | undefined;
  onSaved: (view: EvaluationView) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const asTrainer = useAsTrainer();
  const [rating, setRating] = useState<Rating | undefined>(mine?.rating);
  const [observation, setObservation] = useState(mine?.observation ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const changed = rating !== mine?.rating || observation.trim() !== (mine?.observation ?? '');
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!rating) return;
    setBusy(true);
    setError(undefined);
    try {
      const text = observation.trim();
      const view = await asTrainer(() =>
        api.call('drills.rate', { exerciseId, target, rating, ...(text ? { observation: text } : {}) }),
      );
      onSaved(view);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="rating-form" onSubmit={(e) => void save(e)}>
      <fieldset className="rating-choices">
        <legend>{t('review.rating.yours', { name: me?.name ?? '' })}</legend>
        {RATINGS.map((r) => (
          <label key={r} className={`choice rating-choice rating-choice-${r}`}>
            <input type="radio" name={id} value={r} checked={rating === r} onChange={() => setRating(r)} />
            {ratingText(r, lang)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-observation`} className="rating-observation-label">
        {t('review.rating.observation')}
      </label>
      <textarea
        id={`${id}-observation`}
        rows={2}
        maxLength={EXERCISE_LIMITS.text}
        value={observation}
        onChange={(e) => setObservation(e.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !rating || !changed}>
          {t('review.rating.save')}
        </button>
        <span role="status" className="muted small">
          {mine && !changed ? t('review.rating.saved', { at: formatDateTime(mine.at, false) }) : ''}
          {!rating ? t('review.rating.choose') : ''}
        </span>
      </div>
      {error !== undefined && <ErrorNote error={error} />}
    </form>
  );
}
