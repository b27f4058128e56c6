// Lint rules, including the process boundaries: shared/ runs anywhere, only host files touch Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ELECTRON_ONLY_IN_HOST = "Only electron/host/ may import 'electron' (it throws outside the Electron runtime).";
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'util', 'stream'];

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
    // electron/, bench/ and tests run in plain Node: only the host files may import Electron.
    files: ['electron/**/*.ts', 'bench/**/*.ts', 'tests/**/*.ts'],
    ignores: ['electron/host/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: ELECTRON_ONLY_IN_HOST }],
          patterns: [{ regex: '^electron/', message: ELECTRON_ONLY_IN_HOST }],
        },
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
          paths: [{ name: 'electron', message: ELECTRON_ONLY_IN_HOST }],
          patterns: [
            { regex: '^electron/', message: ELECTRON_ONLY_IN_HOST },
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
    files: ['electron/cli/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
