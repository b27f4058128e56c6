// "Build what is stale": an output is stale when it is missing or older than any of its sources.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path: string): number {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

export function isStale(output: string, sources: readonly string[]): boolean {
  const built = newestMtime(output);
  return built === 0 || sources.some((source) => newestMtime(source) > built);
}
