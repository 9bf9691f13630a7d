// Lint enforces the boundaries of /work/shared/design.md ("Processes and trust", "Layout"): what ships
// (main/, preload/, renderer/) never pulls in dev tooling, only the Electron shell touches `electron`,
// the sandboxed preload and renderer get no Node, and dev/ never depends on scripts/. Each boundary is
// one entry of BOUNDARY with the reason it exists; test/unit/eslint.config.test.ts proves each fires.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const topLevelBuiltins = builtinModules.filter((name) => !name.includes('/') && !name.startsWith('_'));

/**
 * One boundary: the import specifiers it forbids (a regex on the text as written) and why. The regex
 * also bans `import('…')` with a literal specifier, so a dynamic import cannot slip a dependency in.
 */
const BOUNDARY = {
  electron: {
    regex: '^electron$',
    message:
      'Only main/shell/** and preload/index.ts may import electron: everything else must run and be tested under plain Node, where the Electron binary does not exist.',
  },
  devTooling: {
    regex: '(^|/)(dev|scripts|test)/',
    message:
      'main/ and preload/ ship in the app: importing dev/, scripts/ or test/ would bundle the demo server (Medplum) or test code into it. Inject what you need from the caller instead.',
  },
  shellFromCore: {
    regex: '(^|/)shell/',
    message:
      'main/core and main/admin are plain Node and tested without Electron; main/shell calls them, never the reverse. Take what you need from the shell as a parameter.',
  },
  nodeInSandbox: {
    regex: `^(node:|(${topLevelBuiltins.join('|')})(/|$))`,
    message:
      'preload runs in the Chromium sandbox: Node built-ins do not exist there at run time, so the window would get no kiosk API. Keep preload to the contract, the API builder and contextBridge; do Node work in main.',
  },
  mainFromPreload: {
    regex: '(^|/)main/',
    message:
      'preload is loaded into the sandboxed page: main/ code is Node-only and holds the secrets. Put shared shapes in preload/contract.ts; main imports them from there.',
  },
  mainFromRenderer: {
    regex: '(^|/)(main|dev|scripts|test)/',
    message:
      'The renderer is a sandboxed web page that talks to main only through window.kiosk: it never imports main/, dev/, scripts/ or test/ code (not even types). Put shared shapes in preload/contract.ts.',
  },
  preloadValuesFromRenderer: {
    regex: '(^|/)preload/',
    allowTypeImports: true,
    message: 'The renderer imports only types from preload: values (zod schemas, the API builder) stay out of the browser bundle.',
  },
  nodeLibsInRenderer: {
    regex: `^(node:|electron$|keytar$|zod$|luxon$|(${topLevelBuiltins.join('|')})(/|$))`,
    message: 'The renderer runs sandboxed in the browser: no Node, Electron or main-process libraries.',
  },
  scriptsFromDev: {
    regex: '(^|/)scripts/',
    message:
      'dev/ is a library for test/ and scripts/ (scripts use the demo server for bench and soak): dev/ importing scripts/ makes a cycle. Move the shared code into dev/.',
  },
  testFromTooling: {
    regex: '(^|/)test/',
    message:
      'test/ is not a library: dev/ and scripts/ must not import it. Put shared builders in dev/, where tests, bench and the demo seed all reach them.',
  },
};

/** Raw IPC stays in the two wiring files, so every channel goes through the validated contract. */
const RAW_IPC = {
  paths: [
    {
      name: 'electron',
      importNames: ['ipcMain', 'ipcRenderer'],
      message:
        'Raw IPC only in main/shell/ipc.ts and preload/index.ts: every other channel goes through the zod contract (preload/contract.ts) and the router.',
    },
  ],
};

/** The esquery regex syntax cannot hold a literal slash. */
const esqueryRegex = (regex) => `/${regex.replaceAll('/', '\\x2F')}/`;

/** The rules for one area: its static import bans, the same bans for `import('…')`, and raw-IPC bans. */
function boundaries(names, { rawIpc = false } = {}) {
  const blocks = names.map((name) => BOUNDARY[name]);
  return {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        ...(rawIpc ? RAW_IPC : {}),
        patterns: blocks.map(({ regex, message, allowTypeImports }) => ({
          regex,
          message,
          ...(allowTypeImports ? { allowTypeImports } : {}),
        })),
      },
    ],
    'no-restricted-syntax': [
      'error',
      ...blocks
        .filter((b) => !b.allowTypeImports)
        .map(({ regex, message }) => ({ selector: `ImportExpression[source.value=${esqueryRegex(regex)}]`, message })),
    ],
  };
}

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
      ...boundaries(['electron']),
    },
  },
  // Options do not merge across configs: each area below lists every boundary that applies to it,
  // and a later, narrower area replaces an earlier one.
  { files: ['main/**'], rules: boundaries(['electron', 'devTooling']) },
  { files: ['main/core/**', 'main/admin/**'], rules: boundaries(['electron', 'devTooling', 'shellFromCore']) },
  { files: ['main/shell/**'], rules: boundaries(['devTooling'], { rawIpc: true }) },
  { files: ['main/shell/ipc.ts'], rules: boundaries(['devTooling']) },
  { files: ['preload/**'], rules: boundaries(['electron', 'devTooling', 'nodeInSandbox', 'mainFromPreload']) },
  { files: ['preload/index.ts'], rules: boundaries(['devTooling', 'nodeInSandbox', 'mainFromPreload']) },
  { files: ['renderer/**'], rules: boundaries(['mainFromRenderer', 'preloadValuesFromRenderer', 'nodeLibsInRenderer']) },
  { files: ['dev/**'], rules: boundaries(['electron', 'scriptsFromDev', 'testFromTooling']) },
  { files: ['scripts/**'], rules: boundaries(['electron', 'testFromTooling']) },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
  },
);
