// Where settings are stored: the same JSON file through `conf` (Node, browser edition) or
// electron-store (Electron host, which passes its own). Both write atomically.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { SettingsSchema, type Settings } from '../../shared/settings/schema';

export const SETTINGS_FILE_NAME = 'settings.json';

/** The part of conf / electron-store the settings service uses. */
export interface SettingsStore {
  readonly path: string;
  store: Record<string, unknown>;
}

export type SettingsStoreFactory = (dataDir: string) => SettingsStore;

export const confSettingsStore: SettingsStoreFactory = (dataDir) =>
  new Conf<Settings>({ cwd: dataDir, configName: 'settings', clearInvalidConfig: false }) as unknown as SettingsStore;

/**
 * Settings read from the file as far as they can be, kept in memory: for a data folder that cannot be written
 * (the branch's phone numbers must still show on the steps). Changes last until the app closes.
 */
export const readOnlySettingsStore: SettingsStoreFactory = (dataDir) => {
  const path = join(dataDir, `${SETTINGS_FILE_NAME}`);
  let store: Record<string, unknown> = {};
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) store = value as Record<string, unknown>;
  } catch {
    // missing or unreadable: defaults
  }
  return {
    path,
    get store() {
      return store;
    },
    set store(value) {
      store = value;
    },
  };
};

/**
 * The branch's time zone as saved in a data folder ('' when unset, unreadable or not a zone), read without writing
 * anything: the command line's listing commands never touch the folder.
 */
export function savedTimeZone(dataDir: string): string {
  const parsed = SettingsSchema.shape.timeZone.safeParse(readOnlySettingsStore(dataDir).store.timeZone);
  return parsed.success ? parsed.data : '';
}
