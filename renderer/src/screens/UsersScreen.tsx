// People (人员管理): at first start, the form that creates the administrator; then the list of users and, for an
// administrator, adding people, changing names and roles, disabling, new PINs and lifting lockouts. Anyone
// unlocked changes their own PIN here. Every refusal is the backend's (weak PIN, last administrator…).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type PublicUser, type Role } from '../../../shared/people/roles';
import { USER_NAME_MAX } from '../../../shared/limits';
import { useApi } from '../api/ApiContext';
import { useLanguage } from '../components/useLanguage';
import { ErrorNote } from '../people/ErrorNote';
import { personLabel, roleLabel } from '../people/labels';
import { EMPTY_PIN_PAIR, PinField, PinPairFields, pinPairMismatch, type PinPair } from '../people/PinFields';
import { useSession } from '../people/SessionContext';
import { useUnlockedAction } from '../people/useUnlockedAction';
import { formatDateTime } from '../records/recordTime';

export function UsersScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession();
  const view = session.view;
  return (
    <section className="people-screen" aria-labelledby="users-title">
      <h1 id="users-title">{t('users.title')}</h1>
      {view === undefined ? (
        <p className="muted" aria-busy="true">
          …
        </p>
      ) : view.storeProblem ? (
        <p className="notice notice-warning" role="alert">
          {view.storeProblem[lang]}
        </p>
      ) : view.setupNeeded ? (
        <SetupForm />
      ) : (
        <People />
      )}
    </section>
  );
}

/** First start: the administrator, who also unlocks this window. */
function SetupForm() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const [name, setName] = useState('');
  const [pins, setPins] = useState<PinPair>(EMPTY_PIN_PAIR);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || !pins.pin || pins.pin !== pins.again || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      session.apply(await api.call('users.setup', { name: name.trim(), pin: pins.pin }));
      await session.reloadUsers();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="people-form" aria-labelledby="setup-title" onSubmit={submit} noValidate>
      <h2 id="setup-title">{t('users.setupTitle')}</h2>
      <p>{t('users.setupText')}</p>
      <label className="field">
        <span>{t('users.name')}</span>
        <input value={name} maxLength={USER_NAME_MAX} autoComplete="off" onChange={(e) => setName(e.target.value)} />
      </label>
      <PinPairFields value={pins} onChange={setPins} />
      {error !== undefined && <ErrorNote error={error} />}
      <div className="form-actions">
        <button
          type="submit"
          className="primary big"
          disabled={!name.trim() || !pins.pin || pins.pin !== pins.again || busy}
          aria-busy={busy || undefined}
        >
          {t('users.setupSubmit')}
        </button>
      </div>
    </form>
  );
}

function People() {
  const { t } = useTranslation();
  const session = useSession();
  const [loadError, setLoadError] = useState<unknown>();
  const { reloadUsers, users } = session;
  useEffect(() => {
    reloadUsers().catch(setLoadError);
  }, [reloadUsers]);
  const admin = session.mayEditAs('admin');
  const unlocked = session.view?.unlocked;
  const [editing, setEditing] = useState<string>();
  const editingUser = users?.find((u) => u.id === editing);
  return (
    <>
      {!unlocked && !session.lapsed && (
        <div className="notice notice-info unlock-note">
          <p>{t('users.lockedHint')}</p>
          <button type="button" className="primary" onClick={() => void session.requestUnlock()}>
            {t('lock.unlock')}
          </button>
        </div>
      )}
      {loadError !== undefined && <ErrorNote error={loadError} />}
      {users && <UserTable users={users} admin={admin} onEdit={setEditing} />}
      {admin && editingUser && (
        <EditUser key={editingUser.id} user={editingUser} onClose={() => setEditing(undefined)} />
      )}
      {admin && <AddUser />}
      {(unlocked || session.lapsed) && <ChangeMyPin />}
    </>
  );
}

