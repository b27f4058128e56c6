// Builds the renderer with Vite when its sources changed since the last build.
import { join } from 'node:path';
import { PROJECT_ROOT, RENDERER_OUT_DIR } from './projectPaths';
import { isStale } from './staleness';

export const RENDERER_SOURCES = ['renderer', 'shared', 'package-lock.json'].map((p) => join(PROJECT_ROOT, p));

export async function buildRendererIfStale(log: (line: string) => void = () => {}): Promise<boolean> {
  if (!isStale(join(RENDERER_OUT_DIR, 'index.html'), RENDERER_SOURCES)) return false;
  log('building the renderer…');
  const { build } = await import('vite');
  await build({ configFile: join(PROJECT_ROOT, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
  return true;
}

const isEntry = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry) await buildRendererIfStale((line) => process.stdout.write(line + '\n'));
