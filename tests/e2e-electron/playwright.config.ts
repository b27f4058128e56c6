// Playwright config for the real Electron app (tests/e2e-electron), apart from the Chromium suite in tests/e2e:
// these launch the Electron runtime itself, and skip themselves, saying why, where it cannot be had.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  // Paths here are relative to this file: testDir is tests/e2e-electron.
  testDir: '.',
  outputDir: '../../test-results/electron',
  fullyParallel: false,
  // One app at a time: each test starts its own instance on its own data folder.
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
});