function UserTable({
  users,
  admin,
  onEdit,
}: {
  users: PublicUser[];
  admin: boolean;
  onEdit: (userId: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const session = useSession();
  const { outcome, busy, run } = useUnlockedAction('admin');
  const act = (userId: string, action: () => Promise<unknown>, done: string) =>
    run(
      action,
      async () => {
        await session.reloadUsers();
        return done;
      },
      userId,
    );
  const now = Date.now();
  return (
    <section aria-labelledby="users-list-title">
      <h2 id="users-list-title">{t('users.listTitle', { count: users.length })}</h2>
      <table className="people-table">
        <thead>
          <tr>
            <th scope="col">{t('users.name')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.status')}</th>
            {admin && <th scope="col">{t('users.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const lockedUntil = user.lockedUntil && Date.parse(user.lockedUntil) > now ? user.lockedUntil : undefined;
            return (
              <tr key={user.id} data-user-id={user.id} className={user.disabled ? 'is-disabled' : undefined}>
                <th scope="row">{user.name}</th>
                <td>{roleLabel(user.role, lang)}</td>
                <td>
                  {user.disabled ? t('users.disabled') : t('users.enabled')}
                  {lockedUntil && (
                    <span className="badge badge-error user-locked">
                      {t('people.lockedUntil', { time: formatDateTime(lockedUntil) })}
                    </span>
                  )}
                </td>
                {admin && (
                  <td>
                    <div className="people-actions">
                      <button type="button" onClick={() => onEdit(user.id)} disabled={busy === user.id}>
                        {t('users.edit')}
                        <span className="visually-hidden">：{user.name}</span>
                      </button>
                      <button
                        type="button"
                        disabled={busy === user.id}
                        onClick={() =>
                          void act(
                            user.id,
                            () => api.call('users.update', { userId: user.id, disabled: !user.disabled }),
                            user.disabled
                              ? t('users.enabledDone', { name: user.name })
                              : t('users.disabledDone', { name: user.name }),
                          )
                        }
                      >
                        {user.disabled ? t('users.enable') : t('users.disable')}
                        <span className="visually-hidden">：{user.name}</span>
                      </button>
                      {lockedUntil && (
                        <button
                          type="button"
                          disabled={busy === user.id}
                          onClick={() =>
                            void act(
                              user.id,
                              () => api.call('users.clearLockout', { userId: user.id }),
                              t('users.lockoutCleared', { name: user.name }),
                            )
                          }
                        >
                          {t('users.clearLockout')}
                          <span className="visually-hidden">：{user.name}</span>
                        </button>
                      )}
                    </div>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p role="status" className="muted">
        {outcome?.kind === 'done' && outcome.text}
      </p>
      {outcome?.kind === 'failed' && <ErrorNote error={outcome.error} />}
    </section>
  );
}

/** One user's name and role, and a new PIN for them. */
function EditUser({ user, onClose }: { user: PublicUser; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const session = useSession();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [pins, setPins] = useState<PinPair>(EMPTY_PIN_PAIR);
  const { outcome, run } = useUnlockedAction('admin');
  const { outcome: pinOutcome, run: runPin } = useUnlockedAction('admin');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const changed = name.trim() !== user.name || role !== user.role;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || !changed) return;
    const patch = {
      userId: user.id,
      ...(name.trim() !== user.name ? { name: name.trim() } : {}),
      ...(role !== user.role ? { role } : {}),
    };
    await run(
      () => api.call('users.update', patch),
      async (saved) => {
        await session.reloadUsers();
        await session.refresh(); // the on-duty line or this window's own name may have changed
        return t('users.savedUser', { who: personLabel(saved, lang) });
      },
    );
  };
  const resetPin = async (event: FormEvent) => {
    event.preventDefault();
    if (!pins.pin || pins.pin !== pins.again) return;
    await runPin(
      () => api.call('users.resetPin', { userId: user.id, pin: pins.pin }),
      async (saved) => {
        setPins(EMPTY_PIN_PAIR);
        await session.reloadUsers();
        return t('users.pinResetDone', { name: saved.name });
      },
    );
  };
  return (
    <section className="people-panel" aria-labelledby="edit-user-title">
      <h2 id="edit-user-title" ref={heading} tabIndex={-1}>
        {t('users.editTitle', { name: user.name })}
      </h2>
      <form className="people-form" aria-labelledby="edit-user-details" onSubmit={save} noValidate>
        <h3 id="edit-user-details">{t('users.details')}</h3>
        <label className="field">
          <span>{t('users.name')}</span>
          <input value={name} maxLength={USER_NAME_MAX} autoComplete="off" onChange={(e) => setName(e.target.value)} />
        </label>
        <RoleSelect value={role} onChange={setRole} />
        {outcome?.kind === 'failed' && <ErrorNote error={outcome.error} />}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!name.trim() || !changed}>
            {t('users.saveUser')}
          </button>
          <span role="status" className="muted">
            {outcome?.kind === 'done' && outcome.text}
          </span>
        </div>
      </form>
      <form className="people-form" aria-labelledby="reset-pin-title" onSubmit={resetPin} noValidate>
        <h3 id="reset-pin-title">{t('users.resetPinTitle')}</h3>
        <p className="muted small">{t('users.resetPinHint')}</p>
        <PinPairFields value={pins} onChange={setPins} label={t('users.newPin')} />
        {pinOutcome?.kind === 'failed' && <ErrorNote error={pinOutcome.error} />}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!pins.pin || pins.pin !== pins.again}>
            {t('users.resetPin')}
          </button>
          <span role="status" className="muted">
            {pinOutcome?.kind === 'done' && pinOutcome.text}
          </span>
        </div>
      </form>
      <button type="button" onClick={onClose}>
        {t('users.closeEdit')}
      </button>
    </section>
  );
}

function RoleSelect({ value, onChange }: { value: Role; onChange: (role: Role) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <label className="field">
      <span>{t('users.role')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as Role)}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {roleLabel(role, lang)}
          </option>
        ))}
      </select>
    </label>
  );
}

function AddUser() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const session = useSession();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('guard');
  const [pins, setPins] = useState<PinPair>(EMPTY_PIN_PAIR);
  const { outcome, busy: running, run } = useUnlockedAction('admin');
  const busy = running !== undefined;
  const ready = name.trim() !== '' && pins.pin !== '' && pins.pin === pins.again && !busy;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    await run(
      () => api.call('users.add', { name: name.trim(), role, pin: pins.pin }),
      async (added) => {
        setName('');
        setRole('guard');
        setPins(EMPTY_PIN_PAIR);
        await session.reloadUsers();
        return t('users.added', { who: personLabel(added, lang) });
      },
    );
  };
  return (
    <form className="people-form" aria-labelledby="add-user-title" onSubmit={submit} noValidate>
      <h2 id="add-user-title">{t('users.addTitle')}</h2>
      <label className="field">
        <span>{t('users.name')}</span>
        <input value={name} maxLength={USER_NAME_MAX} autoComplete="off" onChange={(e) => setName(e.target.value)} />
      </label>
      <RoleSelect value={role} onChange={setRole} />
      <PinPairFields value={pins} onChange={setPins} />
      {outcome?.kind === 'failed' && <ErrorNote error={outcome.error} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!ready} aria-busy={busy || undefined}>
          {t('users.add')}
        </button>
        <span role="status" className="muted">
          {outcome?.kind === 'done' && outcome.text}
        </span>
      </div>
    </form>
  );
}

