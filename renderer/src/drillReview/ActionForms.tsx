// Changing an open action: its owner, due date or progress (with a note of what was done), or closing it as done or
// dropped (a note saying how, or why, is required: the list is what an inspector reads). An action that needs
// evidence (an inspection's rectification) is never done by hand: it can only be dropped here; it is closed by a
// checked fix (RectificationForms).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionView } from '../../../shared/actions/actionView';
import { ACTION_LIMITS } from '../../../shared/limits';
import { useApi } from '../api/ApiContext';
import { useUnlockedCall } from '../training/useUnlockedCall';
import { FormFooter } from './FormFooter';
import { OwnerFields, ownerDraftOf, ownerOf, useEnabledUsers } from './OwnerFields';
import { NOT_UNLOCKED } from './useReview';
import { RequiredNote } from './RequiredNote';

export interface FormProps {
  action: ActionView;
  onDone: () => void;
  onCancel: () => void;
}

/** Runs a call as `role` (a trainer unless said), keeping busy and the failure for the form. */
export function useSubmit(onDone: () => void, role: 'guard' | 'trainer' = 'trainer') {
  const asRole = useUnlockedCall(role, NOT_UNLOCKED);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await asRole(call);
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

export function UpdateForm({ action, onDone, onCancel }: FormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const users = useEnabledUsers();
  const { busy, error, submit } = useSubmit(onDone);
  const id = `update-${action.id}`;
  const [owner, setOwner] = useState(() => ownerDraftOf(action.spec.owner));
  const [due, setDue] = useState(action.spec.due);
  const [started, setStarted] = useState(false);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<'owner' | 'nothing'>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = ownerOf(owner);
    if (!next) return setProblem('owner');
    const ownerChanged = next.name !== action.spec.owner.name || next.userId !== action.spec.owner.userId;
    const dueChanged = /^\d{4}-\d{2}-\d{2}$/.test(due) && due !== action.spec.due;
    if (!ownerChanged && !dueChanged && !started && !note.trim()) return setProblem('nothing');
    setProblem(undefined);
    void submit(() =>
      api.call('actions.update', {
        actionId: action.id,
        ...(ownerChanged ? { owner: next } : {}),
        ...(dueChanged ? { due } : {}),
        ...(started ? { status: 'in-progress' as const } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    );
  };
  return (
    <form
      className="review-form action-update"
      aria-label={t('review.actions.updateOf', { title: action.spec.title })}
      onSubmit={onSubmit}
    >
      <div className="review-row">
        <OwnerFields idPrefix={id} owner={owner} onChange={setOwner} users={users} missing={problem === 'owner'} />
        <div className="review-field">
          <label htmlFor={`${id}-due`}>{t('review.actions.due')}</label>
          <input id={`${id}-due`} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </div>
      </div>
      {action.status === 'open' && (
        <label className="choice">
          <input type="checkbox" checked={started} onChange={(e) => setStarted(e.target.checked)} />
          {t('review.actions.markStarted')}
        </label>
      )}
      <div className="review-field review-field-wide">
        <label htmlFor={`${id}-note`}>{t('review.actions.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={ACTION_LIMITS.note}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {problem === 'nothing' && <p className="field-error">{t('review.actions.nothingChanged')}</p>}
      <FormFooter submit={t('review.actions.saveUpdate')} busy={busy} onCancel={onCancel} error={error} />
    </form>
  );
}

export function FinishForm({ action, onDone, onCancel }: FormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { busy, error, submit } = useSubmit(onDone);
  const id = `finish-${action.id}`;
  // Evidence needed: done only by a checked fix, so dropping is the one way to close it here.
  const dropOnly = action.spec.evidence !== undefined;
  const [status, setStatus] = useState<'done' | 'dropped'>(dropOnly ? 'dropped' : 'done');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setMissing(true);
      document.getElementById(`${id}-note`)?.focus();
      return;
    }
    void submit(() => api.call('actions.finish', { actionId: action.id, status, note: note.trim() }));
  };
  return (
    <form
      className="review-form action-finish"
      aria-label={t(dropOnly ? 'review.actions.dropOf' : 'review.actions.finishOf', { title: action.spec.title })}
      onSubmit={onSubmit}
    >
      {!dropOnly && (
        <fieldset className="review-choices">
          <legend>{t('review.actions.outcome')}</legend>
          {(['done', 'dropped'] as const).map((s) => (
            <label key={s} className="choice">
              <input
                type="radio"
                name={`${id}-status`}
                value={s}
                checked={status === s}
                onChange={() => setStatus(s)}
              />
              {t(`review.actions.outcomes.${s}`)}
            </label>
          ))}
        </fieldset>
      )}
      <RequiredNote
        id={id}
        label={t(status === 'done' ? 'review.actions.doneNote' : 'review.actions.droppedNote')}
        value={note}
        missing={missing}
        onChange={(value) => {
          setNote(value);
          setMissing(false);
        }}
      />
      <FormFooter
        submit={t(status === 'done' ? 'review.actions.confirmDone' : 'review.actions.confirmDropped')}
        danger={status === 'dropped'}
        busy={busy}
        onCancel={onCancel}
        error={error}
      />
    </form>
  );
}
