// Where Guardbook keeps its data. Electron uses its userData folder; the browser edition uses the same
// platform folder so both editions see one library and one set of records. GUARDBOOK_DATA_DIR or
// --data-dir overrides both.
import { closeSync, fsyncSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
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
  const choice = chooseDataDir(argv, '', env);
  return choice.source === 'default' ? undefined : choice.dir;
}

export type DataDirSource = 'default' | 'argument' | 'environment';

/** The data folder and where it came from: `--data-dir`, then GUARDBOOK_DATA_DIR, then `fallback`. */
export function chooseDataDir(
  argv: readonly string[],
  fallback: string,
  env: NodeJS.ProcessEnv = process.env,
): { dir: string; source: DataDirSource } {
  const i = argv.indexOf('--data-dir');
  const inline = argv.find((a) => a.startsWith('--data-dir='));
  const fromArgument = i >= 0 ? argv[i + 1] : inline?.slice('--data-dir='.length);
  if (fromArgument) return { dir: fromArgument, source: 'argument' };
  if (env.GUARDBOOK_DATA_DIR) return { dir: env.GUARDBOOK_DATA_DIR, source: 'environment' };
  return { dir: fallback, source: 'default' };
}

/**
 * Why nothing can be recorded in `dir`, or undefined when it can: the folder is made if missing, and a file is
 * written, fsynced and removed there, as a journal would be. Checked once at start; the app then starts either
 * way (emergencies never wait) and says on every screen when nothing is being recorded.
 */
export function recordingProblem(dir: string): { code: string; message: { 'zh-CN': string; en: string } } | undefined {
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
    const why: Record<string, { zh: string; en: string }> = {
      EROFS: { zh: '数据目录所在磁盘为只读', en: 'the data folder is on a read-only disk' },
      EACCES: { zh: '没有写入数据目录的权限', en: 'there is no permission to write the data folder' },
      EPERM: { zh: '没有写入数据目录的权限', en: 'there is no permission to write the data folder' },
      ENOTDIR: { zh: '数据目录路径是一个文件，而不是文件夹', en: 'the data folder path is a file, not a folder' },
      EEXIST: { zh: '数据目录路径是一个文件，而不是文件夹', en: 'the data folder path is a file, not a folder' },
      ENOSPC: { zh: '磁盘已满', en: 'the disk is full' },
    };
    const r = why[code] ?? { zh: `无法写入（${code}）`, en: `it cannot be written (${code})` };
    return {
      code,
      message: {
        'zh-CN': `无法记录：${r.zh}（${dir}）。预案仍可按步骤查看，但任何操作都不会被记录——请立即改用纸质记录，并报告安全主管。`,
        en: `Nothing can be recorded: ${r.en} (${dir}). Plans can still be followed on screen, but nothing you do is recorded — use paper now and report this to the security manager.`,
      },
    };
  }
}
