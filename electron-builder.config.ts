// electron-builder's configuration (`npm run dist`, `npm run dist:dir`): Windows NSIS, Linux AppImage and deb,
// the app in an asar, the fuses of electron/build/fuses.ts flipped.
// A .ts file rather than .cjs/.mjs or package.json's "build": electron-builder 26 loads .ts configs itself (jiti),
// so this is type-checked against its Configuration and takes the fuses from fuses.ts without a copy.
import type { Configuration } from 'electron-builder';
import { GUARDBOOK_FUSES } from './electron/build/fuses';

const config = {
  appId: 'cn.guardbook.app',
  productName: 'Guardbook',
  // dist/ is the renderer build's (and so part of the app): installers go elsewhere.
  directories: { output: 'out/release' },
  // Only the built app: no sources, tests or benchmarks. esbuild bundles the main process with all its
  // dependencies into out/host/main.cjs and Vite the renderer, so node_modules (which electron-builder would
  // otherwise add: "dependencies", 22 MB) is left out too. Electron runs without --enable-source-maps (and the
  // NODE_OPTIONS fuse is off), so source maps would only add size.
  files: ['out/host/**', 'dist/renderer/**', 'plans/**/*.json', 'package.json', '!**/*.map', '!**/node_modules/**'],
  asar: true,
  // Nothing native is shipped, so nothing to rebuild for Electron (and @electron/rebuild 4 wants Node 22).
  npmRebuild: false,
  // Flipped by electron-builder after packing and right before signing; see fuses.ts for each one.
  electronFuses: { ...GUARDBOOK_FUSES },
  // No auto-update feed: a branch installs a release it was given.
  publish: null,
  win: { target: [{ target: 'nsis', arch: ['x64'] }] },
  nsis: {
    // The assisted installer, which asks whether to install for all users (per machine) or the current one.
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    // Chinese first, as the app; English for the rest. NSIS shows the one matching Windows' language.
    installerLanguages: ['zh_CN', 'en_US'],
    multiLanguageInstaller: true,
    language: '2052',
    // Records are evidence: uninstalling never deletes the data folder.
    deleteAppDataOnUninstall: false,
  },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    executableName: 'guardbook',
    category: 'Office',
    synopsis: 'Emergency plans and incident records for bank branches',
    // A placeholder (.invalid is reserved): set the real maintainer's address before publishing a deb.
    maintainer: 'Guardbook maintainers <maintainers@guardbook.invalid>',
  },
  deb: { packageCategory: 'misc', priority: 'optional' },
} satisfies Configuration;

export default config;
