// The app's settings (one JSON file in the data directory), validated with defaults for every field.
import { z } from 'zod';
import { LANGUAGES, SlugSchema } from '../plan/schema';
import { isTimeZone } from '../time/localTime';
import { BRANCH_CODE_MAX, BRANCH_NAME_MAX, PHONE_PATTERN, TIME_ZONE_NAME_MAX } from '../limits';
import { FILE_MESSAGES } from '../messages/files';
import { inBothLanguages } from '../text';

export { PHONE_PATTERN };

/** An IANA zone name (Asia/Shanghai), or empty for the system's zone. */
const TimeZoneSettingSchema = z
  .string()
  .trim()
  .max(TIME_ZONE_NAME_MAX)
  .refine((name) => name === '' || isTimeZone(name), {
    message: inBothLanguages(FILE_MESSAGES.timeZoneInvalid()),
  });

export const SettingsSchema = z.strictObject({
  language: z.enum(LANGUAGES).default('zh-CN'),
  branch: z
    .strictObject({
      name: z.string().trim().max(BRANCH_NAME_MAX).default(''),
      code: z.string().trim().max(BRANCH_CODE_MAX).default(''),
    })
    .default({ name: '', code: '' }),
  /** Local numbers that win over a plan's contacts, keyed by contact id (e.g. head-office-security). */
  phones: z.record(SlugSchema, z.string().trim().regex(PHONE_PATTERN)).default({}),
  sound: z.boolean().default(true),
  theme: z.enum(['standard', 'high-contrast']).default('standard'),
  /** A window unlocked with a PIN locks itself after this long without use. */
  idleLockMinutes: z.number().int().min(1).max(60).default(5),
  /** The branch's time zone (IANA name): local dates and times everywhere, and what a bare date means. */
  timeZone: TimeZoneSettingSchema.default(''),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** A change to settings: any top-level field; `phones` replaces the whole map (an empty value removes a number). */
export const SettingsPatchSchema = z.strictObject({
  language: SettingsSchema.shape.language.unwrap().optional(),
  branch: z
    .strictObject({
      name: z.string().trim().max(BRANCH_NAME_MAX).optional(),
      code: z.string().trim().max(BRANCH_CODE_MAX).optional(),
    })
    .optional(),
  phones: z.record(SlugSchema, z.union([z.literal(''), z.string().trim().regex(PHONE_PATTERN)])).optional(),
  sound: z.boolean().optional(),
  theme: SettingsSchema.shape.theme.unwrap().optional(),
  idleLockMinutes: SettingsSchema.shape.idleLockMinutes.unwrap().optional(),
  timeZone: TimeZoneSettingSchema.optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** What anyone may change without a PIN: how the app looks and sounds to whoever is using it. */
export const PreferencesPatchSchema = SettingsPatchSchema.pick({ language: true, sound: true, theme: true });
export type PreferencesPatch = z.infer<typeof PreferencesPatchSchema>;

export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  const phones = patch.phones
    ? Object.fromEntries(Object.entries(patch.phones).filter(([, phone]) => phone !== ''))
    : settings.phones;
  return SettingsSchema.parse({
    ...settings,
    ...patch,
    branch: { ...settings.branch, ...patch.branch },
    phones,
  });
}

/** The contacts a branch sets itself, offered in Settings even before a plan names them. */
export const LOCAL_CONTACT_IDS = [
  'head-office-security',
  'local-police-station',
  'property-management',
  'cit-company',
  'it-helpdesk',
] as const;
