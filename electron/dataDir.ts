// Where Guardbook keeps its data. Electron uses its userData folder; the browser edition uses the same
// platform folder so both editions see one library and one set of records. One rule for the app, the browser
// edition and every CLI command: `--data-dir`, else GUARDBOOK_DATA_DIR, else the platform folder.
import { closeSync, fsyncSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { FILE_MESSAGES } from '../shared/messages/files';
import type { Text } from '../shared/text';
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
  const choice = chooseDataDir(argv, '', env);
  return choice.source === 'default' ? undefined : choice.dir;
}

export type DataDirSource = 'default' | 'argument' | 'environment';

export interface DataDirChoice {
  dir: string;
  source: DataDirSource;
}

/**
 * The data folder and where it came from: `--data-dir`, then GUARDBOOK_DATA_DIR, then `fallback`. The one rule of
 * every entry point; this form finds `--data-dir DIR` or `--data-dir=DIR` in a raw argv (Electron's, which also
 * carries Chromium's switches). Entry points that parse their options first use `dataDirFrom`.
 */
export function chooseDataDir(
  argv: readonly string[],
  fallback: string,
  env: NodeJS.ProcessEnv = process.env,
): DataDirChoice {
  const i = argv.indexOf('--data-dir');
  const inline = argv.find((a) => a.startsWith('--data-dir='));
  return dataDirFrom(i >= 0 ? argv[i + 1] : inline?.slice('--data-dir='.length), fallback, env);
}

/** The same rule given the `--data-dir` value already parsed (undefined or empty: none was given). */
export function dataDirFrom(
  argument: string | undefined,
  fallback: string,
  env: NodeJS.ProcessEnv = process.env,
): DataDirChoice {
  if (argument) return { dir: argument, source: 'argument' };
  if (env.GUARDBOOK_DATA_DIR) return { dir: env.GUARDBOOK_DATA_DIR, source: 'environment' };
  return { dir: fallback, source: 'default' };
}

/** How a choice reads in messages and usage: where the folder came from. */
export function dataDirSourceText(source: DataDirSource): string {
  if (source === 'argument') return '--data-dir';
  if (source === 'environment') return 'GUARDBOOK_DATA_DIR';
  return '默认 / default';
}

/**
 * Why nothing can be recorded in `dir`, or undefined when it can: the folder is made if missing, and a file is
 * written, fsynced and removed there, as a journal would be. Checked once at start; the app then starts either
 * way (emergencies never wait) and says on every screen when nothing is being recorded.
 */
export function recordingProblem(dir: string): { code: string; message: Text } | undefined {
  const probe = join(dir, `.guardbook-write-check-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(probe, 'w', 0o600);
    try {
      writeSync(fd, 'ok\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    unlinkSync(probe);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { code, message: FILE_MESSAGES.cannotRecord(FILE_MESSAGES.diskReason(code), dir) };
  }
}
