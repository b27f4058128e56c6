// Settings storage for the Electron host: electron-store, writing the same <dataDir>/settings.json as conf.
import Store from 'electron-store';
import type { SettingsStore, SettingsStoreFactory } from '../settings/settingsFile';

export const electronStoreSettings: SettingsStoreFactory = (dataDir): SettingsStore =>
  new Store<Record<string, unknown>>({
    cwd: dataDir,
    name: 'settings',
    // SettingsService keeps a broken file aside and tells the user; electron-store must not wipe it first.
    clearInvalidConfig: false,
  });
