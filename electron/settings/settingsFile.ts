// Where settings are stored: the same JSON file through `conf` (Node, browser edition) or
// electron-store (Electron host, which passes its own). Both write atomically.
import Conf from 'conf';
import type { Settings } from '../../shared/settings/schema';

export const SETTINGS_FILE_NAME = 'settings.json';

/** The part of conf / electron-store the settings service uses. */
export interface SettingsStore {
  readonly path: string;
  store: Record<string, unknown>;
}

export type SettingsStoreFactory = (dataDir: string) => SettingsStore;

export const confSettingsStore: SettingsStoreFactory = (dataDir) =>
  new Conf<Settings>({ cwd: dataDir, configName: 'settings', clearInvalidConfig: false }) as unknown as SettingsStore;
