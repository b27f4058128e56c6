// A reviewer's two answers to a draft in review, for plans and checklist templates alike: approve with one's PIN
// (which publishes it) or send it back saying why. A refusal (a wrong PIN, the submitter approving their own change
// where another manager could) is shown as the backend words it, and what was typed stays.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAFT_NOTE_MAX } from '../../../shared/limits';
import { ErrorNote } from '../people/ErrorNote';
import { PinField } from '../people/PinFields';
import { useUnlockedAction } from '../people/useUnlockedAction';
import './libraryStrings';

export function ReviewAnswers<T>({
  self,
  approve,
  onApproved,
  sendBack,
  onSentBack,
}: {
  /** The window is unlocked as the person who submitted it. */
  self: boolean;
  approve: (pin: string) => Promise<T>;
  /** Tidies up (navigates) and says what to confirm. */
  onApproved: (result: T) => string;
  sendBack: (comment: string) => Promise<unknown>;
  onSentBack: () => string;
}) {
  const { t } = useTranslation();
  const approving = useUnlockedAction('manager');
  const sending = useUnlockedAction('manager');
  const [pin, setPin] = useState('');
  const [comment, setComment] = useState('');
  return (
    <div className="review-answers">
      <form
        className="review-approve"
        aria-labelledby="approve-title"
        onSubmit={(event) => {
          event.preventDefault();
          void approving.run(
            () => approve(pin),
            (result) => {
              setPin('');
              return onApproved(result);
            },
          );
        }}
      >
        <h3 id="approve-title">{t('docLibrary.approve')}</h3>
        {self && <p className="notice small">{t('docLibrary.approveSelf')}</p>}
        <PinField label={t('docLibrary.approvePin')} value={pin} onChange={setPin} />
        {approving.outcome?.kind === 'failed' && <ErrorNote error={approving.outcome.error} />}
        <button type="submit" className="primary" disabled={pin.length === 0 || approving.busy !== undefined}>
          {t('docLibrary.approve')}
        </button>
      </form>
      <form
        className="review-send-back"
        aria-labelledby="send-back-title"
        onSubmit={(event) => {
          event.preventDefault();
          void sending.run(() => sendBack(comment.trim()), onSentBack);
        }}
      >
        <h3 id="send-back-title">{t('docLibrary.sendBack')}</h3>
        <label className="field">
          <span>{t('docLibrary.sendBackComment')}</span>
          <textarea
            value={comment}
            maxLength={DRAFT_NOTE_MAX}
            rows={3}
            onChange={(event) => setComment(event.target.value)}
          />
        </label>
        {sending.outcome?.kind === 'failed' && <ErrorNote error={sending.outcome.error} />}
        <button type="submit" disabled={comment.trim() === '' || sending.busy !== undefined}>
          {t('docLibrary.sendBack')}
        </button>
      </form>
    </div>
  );
}