/** Whoever unlocked this window changes their own PIN, giving the current one again. */
function ChangeMyPin() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const [current, setCurrent] = useState('');
  const [pins, setPins] = useState<PinPair>(EMPTY_PIN_PAIR);
  const { outcome, busy: running, run } = useUnlockedAction('guard');
  const busy = running !== undefined;
  const who = session.view?.unlocked ?? session.lapsed;
  const ready = current !== '' && pins.pin !== '' && !pinPairMismatch(pins) && pins.pin === pins.again && !busy;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    await run(
      () => api.call('users.changePin', { currentPin: current, newPin: pins.pin }),
      () => {
        setCurrent('');
        setPins(EMPTY_PIN_PAIR);
        return t('users.pinChanged');
      },
    );
  };
  return (
    <form className="people-form" aria-labelledby="change-pin-title" onSubmit={submit} noValidate>
      <h2 id="change-pin-title">{t('users.changePinTitle')}</h2>
      {who && <p className="muted small">{t('users.changePinFor', { name: who.name })}</p>}
      <PinField label={t('users.currentPin')} value={current} onChange={setCurrent} />
      <PinPairFields value={pins} onChange={setPins} label={t('users.newPin')} />
      {outcome?.kind === 'failed' && <ErrorNote error={outcome.error} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!ready} aria-busy={busy || undefined}>
          {t('users.changePin')}
        </button>
        <span role="status" className="muted">
          {outcome?.kind === 'done' && outcome.text}
        </span>
      </div>
    </form>
  );
}
