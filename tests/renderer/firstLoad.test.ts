// What the renderer loads before Home's tiles can paint: the entry and every chunk it imports statically, as a
// bundler splits them (esbuild, the same static/dynamic rule as Vite). Building zod schemas there cost the first
// paint ≈ 50 ms and the tap → first step ≈ 10 ms (`npm run bench -- shell`, `-- runner`), so no module on that path may
// build one: schemas load with the first push subscription, the close-out form and the lazy screens.
import { build, type Metafile } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

async function firstLoadInputs(): Promise<Set<string>> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['renderer/src/main.tsx'],
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: 'out',
    write: false,
    metafile: true,
    logLevel: 'silent',
    jsx: 'automatic',
    loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty' },
  });
  const outputs: Metafile['outputs'] = result.metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name]!.entryPoint === 'renderer/src/main.tsx')!;
  const chunks = new Set<string>();
  const visit = (name: string) => {
    if (chunks.has(name)) return;
    chunks.add(name);
    for (const imported of outputs[name]!.imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  return new Set([...chunks].flatMap((name) => Object.keys(outputs[name]!.inputs)));
}

describe("the renderer's first load", () => {
  it('builds no schema: zod and the schema modules load later, apart', async () => {
    const inputs = await firstLoadInputs();
    expect([...inputs].some((path) => path.includes('renderer/src/screens/HomeScreen.tsx'))).toBe(true);
    expect([...inputs].some((path) => path.includes('renderer/src/screens/RunScreen.tsx'))).toBe(true);
    const schemaModules = [...inputs].filter(
      (path) => path.includes('node_modules/zod/') || /shared\/.*(schema|Schema|channels)\.ts$/.test(path),
    );
    expect(schemaModules).toEqual([]);
  }, 60_000);
});
