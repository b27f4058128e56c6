import { defineConfig } from 'vitest/config';

// Suites that kill processes or try thousands of inputs: `npm test` runs them, `npm run test:fast` does not.
const SOAK = [
  'tests/electron/crash.test.ts',
  'tests/electron/properties.test.ts',
  'tests/electron/journalExhaustive.test.ts',
  'tests/electron/publishCrash.test.ts',
  'tests/electron/libraryImportFuzz.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    // Vitest's default is one worker fewer than cores (one on a 2-core machine); these tests mostly wait on fsync,
    // child processes and scrypt, so one per core finishes sooner.
    maxWorkers: '100%',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'tests/shared/**/*.test.ts',
            'tests/electron/**/*.test.ts',
            'tests/cli/**/*.test.ts',
            'tests/hq/**/*.test.ts',
            // The renderer's pure modules (no DOM, no React); under dom/, modules that use a browser API the test stands in for.
            'tests/renderer/**/*.test.ts',
          ],
          exclude: SOAK,
        },
      },
      { extends: true, test: { name: 'soak', include: SOAK } },
    ],
  },
});
