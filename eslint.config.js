// Lint rules, including the process boundaries: shared/ runs anywhere, only host files touch Electron.
import js from '@eslint/js';
import sdl from '@microsoft/eslint-plugin-sdl';
import tseslint from 'typescript-eslint';

const ELECTRON_ONLY_IN_HOST = "Only electron/host/ may import 'electron' (it throws outside the Electron runtime).";
const HOST_ONLY_FROM_HOST =
  "electron/host/ modules import 'electron': code that runs in plain Node must not import them (the host hands " +
  'the backend what it needs as parameters).';
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'util', 'stream'];

// The boundary is crossed by a module specifier, however it is written: `import`, `export … from`, `import()`,
// `require()`, `createRequire(…)()`, `import x = require()`. no-restricted-imports sees the first two; the syntax
// selectors below the rest. A "host" path segment is electron/host/ (the only folder of that name); the resolved
// graph is checked again by dependency-cruiser (.dependency-cruiser.cjs, `npm run lint:deps`).
const ELECTRON = String.raw`/^electron(\/|$)/`;
const HOST = String.raw`/(^|\/)host(\/|$)/`;
const loadedBy = (specifier, message) => [
  { selector: `ImportExpression[source.value=${specifier}]`, message },
  { selector: `CallExpression[callee.name='require'][arguments.0.value=${specifier}]`, message },
  { selector: `CallExpression[callee.callee.name='createRequire'][arguments.0.value=${specifier}]`, message },
  { selector: `TSExternalModuleReference[expression.value=${specifier}]`, message },
];
const electronPackage = {
  paths: [{ name: 'electron', message: ELECTRON_ONLY_IN_HOST }],
  patterns: [{ regex: '^electron/', message: ELECTRON_ONLY_IN_HOST }],
};
const hostModules = { regex: '(^|/)host(/|$)', message: HOST_ONLY_FROM_HOST };

// tests/ may load electron/host/ modules, but only where Electron is stood in for: a test file that imports one
// must call vi.mock('electron', …) (vitest hoists it above the imports), or the host module's own import throws.
const HOST_SPECIFIER = /(^|\/)host(\/|$)/;
const hostNeedsElectronMock = {
  meta: {
    type: 'problem',
    docs: { description: "Tests import electron/host/ modules only with vi.mock('electron')." },
    schema: [],
    messages: { unmocked: "This imports an electron/host/ module: stand in for Electron with vi.mock('electron', …)." },
  },
  create(context) {
    const hostImports = [];
    let mocked = false;
    const literal = (node) => node?.type === 'Literal' && typeof node.value === 'string';
    const see = (source) => literal(source) && HOST_SPECIFIER.test(source.value) && hostImports.push(source);
    return {
      ImportDeclaration: (node) => see(node.source),
      ExportNamedDeclaration: (node) => see(node.source),
      ExportAllDeclaration: (node) => see(node.source),
      ImportExpression: (node) => see(node.source),
      CallExpression(node) {
        const { callee } = node;
        const [first] = node.arguments;
        if (callee.type === 'Identifier' && callee.name === 'require') see(first);
        const viMock =
          callee.type === 'MemberExpression' && callee.object.name === 'vi' && callee.property.name === 'mock';
        if (viMock && literal(first) && first.value === 'electron') mocked = true;
      },
      'Program:exit'() {
        if (!mocked) for (const node of hostImports) context.report({ node, messageId: 'unmocked' });
      },
    };
  },
};

