// Packaging without packaging: electron-builder needs to download Electron, so this checks its configuration
// (targets, asar, what is shipped, the fuses) and applyFuses() with stand-ins, never a real Electron binary.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options, FuseVersion, type FuseConfig } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import config from '../../electron-builder.config';
import { applyFuses, GUARDBOOK_FUSES, packagedExecutablePath, type PackedApp } from '../../electron/build/fuses';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG_FILE = 'electron-builder.config.ts';

// electron-builder's own config loader, schema check and file matcher. They are internal modules of
// app-builder-lib (pinned through electron-builder), reached from electron-builder's folder wherever npm put it.
const builderRequire = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const appBuilderRequire = createRequire(builderRequire.resolve('app-builder-lib/package.json'));

interface BuilderConfig {
  readonly [key: string]: unknown;
}
const builderConfig = appBuilderRequire('./out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string, configFromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
type FileFilter = (file: string, stat: { isDirectory(): boolean; moduleFullFilePath?: string }) => boolean;
interface Matcher {
  createFilter(): FileFilter;
}
const { FileMatcher, getNodeModuleFileMatcher } = appBuilderRequire('./out/fileMatcher.js') as {
  FileMatcher: new (from: string, to: string, expand: (pattern: string) => string, patterns: string[]) => Matcher;
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    expand: (pattern: string) => string,
    platformOptions: object,
    packager: { config: object; debugLogger: { isEnabled: boolean } },
  ): Matcher;
};
const same = (pattern: string) => pattern;
const file = { isDirectory: () => false };

/** Whether electron-builder's matcher puts a project file (path relative to the root) into the app. */
const shipped = (() => {
  const filter = new FileMatcher(ROOT, '/app', same, config.files).createFilter();
  return (path: string) => filter(join(ROOT, path), file);
})();

/** The same for a file of a production dependency, which electron-builder collects apart from `files`. */
const shippedDependencyFile = (() => {
  const packager = { config, debugLogger: { isEnabled: false } };
  const filter = getNodeModuleFileMatcher(ROOT, '/app', same, {}, packager).createFilter();
  return (path: string) => filter(join(ROOT, path), { ...file, moduleFullFilePath: path });
})();

describe('electron-builder configuration', () => {
  it('is what electron-builder itself loads from the .ts file, and passes its schema', async () => {
    const loaded = await builderConfig.getConfig(ROOT, CONFIG_FILE, null);
    await builderConfig.validateConfiguration(loaded, new DebugLogger(false));
    expect(loaded).toMatchObject({
      appId: 'cn.guardbook.app',
      productName: 'Guardbook',
      asar: true,
      electronFuses: { ...GUARDBOOK_FUSES },
    });
  });

  it('names the app and keeps it in an asar, with installers outside dist/ (the renderer build)', () => {
    expect(config.appId).toBe('cn.guardbook.app');
    expect(config.productName).toBe('Guardbook');
    expect(config.asar).toBe(true);
    expect(config.directories.output).not.toMatch(/^dist(\/|$)/);
  });

  it('builds an x64 NSIS installer for Windows that offers per-machine or per-user, in Chinese and English', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    // Assisted (not one-click) and perMachine false: electron-builder then shows the install-mode page.
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(config.nsis.installerLanguages).toEqual(expect.arrayContaining(['zh_CN', 'en_US']));
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('builds an AppImage and a deb for Linux, with maintainer, category and synopsis', () => {
    expect(config.linux.target.map((target) => target.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.synopsis.length).toBeGreaterThan(0);
  });

  it('ships the built app only: no sources, tests, benchmarks, node_modules or source maps', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    for (const file of [
      manifest.main,
      'out/host/preload.cjs',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-abc123.js',
      'plans/armed-robbery.json',
      'package.json',
    ]) {
      expect(shipped(file), file).toBe(true);
    }
    for (const file of [
      'electron/host/main.ts',
      'electron/build/fuses.ts',
      'shared/plan/schema.ts',
      'renderer/src/main.tsx',
      'renderer/index.html',
      'tests/electron/packaging.test.ts',
      'bench/main.ts',
      'node_modules/vitest/package.json',
      'out/host/main.cjs.map',
      'plans/README.md',
      'electron-builder.config.ts',
      'tsconfig.json',
      'README.md',
    ]) {
      expect(shipped(file), file).toBe(false);
    }
  });

  it('leaves the production dependencies out: main.cjs and the renderer have them bundled', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const dependencies = Object.keys(manifest.dependencies);
    expect(dependencies.length).toBeGreaterThan(0);
    for (const name of dependencies) {
      expect(shippedDependencyFile(`node_modules/${name}/package.json`), name).toBe(false);
    }
  });

  it('has electron-builder flip the fuses itself (electronFuses), and no afterPack hook flipping them again', () => {
    expect(config.electronFuses).toEqual(GUARDBOOK_FUSES);
    expect(config).not.toHaveProperty('afterPack');
  });

  it('has npm scripts that build first and are not part of npm test', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.dist).toBe(`npm run build && electron-builder --config ${CONFIG_FILE} --publish never`);
    expect(scripts['dist:dir']).toBe(`npm run build && electron-builder --config ${CONFIG_FILE} --dir`);
    expect(scripts.test).not.toMatch(/dist|electron-builder/);
  });
});

