// Electron fuses of the packaged app: the settings as plain data (electron-builder.config.ts hands them to
// electron-builder's `electronFuses`), and applyFuses(), which flips them on a packaged executable.
import { join } from 'node:path';
import type { FuseConfig, FuseV1Options } from '@electron/fuses';
import type { Configuration } from 'electron-builder';

/** electron-builder's fuse options (its FuseOptionsV1), bar the macOS-only signature reset. */
export type FuseSettings = Omit<NonNullable<Configuration['electronFuses']>, 'resetAdHocDarwinSignature'>;
export type FuseName = keyof FuseSettings;

/**
 * What Guardbook's packaged binary allows. A fuse left out keeps the value Electron ships with; a fuse is part of
 * the signed binary, so nothing at run time (environment, arguments, files beside the app) can turn it back.
 */
export const GUARDBOOK_FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node.js that runs any script.
  runAsNode: false,
  // NODE_OPTIONS (--require, --import) and NODE_EXTRA_CA_CERTS would let the environment inject code or trust.
  enableNodeOptionsEnvironmentVariable: false,
  // --inspect and friends (and SIGUSR1) would attach a debugger to the main process, which holds the records.
  enableNodeCliInspectArguments: false,
  // Chromium's cookie store encrypted with an OS-held key. The app sets no cookies; this costs nothing.
  enableCookieEncryption: true,
  // Code is loaded from resources/app.asar only, never from a resources/app/ folder put beside it.
  onlyLoadAppFromAsar: true,
  // app.asar is checked against the hash electron-builder embeds at packaging time: on Windows (a resource in
  // the .exe, Electron 30+) and macOS (Info.plist). Linux: Electron has no asar integrity check, so the bit is
  // written but ignored; there app.asar is protected only by where it is installed (the deb's /opt is
  // root-owned, an AppImage is a read-only squashfs).
  enableEmbeddedAsarIntegrityValidation: true,
  // The renderer is served over app://guardbook/ (electron/host/main.ts): file:// pages need no extra powers.
  grantFileProtocolExtraPrivileges: false,
  // loadBrowserProcessSpecificV8Snapshot is left as shipped (off): the app builds no V8 snapshot of its own.
} as const satisfies FuseSettings);

/** The name of each fuse in @electron/fuses' FuseV1Options, whose values are the bits' places on the wire. */
const FUSE_OPTION_NAMES: Readonly<Record<FuseName, keyof typeof FuseV1Options>> = Object.freeze({
  runAsNode: 'RunAsNode',
  enableCookieEncryption: 'EnableCookieEncryption',
  enableNodeOptionsEnvironmentVariable: 'EnableNodeOptionsEnvironmentVariable',
  enableNodeCliInspectArguments: 'EnableNodeCliInspectArguments',
  enableEmbeddedAsarIntegrityValidation: 'EnableEmbeddedAsarIntegrityValidation',
  onlyLoadAppFromAsar: 'OnlyLoadAppFromAsar',
  loadBrowserProcessSpecificV8Snapshot: 'LoadBrowserProcessSpecificV8Snapshot',
  grantFileProtocolExtraPrivileges: 'GrantFileProtocolExtraPrivileges',
});

/** The parts of electron-builder's AfterPackContext that locate the packaged executable. */
export interface PackedApp {
  appOutDir: string;
  electronPlatformName: string;
  packager: {
    appInfo: { productFilename: string };
    /** Set by electron-builder's Linux packager only (`linux.executableName`, lower-case by default). */
    executableName?: string;
  };
}

/** Where electron-builder puts the Electron executable it renamed after the app (as its own fuse step does). */
export function packagedExecutablePath(app: PackedApp): string {
  const { appOutDir, electronPlatformName, packager } = app;
  const at = (name: string) => join(appOutDir, name);
  switch (electronPlatformName) {
    case 'win32':
      return at(`${packager.appInfo.productFilename}.exe`);
    case 'darwin':
    case 'mas':
      return at(`${packager.appInfo.productFilename}.app`);
    case 'linux':
      return at(packager.executableName ?? packager.appInfo.productFilename);
    default:
      throw new Error(`No fuses for platform "${electronPlatformName}"`);
  }
}

export type FlipFuses = (executablePath: string, config: FuseConfig) => Promise<unknown>;

/**
 * Flips `fuses` on a packaged Electron executable (a path, or electron-builder's AfterPackContext). The build
 * itself does not need this: electron-builder flips the same data through `electronFuses`, right before signing.
 * It is here for an app packaged some other way, and for an afterPack hook should electron-builder's own
 * integration ever be dropped. `flip` is for tests; @electron/fuses is loaded only when this runs.
 */
export async function applyFuses(
  target: string | PackedApp,
  options: { fuses?: FuseSettings; flip?: FlipFuses } = {},
): Promise<FuseConfig> {
  const electronFuses = await import('@electron/fuses');
  const config: FuseConfig = { version: electronFuses.FuseVersion.V1 };
  for (const [name, value] of Object.entries(options.fuses ?? GUARDBOOK_FUSES) as [FuseName, unknown][]) {
    // Skipped, not written as "inherit": an older Electron's shorter wire would reject a fuse it lacks.
    if (typeof value === 'boolean') config[electronFuses.FuseV1Options[FUSE_OPTION_NAMES[name]]] = value;
  }
  const executablePath = typeof target === 'string' ? target : packagedExecutablePath(target);
  await (options.flip ?? electronFuses.flipFuses)(executablePath, config);
  return config;
}
