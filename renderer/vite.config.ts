// Builds the renderer into dist/renderer with relative paths (served by app:// in Electron and by the web host).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // No inline polyfill (the CSP allows no inline code; Chromium has modulepreload), but the entry's chunks are
    // announced in the HTML so they load beside it rather than after it has been parsed.
    modulePreload: { polyfill: false },
  },
});
