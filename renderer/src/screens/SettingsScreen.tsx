// Settings. Language, theme and sound are for whoever is at the PC: they apply at once, no PIN. The branch, its
// contact directory and the idle lock are what guards rely on: a manager's PIN, and the backend validates them.
// Record integrity shows what "verified" rests on (the key's fingerprint, the seal register's head), to be
// written down or sent to head office, and how far the re-check of the records has come.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/api/channels';
import { contactIdsOf, unfilledContacts } from '../../../shared/contacts/directory';
import { pick } from '../../../shared/plan/labels';
import type { Localized, Plan } from '../../../shared/plan/schema';
import { LANGUAGES, type Language } from '../../../shared/plan/vocabulary';
import type { ContactDirectory, DirectoryContact, PreferencesPatch, Settings } from '../../../shared/settings/schema';
import { effectiveTimeZone, isTimeZone, systemTimeZone } from '../../../shared/time/localTime';
import {
  BRANCH_CODE_MAX,
  BRANCH_NAME_MAX,
  CONTACT_NAME_MAX,
  CONTACT_NOTES_MAX,
  CONTACT_PHONES_MAX,
  CONTACT_ROLE_MAX,
  DIRECTORY_CONTACTS_MAX,
  PHONE_PATTERN,
  SLUG_MAX,
  SLUG_PATTERN,
  TIME_ZONE_NAME_MAX,
} from '../../../shared/limits';
import { useApi, usePush } from '../api/ApiContext';
import { hrefFor } from '../app/router';
import { useAsync } from '../app/useAsync';
import { useSettings } from '../app/SettingsContext';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { ErrorNote } from '../people/ErrorNote';
import { personLabel, roleLabel } from '../people/labels';
import { useSession } from '../people/SessionContext';
import { useRecordsIntegrity, type IntegrityReading } from '../records/useRecordsIntegrity';
import { HeadOfficeSettings } from '../headOfficeSync/HeadOfficeSettings';

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
      <HeadOfficeSettings />
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

type BranchDraft = Pick<Settings, 'branch' | 'timeZone'> & {
  idleLockMinutes: string;
  /** The directory as typed, by contact id (an offered contact appears here once something is typed into it). */
  contacts: Record<string, ContactDraft>;
};

/** A directory contact as the form holds it: every field as typed, numbers as one input each. */
interface ContactDraft {
  nameZh: string;
  nameEn: string;
  role: string;
  phones: string[];
  notes: string;
}

const EMPTY_CONTACT: ContactDraft = { nameZh: '', nameEn: '', role: '', phones: [''], notes: '' };

const contactDraftOf = (c: DirectoryContact): ContactDraft => ({
  nameZh: c.name['zh-CN'],
  nameEn: c.name.en,
  role: c.role,
  phones: [...c.phones],
  notes: c.notes,
});

const draftOf = (s: Settings): BranchDraft => ({
  branch: s.branch,
  contacts: Object.fromEntries(Object.entries(s.contacts).map(([id, c]) => [id, contactDraftOf(c)])),
  idleLockMinutes: String(s.idleLockMinutes),
  timeZone: s.timeZone,
});

const isBlank = (d: ContactDraft) => [d.nameZh, d.nameEn, d.role, d.notes, ...d.phones].every((v) => v.trim() === '');

/** What is wrong with a contact as typed: which numbers are not numbers, and whether it has none at all. */
interface ContactProblems {
  phones: boolean[];
  noPhone: boolean;
}

/**
 * The directory the form would save, and what stops it: a contact the plans offer and nobody filled in is left out;
 * every other one needs a number, and every number must be one.
 */
function directoryOf(
  contacts: Record<string, ContactDraft>,
  offered: ReadonlySet<string>,
): { directory: ContactDirectory; problems: Record<string, ContactProblems> } {
  const directory: ContactDirectory = {};
  const problems: Record<string, ContactProblems> = {};
  for (const [id, d] of Object.entries(contacts)) {
    if (offered.has(id) && isBlank(d)) continue;
    const phones = d.phones.map((p) => p.trim()).filter((p) => p !== '');
    directory[id] = {
      name: { 'zh-CN': d.nameZh.trim(), en: d.nameEn.trim() },
      role: d.role.trim(),
      phones,
      notes: d.notes.trim(),
    };
    const bad = d.phones.map((p) => p.trim() !== '' && !PHONE_PATTERN.test(p.trim()));
    if (phones.length === 0 || bad.some(Boolean)) problems[id] = { phones: bad, noPhone: phones.length === 0 };
  }
  return { directory, problems };
}

