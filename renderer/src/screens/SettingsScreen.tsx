// Settings: language, branch, local phone numbers, sound and theme. Saved to the backend, which validates.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/api/channels';
import { ApiError } from '../../../shared/api/errors';
import { LANGUAGES, type Language } from '../../../shared/plan/schema';
import { LOCAL_CONTACT_IDS, PHONE_PATTERN, type Settings } from '../../../shared/settings/schema';
import { useSettings } from '../app/SettingsContext';
import { useLanguage } from '../components/useLanguage';

const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文（简体）', en: 'English' };

export function SettingsScreen({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { state, update } = useSettings();
  const [draft, setDraft] = useState<Settings>(state.settings);
  const [status, setStatus] = useState<{ kind: 'saved' | 'failed'; message?: string } | null>(null);
  // Settings changed elsewhere (the header's language switch, another window) replace the form's values.
  useEffect(() => setDraft(state.settings), [state.settings]);
  const phoneIds = [...new Set([...LOCAL_CONTACT_IDS, ...Object.keys(draft.phones)])];
  const invalidPhones = phoneIds.filter((id) => draft.phones[id] && !PHONE_PATTERN.test(draft.phones[id]!.trim()));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (invalidPhones.length > 0) return;
    try {
      const phones = Object.fromEntries(phoneIds.map((id) => [id, (draft.phones[id] ?? '').trim()]));
      await update({ ...draft, phones });
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'failed', message: error instanceof ApiError ? error.body.message[lang] : String(error) });
    }
  };
  const set = (patch: Partial<Settings>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setStatus(null);
  };

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <form className="settings" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('settings.language')}</legend>
          {LANGUAGES.map((l) => (
            <label key={l} className="choice">
              <input
                type="radio"
                name="language"
                value={l}
                checked={draft.language === l}
                onChange={() => set({ language: l })}
              />
              <span lang={l}>{LANGUAGE_NAMES[l]}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('settings.branch')}</legend>
          <label className="field">
            <span>{t('settings.branchName')}</span>
            <input
              value={draft.branch.name}
              maxLength={80}
              onChange={(e) => set({ branch: { ...draft.branch, name: e.target.value } })}
            />
          </label>
          <label className="field">
            <span>{t('settings.branchCode')}</span>
            <input
              value={draft.branch.code}
              maxLength={32}
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
          <legend>{t('settings.sound')}</legend>
          {[true, false].map((on) => (
            <label key={String(on)} className="choice">
              <input type="radio" name="sound" checked={draft.sound === on} onChange={() => set({ sound: on })} />
              <span>{on ? t('on') : t('off')}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('settings.theme')}</legend>
          {(['standard', 'high-contrast'] as const).map((theme) => (
            <label key={theme} className="choice">
              <input type="radio" name="theme" checked={draft.theme === theme} onChange={() => set({ theme })} />
              <span>{t(`settings.themes.${theme}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={invalidPhones.length > 0}>
            {t('settings.save')}
          </button>
          <span role="status" className={status?.kind === 'failed' ? 'field-error' : 'muted'}>
            {status?.kind === 'saved' && t('settings.saved')}
            {status?.kind === 'failed' && t('settings.saveFailed', { message: status.message })}
          </span>
        </div>
      </form>
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
