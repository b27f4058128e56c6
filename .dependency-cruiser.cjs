// Import cycles and the process boundaries, checked on resolved paths (`npm run depcheck`, part of `npm run lint`).
// ESLint (eslint.config.js) sees each file's import strings; this sees where they lead, including type-only
// imports, dynamic import() and require(). The layers are those of ARCHITECTURE.md's "Layout" table.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import cycle: modules that cannot be loaded, tested or understood one without the other. ' +
        'Move the piece both need into a module of its own, or pass it in.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      severity: 'error',
      comment:
        'shared/ and electron/ folders depend on each other in one direction only (e.g. shared/plan uses ' +
        'shared/json, never the reverse). The renderer is not held to this yet: its feature folders import each other.',
      scope: 'folder',
      from: { path: '^(shared|electron)/' },
      to: { path: '^(shared|electron)/', circular: true },
    },
    {
      name: 'shared-is-platform-free',
      severity: 'error',
      comment: 'shared/ runs anywhere: no host code (electron/, renderer/) and no Node built-ins.',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer)/' },
    },
    {
      name: 'shared-no-node',
      severity: 'error',
      comment: 'shared/ runs anywhere: take a small interface instead of a Node API.',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-only-through-api',
      severity: 'error',
      comment: 'The renderer reaches the backend only through the typed API (shared/api), never electron/ code.',
      from: { path: '^renderer/src/' },
      to: { path: '^electron/' },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      comment: 'The renderer runs in a sandbox: no Node APIs.',
      from: { path: '^renderer/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'backend-not-to-renderer',
      severity: 'error',
      comment: 'The backend talks to the renderer through the typed API only.',
      from: { path: '^electron/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'electron-only-in-host',
      severity: 'error',
      comment:
        "Only electron/host/ may load 'electron' (outside the Electron runtime it tries to download it and throws), " +
        'whether imported, import()ed or require()d.',
      from: { pathNot: '^electron/host/' },
      // The package wherever node_modules is (it may be a link), or the bare name where it is not installed.
      to: { path: '(^|/)node_modules/electron/|^electron$' },
    },
    {
      name: 'host-only-from-host',
      severity: 'error',
      comment:
        "electron/host/ modules load 'electron': code that runs in plain Node (the backend, the CLI, the web " +
        'edition, bench) must not import them. The host passes what the backend needs in as a parameter.',
      from: { pathNot: '^electron/host/' },
      to: { path: '^electron/host/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Node-side tsconfig: no path aliases, so it only adds TypeScript's resolution; .tsx covers the renderer.
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a cycle through types is still two modules that cannot stand alone.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
