// Lint enforces the process boundaries: only the Electron shell imports `electron`, only the IPC
// wiring touches ipcMain/ipcRenderer, and the renderer imports nothing but types from preload.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const electronOnlyInShell = {
  paths: [{ name: 'electron', message: 'Only main/shell/* and preload/index.ts may import electron; keep the rest plain Node.' }],
};

export default tseslint.config(
  { ignores: ['build/', 'release/', 'artifacts/', 'node_modules/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', electronOnlyInShell],
    },
  },
  {
    files: ['main/shell/**/*.ts', 'preload/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Raw IPC only in main/shell/ipc.ts and preload/index.ts.',
            },
          ],
        },
      ],
    },
  },
  { files: ['main/shell/ipc.ts', 'preload/index.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/preload/*'], allowTypeImports: true, message: 'The renderer imports only types from preload.' },
            {
              group: ['node:*', 'electron', 'keytar', 'zod', 'luxon'],
              message: 'The renderer runs sandboxed in the browser: no Node, Electron or main-process libraries.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
  },
);
