// The app's settings (one JSON file in the data directory), validated with defaults for every field.
import { z } from 'zod';
import { LANGUAGES, SlugSchema } from '../plan/schema';

export const PHONE_PATTERN = /^[0-9+\-() ]{2,24}$/;

export const SettingsSchema = z.strictObject({
  language: z.enum(LANGUAGES).default('zh-CN'),
  branch: z
    .strictObject({
      name: z.string().trim().max(80).default(''),
      code: z.string().trim().max(32).default(''),
    })
    .default({ name: '', code: '' }),
  /** Local numbers that win over a plan's contacts, keyed by contact id (e.g. head-office-security). */
  phones: z.record(SlugSchema, z.string().trim().regex(PHONE_PATTERN)).default({}),
  sound: z.boolean().default(true),
  theme: z.enum(['standard', 'high-contrast']).default('standard'),
  /** A window unlocked with a PIN locks itself after this long without use. */
  idleLockMinutes: z.number().int().min(1).max(60).default(5),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** A change to settings: any top-level field; `phones` replaces the whole map (an empty value removes a number). */
export const SettingsPatchSchema = z.strictObject({
  language: SettingsSchema.shape.language.unwrap().optional(),
  branch: z
    .strictObject({ name: z.string().trim().max(80).optional(), code: z.string().trim().max(32).optional() })
    .optional(),
  phones: z.record(SlugSchema, z.union([z.literal(''), z.string().trim().regex(PHONE_PATTERN)])).optional(),
  sound: z.boolean().optional(),
  theme: SettingsSchema.shape.theme.unwrap().optional(),
  idleLockMinutes: SettingsSchema.shape.idleLockMinutes.unwrap().optional(),
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
