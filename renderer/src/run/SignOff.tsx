// The end of a run: its outcome, a live incident's close-out, the sign-off form (confirmed with the signer's PIN,
// or a typed name recorded as unverified; optional note), and once signed the seal (key id and head hash) that
// makes the record tamper-evident. Nothing can be done to a sealed run.
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOME_LABELS, pick } from '../../../shared/plan/labels';
import type { IndexedStep } from '../../../shared/plan/stepIndex';
import type { RunView } from '../../../shared/run/runViewSchema';
import { closeOutRequired } from '../../../shared/run/closeOutRequired';
import { SIGN_OFF_NAME_MAX, SIGN_OFF_NOTE_MAX } from '../../../shared/limits';
import { useLanguage } from '../components/useLanguage';
import { personLabel } from '../people/labels';
import { PinField } from '../people/PinFields';
import { useSession } from '../people/SessionContext';
import { CommandError } from './RunBanners';
import { formatClock } from './time';
import type { RunHandle } from './useRun';

const SIGN_OFF = 'signOff';

// The close-out form validates with the close-out's schema: loaded apart, so the runner's first paint builds none.
// The run screen asks for it once its first frame is up (preloadCloseOutForm), long before any run ends.
const loadCloseOutForm = () => import('./CloseOutForm');
const CloseOutForm = lazy(() => loadCloseOutForm().then((m) => ({ default: m.CloseOutForm })));
export const preloadCloseOutForm = (): void => void loadCloseOutForm().catch(() => {});

export function RunEnd({ view, index, run }: { view: RunView; index: Map<string, IndexedStep>; run: RunHandle }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const outcome = view.outcome;
  const end = outcome?.endStep ? index.get(outcome.endStep)?.step : undefined;
  return (
    <div className="run-end">
      <section className={`end-card outcome-${outcome?.outcome ?? 'none'}`} aria-labelledby="end-title">
        <h2 id="end-title">{t('run.ended', { context: view.mode })}</h2>
        {outcome && (
          <p className="end-outcome">{t('run.outcome', { outcome: OUTCOME_LABELS[outcome.outcome][lang] })}</p>
        )}
        {end && <p className="end-title">{pick(end.title, lang)}</p>}
        {end && 'detail' in end && end.detail && <p className="step-detail">{pick(end.detail, lang)}</p>}
        {outcome?.reason && <p>{t('run.abortReasonShown', { reason: outcome.reason })}</p>}
      </section>
      {closeOutRequired(view) && (view.status === 'ended' || view.closeOut) && (
        <Suspense fallback={null}>
          <CloseOutForm view={view} run={run} />
        </Suspense>
      )}
      {view.status === 'ended' && <SignOffForm view={view} run={run} />}
      {view.signedOff && (
        <p className="signed-off">
          ✓ {t('run.signedOff', { name: view.signedOff.name, time: formatClock(view.signedOff.at, lang) })} ·{' '}
          <SignedVerified verified={view.signedOff.verified} />
          {view.signedOff.note && <span className="muted"> — {view.signedOff.note}</span>}
        </p>
      )}
      {view.status === 'signed-off' && (
        <p role="alert" className="notice notice-warning">
          {t('run.signedNotSealed')}
        </p>
      )}
      {view.sealed && (
        <section className="seal" aria-labelledby="seal-title">
          <h2 id="seal-title">
            <LockIcon /> {t('run.sealed')}
          </h2>
          <p>{t('run.sealedText')}</p>
          <dl className="facts">
            <dt>{t('run.keyId')}</dt>
            <dd>
              <code data-testid="seal-key">{view.sealed.keyId}</code>
            </dd>
            <dt>{t('run.head')}</dt>
            <dd>
              <code data-testid="seal-head">{view.sealed.head}</code>
            </dd>
          </dl>
        </section>
      )}
    </div>
  );
}

/** Drawn inline: the lock emoji is missing from many Windows and Linux fonts. */
function LockIcon() {
  return (
    <svg
      width="26"
      height="26"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      aria-hidden="true"
      focusable="false"
      className="seal-icon"
    >
      <rect x="4" y="10" width="16" height="11" rx="2" />
      <path d="M8 10V7a4 4 0 018 0v3" />
    </svg>
  );
}

