// Settings: read, brought up to date (settingsMigration.ts), validated and repaired on start; changed by patches;
// every change pushed to windows. A corrupt or invalid file is never silently lost: it is kept aside and the user is
// told where.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { SettingsState } from '../../shared/api/channels';
import { ApiError } from '../../shared/api/errors';
import {
  applySettingsPatch,
  DEFAULT_SETTINGS,
  SettingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../shared/settings/schema';
import { FILE_MESSAGES } from '../../shared/messages/files';
import { SETTINGS_FILE_NAME, type SettingsStore, type SettingsStoreFactory } from './settingsFile';
import { migrateSettings } from './settingsMigration';

type Notice = NonNullable<SettingsState['notice']>;

export class SettingsService {
  private settings: Settings;
  private notice: Notice | undefined;
  private readonly store: SettingsStore;

  constructor(
    dataDir: string,
    factory: SettingsStoreFactory,
    private readonly onChange: (state: SettingsState) => void = () => {},
    now: () => Date = () => new Date(),
    /** The data folder cannot be written: nothing is renamed or saved (the store keeps changes in memory). */
    readOnly = false,
  ) {
    const file = join(dataDir, SETTINGS_FILE_NAME);
    const problem = !readOnly && existsSync(file) ? problemWith(file) : undefined;
    if (problem) {
      // Keep the unreadable file as evidence and as a way back; start from defaults.
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      let backupFile = join(dataDir, `settings.corrupt-${stamp}.json`);
      for (let n = 2; existsSync(backupFile); n++) backupFile = join(dataDir, `settings.corrupt-${stamp}-${n}.json`);
      renameSync(file, backupFile);
      this.notice = { code: 'settings-reset', backupFile, reason: problem };
    }
    this.store = factory(dataDir);
    const stored = migrateSettings(this.store.store);
    const parsed = SettingsSchema.safeParse(stored);
    this.settings = parsed.success || !readOnly ? SettingsSchema.parse(stored) : SettingsSchema.parse({});
    // Fills in defaults for fields a file did not have, and writes an earlier release's file in the current shape.
    this.store.store = this.settings;
  }

  state(): SettingsState {
    return { settings: this.settings, ...(this.notice ? { notice: this.notice } : {}) };
  }

  update(patch: SettingsPatch): SettingsState {
    const next = applySettingsPatch(this.settings, patch);
    try {
      this.store.store = next;
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new ApiError({
        code: 'storage',
        message: FILE_MESSAGES.settingsNotSaved(reason),
      });
    }
    this.settings = next;
    this.onChange(this.state());
    return this.state();
  }

  dismissNotice(): SettingsState {
    this.notice = undefined;
    this.onChange(this.state());
    return this.state();
  }
}

export { DEFAULT_SETTINGS };

/** Why a settings file cannot be used as it is, or undefined when it can. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function problemWith(file: string): Notice['reason'] | undefined {
  let value: unknown;
  try {
    // Fatal decoding: a file saved in another encoding (GBK from a Chinese editor) is damaged, not silently
    // turned into U+FFFD and written back over the original.
    value = JSON.parse(STRICT_UTF8.decode(readFileSync(file)));
  } catch {
    return FILE_MESSAGES.settingsNotJson();
  }
  const parsed = SettingsSchema.safeParse(migrateSettings(value));
  if (parsed.success) return undefined;
  const where = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
  return FILE_MESSAGES.settingsInvalid(where);
}
