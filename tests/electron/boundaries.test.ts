// The boundaries cannot be crossed by accident: ESLint (eslint.config.js) refuses 'electron' and electron/host/
// modules outside the host however they are loaded, and Node APIs in shared/; dependency-cruiser
// (.dependency-cruiser.cjs) refuses import cycles and the same crossings on resolved paths.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEPCRUISE_CONFIG = join(ROOT, '.dependency-cruiser.cjs');

describe('ESLint: the process boundaries', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  /** The rules and messages ESLint reports for `source` as if it were the file at `path` in the repo. */
  async function lint(path: string, source: string) {
    const [result] = await eslint.lintText(source, { filePath: join(ROOT, path) });
    const messages = result!.messages;
    return { rules: messages.map((m) => m.ruleId), text: messages.map((m) => m.message).join('\n') };
  }

  it.each([
    ['static import of electron', 'electron/backend/probe.ts', "import { app } from 'electron';\nexport { app };\n"],
    ['electron/* subpath', 'electron/records/probe.ts', "export * from 'electron/main';\n"],
    ['static import of electron in bench', 'bench/probe.ts', "import 'electron';\n"],
  ])('refuses a %s outside electron/host/ (%s)', async (_what, path, source) => {
    const { rules, text } = await lint(path, source);
    expect(rules).toEqual(['no-restricted-imports']);
    expect(text).toContain("Only electron/host/ may import 'electron'");
  });

  it.each([
    [
      'the backend',
      'electron/backend/probe.ts',
      "import { registerIpc } from '../host/ipc';\nexport { registerIpc };\n",
    ],
    ['the web edition', 'electron/web/probe.ts', "export { MENU_LABELS } from '../host/menu';\n"],
    [
      'the CLI (a type only)',
      'electron/cli/probe.ts',
      "import type { FORBIDDEN } from '../host/ipc';\nexport type F = typeof FORBIDDEN;\n",
    ],
    ['a service next to the host', 'electron/probe.ts', "import './host/main';\n"],
    ['bench', 'bench/probe.ts', "import '../electron/host/window';\n"],
  ])('refuses an electron/host/ module imported from %s', async (_who, path, source) => {
    const { rules, text } = await lint(path, source);
    expect(rules).toEqual(['no-restricted-imports']);
    expect(text).toContain("electron/host/ modules import 'electron'");
  });

  it.each([
    ['import()', 'electron/backend/probe.ts', "export const load = () => import('electron');\n"],
    ['import() of a subpath', 'electron/launch-probe.ts', "await import('electron/main');\n"],
    [
      'require()',
      'electron/web/probe.ts',
      "declare const require: (id: string) => unknown;\nexport const e = require('electron');\n",
    ],
    [
      'createRequire()()',
      'electron/probe.ts',
      "import { createRequire } from 'node:module';\nexport const e = createRequire(import.meta.url)('electron');\n",
    ],
    ['import = require()', 'bench/probe.ts', "import electron = require('electron');\nexport { electron };\n"],
    ['import() in shared/', 'shared/plan/probe.ts', "export const load = () => import('electron');\n"],
    ['import() in the renderer', 'renderer/src/probe.tsx', "export const load = () => import('electron');\n"],
    ['import() in a test', 'tests/electron/probe.test.ts', "export const load = () => import('electron');\n"],
  ])("refuses 'electron' loaded by %s outside electron/host/", async (_how, path, source) => {
    const { rules, text } = await lint(path, source);
    expect(rules).toContain('no-restricted-syntax');
    expect(text).toContain("Only electron/host/ may import 'electron'");
  });

  it.each([
    ['import()', 'electron/backend/probe.ts', "export const load = () => import('../host/ipc');\n"],
    [
      'require()',
      'electron/cli/probe.ts',
      "declare const require: (id: string) => unknown;\nexport const m = require('../host/menu');\n",
    ],
  ])('refuses an electron/host/ module loaded by %s', async (_how, path, source) => {
    const { rules, text } = await lint(path, source);
    expect(rules).toContain('no-restricted-syntax');
    expect(text).toContain("electron/host/ modules import 'electron'");
  });

  it.each([
    ['node:fs', "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n", 'shared/ runs anywhere'],
    ['fs', "import 'fs';\n", 'shared/ runs anywhere'],
    ['a backend module', "import '../../electron/backend/backend';\n", 'shared/ must not depend on a host.'],
    ['React', "import 'react';\n", 'shared/ imports no UI or Electron code.'],
  ])('refuses %s in shared/', async (_what, source, message) => {
    const { rules, text } = await lint('shared/plan/probe.ts', source);
    expect(new Set(rules)).toEqual(new Set(['no-restricted-imports']));
    expect(text).toContain(message);
  });

  it('lets tests import host modules only where they stand in for Electron with vi.mock', async () => {
    const imports = "import { registerIpc } from '../../electron/host/ipc';\nexport { registerIpc };\n";
    const unmocked = await lint('tests/electron/probe.test.ts', imports);
    expect(unmocked.rules).toEqual(['guardbook/host-needs-electron-mock']);
    const dynamic = await lint('tests/electron/probe.test.ts', "await import('../../electron/host/window');\n");
    expect(dynamic.rules).toEqual(['guardbook/host-needs-electron-mock']);
    const mocked = `import { vi } from 'vitest';\nvi.mock('electron', () => ({}));\n${imports}`;
    expect((await lint('tests/electron/probe.test.ts', mocked)).rules).toEqual([]);
  });

  it('passes what is allowed', async () => {
    const allowed = [
      // The host itself, statically and dynamically.
      [
        'electron/host/probe.ts',
        "import { app } from 'electron';\nimport { registerIpc } from './ipc';\nexport { app, registerIpc };\n",
      ],
      ['electron/host/probe.ts', "export const load = () => import('electron');\n"],
      // The backend: shared/, Node, its own modules.
      [
        'electron/backend/probe.ts',
        "import { readFileSync } from 'node:fs';\nimport { canonicalJson } from '../../shared/json/canonicalJson';\nimport { createBackend } from './backend';\nexport { readFileSync, canonicalJson, createBackend };\n",
      ],
      // Resolving where Electron is installed loads nothing (electron/electronRuntime.ts does this).
      [
        'electron/probe.ts',
        "import { createRequire } from 'node:module';\nexport const dir = createRequire(import.meta.url).resolve('electron/package.json');\n",
      ],
      [
        'shared/plan/probe.ts',
        "import { z } from 'zod';\nimport { formatPath } from '../json/jsonPath';\nexport { z, formatPath };\n",
      ],
      [
        'renderer/src/probe.tsx',
        "import { useState } from 'react';\nimport { ApiError } from '../../shared/api/errors';\nexport { useState, ApiError };\n",
      ],
      // A test may still say 'electron' in a string (assertions on bundles, stand-ins).
      [
        'tests/electron/probe.test.ts',
        "import { expect } from 'vitest';\nexpect(['electron']).toContain('electron');\n",
      ],
    ] as const;
    for (const [path, source] of allowed)
      expect({ path, ...(await lint(path, source)) }).toEqual({ path, rules: [], text: '' });
  });
});

