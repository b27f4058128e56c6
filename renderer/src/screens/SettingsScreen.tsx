// Settings. Language, theme and sound are for whoever is at the PC: they apply at once, no PIN. The branch, its
// phone numbers and the idle lock are what guards rely on: a manager's PIN, and the backend validates them.
// Record integrity shows what "verified" rests on (the key's fingerprint, the seal register's head), to be
// written down or sent to head office, and how far the re-check of the records has come.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/api/channels';
import { LANGUAGES, type Language } from '../../../shared/plan/vocabulary';
import {
  LOCAL_CONTACT_IDS,
  PHONE_PATTERN,
  type PreferencesPatch,
  type Settings,
} from '../../../shared/settings/schema';
import { effectiveTimeZone, isTimeZone, systemTimeZone } from '../../../shared/time/localTime';
import { BRANCH_CODE_MAX, BRANCH_NAME_MAX, TIME_ZONE_NAME_MAX } from '../../../shared/limits';
import { hrefFor } from '../app/router';
import { useSettings } from '../app/SettingsContext';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { ErrorNote } from '../people/ErrorNote';
import { personLabel, roleLabel } from '../people/labels';
import { useSession } from '../people/SessionContext';
import { useRecordsIntegrity, type IntegrityReading } from '../records/useRecordsIntegrity';

const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文（简体）', en: 'English' };

export function SettingsScreen({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <Preferences />
      <BranchSettings />
      <PeopleAndAudit />
      <RecordIntegrity />
      <h2>{t('settings.about')}</h2>
      <dl className="facts">
        <dt>{t('settings.host')}</dt>
        <dd>
          {t(`settings.hosts.${info.host}`)} · Guardbook {info.version}
        </dd>
        <dt>{t('settings.dataDir')}</dt>
        <dd>
          <code className="small">{info.dataDir}</code>
        </dd>
      </dl>
    </section>
  );
}

