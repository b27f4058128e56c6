// Where Guardbook keeps its data. Electron uses its userData folder; the browser edition uses the same
// platform folder so both editions see one library and one set of records. GUARDBOOK_DATA_DIR or
// --data-dir overrides both.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Guardbook';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
  home = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DIR_NAME);
}

/** The override from --data-dir or GUARDBOOK_DATA_DIR, if any. */
export function dataDirOverride(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  const i = argv.indexOf('--data-dir');
  const inline = argv.find((a) => a.startsWith('--data-dir='));
  return (i >= 0 ? argv[i + 1] : inline?.slice('--data-dir='.length)) || env.GUARDBOOK_DATA_DIR || undefined;
}