/** A contact id the plans use: its name in a plan, the plans (short titles), and whether a plan leaves its number out. */
interface PlanContact {
  name: Localized | undefined;
  plans: Localized[];
  unfilled: boolean;
}

/**
 * The contacts named by the plans the app offers, most used first: the ones a plan gives no number for are the ones
 * the branch must fill in, so the directory offers them before anything is typed.
 */
function usePlanContacts(): ReadonlyMap<string, PlanContact> {
  const api = useApi();
  const [changes, setChanges] = useState(0);
  usePush(
    'plans.changed',
    useCallback(() => setChanges((n) => n + 1), []),
  );
  const [state] = useAsync(async () => {
    const summaries = (await api.call('plans.list')).filter((s) => s.status !== 'retired');
    const details = await Promise.allSettled(summaries.map((s) => api.call('plans.get', { id: s.id })));
    return planContactsOf(details.flatMap((d) => (d.status === 'fulfilled' && d.value.plan ? [d.value.plan] : [])));
  }, [api, changes]);
  return state.status === 'ready' ? state.value : NO_PLAN_CONTACTS;
}

const NO_PLAN_CONTACTS: ReadonlyMap<string, PlanContact> = new Map();

function planContactsOf(plans: readonly Plan[]): ReadonlyMap<string, PlanContact> {
  const found = new Map<string, PlanContact>();
  for (const plan of plans) {
    const unfilled = new Set(unfilledContacts(plan, {}));
    for (const id of contactIdsOf(plan)) {
      const entry = found.get(id) ?? { name: undefined, plans: [], unfilled: false };
      entry.name ??= plan.contacts.find((c) => c.id === id)?.name;
      entry.plans.push(plan.shortTitle ?? plan.title);
      entry.unfilled ||= unfilled.has(id);
      found.set(id, entry);
    }
  }
  return new Map([...found].sort(([, a], [, b]) => b.plans.length - a.plans.length));
}

/** Every zone this browser knows, offered as the field is typed in. */
const ZONE_NAMES: readonly string[] = Intl.supportedValuesOf?.('timeZone') ?? [];

function validIdleMinutes(text: string): boolean {
  return /^\d{1,2}$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 60;
}

