// Finds the Electron runtime without triggering its download (requiring 'electron' outside Electron
// downloads the runtime, and throws where that is impossible).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

function electronPackageDir(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** The Electron executable, or undefined when the runtime has not been fetched. */
export function findElectronRuntime(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = electronPackageDir();
  if (!dir) return undefined;
  const pathFile = join(dir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
    return existsSync(candidate) ? candidate : undefined;
  }
  if (!executable) return undefined;
  const candidate = join(dir, 'dist', executable);
  return existsSync(candidate) ? candidate : undefined;
}

/** Tries once to fetch the runtime (Electron's own installer); false when it cannot be had. */
export function tryFetchElectronRuntime(timeoutMs: number): boolean {
  const dir = electronPackageDir();
  if (!dir) return false;
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'ignore', timeout: timeoutMs });
  return result.status === 0 && findElectronRuntime() !== undefined;
}

export const ELECTRON_MISSING_REASON =
  'the Electron runtime is not installed and cannot be downloaded here (node_modules/electron has no dist/)';
