// The PIN prompt: pick who you are (the person on duty first), type the PIN or tap it on the big keypad.
// A modal <dialog>: the page behind is inert, Escape cancels, focus returns to where it was.
// SessionProvider renders it and hands it the session it needs (it does not import SessionContext: no cycle).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAtLeast, type PublicUser, type Role } from '../../../shared/people/roles';
import type { SessionView } from '../../../shared/people/session';
import { PIN_MAX_LENGTH } from '../../../shared/limits';
import { hrefFor } from '../app/router';
import { useLanguage } from '../components/useLanguage';
import { Dialog } from '../run/Dialog';
import { ErrorNote } from './ErrorNote';
import { personLabel, roleLabel } from './labels';
import { formatDateTime } from '../records/recordTime';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** What the prompt needs from the session: SessionProvider passes its own state. */
export interface PinSession {
  /** The session as last seen (the person on duty, whether setup is needed, a store problem). */
  view: SessionView | undefined;
  /** Whoever had unlocked this window before it locked itself for want of use, offered again first. */
  lapsedUserId: string | undefined;
  reloadUsers(): Promise<PublicUser[]>;
  /** Checks the PIN: resolves once the window is unlocked, rejects with the backend's error. */
  unlock(userId: string, pin: string): Promise<void>;
}

interface PinProps {
  minRole: Role;
  session: PinSession;
  onCancel: () => void;
  /** Changes when a new request is asked for: the form starts empty again. */
  promptId?: string;
}

export function PinDialog({ open, ...props }: PinProps & { open: boolean }) {
  return (
    <Dialog open={open} onClose={props.onCancel} labelledBy="pin-title" className="pin-dialog">
      <PinForm key={props.promptId} {...props} />
    </Dialog>
  );
}

/** Mounted only while the dialog is open: each prompt starts empty. */
function PinForm({ minRole, session, onCancel }: PinProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [users, setUsers] = useState<PublicUser[]>();
  const [loadError, setLoadError] = useState<unknown>();
  const [userId, setUserId] = useState<string>();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const pinRef = useRef<HTMLInputElement>(null);
  const { reloadUsers } = session;

  useEffect(() => {
    reloadUsers().then(setUsers, setLoadError);
  }, [reloadUsers]);

  const offered = (users ?? []).filter((u) => !u.disabled && roleAtLeast(u.role, minRole));
  // The person on duty first, then whoever had unlocked this window, then the first in the list.
  const preferred = [session.view?.onDuty?.userId, session.lapsedUserId, offered[0]?.id].find(
    (id) => id !== undefined && offered.some((u) => u.id === id),
  );
  const chosen = userId !== undefined && offered.some((u) => u.id === userId) ? userId : preferred;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!chosen || !pin || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await session.unlock(chosen, pin);
    } catch (failure) {
      setError(failure);
      setPin('');
      pinRef.current?.focus();
      // A failure may have locked the user out: show it in the list.
      reloadUsers().then(setUsers, () => {});
    } finally {
      setBusy(false);
    }
  };
  const press = (digit: string) => {
    setError(undefined);
    setPin((p) => (p.length < PIN_MAX_LENGTH ? p + digit : p));
  };

  const storeProblem = session.view?.storeProblem;
  const noneToOffer = users !== undefined && offered.length === 0;
  return (
    <form className="dialog-form pin-form" onSubmit={submit} noValidate>
      <h2 id="pin-title">{t('pin.title')}</h2>
      <p className="muted">
        {minRole === 'guard' ? t('pin.hint') : t('pin.needs', { role: roleLabel(minRole, lang) })}
      </p>
      {storeProblem && <p className="notice notice-warning">{storeProblem[lang]}</p>}
      {loadError !== undefined && <ErrorNote error={loadError} />}
      {noneToOffer && !storeProblem && (
        <p className="notice notice-warning">
          {session.view?.setupNeeded ? t('pin.noUsersYet') : t('pin.noneWithRole', { role: roleLabel(minRole, lang) })}{' '}
          {session.view?.setupNeeded && (
            <a href={hrefFor({ screen: 'users' })} onClick={onCancel}>
              {t('people.setupLink')}
            </a>
          )}
        </p>
      )}
      {offered.length > 0 && (
        <div className="pin-body">
          <div className="pin-main">
            <fieldset className="pin-users">
              <legend>{t('pin.who')}</legend>
              {offered.map((user) => (
                <label key={user.id} className={`pin-user${chosen === user.id ? ' is-chosen' : ''}`}>
                  <input
                    type="radio"
                    name="pin-user"
                    value={user.id}
                    checked={chosen === user.id}
                    onChange={() => {
                      setUserId(user.id);
                      setError(undefined);
                      pinRef.current?.focus();
                    }}
                  />
                  <span>
                    {personLabel(user, lang)}
                    {user.lockedUntil && (
                      <span className="pin-user-locked small">
                        {' '}
                        {t('people.lockedUntil', { time: formatDateTime(user.lockedUntil) })}
                      </span>
                    )}
                  </span>
                </label>
              ))}
            </fieldset>
            <label className="stacked-field">
              <span>{t('pin.pin')}</span>
              <input
                ref={pinRef}
                className="pin-input"
                type="password"
                inputMode="numeric"
                autoComplete="off"
                maxLength={PIN_MAX_LENGTH}
                value={pin}
                autoFocus
                aria-invalid={error !== undefined || undefined}
                aria-describedby={error !== undefined ? 'pin-error' : undefined}
                onChange={(e) => {
                  setError(undefined);
                  setPin(e.target.value.replace(/\D/g, '').slice(0, PIN_MAX_LENGTH));
                }}
              />
            </label>
            {error !== undefined && <ErrorNote id="pin-error" error={error} />}
          </div>
          <div className="keypad" role="group" aria-label={t('pin.keypad')}>
            {KEYS.map((digit) => (
              <button key={digit} type="button" className="keypad-key" onClick={() => press(digit)}>
                {digit}
              </button>
            ))}
            <button type="button" className="keypad-key keypad-delete" onClick={() => setPin((p) => p.slice(0, -1))}>
              <span aria-hidden="true">⌫ </span>
              {t('pin.delete')}
            </button>
            <button type="button" className="keypad-key" onClick={() => press('0')}>
              0
            </button>
            <button
              type="submit"
              className="keypad-key keypad-ok primary"
              disabled={!pin || !chosen || busy}
              aria-busy={busy || undefined}
            >
              {busy ? t('pin.checking') : t('pin.ok')}
            </button>
          </div>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="big" onClick={onCancel}>
          {t('pin.cancel')}
        </button>
      </div>
    </form>
  );
}