/** Branch, contact directory and the idle lock: read-only until a manager (or above) unlocks this window. */
function BranchSettings() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { state, update } = useSettings();
  const session = useSession();
  const { branch, contacts, idleLockMinutes, timeZone } = state.settings;
  const [draft, setDraft] = useState<BranchDraft>(() => draftOf(state.settings));
  const [status, setStatus] = useState<{ kind: 'saved' } | { kind: 'failed'; error: unknown } | null>(null);
  const [saving, setSaving] = useState(false);
  // Saved elsewhere (another window): show what is saved. Language or theme changes leave the draft alone.
  const saved = JSON.stringify([branch, contacts, idleLockMinutes, timeZone]);
  useEffect(() => setDraft(draftOf(state.settings)), [saved]);
  // A window that locked itself for want of use keeps the form, so nothing typed is lost; saving asks again.
  const editable = session.mayEditAs('manager');
  const planContacts = usePlanContacts();
  const offered = new Set([...planContacts].filter(([, c]) => c.unfilled).map(([id]) => id));
  const { directory, problems } = directoryOf(draft.contacts, offered);
  const idleInvalid = !validIdleMinutes(draft.idleLockMinutes);
  const zoneInvalid = draft.timeZone.trim() !== '' && !isTimeZone(draft.timeZone.trim());
  const invalid = Object.keys(problems).length > 0 || idleInvalid || zoneInvalid;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!editable || invalid || saving) return;
    setSaving(true);
    setStatus(null);
    try {
      const patch = {
        branch: draft.branch,
        contacts: directory,
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
      <ContactDirectoryFields
        contacts={draft.contacts}
        planContacts={planContacts}
        offered={offered}
        problems={problems}
        editable={editable}
        onChange={(next) => set({ contacts: next })}
      />
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

/** Moves focus to the element with this id once it has rendered (an added field, the add box after a removal). */
function useFocusAfterRender(): (id: string) => void {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (target === null) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

const NEW_CONTACT_ID = 'new-contact-id';
const contactInputId = (id: string, field: string) => `contact-${id}-${field}`;

/**
 * The branch's contact directory: the contacts the plans leave unfilled first (offered even when empty), then the
 * branch's own, each with its fields; a contact can be added by id and removed.
 */
function ContactDirectoryFields({
  contacts,
  planContacts,
  offered,
  problems,
  editable,
  onChange,
}: {
  contacts: Record<string, ContactDraft>;
  planContacts: ReadonlyMap<string, PlanContact>;
  offered: ReadonlySet<string>;
  problems: Record<string, ContactProblems>;
  editable: boolean;
  onChange(next: Record<string, ContactDraft>): void;
}) {
  const { t } = useTranslation();
  const focus = useFocusAfterRender();
  const [newId, setNewId] = useState('');
  const [idError, setIdError] = useState<string | null>(null);
  const ids = [...new Set([...offered, ...Object.keys(contacts)])];
  const addable = [...planContacts.keys()].filter((id) => !ids.includes(id));

  const add = () => {
    const id = newId.trim();
    const error =
      !SLUG_PATTERN.test(id) || id.length > SLUG_MAX
        ? t('settings.contactIdInvalid', { max: SLUG_MAX })
        : ids.includes(id)
          ? t('settings.contactIdTaken', { id })
          : Object.keys(contacts).length >= DIRECTORY_CONTACTS_MAX
            ? t('settings.tooManyContacts', { max: DIRECTORY_CONTACTS_MAX })
            : null;
    setIdError(error);
    if (error) return;
    onChange({ ...contacts, [id]: { ...EMPTY_CONTACT } });
    setNewId('');
    focus(contactInputId(id, 'nameZh'));
  };
  const remove = (id: string) => {
    const rest = { ...contacts };
    delete rest[id];
    onChange(rest);
    focus(offered.has(id) ? contactInputId(id, 'nameZh') : NEW_CONTACT_ID);
  };

  return (
    <fieldset className="contact-directory">
      <legend>{t('settings.directory')}</legend>
      <p className="muted small">{t('settings.directoryHint')}</p>
      {ids.map((id) => (
        <ContactFields
          key={id}
          id={id}
          draft={contacts[id]}
          planContact={planContacts.get(id)}
          offered={offered.has(id)}
          problems={problems[id]}
          editable={editable}
          focus={focus}
          onChange={(next) => onChange({ ...contacts, [id]: next })}
          onRemove={() => remove(id)}
        />
      ))}
      {editable && (
        <>
          <div className="field">
            <label htmlFor={NEW_CONTACT_ID}>{t('settings.newContactId')}</label>
            <input
              id={NEW_CONTACT_ID}
              value={newId}
              maxLength={SLUG_MAX}
              list="known-contact-ids"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={idError !== null}
              aria-describedby={idError ? 'new-contact-error' : 'new-contact-hint'}
              onChange={(e) => {
                setNewId(e.target.value);
                setIdError(null);
              }}
              onKeyDown={(e) => {
                // Enter adds the contact; it must not save the whole form half-filled.
                if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
                e.preventDefault();
                add();
              }}
            />
            <span>
              <button type="button" onClick={add}>
                {t('settings.addContact')}
              </button>
            </span>
          </div>
          <datalist id="known-contact-ids">
            {addable.map((id) => (
              <option key={id} value={id} />
            ))}
          </datalist>
          {idError ? (
            <p id="new-contact-error" className="field-error">
              {idError}
            </p>
          ) : (
            <p id="new-contact-hint" className="muted small">
              {t('settings.newContactIdHint')}
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}

/** One contact of the directory: names, organisation, numbers (the first is dialled), notes. */
function ContactFields({
  id,
  draft,
  planContact,
  offered,
  problems,
  editable,
  focus,
  onChange,
  onRemove,
}: {
  id: string;
  draft: ContactDraft | undefined;
  planContact: PlanContact | undefined;
  offered: boolean;
  problems: ContactProblems | undefined;
  editable: boolean;
  focus(id: string): void;
  onChange(next: ContactDraft): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const d = draft ?? EMPTY_CONTACT;
  const title = pick(planContact?.name, lang) || t(`contacts.${id}`, { defaultValue: '' }) || id;
  const set = (patch: Partial<ContactDraft>) => onChange({ ...d, ...patch });
  const setPhone = (index: number, value: string) => set({ phones: d.phones.map((p, i) => (i === index ? value : p)) });
  const text = (field: 'nameZh' | 'nameEn' | 'role', max: number) => (
    <label className="field">
      <span>{t(`settings.contactFields.${field}`)}</span>
      <input
        id={contactInputId(id, field)}
        value={d[field]}
        maxLength={max}
        readOnly={!editable}
        onChange={(e) => set({ [field]: e.target.value })}
      />
    </label>
  );
  const unfilled = offered && !problems && d.phones.every((p) => p.trim() === '');

  return (
    <fieldset className="directory-contact" data-contact={id}>
      <legend>
        {title} <code className="small">{id}</code>
      </legend>
      {planContact && (
        <p className="muted small">
          {t('settings.contactUsedBy', {
            plans: planContact.plans.map((p) => pick(p, lang)).join(lang === 'en' ? ', ' : '、'),
          })}
        </p>
      )}
      {unfilled && (
        <p>
          <strong>{t('settings.contactNotFilled')}</strong>
        </p>
      )}
      {text('nameZh', CONTACT_NAME_MAX)}
      {text('nameEn', CONTACT_NAME_MAX)}
      {text('role', CONTACT_ROLE_MAX)}
      {d.phones.map((phone, i) => {
        const inputId = contactInputId(id, `phone-${i}`);
        const message = problems?.phones[i]
          ? t('settings.phoneInvalid')
          : i === 0 && problems?.noPhone
            ? t('settings.phoneRequired')
            : null;
        return (
          <div className="field" key={i}>
            <label htmlFor={inputId}>
              {i === 0 ? t('settings.contactPhoneFirst') : t('settings.contactPhone', { n: i + 1 })}
            </label>
            <input
              id={inputId}
              type="tel"
              inputMode="tel"
              value={phone}
              readOnly={!editable}
              aria-invalid={message !== null}
              aria-describedby={message ? `${inputId}-error` : undefined}
              onChange={(e) => setPhone(i, e.target.value)}
            />
            <span>
              {message && (
                <span id={`${inputId}-error`} className="field-error">
                  {message}{' '}
                </span>
              )}
              {editable && d.phones.length > 1 && (
                <button
                  type="button"
                  onClick={() => {
                    set({ phones: d.phones.filter((_, j) => j !== i) });
                    focus(contactInputId(id, `phone-${Math.max(0, i - 1)}`));
                  }}
                >
                  {t('settings.removePhone')}
                </button>
              )}
            </span>
          </div>
        );
      })}
      {editable && d.phones.length < CONTACT_PHONES_MAX && (
        <div className="form-actions">
          <button
            type="button"
            onClick={() => {
              set({ phones: [...d.phones, ''] });
              focus(contactInputId(id, `phone-${d.phones.length}`));
            }}
          >
            {t('settings.addPhone')}
          </button>
        </div>
      )}
      <label className="field">
        <span>{t('settings.contactFields.notes')}</span>
        <textarea
          rows={2}
          value={d.notes}
          maxLength={CONTACT_NOTES_MAX}
          readOnly={!editable}
          onChange={(e) => set({ notes: e.target.value })}
        />
      </label>
      {editable && draft && (
        <div className="form-actions">
          <button type="button" className="danger-outline" onClick={onRemove}>
            {offered ? t('settings.clearContact') : t('settings.removeContact')}
          </button>
        </div>
      )}
    </fieldset>
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
