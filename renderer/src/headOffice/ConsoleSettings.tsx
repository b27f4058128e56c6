// The head-office console's connection (hq.configure, an administrator's): where head office's PostgreSQL is, a
// login of its viewer role (the password is never shown back: left empty, the stored one is kept), TLS and the CA.
// Lengths come from the settings schema itself; the backend checks everything again.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HqStatusView } from '../../../shared/api/channels';
import { HeadOfficeConsoleSettingsSchema, type HeadOfficeConsoleSettings } from '../../../shared/settings/schema';
import { useApi } from '../api/ApiContext';
import { hrefFor } from '../app/router';
import { useAsync } from '../app/useAsync';
import { LoadState } from '../components/LoadState';
import { ErrorNote } from '../people/ErrorNote';
import { useSession } from '../people/SessionContext';
import { useUnlockedCall } from '../training/useUnlockedCall';
import { notUnlocked } from './strings';

const shape = HeadOfficeConsoleSettingsSchema.shape;
const MAX = {
  host: shape.host.unwrap().maxLength ?? undefined,
  database: shape.database.unwrap().maxLength ?? undefined,
  user: shape.user.unwrap().maxLength ?? undefined,
  ca: shape.ca.unwrap().maxLength ?? undefined,
};
const PORT_MIN = shape.port.unwrap().minValue ?? 1;
const PORT_MAX = shape.port.unwrap().maxValue ?? 65_535;
const SSL_MODES = shape.sslMode.unwrap().options;

type Draft = Omit<HeadOfficeConsoleSettings, 'port'> & { port: string; password: string };
const draftOf = (saved: HeadOfficeConsoleSettings): Draft => ({ ...saved, port: String(saved.port), password: '' });
const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);

export function ConsoleSettings() {
  const { t } = useTranslation();
  const api = useApi();
  const asManager = useUnlockedCall('manager', notUnlocked);
  const [state, reload] = useAsync(() => asManager(() => api.call('hq.status')), [asManager]);
  return (
    <>
      <p>
        <a href={hrefFor({ screen: 'hq' })}>{t('hq.backToDashboard')}</a>
      </p>
      <h1 id="hq-title">{t('hq.settings.title')}</h1>
      <p className="muted">{t('hq.settings.hint')}</p>
      <LoadState state={state} retry={reload}>
        {(status: HqStatusView) => <ConsoleForm status={status} />}
      </LoadState>
    </>
  );
}

function ConsoleForm({ status: initial }: { status: HqStatusView }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const [status, setStatus] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial.console));
  const [outcome, setOutcome] = useState<{ kind: 'saved' } | { kind: 'failed'; error: unknown } | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setDraft((d) => ({ ...draftOf(status.console), password: d.password })), [status]);
  const port = Number(draft.port);
  const portInvalid = !/^\d+$/.test(draft.port.trim()) || port < PORT_MIN || port > PORT_MAX;
  const loopbackOnly = draft.sslMode === 'disable' && draft.host.trim() !== '' && !isLoopback(draft.host.trim());
  const isAdmin = session.mayEditAs('admin');
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setOutcome(null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (portInvalid || loopbackOnly || saving) return;
    const { password, port: portText, ...rest } = draft;
    const input = {
      ...HeadOfficeConsoleSettingsSchema.parse({ ...rest, port: Number(portText) }),
      ...(password ? { password } : {}),
    };
    setSaving(true);
    try {
      const next = await session.withUnlock('admin', () => api.call('hq.configure', input));
      if (next) {
        setStatus(next);
        setDraft(draftOf(next.console));
        setOutcome({ kind: 'saved' });
      }
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setSaving(false);
    }
  };
  const field = (name: 'host' | 'database' | 'user') => (
    <label className="field">
      <span>{t(`hq.settings.${name}`)}</span>
      <input
        name={`hq-console-${name}`}
        value={draft[name]}
        maxLength={MAX[name]}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => set({ [name]: e.target.value })}
      />
    </label>
  );
  return (
    <form className="settings hq-console-form" onSubmit={submit} noValidate aria-labelledby="hq-title">
      {!isAdmin && <p className="notice notice-warning">{t('hq.settings.needsAdmin')}</p>}
      <fieldset disabled={!isAdmin}>
        <legend>{t('hq.settings.title')}</legend>
        {field('host')}
        <label className="field">
          <span>{t('hq.settings.port')}</span>
          <input
            name="hq-console-port"
            inputMode="numeric"
            value={draft.port}
            aria-invalid={portInvalid}
            aria-describedby={portInvalid ? 'hq-console-port-error' : undefined}
            onChange={(e) => set({ port: e.target.value })}
          />
          {portInvalid && (
            <span id="hq-console-port-error" className="field-error">
              {t('hq.settings.portInvalid')}
            </span>
          )}
        </label>
        {field('database')}
        {field('user')}
        <label className="field">
          <span>{t('hq.settings.password')}</span>
          <input
            name="hq-console-password"
            type="password"
            value={draft.password}
            autoComplete="new-password"
            aria-describedby="hq-console-password-note"
            onChange={(e) => set({ password: e.target.value })}
          />
          <span id="hq-console-password-note" className="muted small">
            {status.password === 'none'
              ? t('hq.settings.passwordNone')
              : t(`hq.settings.passwordStored.${status.password}`)}
          </span>
        </label>
      </fieldset>
      <fieldset disabled={!isAdmin}>
        <legend>{t('hq.settings.tls')}</legend>
        {SSL_MODES.map((mode) => (
          <label key={mode} className="choice">
            <input
              type="radio"
              name="hq-console-ssl"
              value={mode}
              checked={draft.sslMode === mode}
              onChange={() => set({ sslMode: mode })}
            />
            <span>{t(`hq.settings.sslMode.${mode}`)}</span>
          </label>
        ))}
        {loopbackOnly && <p className="field-error">{t('hq.settings.loopbackOnly')}</p>}
        <label className="field">
          <span>{t('hq.settings.ca')}</span>
          <textarea
            name="hq-console-ca"
            rows={4}
            value={draft.ca}
            maxLength={MAX.ca}
            spellCheck={false}
            onChange={(e) => set({ ca: e.target.value })}
          />
        </label>
      </fieldset>
      {isAdmin && (
        <button type="submit" className="primary" disabled={saving}>
          {t('hq.settings.save')}
        </button>
      )}
      {outcome?.kind === 'saved' && (
        <p role="status" className="muted">
          {t('hq.settings.saved')}
        </p>
      )}
      {outcome?.kind === 'failed' && <ErrorNote error={outcome.error} />}
    </form>
  );
}
