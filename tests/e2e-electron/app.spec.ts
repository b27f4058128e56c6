// The real Electron app end to end: each test launches it on a fresh data folder, checks what the page can
// reach, and walks Home → a plan → back. Skips itself, saying why, where the Electron runtime is missing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electronLauncher, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { zhCN } from '../../renderer/src/i18n/zh-CN';
import { buildHost } from '../../electron/build/buildHost';
import { buildRendererIfStale } from '../../electron/build/buildRenderer';
import { ELECTRON_MISSING_REASON, findElectronRuntime } from '../../electron/electronRuntime';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PLAN_ID = 'armed-robbery';
const runtime = findElectronRuntime();

// The list reporter shows a skipped test without its reason: say it once, from the process that collects tests.
if (!runtime && process.env.TEST_WORKER_INDEX === undefined) {
  process.stdout.write(`Electron e2e tests skipped: ${ELECTRON_MISSING_REASON}\n`);
}
test.skip(!runtime, ELECTRON_MISSING_REASON);

test.beforeAll(async () => {
  await buildRendererIfStale();
  // The app starts from package.json's "main"; without it Electron would open its default app instead.
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main?: string };
  expect(manifest.main, 'package.json needs "main": "out/host/main.cjs"').toBe('out/host/main.cjs');
  await buildHost();
});

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'guardbook-electron-e2e-'));
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'ELECTRON_RUN_AS_NODE',
    ),
  );
  app = await electronLauncher.launch({
    executablePath: runtime,
    // As root (CI containers) Chromium's OS sandbox cannot start; the renderer stays `sandbox: true` regardless.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT, `--data-dir=${dataDir}`],
    cwd: ROOT,
    env: { ...env, GUARDBOOK_DATA_DIR: dataDir },
  });
  page = await app.firstWindow();
});

test.afterEach(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the page reaches its backend through one frozen object, and nothing of Node', async () => {
  await expect(page).toHaveURL(/^app:\/\/guardbook\/index\.html/);
  const surface = await page.evaluate(() => {
    const world = globalThis as unknown as Record<string, unknown>;
    const api = world.guardbook as object;
    return {
      keys: Object.keys(api).sort(),
      frozen: Object.isFrozen(api),
      require: typeof world.require,
      process: typeof world.process,
    };
  });
  expect(surface).toEqual({ keys: ['invoke', 'subscribe'], frozen: true, require: 'undefined', process: 'undefined' });

  const info = await page.evaluate(() =>
    (globalThis as unknown as { guardbook: { invoke(c: string, i: unknown): Promise<unknown> } }).guardbook.invoke(
      'app.info',
      {},
    ),
  );
  expect(info).toMatchObject({ ok: true, value: { name: 'Guardbook', host: 'electron', dataDir } });
  await expect(
    page.evaluate(() =>
      (globalThis as unknown as { guardbook: { invoke(c: string, i: unknown): Promise<unknown> } }).guardbook.invoke(
        'fs.readFile',
        {},
      ),
    ),
  ).rejects.toThrow(/Unknown channel/);
  // A denied window.open returns null; a file: URL is never handed to the system either.
  const opened = await page.evaluate(
    () => (globalThis as unknown as { open(url: string): unknown }).open('file:///etc/passwd') === null,
  );
  expect(opened).toBe(true);
});

test('Home → a plan → back to Home', async () => {
  const plan = JSON.parse(readFileSync(join(ROOT, 'plans', `${PLAN_ID}.json`), 'utf8')) as {
    title: { 'zh-CN': string };
  };
  const home = page.getByRole('heading', { level: 1, name: zhCN.home.title });
  await expect(home).toBeVisible();

  await page.locator(`[data-plan-id="${PLAN_ID}"]`).click();
  await expect(page).toHaveURL(/#\/run\/[A-Za-z0-9-]+$/); // a new run id, not the plan id
  await expect(page.getByRole('heading', { level: 1, name: plan.title['zh-CN'] })).toBeVisible();

  await page.getByRole('link', { name: zhCN.run.back }).click();
  await expect(home).toBeVisible();
  await expect(page.locator(`[data-plan-id="${PLAN_ID}"]`)).toBeVisible();
});
