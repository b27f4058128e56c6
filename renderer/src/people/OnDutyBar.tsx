// Home's lines about people: who is on duty (a claim, no PIN, recorded with each run started here) with a quick
// picker, and the first-start and user-store banners. They load on their own and never hold up the tiles.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicUser } from '../../../shared/people/roles';
import { hrefFor } from '../app/router';
import { useLanguage } from '../components/useLanguage';
import { Dialog } from '../run/Dialog';
import { ErrorNote } from './ErrorNote';
import { personLabel } from './labels';
import { useSession } from './SessionContext';

export function OnDutyBar() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession();
  const [picking, setPicking] = useState(false);
  const view = session.view;
  return (
    <div className="people-bar">
      <div className="duty-bar">
        <span className="duty-who" data-testid="on-duty">
          {view === undefined
            ? t('duty.loading')
            : view.onDuty
              ? t('duty.is', { who: personLabel(view.onDuty, lang) })
              : t('duty.nobody')}
        </span>
        <button
          type="button"
          className="duty-change"
          disabled={view === undefined || view.setupNeeded}
          onClick={() => setPicking(true)}
          aria-haspopup="dialog"
        >
          {view?.onDuty ? t('duty.change') : t('duty.choose')}
        </button>
      </div>
      <Dialog open={picking} onClose={() => setPicking(false)} labelledBy="duty-title" className="duty-dialog">
        <DutyPicker onDone={() => setPicking(false)} />
      </Dialog>
    </div>
  );
}

/** First start (no administrator yet) and an unreadable user store: said once, under Home's heading. */
export function PeopleBanners() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const view = useSession().view;
  if (!view || (!view.setupNeeded && !view.storeProblem)) return null;
  return (
    <div className="people-banners">
      {view.setupNeeded && !view.storeProblem && (
        <p className="people-banner notice notice-info" data-testid="setup-banner">
          {t('people.setupBanner')} <a href={hrefFor({ screen: 'users' })}>{t('people.setupLink')}</a>
        </p>
      )}
      {view.storeProblem && (
        <p className="people-banner notice notice-warning" role="alert">
          {view.storeProblem[lang]}
        </p>
      )}
    </div>
  );
}

function DutyPicker({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession();
  const [users, setUsers] = useState<PublicUser[]>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const { reloadUsers } = session;
  useEffect(() => {
    reloadUsers().then(setUsers, setError);
  }, [reloadUsers]);
  const current = session.view?.onDuty?.userId ?? null;
  const pick = async (userId: string | null) => {
    setBusy(true);
    setError(undefined);
    try {
      await session.setOnDuty(userId);
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const enabled = (users ?? []).filter((u) => !u.disabled);
  return (
    <div className="dialog-form">
      <h2 id="duty-title">{t('duty.pickTitle')}</h2>
      <p className="muted">{t('duty.pickHint')}</p>
      {users === undefined && error === undefined && <p aria-busy="true">…</p>}
      <ul className="duty-choices">
        {enabled.map((user) => (
          <li key={user.id}>
            <button
              type="button"
              className="duty-choice"
              aria-pressed={current === user.id}
              disabled={busy}
              onClick={() => void pick(user.id)}
            >
              {personLabel(user, lang)}
            </button>
          </li>
        ))}
        {users !== undefined && (
          <li>
            <button
              type="button"
              className="duty-choice duty-nobody"
              aria-pressed={current === null}
              disabled={busy}
              onClick={() => void pick(null)}
            >
              {t('duty.nobodyChoice')}
            </button>
          </li>
        )}
      </ul>
      {error !== undefined && <ErrorNote error={error} />}
      <div className="dialog-actions">
        <button type="button" className="big" onClick={onDone}>
          {t('duty.cancel')}
        </button>
      </div>
    </div>
  );
}