describe('fuses', () => {
  it('have the values the hardened app needs', () => {
    expect(GUARDBOOK_FUSES).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Left as Electron ships it.
    expect(GUARDBOOK_FUSES).not.toHaveProperty('loadBrowserProcessSpecificV8Snapshot');
    expect(Object.isFrozen(GUARDBOOK_FUSES)).toBe(true);
  });

  it('are data: the module imports @electron/fuses for its types only', () => {
    const source = readFileSync(join(ROOT, 'electron/build/fuses.ts'), 'utf8');
    const imports = [...source.matchAll(/^import (.*) from '@electron\/fuses';$/gm)].map((match) => match[1]);
    expect(imports.length).toBeGreaterThan(0);
    for (const clause of imports) expect(clause).toMatch(/^type /);
  });
});

describe('applyFuses', () => {
  const calls: { path: string; config: FuseConfig }[] = [];
  const flip = async (path: string, fuseConfig: FuseConfig) => {
    calls.push({ path, config: fuseConfig });
  };
  const packed = (electronPlatformName: string, executableName?: string): PackedApp => ({
    appOutDir: join('/build', `${electronPlatformName}-unpacked`),
    electronPlatformName,
    packager: { appInfo: { productFilename: 'Guardbook' }, ...(executableName ? { executableName } : {}) },
  });

  it('writes every decided fuse at its place on the wire, and leaves the V8 snapshot fuse alone', async () => {
    const written = await applyFuses('/somewhere/guardbook', { flip });
    const expected: FuseConfig = {
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    };
    expect(written).toEqual(expected);
    expect(written).not.toHaveProperty(String(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot));
    expect(calls.at(-1)).toEqual({ path: '/somewhere/guardbook', config: expected });
  });

  it.each([
    ['win32', undefined, 'Guardbook.exe'],
    ['darwin', undefined, 'Guardbook.app'],
    ['mas', undefined, 'Guardbook.app'],
    ['linux', config.linux.executableName, 'guardbook'],
  ])('finds the packaged executable on %s', async (platform, executableName, file) => {
    const app = packed(platform, executableName);
    expect(packagedExecutablePath(app)).toBe(join(app.appOutDir, file));
    await applyFuses(app, { flip });
    expect(calls.at(-1)?.path).toBe(join(app.appOutDir, file));
  });

  it('refuses a platform it does not know, before flipping anything', async () => {
    const before = calls.length;
    await expect(applyFuses(packed('freebsd'), { flip })).rejects.toThrow(/freebsd/);
    expect(calls).toHaveLength(before);
  });
});
