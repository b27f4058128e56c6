// Bundles the Electron host with esbuild: out/host/main.cjs (main process) and out/host/preload.cjs
// (sandboxed preload). Run directly with `npx tsx electron/build/buildHost.ts [outDir]`.
import { resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// A sandboxed preload can require nothing but Electron; anything else it imports must be bundled in,
// and the preload should stay tiny. esbuild's metafile lets the build refuse a preload that grew.
const PRELOAD_INPUTS = new Set(['electron/host/preload.ts', 'shared/api/names.ts']);

export interface HostBundle {
  main: string;
  preload: string;
}

/** Builds both bundles; `outDir` is taken relative to the project root. */
export async function buildHost(outDir = 'out/host'): Promise<HostBundle> {
  const out = resolve(ROOT, outDir);
  const common: BuildOptions = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // The real module exists only inside the Electron runtime.
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
    metafile: true,
  };
  const main = resolve(out, 'main.cjs');
  const preload = resolve(out, 'preload.cjs');
  // Electron 45 runs Node 22 in the main process and Chromium 140 in the renderer.
  await build({ ...common, entryPoints: ['electron/host/main.ts'], outfile: main, target: 'node22' });
  const preloadResult = await build({
    ...common,
    entryPoints: ['electron/host/preload.ts'],
    outfile: preload,
    target: 'chrome140',
  });
  const inputs = Object.keys(preloadResult.metafile?.inputs ?? {}).map((file) => relative(ROOT, resolve(ROOT, file)));
  const unexpected = inputs.filter((file) => !PRELOAD_INPUTS.has(file.split('\\').join('/')));
  if (unexpected.length > 0) {
    throw new Error(`The preload may only import 'electron' and shared/api/names; it bundled ${unexpected.join(', ')}`);
  }
  return { main, preload };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildHost(process.argv[2]).then(
    (bundle) => process.stdout.write(`built ${relative(ROOT, bundle.main)} and ${relative(ROOT, bundle.preload)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
