// Submitting the draft for review (with the change note the reviewer and the history will read) and discarding it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAFT_NOTE_MAX } from '../../../shared/limits';
import { ErrorNote } from '../people/ErrorNote';
import { Dialog } from '../run/Dialog';
import type { SubmitResult } from './useDraftEditor';

export function SubmitDialog({
  open,
  onClose,
  submit,
}: {
  open: boolean;
  onClose: () => void;
  submit: (note: string) => Promise<SubmitResult>;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [unsaved, setUnsaved] = useState(false);
  const close = () => {
    setError(undefined);
    setUnsaved(false);
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} labelledBy="submit-title">
      <form
        className="dialog-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!note.trim() || busy) return;
          setBusy(true);
          setError(undefined);
          try {
            const result = await submit(note.trim());
            setUnsaved(result === 'unsaved');
            if (result === 'submitted') close();
          } catch (failure) {
            setError(failure);
          } finally {
            setBusy(false);
          }
        }}
      >
        <h2 id="submit-title">{t('editor.submit.title')}</h2>
        <p>{t('editor.submit.text')}</p>
        <label className="stacked-field">
          <span>{t('editor.submit.note')}</span>
          <textarea
            value={note}
            rows={4}
            maxLength={DRAFT_NOTE_MAX}
            required
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        {unsaved && (
          <p className="notice notice-error" role="alert">
            {t('editor.submit.unsavedBlocked')}
          </p>
        )}
        {error !== undefined && <ErrorNote error={error} />}
        <div className="dialog-actions">
          <button type="button" className="big" onClick={close}>
            {t('editor.submit.cancel')}
          </button>
          <button type="submit" className="primary big" disabled={busy || !note.trim()} aria-busy={busy || undefined}>
            {t('editor.submit.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function DiscardDialog({
  open,
  onClose,
  discard,
}: {
  open: boolean;
  onClose: () => void;
  discard: () => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  return (
    <Dialog open={open} onClose={onClose} labelledBy="discard-title" className="dialog-danger">
      <div className="dialog-form">
        <h2 id="discard-title">{t('editor.discard.title')}</h2>
        <p>{t('editor.discard.text')}</p>
        {error !== undefined && <ErrorNote error={error} />}
        <div className="dialog-actions">
          <button type="button" className="primary big" onClick={onClose}>
            {t('editor.discard.cancel')}
          </button>
          <button
            type="button"
            className="danger big"
            disabled={busy}
            aria-busy={busy || undefined}
            onClick={async () => {
              setBusy(true);
              setError(undefined);
              try {
                if (await discard()) onClose();
              } catch (failure) {
                setError(failure);
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('editor.discard.confirm')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
