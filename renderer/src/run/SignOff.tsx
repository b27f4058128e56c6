// The end of a run: its outcome, the sign-off form (name, optional note), and once signed the seal
// (key id and head hash) that makes the record tamper-evident. Nothing can be done to a sealed run.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOME_LABELS, pick } from '../../../shared/plan/labels';
import type { IndexedStep } from '../../../shared/plan/stepIndex';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useLanguage } from '../components/useLanguage';
import { CommandError } from './RunBanners';
import { formatClock } from './time';
import type { RunHandle } from './useRun';

const SIGN_OFF = 'signOff';

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
      {view.status === 'ended' && <SignOffForm run={run} />}
      {view.signedOff && (
        <p className="signed-off">
          ✓ {t('run.signedOff', { name: view.signedOff.name, time: formatClock(view.signedOff.at, lang) })}
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

function SignOffForm({ run }: { run: RunHandle }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const busy = run.pending.has(SIGN_OFF);
  return (
    <form
      className="sign-off"
      aria-labelledby="sign-off-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) return;
        void run.send(SIGN_OFF, { type: 'signOff', name: name.trim(), ...(note.trim() ? { note: note.trim() } : {}) });
      }}
    >
      <h2 id="sign-off-title">{t('run.signOff')}</h2>
      <p>{t('run.signOffHint')}</p>
      <label className="stacked-field">
        <span>{t('run.signOffName')}</span>
        <input value={name} maxLength={80} required autoComplete="name" onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="stacked-field">
        <span>{t('run.signOffNote')}</span>
        <textarea value={note} rows={2} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </label>
      <CommandError run={run} />
      <button type="submit" className="primary big" disabled={busy || !name.trim()} aria-busy={busy || undefined}>
        {busy ? t('run.pending') : t('run.signOffSubmit')}
      </button>
    </form>
  );
}
