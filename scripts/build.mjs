// Builds every process with esbuild. Renderer: browser ESM, no Node or Electron code (checked by a test).
// Main + preload: CommonJS for Electron; native and Electron modules stay external.
import { build } from 'esbuild';
import { realpathSync } from 'node:fs';
import { chmod, cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The project this script belongs to, wherever it is run from. */
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

const watchFree = { logLevel: 'warning', sourcemap: false, legalComments: 'none' };
// dynamic-import off: `import('keytar')` becomes require() in the CommonJS bundle (loads from app.asar).
const nodeCommon = {
  ...watchFree,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['electron', 'keytar'],
  supported: { 'dynamic-import': false },
  // keychain/client.ts reads import.meta.url only when not bundled (it prefers __filename in CommonJS).
  logOverride: { 'empty-import-meta': 'silent' },
};

export async function buildAll(root = projectRoot) {
  const at = (p) => path.join(root, p);
  const nodeBuild = (entry, outfile, extra = {}) => build({ ...nodeCommon, absWorkingDir: root, entryPoints: [entry], outfile, ...extra });
  await rm(at('build'), { recursive: true, force: true });
  await mkdir(at('build/renderer'), { recursive: true });
  await Promise.all([
    build({
      ...watchFree,
      absWorkingDir: root,
      entryPoints: { app: 'renderer/main.tsx' },
      outdir: 'build/renderer',
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'chrome120',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      metafile: true,
    }),
    nodeBuild('preload/index.ts', 'build/preload/index.cjs'),
    nodeBuild('main/shell/electron-main.ts', 'build/main/electron.cjs'),
    // keytar runs in this child (main/core/keychain/client.ts finds it next to the bundle).
    nodeBuild('main/core/keychain/child.ts', 'build/main/keychain-child.cjs'),
    // package.json "bin": runnable as installed.
    nodeBuild('main/admin/cli.ts', 'build/main/admin.cjs', { banner: { js: '#!/usr/bin/env node' } }).then(() =>
      chmod(at('build/main/admin.cjs'), 0o755),
    ),
    // Chromium host bridge: the same API builder as the Electron preload, over a Playwright binding.
    build({
      ...watchFree,
      absWorkingDir: root,
      entryPoints: ['dev/chromium-bridge.ts'],
      outfile: 'build/dev/bridge.js',
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
    }),
    cp(at('renderer/index.html'), at('build/renderer/index.html')),
    cp(at('assets'), at('build/renderer/assets'), {
      recursive: true,
      filter: (src) => !src.includes('entitlements') && !src.endsWith('.plist'),
    }),
  ]);
}

// pathToFileURL, not a hand-built `file://` string: that never matched on Windows (drive letters,
// backslashes) or in a path with a space (%20), so the build silently built nothing.
// Through realpath, as Node does for import.meta.url, so a symlinked script path still counts.
const invokedAs = process.argv[1] ? pathToFileURL(realpathSync(path.resolve(process.argv[1]))).href : '';
if (import.meta.url === invokedAs) {
  const started = Date.now();
  await buildAll();
  console.log(`build: done in ${Date.now() - started} ms`);
}