/** Language, sound and theme: saved as soon as they are chosen. */
function Preferences() {
  const { t } = useTranslation();
  const { state, setPreferences } = useSettings();
  const [status, setStatus] = useState<{ kind: 'saved' } | { kind: 'failed'; error: unknown } | null>(null);
  // The choice shows at once (a radio button must not spring back while the backend saves it).
  const [choosing, setChoosing] = useState<PreferencesPatch>({});
  const settings = { ...state.settings, ...choosing };
  const choose = async (patch: PreferencesPatch) => {
    setStatus(null);
    setChoosing((c) => ({ ...c, ...patch }));
    try {
      await setPreferences(patch);
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'failed', error });
    } finally {
      setChoosing((c) => {
        const rest = { ...c };
        for (const key of Object.keys(patch) as (keyof PreferencesPatch)[]) delete rest[key];
        return rest;
      });
    }
  };
  return (
    <form className="settings" onSubmit={(e) => e.preventDefault()} aria-labelledby="preferences-title">
      <h2 id="preferences-title">{t('settings.preferences')}</h2>
      <p className="muted small">{t('settings.preferencesHint')}</p>
      <fieldset>
        <legend>{t('settings.language')}</legend>
        {LANGUAGES.map((l) => (
          <label key={l} className="choice">
            <input
              type="radio"
              name="language"
              value={l}
              checked={settings.language === l}
              onChange={() => void choose({ language: l })}
            />
            <span lang={l}>{LANGUAGE_NAMES[l]}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('settings.sound')}</legend>
        {[true, false].map((on) => (
          <label key={String(on)} className="choice">
            <input
              type="radio"
              name="sound"
              checked={settings.sound === on}
              onChange={() => void choose({ sound: on })}
            />
            <span>{on ? t('on') : t('off')}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('settings.theme')}</legend>
        {(['standard', 'high-contrast'] as const).map((theme) => (
          <label key={theme} className="choice">
            <input
              type="radio"
              name="theme"
              checked={settings.theme === theme}
              onChange={() => void choose({ theme })}
            />
            <span>{t(`settings.themes.${theme}`)}</span>
          </label>
        ))}
      </fieldset>
      <p role="status" className="muted">
        {status?.kind === 'saved' && t('settings.preferencesSaved')}
      </p>
      {status?.kind === 'failed' && <ErrorNote error={status.error} />}
    </form>
  );
}

type BranchDraft = Pick<Settings, 'branch' | 'phones' | 'timeZone'> & { idleLockMinutes: string };

const draftOf = (s: Settings): BranchDraft => ({
  branch: s.branch,
  phones: s.phones,
  idleLockMinutes: String(s.idleLockMinutes),
  timeZone: s.timeZone,
});

/** Every zone this browser knows, offered as the field is typed in. */
const ZONE_NAMES: readonly string[] = Intl.supportedValuesOf?.('timeZone') ?? [];

function validIdleMinutes(text: string): boolean {
  return /^\d{1,2}$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 60;
}

/** Branch, local numbers and the idle lock: read-only until a manager (or above) unlocks this window. */
function BranchSettings() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { state, update } = useSettings();
  const session = useSession();
  const { branch, phones, idleLockMinutes, timeZone } = state.settings;
  const [draft, setDraft] = useState<BranchDraft>(() => draftOf(state.settings));
  const [status, setStatus] = useState<{ kind: 'saved' } | { kind: 'failed'; error: unknown } | null>(null);
  const [saving, setSaving] = useState(false);
  // Saved elsewhere (another window): show what is saved. Language or theme changes leave the draft alone.
  const saved = JSON.stringify([branch, phones, idleLockMinutes, timeZone]);
  useEffect(() => setDraft(draftOf(state.settings)), [saved]);
  // A window that locked itself for want of use keeps the form, so nothing typed is lost; saving asks again.
  const editable = session.mayEditAs('manager');
  const phoneIds = [...new Set([...LOCAL_CONTACT_IDS, ...Object.keys(draft.phones)])];
  const invalidPhones = phoneIds.filter((id) => draft.phones[id] && !PHONE_PATTERN.test(draft.phones[id]!.trim()));
  const idleInvalid = !validIdleMinutes(draft.idleLockMinutes);
  const zoneInvalid = draft.timeZone.trim() !== '' && !isTimeZone(draft.timeZone.trim());
  const invalid = invalidPhones.length > 0 || idleInvalid || zoneInvalid;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!editable || invalid || saving) return;
    setSaving(true);
    setStatus(null);
    try {
      const patch = {
        branch: draft.branch,
        phones: Object.fromEntries(phoneIds.map((id) => [id, (draft.phones[id] ?? '').trim()])),
        idleLockMinutes: Number(draft.idleLockMinutes),
        timeZone: draft.timeZone.trim(),
      };
      const done = await session.withUnlock('manager', async () => {
        await update(patch);
        return true;
      });
      if (done) setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'failed', error });
    } finally {
      setSaving(false);
    }
  };
  const set = (patch: Partial<BranchDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setStatus(null);
  };

  return (
    <form className="settings" onSubmit={submit} noValidate aria-labelledby="branch-settings-title">
      <h2 id="branch-settings-title">{t('settings.branchSection')}</h2>
      {!editable && (
        <div className="notice notice-info unlock-note">
          <p>{t('settings.needsManager', { role: roleLabel('manager', lang) })}</p>
          <button type="button" className="primary" onClick={() => void session.requestUnlock('manager')}>
            {t('settings.unlockToEdit')}
          </button>
        </div>
      )}
      <fieldset>
        <legend>{t('settings.branch')}</legend>
        <label className="field">
          <span>{t('settings.branchName')}</span>
          <input
            value={draft.branch.name}
            maxLength={BRANCH_NAME_MAX}
            readOnly={!editable}
            onChange={(e) => set({ branch: { ...draft.branch, name: e.target.value } })}
          />
        </label>
        <label className="field">
          <span>{t('settings.branchCode')}</span>
          <input
            value={draft.branch.code}
            maxLength={BRANCH_CODE_MAX}
            readOnly={!editable}
            onChange={(e) => set({ branch: { ...draft.branch, code: e.target.value } })}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('settings.phones')}</legend>
        <p className="muted small">{t('settings.phonesHint')}</p>
        {phoneIds.map((id) => {
          const invalid = invalidPhones.includes(id);
          return (
            <label key={id} className="field">
              <span>{t(`contacts.${id}`, { defaultValue: id })}</span>
              <input
                type="tel"
                inputMode="tel"
                value={draft.phones[id] ?? ''}
                readOnly={!editable}
                aria-invalid={invalid}
                aria-describedby={invalid ? `phone-error-${id}` : undefined}
                onChange={(e) => set({ phones: { ...draft.phones, [id]: e.target.value } })}
              />
              {invalid && (
                <span id={`phone-error-${id}`} className="field-error">
                  {t('settings.phoneInvalid')}
                </span>
              )}
            </label>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>{t('settings.idleLock')}</legend>
        <p className="muted small">{t('settings.idleLockHint')}</p>
        <label className="field">
          <span>{t('settings.idleLockMinutes')}</span>
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            step={1}
            value={draft.idleLockMinutes}
            readOnly={!editable}
            aria-invalid={idleInvalid}
            aria-describedby={idleInvalid ? 'idle-error' : undefined}
            onChange={(e) => set({ idleLockMinutes: e.target.value })}
          />
          {idleInvalid && (
            <span id="idle-error" className="field-error">
              {t('settings.idleLockInvalid')}
            </span>
          )}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('settings.timeZone')}</legend>
        <p className="muted small">{t('settings.timeZoneHint', { system: systemTimeZone() })}</p>
        <label className="field">
          <span>{t('settings.timeZoneName')}</span>
          <input
            name="timeZone"
            value={draft.timeZone}
            maxLength={TIME_ZONE_NAME_MAX}
            placeholder={systemTimeZone()}
            list="time-zone-names"
            autoComplete="off"
            spellCheck={false}
            readOnly={!editable}
            aria-invalid={zoneInvalid}
            aria-describedby={zoneInvalid ? 'time-zone-error' : 'time-zone-in-use'}
            onChange={(e) => set({ timeZone: e.target.value })}
          />
          <datalist id="time-zone-names">
            {ZONE_NAMES.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          {zoneInvalid ? (
            <span id="time-zone-error" className="field-error">
              {t('settings.timeZoneInvalid')}
            </span>
          ) : (
            <span id="time-zone-in-use" className="muted small" data-testid="time-zone-in-use">
              {t('settings.timeZoneInUse', { zone: effectiveTimeZone(timeZone) })}
            </span>
          )}
        </label>
      </fieldset>
      {editable && (
        <div className="form-actions">
          <button type="submit" className="primary" disabled={invalid || saving} aria-busy={saving || undefined}>
            {t('settings.save')}
          </button>
          <span role="status" className="muted">
            {status?.kind === 'saved' && t('settings.saved')}
          </span>
        </div>
      )}
      {status?.kind === 'failed' && <ErrorNote error={status.error} />}
    </form>
  );
}

/** The installation key, the seal register and the re-check: anyone may read them (nothing here is secret). */
function RecordIntegrity() {
  const { t } = useTranslation();
  const [state, reload] = useRecordsIntegrity(true);
  return (
    <section className="settings-integrity" aria-labelledby="integrity-title">
      <h2 id="integrity-title">{t('settings.integrity')}</h2>
      <p className="muted small">{t('settings.integrityHint')}</p>
      <LoadState state={state} retry={reload}>
        {(reading) => <IntegrityFacts reading={reading} />}
      </LoadState>
    </section>
  );
}

function IntegrityFacts({ reading: { integrity } }: { reading: IntegrityReading }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { key, register, check } = integrity;
  const checking = check.done < check.total;
  return (
    <>
      {register.problem && (
        <div role="alert" className="notice notice-error" data-testid="register-problem">
          <p>{register.problem[lang]}</p>
        </div>
      )}
      <dl className="facts integrity-facts">
        <dt>{t('settings.keyFingerprint')}</dt>
        <dd>
          {key ? (
            <code className="fingerprint" data-testid="key-fingerprint">
              {key.fingerprint}
            </code>
          ) : (
            <span className="muted">{t('settings.noKey')}</span>
          )}
        </dd>
        {key && (
          <>
            <dt>{t('settings.keyId')}</dt>
            <dd>
              <code data-testid="key-id">{key.keyId}</code>
            </dd>
            <dt>{t('settings.keyProtection')}</dt>
            <dd data-protection={key.protection}>{t(`settings.protection.${key.protection}`)}</dd>
          </>
        )}
        <dt>{t('settings.registerSeals')}</dt>
        <dd data-testid="register-seals">{t('settings.sealCount', { count: register.seals })}</dd>
        <dt>{t('settings.registerHead')}</dt>
        <dd>
          <code className="fingerprint" data-testid="register-head">
            {register.head}
          </code>
        </dd>
        <dt>{t('settings.recheck')}</dt>
        <dd>
          <span role="status" data-testid="recheck" data-done={checking ? 'false' : 'true'}>
            {checking ? t('settings.checking', { done: check.done, total: check.total }) : t('settings.checked')}
          </span>
        </dd>
      </dl>
    </>
  );
}

/** Links to the people and audit screens, for whoever may use them once unlocked. */
function PeopleAndAudit() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession();
  const unlocked = session.view?.unlocked;
  return (
    <section className="settings-people" aria-labelledby="people-audit-title">
      <h2 id="people-audit-title">{t('settings.peopleAndAudit')}</h2>
      {unlocked ? (
        <>
          <p>{t('settings.unlockedAs', { who: personLabel(unlocked, lang) })}</p>
          <ul className="link-list">
            <li>
              <a className="button-link" href={hrefFor({ screen: 'users' })}>
                {session.isUnlockedAs('admin') ? t('settings.manageUsers') : t('settings.changeMyPin')}
              </a>
            </li>
            {session.isUnlockedAs('manager') && (
              <li>
                <a className="button-link" href={hrefFor({ screen: 'audit' })}>
                  {t('settings.openAudit')}
                </a>
              </li>
            )}
          </ul>
        </>
      ) : (
        <div className="notice notice-info unlock-note">
          <p>
            {session.view?.setupNeeded ? t('people.setupBanner') : t('settings.peopleLocked')}{' '}
            {session.view?.setupNeeded && <a href={hrefFor({ screen: 'users' })}>{t('people.setupLink')}</a>}
          </p>
          {!session.view?.setupNeeded && (
            <button type="button" onClick={() => void session.requestUnlock()}>
              {t('lock.unlock')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