// Microsoft's SDL rules (https://github.com/microsoft/eslint-plugin-sdl) for the code that runs in Electron or a
// browser. Its configs carry no `files`, so each is scoped here. 1.1.0 declares `eslint: ^9` only; it loads and
// reports under ESLint 10 (checked rule by rule), and package.json's `overrides` lets npm accept that.
const ELECTRON_FILES = ['electron/**/*.ts'];
const RENDERER_FILES = ['renderer/**/*.ts', 'renderer/**/*.tsx'];
const scoped = (configs, files) => configs.map((config) => ({ ...config, files }));
// The browser edition serves plain http on loopback only (electron/web): TLS there would add nothing, so
// loopback URLs join the rule's own exceptions (which the option replaces rather than extends).
const insecureUrlExceptions = [
  ...sdl.rules['no-insecure-url'].defaultExceptions.map((pattern) => pattern.source),
  String.raw`^http://127\.0\.0\.1(:|/|$)`,
  String.raw`^http://\[::1\](:|/|$)`,
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      'test-results/',
      'playwright-report/',
      '.helper/',
      '.helper-validate.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Tool configs that must be CommonJS (.dependency-cruiser.cjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // shared/: schemas, plan model, analysis, compiler. Runs in main, renderer, CLI and tests alike.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ runs anywhere: take a small interface instead of a Node API.' },
            {
              group: ['electron', 'electron/*', 'react', 'react-dom', 'react/*'],
              message: 'shared/ imports no UI or Electron code.',
            },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not depend on a host.' },
          ],
        },
      ],
    },
  },
  {
    // Everything outside electron/host/ that runs in plain Node: no 'electron', however it is loaded.
    files: ['electron/**/*.ts', 'bench/**/*.ts', 'tests/**/*.ts'],
    ignores: ['electron/host/**'],
    rules: { 'no-restricted-imports': ['error', electronPackage] },
  },
  {
    // Nor any electron/host/ module (each imports 'electron'); bench runs in plain Node too.
    files: ['electron/**/*.ts', 'bench/**/*.ts'],
    ignores: ['electron/host/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: electronPackage.paths, patterns: [...electronPackage.patterns, hostModules] },
      ],
    },
  },
  {
    // The backend talks to the renderer through the typed API only.
    files: ['electron/**/*.ts'],
    ignores: ['electron/host/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronPackage.paths,
          patterns: [
            ...electronPackage.patterns,
            hostModules,
            { group: ['**/renderer/**'], message: 'The backend talks to the renderer through the typed API only.' },
          ],
        },
      ],
    },
  },
  {
    // renderer/: React in a sandboxed page. No Node, no Electron: the typed API is its only way out.
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches the backend only through the typed API.' }],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer runs in a sandbox: no Node APIs.' },
            { group: ['**/electron/**'], message: 'The renderer reaches the backend only through the typed API.' },
          ],
        },
      ],
    },
  },
  {
    // import(), require() and friends of 'electron' or of a host module, anywhere outside electron/host/.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['electron/host/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...loadedBy(ELECTRON, ELECTRON_ONLY_IN_HOST),
        ...loadedBy(HOST, HOST_ONLY_FROM_HOST),
      ],
    },
  },
  {
    // tests/: 'electron' never; host modules where the test stands in for Electron (see hostNeedsElectronMock).
    files: ['tests/**/*.ts'],
    plugins: { guardbook: { rules: { 'host-needs-electron-mock': hostNeedsElectronMock } } },
    rules: {
      'no-restricted-syntax': ['error', ...loadedBy(ELECTRON, ELECTRON_ONLY_IN_HOST)],
      'guardbook/host-needs-electron-mock': 'error',
    },
  },
  {
    files: ['electron/cli/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  // Both sides: eval and friends, HTML sinks (innerHTML, document.write, insertAdjacentHTML), cookies,
  // document.domain, postMessage to '*', insecure URLs; and nodeIntegration in any BrowserWindow.
  ...scoped([...sdl.configs.common, ...sdl.configs.electron], [...ELECTRON_FILES, ...RENDERER_FILES]),
  // Node side: deprecated Node APIs (n/no-deprecated-api) and uninitialised Buffers.
  ...scoped(sdl.configs.node, ELECTRON_FILES),
  // Renderer: React's dangerouslySetInnerHTML, target=_blank without noreferrer, iframes without sandbox.
  ...scoped(sdl.configs.react, RENDERER_FILES),
  {
    files: [...ELECTRON_FILES, ...RENDERER_FILES],
    rules: {
      '@microsoft/sdl/no-insecure-url': ['error', { exceptions: insecureUrlExceptions }],
      // Not in SDL's configs: Math.random where a secret is made (tokens, ids) must be crypto's.
      '@microsoft/sdl/no-insecure-random': 'error',
    },
  },
  {
    // n/no-deprecated-api sees `new Buffer()` only when Buffer is a declared global, which TS code never declares.
    files: ELECTRON_FILES,
    languageOptions: { globals: { Buffer: 'readonly' } },
  },
);
