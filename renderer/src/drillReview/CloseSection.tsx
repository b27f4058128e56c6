// The hot-wash (复盘) that closes the drill's evaluation, which the backend then seals with the installation's key;
// refused while the drill's run is still going (said beside the disabled button). Sealed, it reads back with the
// seal's key id and head hash: nothing can be added after.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationView } from '../../../shared/drills/evaluationView';
import { EXERCISE_LIMITS } from '../../../shared/limits';
import { useApi } from '../api/ApiContext';
import { useAsTrainer } from '../drills/useDrills';
import { ErrorNote } from '../people/ErrorNote';
import { formatDateTime } from '../records/recordTime';

export function CloseSection({
  exerciseId,
  evaluation,
  runActive,
  onClosed,
}: {
  exerciseId: string;
  evaluation: EvaluationView | null;
  runActive: boolean;
  onClosed: (view: EvaluationView) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="review-section close-section" aria-labelledby="close-title">
      <h2 id="close-title">{t('review.close.title')}</h2>
      {evaluation?.closed ? (
        <Sealed evaluation={evaluation} />
      ) : (
        <CloseForm exerciseId={exerciseId} runActive={runActive} onClosed={onClosed} />
      )}
    </section>
  );
}

function Sealed({ evaluation }: { evaluation: EvaluationView }) {
  const { t } = useTranslation();
  const closed = evaluation.closed!;
  return (
    <>
      <p className="hot-wash">{closed.hotWash || t('review.none')}</p>
      <dl className="facts seal-facts" data-testid="evaluation-seal">
        <dt>{t('review.close.closedBy')}</dt>
        <dd>{t('review.byAt', { name: closed.by.name, at: formatDateTime(closed.at) })}</dd>
        {evaluation.sealed ? (
          <>
            <dt>{t('review.close.keyId')}</dt>
            <dd>
              <code data-testid="seal-key-id">{evaluation.sealed.keyId}</code>
            </dd>
            <dt>{t('review.close.head')}</dt>
            <dd>
              <code className="small">{evaluation.sealed.head}</code>
            </dd>
          </>
        ) : (
          <>
            <dt>{t('review.close.keyId')}</dt>
            <dd>{t('review.close.notSealed')}</dd>
          </>
        )}
      </dl>
    </>
  );
}

function CloseForm({
  exerciseId,
  runActive,
  onClosed,
}: {
  exerciseId: string;
  runActive: boolean;
  onClosed: (view: EvaluationView) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const asTrainer = useAsTrainer();
  const [hotWash, setHotWash] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // The confirmation replaces the button that asked for it: the focus moves there, not back to the page's top.
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const close = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onClosed(await asTrainer(() => api.call('drills.close', { exerciseId, hotWash: hotWash.trim() })));
    } catch (failure) {
      setError(failure);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  const described = [runActive ? 'close-reason' : '', 'close-hint'].filter(Boolean).join(' ');
  return (
    <div className="review-form close-form">
      <div className="review-field review-field-wide">
        <label htmlFor="hot-wash">{t('review.close.hotWash')}</label>
        <textarea
          id="hot-wash"
          rows={5}
          maxLength={EXERCISE_LIMITS.scenario}
          value={hotWash}
          aria-describedby="hot-wash-hint"
          {...(missing ? { 'aria-invalid': true } : {})}
          onChange={(e) => {
            setHotWash(e.target.value);
            setMissing(false);
          }}
        />
        <span id="hot-wash-hint" className="review-hint">
          {t('review.close.hotWashHint')}
        </span>
        {missing && <span className="field-error">{t('review.required')}</span>}
      </div>
      {runActive && (
        <p id="close-reason" className="notice notice-warning close-reason">
          {t('review.close.runActive')}
        </p>
      )}
      <p id="close-hint" className="review-hint">
        {t('review.close.hint')}
      </p>
      {confirming ? (
        <div className="form-actions close-confirm" role="group" aria-label={t('review.close.confirmGroup')}>
          <button
            ref={confirmRef}
            type="button"
            className="danger"
            disabled={busy || runActive}
            onClick={() => void close()}
          >
            {t('review.close.confirm')}
          </button>
          <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
            {t('review.cancel')}
          </button>
        </div>
      ) : (
        <div className="form-actions">
          <button
            type="button"
            className="primary"
            disabled={runActive}
            aria-describedby={described}
            onClick={() => {
              if (!hotWash.trim()) {
                setMissing(true);
                document.getElementById('hot-wash')?.focus();
                return;
              }
              setConfirming(true);
            }}
          >
            {t('review.close.submit')}
          </button>
        </div>
      )}
      {error !== undefined && <ErrorNote error={error} />}
    </div>
  );
}
