// Playwright fixtures: every test gets its own browser-edition backend on a fresh temp data folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { createBackend } from '../../../electron/backend/backend';
import type { DataDirSource } from '../../../electron/dataDir';
import { PLANS_DIR, PROJECT_ROOT, RENDERER_OUT_DIR } from '../../../electron/build/projectPaths';
import { startWebHost, type WebHost } from '../../../electron/web/webHost';
import { TEST_PIN_HASH_COST } from '../../support/pinHashCost';

export interface Guardbook {
  /** The data folder the backend was given (a file's path, with `dataDirIsFile`). */
  dataDir: string;
  host: WebHost;
  /** Opens the app as the printed URL does (token in the fragment) and waits for Home. */
  open(page: Page): Promise<void>;
  /** Moves the backend's clock (PIN waits, idle lock, on-duty claims) `ms` ahead, as if that time had passed. */
  advanceClock(ms: number): void;
}

/** Test output by default; `npm run screenshots` writes the README's copies in docs/screenshots. */
export const SCREENSHOT_DIR = process.env.GUARDBOOK_SCREENSHOTS_TO_DOCS
  ? join(PROJECT_ROOT, 'docs', 'screenshots')
  : join(PROJECT_ROOT, 'test-results', 'screenshots');

/**
 * Fills a fresh data folder before the backend starts (its records index reads the journals then). An object,
 * not a bare function: Playwright would take a function given to `test.use` for a fixture of its own.
 */
export interface Seed {
  write(dataDir: string): Promise<void>;
}

/** The text of the file that stands where the data folder should be, with `dataDirIsFile`. */
export const NOT_A_FOLDER = 'not a folder\n';

export const test = base.extend<{
  guardbook: Guardbook;
  settingsFile: string | undefined;
  seed: Seed | undefined;
  dataDirSource: DataDirSource | undefined;
  dataDirIsFile: boolean;
}>({
  // A test may put text into settings.json before the backend starts (e.g. a corrupt file).
  settingsFile: [undefined, { option: true }],
  seed: [undefined, { option: true }],
  // Where the data folder came from, as the hosts tell the backend (`--data-dir`, GUARDBOOK_DATA_DIR).
  dataDirSource: [undefined, { option: true }],
  // The data folder's path is a file: nothing can be recorded there (settingsFile and seed do not apply).
  dataDirIsFile: [false, { option: true }],
  guardbook: async ({ settingsFile, seed, dataDirSource, dataDirIsFile }, use) => {
    const root = mkdtempSync(join(tmpdir(), 'guardbook-e2e-'));
    let dataDir = root;
    if (dataDirIsFile) {
      dataDir = join(root, 'Guardbook');
      writeFileSync(dataDir, NOT_A_FOLDER);
    } else {
      if (settingsFile !== undefined) writeFileSync(join(dataDir, 'settings.json'), settingsFile);
      await seed?.write(dataDir);
    }
    const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string })
      .version;
    let clockOffset = 0;
    const backend = await createBackend({
      dataDir,
      ...(dataDirSource ? { dataDirSource } : {}),
      plansDir: PLANS_DIR,
      host: 'web',
      version,
      clock: () => Date.now() + clockOffset,
      pinHashCost: TEST_PIN_HASH_COST, // users made through the UI: dozens of hashes per run
      log: () => {},
    });
    const host = await startWebHost({ backend, rendererDir: RENDERER_OUT_DIR });
    await use({
      dataDir,
      host,
      open: async (page) => {
        await page.goto(host.url);
        await expect(page.locator('main')).toBeVisible();
      },
      advanceClock: (ms) => {
        clockOffset += ms;
      },
    });
    await host.close();
    await backend.close();
    rmSync(root, { recursive: true, force: true });
  },
});

export { expect };