/** 已核验 PIN / 未核验，手写姓名: said wherever a sign-off is shown. */
export function SignedVerified({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={verified ? 'signed-verified' : 'signed-unverified'} data-testid="sign-off-verified">
      {verified ? t('signing.verified') : t('signing.unverified')}
    </span>
  );
}

type Method = 'pin' | 'name';

/**
 * Two ways to sign: the signer's PIN (checked by the backend like an unlock; the record says "verified"), or a
 * typed name (unverified). Both start from the person on duty. With no users at all only the name is possible.
 */
function SignOffForm({ view, run }: { view: RunView; run: RunHandle }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession();
  const { reloadUsers } = session;
  useEffect(() => {
    void reloadUsers().catch(() => {}); // without users, only a typed name is offered
  }, [reloadUsers]);
  const users = (session.users ?? []).filter((u) => !u.disabled);
  const onDuty = session.view?.onDuty ?? null;
  const preferred = onDuty?.userId ?? session.view?.unlocked?.userId;
  const [method, setMethod] = useState<Method>();
  const [signerId, setSignerId] = useState<string>();
  const [name, setName] = useState<string>();
  const [pin, setPin] = useState('');
  const [note, setNote] = useState('');
  const [failed, setFailed] = useState(false);
  const busy = run.pending.has(SIGN_OFF);
  const chosen: Method = users.length === 0 ? 'name' : (method ?? 'pin');
  const signer = users.find((u) => u.id === (signerId ?? preferred)) ?? users[0];
  const typed = name ?? onDuty?.name ?? '';
  const needsCloseOut = closeOutRequired(view) && !view.closeOut;
  const ready = !needsCloseOut && (chosen === 'pin' ? signer !== undefined && pin.length > 0 : typed.trim() !== '');
  return (
    <form
      className="sign-off"
      aria-labelledby="sign-off-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready) return;
        const extra = note.trim() ? { note: note.trim() } : {};
        const command =
          chosen === 'pin' && signer
            ? { type: 'signOff' as const, name: signer.name, ...extra, pin: { userId: signer.id, pin } }
            : { type: 'signOff' as const, name: typed.trim(), ...extra };
        void run.send(SIGN_OFF, command).then((ok) => {
          setFailed(!ok);
          if (!ok) setPin(''); // a wrong PIN is typed again, never kept on screen
        });
      }}
    >
      <h2 id="sign-off-title">{t('run.signOff')}</h2>
      <p>{t('run.signOffHint')}</p>
      {needsCloseOut && <p className="notice notice-warning">{t('signing.needsCloseOut')}</p>}
      {users.length === 0 ? (
        <p className="muted">{t('signing.noUsers')}</p>
      ) : (
        <fieldset className="sign-off-method">
          <legend>{t('signing.method')}</legend>
          {(['pin', 'name'] as const).map((m) => (
            <label key={m} className="close-out-choice">
              <input type="radio" name="sign-off-method" checked={chosen === m} onChange={() => setMethod(m)} />
              {m === 'pin' ? t('signing.methodPin') : t('signing.methodName')}
            </label>
          ))}
        </fieldset>
      )}
      {chosen === 'pin' && signer ? (
        <>
          <label className="stacked-field">
            <span>{t('signing.signer')}</span>
            <select value={signer.id} onChange={(e) => setSignerId(e.target.value)}>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {personLabel(u, lang)}
                </option>
              ))}
            </select>
          </label>
          <PinField label={t('signing.pin')} value={pin} onChange={setPin} autoComplete="off" />
        </>
      ) : (
        <>
          <label className="stacked-field">
            <span>{t('run.signOffName')}</span>
            <input
              value={typed}
              maxLength={SIGN_OFF_NAME_MAX}
              required
              autoComplete="name"
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          {users.length > 0 && <p className="muted small">{t('signing.nameHint')}</p>}
        </>
      )}
      <label className="stacked-field">
        <span>{t('run.signOffNote')}</span>
        <textarea value={note} rows={2} maxLength={SIGN_OFF_NOTE_MAX} onChange={(e) => setNote(e.target.value)} />
      </label>
      {failed && <CommandError run={run} />}
      <button type="submit" className="primary big" disabled={busy || !ready} aria-busy={busy || undefined}>
        {busy ? t('run.pending') : t('run.signOffSubmit')}
      </button>
    </form>
  );
}
