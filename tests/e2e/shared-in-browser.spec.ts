// The plan model in shared/ must run unchanged in the renderer: bundle it for the browser, run it in
// Chromium on the bundled plans, and expect exactly what Node computes.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { expect, test } from '@playwright/test';
import { checkAndWalk } from './support/sharedInBrowser';
import { bundledPlanFiles, PLANS_DIR } from '../support/bundledPlans';

let bundle = '';

test.beforeAll(async () => {
  const result = await build({
    entryPoints: [new URL('./support/sharedInBrowser.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'guardbookShared',
    platform: 'browser',
    target: 'chrome120',
  });
  bundle = result.outputFiles[0]!.text;
});

test('checks and walks every bundled plan in Chromium exactly as in Node', async ({ page }) => {
  await page.setContent('<!doctype html><meta charset="utf-8"><title>shared</title>');
  await page.addScriptTag({ content: bundle });
  const files = bundledPlanFiles();
  expect(files.length).toBeGreaterThanOrEqual(12);
  for (const file of files) {
    const text = readFileSync(PLANS_DIR + file, 'utf8');
    const inBrowser = await page.evaluate(
      (t) =>
        (
          globalThis as unknown as { guardbookShared: { checkAndWalk: typeof checkAndWalk } }
        ).guardbookShared.checkAndWalk(t),
      text,
    );
    expect(inBrowser, file).toEqual(checkAndWalk(text));
    expect(inBrowser.findings, file).toEqual([]);
    expect(inBrowser.outcome, file).toBeDefined();
  }
});

test('reports a broken plan with the same findings and lines in Chromium', async ({ page }) => {
  await page.setContent('<!doctype html><meta charset="utf-8"><title>shared</title>');
  await page.addScriptTag({ content: bundle });
  const text = readFileSync(new URL('../fixtures/plans/graph-error.json', import.meta.url), 'utf8');
  const inBrowser = await page.evaluate(
    (t) =>
      (
        globalThis as unknown as { guardbookShared: { checkAndWalk: typeof checkAndWalk } }
      ).guardbookShared.checkAndWalk(t),
    text,
  );
  expect(inBrowser).toEqual(checkAndWalk(text));
  expect(inBrowser.findings.map((f) => f.split('@')[0])).toEqual([
    'missing-translation',
    'unknown-target',
    'unreachable-step',
  ]);
});
