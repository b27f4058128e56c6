// The head-office connection, an administrator's: where head office's PostgreSQL is, this branch's login (the
// password is never shown back: left empty it is kept), TLS, the CA, and head office's public key with its
// fingerprint, to compare with head office's letter before pinning it. The lengths and the key's form come from the
// settings schema itself, so the form and the backend cannot disagree; the backend checks everything again.
import { isLoopback } from '../../../shared/hq/loopback';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatusView } from '../../../shared/api/channels';
import { HeadOfficeSettingsSchema, type HeadOfficeSettings } from '../../../shared/settings/schema';
import { useApi } from '../api/ApiContext';
import { ErrorNote } from '../people/ErrorNote';
import { useSession } from '../people/SessionContext';
import { keyFingerprint } from './keyFingerprint';

const shape = HeadOfficeSettingsSchema.shape;
const HOST_MAX = shape.host.unwrap().maxLength ?? undefined;
const DATABASE_MAX = shape.database.unwrap().maxLength ?? undefined;
const USER_MAX = shape.user.unwrap().maxLength ?? undefined;
const CA_MAX = shape.ca.unwrap().maxLength ?? undefined;
const PORT_MIN = shape.port.unwrap().minValue ?? 1;
const PORT_MAX = shape.port.unwrap().maxValue ?? 65_535;
const SSL_MODES = shape.sslMode.unwrap().options;

/** The form as typed: the port as text, and a new password (empty: keep the stored one). */
type Draft = Omit<HeadOfficeSettings, 'port'> & { port: string; password: string };

const draftOf = (saved: HeadOfficeSettings): Draft => ({ ...saved, port: String(saved.port), password: '' });

interface Problems {
  port?: boolean;
  publicKey?: boolean;
  loopbackOnly?: boolean;
}

function problemsOf(draft: Draft): Problems {
  const port = Number(draft.port);
  const host = draft.host.trim();
  return {
    port: !/^\d+$/.test(draft.port.trim()) || port < PORT_MIN || port > PORT_MAX,
    publicKey: !shape.publicKey.safeParse(draft.publicKey).success,
    loopbackOnly: draft.sslMode === 'disable' && host !== '' && !isLoopback(host),
  };
}