describe('dependency-cruiser: no cycles, layers kept', () => {
  let options: ICruiseOptions;
  beforeAll(async () => {
    options = await extractDepcruiseOptions(DEPCRUISE_CONFIG);
  });

  async function cruiseIn(baseDir: string, folders: string[]): Promise<ICruiseResult> {
    const tsConfig = extractTSConfig(join(ROOT, 'tsconfig.json'));
    const { output } = await cruise(folders, { ...options, baseDir }, {}, { tsConfig });
    return output as ICruiseResult;
  }
  const violations = (result: ICruiseResult) =>
    result.summary.violations.map((v) => ({
      rule: v.rule.name,
      from: v.from,
      to: v.to,
      cycle: v.cycle?.map((c) => c.name),
    }));

  it('finds no violation in the real tree', { timeout: 120_000 }, async () => {
    const result = await cruiseIn(ROOT, ['shared', 'electron', 'renderer', 'bench']);
    expect(violations(result)).toEqual([]);
    expect(result.summary.totalCruised).toBeGreaterThan(150);
    // It sees what it should: the host's 'electron', the renderer's .tsx, the plan model's use of shared/json.
    const deps = (name: string) => result.modules.find((m) => m.source === name)?.dependencies.map((d) => d.resolved);
    expect(deps('electron/host/ipc.ts')).toContainEqual(expect.stringMatching(/(^|\/)node_modules\/electron\//));
    expect(deps('renderer/src/people/SessionContext.tsx')).toContain('renderer/src/people/PinDialog.tsx');
    expect(deps('shared/plan/checkPlanText.ts')).toContain('shared/json/locatedJson.ts');
  });

  describe('on a fixture', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'guardbook-boundaries-'));
      const files: Record<string, string> = {
        // A cycle through a type-only import is still a cycle.
        'shared/a/one.ts': "import { two } from './two';\nexport const one = () => two() + 1;\n",
        'shared/a/two.ts': "import type { one } from './one';\nexport const two = (): ReturnType<typeof one> => 2;\n",
        // Folders that lean on each other, without a module cycle.
        'shared/b/left.ts': "import { right } from '../c/right';\nexport const left = right;\n",
        'shared/c/right.ts': "export const right = 1;\nexport { middle } from '../b/middle';\n",
        'shared/b/middle.ts': 'export const middle = 2;\n',
        // A host module loaded from the backend by import() and by require(); shared/ reaching into electron/.
        'electron/host/ipc.ts': "import 'electron';\nexport const ipc = 1;\n",
        // 'electron' itself outside the host, by import() and by require() (not installed here: the bare name).
        'electron/backend/native.ts': "export const load = () => import('electron');\n",
        'electron/cli/native.ts':
          "declare const require: (id: string) => unknown;\nexport const e = require('electron');\n",
        'electron/backend/lazy.ts': "export const load = () => import('../host/ipc');\n",
        'electron/backend/old.ts':
          "declare const require: (id: string) => unknown;\nexport const ipc = require('../host/ipc');\n",
        'shared/d/leak.ts': "export { ipc } from '../../electron/host/ipc';\n",
      };
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reports the cycles and the crossings', { timeout: 60_000 }, async () => {
      const found = violations(await cruiseIn(dir, ['shared', 'electron']));
      expect(found).toEqual(
        expect.arrayContaining([
          {
            rule: 'no-circular',
            from: 'shared/a/one.ts',
            to: 'shared/a/two.ts',
            cycle: ['shared/a/two.ts', 'shared/a/one.ts'],
          },
          expect.objectContaining({ rule: 'no-folder-cycle', from: 'shared/b', to: 'shared/c' }),
          {
            rule: 'host-only-from-host',
            from: 'electron/backend/lazy.ts',
            to: 'electron/host/ipc.ts',
            cycle: undefined,
          },
          {
            rule: 'host-only-from-host',
            from: 'electron/backend/old.ts',
            to: 'electron/host/ipc.ts',
            cycle: undefined,
          },
          { rule: 'shared-is-platform-free', from: 'shared/d/leak.ts', to: 'electron/host/ipc.ts', cycle: undefined },
          { rule: 'electron-only-in-host', from: 'electron/backend/native.ts', to: 'electron', cycle: undefined },
          { rule: 'electron-only-in-host', from: 'electron/cli/native.ts', to: 'electron', cycle: undefined },
        ]),
      );
      expect(found.filter((v) => v.from.startsWith('electron/host/'))).toEqual([]);
      // shared/b and shared/c lean on each other as folders only: no module cycle is reported there.
      expect(found.filter((v) => v.rule === 'no-circular').map((v) => v.from)).toEqual(['shared/a/one.ts']);
    });
  });
});
