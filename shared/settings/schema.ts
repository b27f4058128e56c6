// The app's settings (one JSON file in the data directory), validated with defaults for every field.
import { z } from 'zod';
import { LANGUAGES, SlugSchema } from '../plan/schema';
import { isTimeZone } from '../time/localTime';
import {
  BRANCH_CODE_MAX,
  BRANCH_NAME_MAX,
  CONTACT_NAME_MAX,
  CONTACT_NOTES_MAX,
  CONTACT_PHONES_MAX,
  CONTACT_PHONES_MIN,
  CONTACT_ROLE_MAX,
  DIRECTORY_CONTACTS_MAX,
  PHONE_PATTERN,
  TIME_ZONE_NAME_MAX,
} from '../limits';
import { FILE_MESSAGES } from '../messages/files';
import { inBothLanguages, text } from '../text';

export { PHONE_PATTERN };

/** An IANA zone name (Asia/Shanghai), or empty for the system's zone. */
const TimeZoneSettingSchema = z
  .string()
  .trim()
  .max(TIME_ZONE_NAME_MAX)
  .refine((name) => name === '' || isTimeZone(name), {
    message: inBothLanguages(FILE_MESSAGES.timeZoneInvalid()),
  });

/** One contact of the branch's directory; plans refer to it by its id (the key in `contacts`). */
export const DirectoryContactSchema = z.strictObject({
  name: z
    .strictObject({
      'zh-CN': z.string().trim().max(CONTACT_NAME_MAX).default(''),
      en: z.string().trim().max(CONTACT_NAME_MAX).default(''),
    })
    .default({ 'zh-CN': '', en: '' }),
  /** The organisation or the person's role (市分行保卫处, 物业值班室). */
  role: z.string().trim().max(CONTACT_ROLE_MAX).default(''),
  /** The first is the one to dial; the others are tried when it does not answer. */
  phones: z.array(z.string().trim().regex(PHONE_PATTERN)).min(CONTACT_PHONES_MIN).max(CONTACT_PHONES_MAX),
  notes: z.string().trim().max(CONTACT_NOTES_MAX).default(''),
});
export type DirectoryContact = z.infer<typeof DirectoryContactSchema>;

/** The branch's contacts by id: a plan's contact is dialled on this number first (shared/contacts/directory.ts). */
export const ContactDirectorySchema = z
  .record(SlugSchema, DirectoryContactSchema)
  .refine((directory) => Object.keys(directory).length <= DIRECTORY_CONTACTS_MAX, {
    message: inBothLanguages(
      text(`联系人不能超过 ${DIRECTORY_CONTACTS_MAX} 个`, `at most ${DIRECTORY_CONTACTS_MAX} contacts`),
    ),
  });
export type ContactDirectory = z.infer<typeof ContactDirectorySchema>;

/**
 * Where head office's PostgreSQL is and how this branch logs in (the password is kept apart: electron/sync/credentials.ts),
 * and head office's public key as an administrator pinned it from head office's letter: releases signed with any
 * other key are refused. Empty host: head office is not configured and nothing is ever sent.
 */
export const HeadOfficeSettingsSchema = z.strictObject({
  host: z.string().trim().max(253).default(''),
  port: z.number().int().min(1).max(65_535).default(5432),
  database: z.string().trim().max(63).default('guardbook'),
  /** The branch's login role at head office (gb_branch_<code>). */
  user: z.string().trim().max(63).default(''),
  /** verify-full (TLS, certificate and host name checked); disable only reaches a loopback address. */
  sslMode: z.enum(['verify-full', 'disable']).default('verify-full'),
  /** PEM of the certificate authority that issued head office's server certificate (empty: the system's). */
  ca: z.string().max(16_384).default(''),
  /** Head office's Ed25519 public key, base64 SPKI DER (as `records integrity` shows a key). */
  publicKey: z
    .string()
    .trim()
    .regex(/^$|^MCowBQYDK2VwAyEA[A-Za-z0-9+/]{43}=$/)
    .default(''),
});
export type HeadOfficeSettings = z.infer<typeof HeadOfficeSettingsSchema>;

/**
 * The head-office console's own connection (the dashboard, electron/hq/dashboard.ts): a login of head office's viewer
 * role, never a branch's. Kept apart from the branch's `headOffice` connection, with its password stored apart too
 * (electron/hq/consoleConnection.ts). Empty host: this installation is not a head-office console.
 */
export const HeadOfficeConsoleSettingsSchema = HeadOfficeSettingsSchema.omit({ publicKey: true });
export type HeadOfficeConsoleSettings = z.infer<typeof HeadOfficeConsoleSettingsSchema>;

export const SettingsSchema = z.strictObject({
  language: z.enum(LANGUAGES).default('zh-CN'),
  branch: z
    .strictObject({
      name: z.string().trim().max(BRANCH_NAME_MAX).default(''),
      code: z.string().trim().max(BRANCH_CODE_MAX).default(''),
    })
    .default({ name: '', code: '' }),
  /** The branch's contact directory (it replaced the earlier `phones`: see electron/settings/settingsMigration.ts). */
  contacts: ContactDirectorySchema.default({}),
  sound: z.boolean().default(true),
  theme: z.enum(['standard', 'high-contrast']).default('standard'),
  /** A window unlocked with a PIN locks itself after this long without use. */
  idleLockMinutes: z.number().int().min(1).max(60).default(5),
  /** The branch's time zone (IANA name): local dates and times everywhere, and what a bare date means. */
  timeZone: TimeZoneSettingSchema.default(''),
  headOffice: HeadOfficeSettingsSchema.default(HeadOfficeSettingsSchema.parse({})),
  headOfficeConsole: HeadOfficeConsoleSettingsSchema.default(HeadOfficeConsoleSettingsSchema.parse({})),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** A change to settings: any top-level field; `contacts` replaces the whole directory. */
export const SettingsPatchSchema = z.strictObject({
  language: SettingsSchema.shape.language.unwrap().optional(),
  branch: z
    .strictObject({
      name: z.string().trim().max(BRANCH_NAME_MAX).optional(),
      code: z.string().trim().max(BRANCH_CODE_MAX).optional(),
    })
    .optional(),
  contacts: ContactDirectorySchema.optional(),
  sound: z.boolean().optional(),
  theme: SettingsSchema.shape.theme.unwrap().optional(),
  idleLockMinutes: SettingsSchema.shape.idleLockMinutes.unwrap().optional(),
  timeZone: TimeZoneSettingSchema.optional(),
});
/**
 * A change to settings; head office's connection only through `sync.configure`, the head-office console's only
 * through `hq.configure` (an administrator's, both).
 */
export type SettingsPatch = z.infer<typeof SettingsPatchSchema> & {
  headOffice?: HeadOfficeSettings;
  headOfficeConsole?: HeadOfficeConsoleSettings;
};

/** What anyone may change without a PIN: how the app looks and sounds to whoever is using it. */
export const PreferencesPatchSchema = SettingsPatchSchema.pick({ language: true, sound: true, theme: true });
export type PreferencesPatch = z.infer<typeof PreferencesPatchSchema>;

export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  return SettingsSchema.parse({ ...settings, ...patch, branch: { ...settings.branch, ...patch.branch } });
}