export function HeadOfficeForm({ status, onSaved }: { status: SyncStatusView; onSaved(status: SyncStatusView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const [draft, setDraft] = useState<Draft>(() => draftOf(status.headOffice));
  const [outcome, setOutcome] = useState<{ kind: 'saved' } | { kind: 'failed'; error: unknown } | null>(null);
  const [saving, setSaving] = useState(false);
  // Saved from another window: show what is saved. A status push with the same connection leaves the typing alone.
  const saved = JSON.stringify(status.headOffice);
  useEffect(() => setDraft((d) => ({ ...draftOf(status.headOffice), password: d.password })), [saved]);
  const fingerprint = useFingerprint(draft.publicKey);
  const problems = problemsOf(draft);
  const invalid = Object.values(problems).some(Boolean);

  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setOutcome(null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (invalid || saving) return;
    const { password, port, ...rest } = draft;
    setSaving(true);
    setOutcome(null);
    try {
      // Trimmed as the backend will store it; what the checks above let through always parses.
      const input = {
        ...HeadOfficeSettingsSchema.parse({ ...rest, port: Number(port) }),
        ...(password ? { password } : {}),
      };
      const next = await session.withUnlock('admin', () => api.call('sync.configure', input));
      if (next) {
        onSaved(next);
        setDraft(draftOf(next.headOffice));
        setOutcome({ kind: 'saved' });
      }
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setSaving(false);
    }
  };

  const text = (field: 'host' | 'database' | 'user', max: number | undefined, hint?: string) => (
    <Field
      id={`hq-${field}`}
      label={t(`headOffice.form.${field}`)}
      note={hint && <span className="muted small">{hint}</span>}
    >
      <input
        id={`hq-${field}`}
        value={draft[field]}
        maxLength={max}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hint ? `hq-${field}-note` : undefined}
        onChange={(e) => set({ [field]: e.target.value })}
      />
    </Field>
  );

  return (
    <form className="settings head-office-form" onSubmit={submit} noValidate aria-labelledby="head-office-form-title">
      <h3 id="head-office-form-title">{t('headOffice.form.title')}</h3>
      <fieldset>
        <legend>{t('headOffice.form.server')}</legend>
        {text('host', HOST_MAX)}
        <Field
          id="hq-port"
          label={t('headOffice.form.port')}
          note={problems.port && <span className="field-error">{t('headOffice.form.portInvalid')}</span>}
        >
          <input
            id="hq-port"
            inputMode="numeric"
            value={draft.port}
            aria-invalid={problems.port}
            aria-describedby={problems.port ? 'hq-port-note' : undefined}
            onChange={(e) => set({ port: e.target.value })}
          />
        </Field>
        {text('database', DATABASE_MAX)}
        {text('user', USER_MAX, t('headOffice.form.userHint'))}
        <Field
          id="hq-password"
          label={t('headOffice.form.password')}
          note={
            <span className="muted small" data-testid="hq-password-note">
              {status.password === 'none'
                ? t('headOffice.form.passwordNone')
                : t(`headOffice.form.passwordStored.${status.password}`)}
            </span>
          }
        >
          <input
            id="hq-password"
            type="password"
            value={draft.password}
            autoComplete="new-password"
            aria-describedby="hq-password-note"
            onChange={(e) => set({ password: e.target.value })}
          />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('headOffice.form.tls')}</legend>
        {SSL_MODES.map((mode) => (
          <label key={mode} className="choice">
            <input
              type="radio"
              name="hq-ssl-mode"
              value={mode}
              checked={draft.sslMode === mode}
              aria-describedby={problems.loopbackOnly ? 'hq-loopback-error' : undefined}
              onChange={() => set({ sslMode: mode })}
            />
            <span>{t(`headOffice.form.tlsModes.${mode}`)}</span>
          </label>
        ))}
        {problems.loopbackOnly && (
          <p id="hq-loopback-error" className="field-error">
            {t('headOffice.form.loopbackOnly')}
          </p>
        )}
        <Field
          id="hq-ca"
          className="head-office-pem"
          label={t('headOffice.form.ca')}
          note={<span className="muted small">{t('headOffice.form.caHint')}</span>}
        >
          <textarea
            id="hq-ca"
            rows={4}
            value={draft.ca}
            maxLength={CA_MAX}
            spellCheck={false}
            aria-describedby="hq-ca-note"
            onChange={(e) => set({ ca: e.target.value })}
          />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('headOffice.form.signing')}</legend>
        <p className="muted small" id="hq-key-hint">
          {t('headOffice.form.publicKeyHint')}
        </p>
        <Field
          id="hq-public-key"
          className="head-office-key"
          label={t('headOffice.form.publicKey')}
          note={problems.publicKey && <span className="field-error">{t('headOffice.form.keyInvalid')}</span>}
        >
          <input
            id="hq-public-key"
            value={draft.publicKey}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problems.publicKey}
            aria-describedby={problems.publicKey ? 'hq-public-key-note' : 'hq-key-hint'}
            onChange={(e) => set({ publicKey: e.target.value.trim() })}
          />
        </Field>
        {fingerprint && (
          <dl className="facts">
            <dt>{t('headOffice.form.fingerprint')}</dt>
            <dd>
              <code className="fingerprint" data-testid="hq-key-fingerprint">
                {fingerprint}
              </code>
            </dd>
          </dl>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={invalid || saving}>
          {t('headOffice.form.save')}
        </button>
        <span role="status" className="muted">
          {outcome?.kind === 'saved' && t('headOffice.form.saved')}
        </span>
      </div>
      {outcome?.kind === 'failed' && <ErrorNote error={outcome.error} />}
    </form>
  );
}

/**
 * One row of the form: the label, the control, and a note beside it (`<id>-note`, for aria-describedby), kept out
 * of the label so the control's name is the label alone.
 */
function Field({
  id,
  label,
  note,
  className,
  children,
}: {
  id: string;
  label: string;
  note?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      <span id={`${id}-note`}>{note}</span>
    </div>
  );
}

/** The fingerprint of a well-formed key (none while the field is empty or wrong). */
function useFingerprint(publicKey: string): string | undefined {
  const [fingerprint, setFingerprint] = useState<string>();
  const wellFormed = publicKey !== '' && shape.publicKey.safeParse(publicKey).success;
  useEffect(() => {
    setFingerprint(undefined);
    if (!wellFormed) return;
    let live = true;
    void keyFingerprint(publicKey).then((value) => live && setFingerprint(value));
    return () => {
      live = false;
    };
  }, [publicKey, wellFormed]);
  return fingerprint;
}
