import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/shared/**/*.test.ts',
      'tests/electron/**/*.test.ts',
      'tests/cli/**/*.test.ts',
      // The renderer's pure modules (no DOM, no React).
      'tests/renderer/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
  },
});
