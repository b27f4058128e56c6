// A rectification's two steps to closing: its owner (or a trainer for someone from outside) reports it fixed with the
// evidence it asks for, then someone else checks the fix — accepted closes it, sent back (with why) reopens it.
// The backend refuses a report without a file and a check by whoever reported the fix; neither is offered here.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_LIMITS } from '../../../shared/limits';
import { useApi } from '../api/ApiContext';
import { useSubmit, type FormProps } from './ActionForms';
import { EvidenceUpload, type PickedFile } from './EvidenceUpload';
import { FormFooter } from './FormFooter';
import { RequiredNote } from './RequiredNote';

export function FixForm({ action, onDone, onCancel }: FormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { busy, error, submit } = useSubmit(onDone, 'guard');
  const id = `fix-${action.id}`;
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [missing, setMissing] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (files.length === 0) {
      setMissing(true);
      document.getElementById(`${id}-files`)?.focus();
      return;
    }
    void submit(() =>
      api.call('actions.fix', {
        actionId: action.id,
        note: note.trim(),
        files: files.map((f) => ({ name: f.name, base64: f.base64 })),
      }),
    );
  };
  return (
    <form
      className="review-form rectification-fix"
      aria-label={t('review.rectification.reportOf', { title: action.spec.title })}
      onSubmit={onSubmit}
    >
      {action.spec.evidence && (
        <p className="rectification-asks">{t('review.rectification.asks', { evidence: action.spec.evidence })}</p>
      )}
      <div className="review-field review-field-wide">
        <label htmlFor={`${id}-note`}>{t('review.rectification.fixNote')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={ACTION_LIMITS.note}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <EvidenceUpload
        id={`${id}-files`}
        files={files}
        onChange={(next) => {
          setFiles(next);
          if (next.length > 0) setMissing(false);
        }}
        missing={missing}
      />
      <FormFooter submit={t('review.rectification.submitFix')} busy={busy} onCancel={onCancel} error={error} />
    </form>
  );
}

export function CheckForm({ action, onDone, onCancel }: FormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { busy, error, submit } = useSubmit(onDone);
  const id = `check-${action.id}`;
  const [accepted, setAccepted] = useState(true);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!accepted && !note.trim()) {
      setMissing(true);
      document.getElementById(`${id}-note`)?.focus();
      return;
    }
    void submit(() => api.call('actions.check', { actionId: action.id, accepted, note: note.trim() }));
  };
  return (
    <form
      className="review-form rectification-check"
      aria-label={t('review.rectification.checkOf', { title: action.spec.title })}
      onSubmit={onSubmit}
    >
      <fieldset className="review-choices">
        <legend>{t('review.rectification.verdict')}</legend>
        {([true, false] as const).map((value) => (
          <label key={String(value)} className="choice">
            <input
              type="radio"
              name={`${id}-verdict`}
              checked={accepted === value}
              onChange={() => {
                setAccepted(value);
                setMissing(false);
              }}
            />
            {t(value ? 'review.rectification.accept' : 'review.rectification.reject')}
          </label>
        ))}
      </fieldset>
      <RequiredNote
        id={id}
        label={t(accepted ? 'review.rectification.acceptNote' : 'review.rectification.rejectNote')}
        value={note}
        missing={missing}
        onChange={(value) => {
          setNote(value);
          setMissing(false);
        }}
      />
      <FormFooter
        submit={t(accepted ? 'review.rectification.confirmAccept' : 'review.rectification.confirmReject')}
        busy={busy}
        onCancel={onCancel}
        error={error}
      />
    </form>
  );
}
