// Builds every process with esbuild. Renderer: browser ESM, no Node or Electron code (checked by a test).
// Main + preload: CommonJS for Electron; native and Electron modules stay external.
import { build } from 'esbuild';
import { chmod, cp, mkdir, rm } from 'node:fs/promises';

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

export async function buildAll() {
  await rm('build', { recursive: true, force: true });
  await mkdir('build/renderer', { recursive: true });
  await Promise.all([
    build({
      ...watchFree,
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
    build({ ...nodeCommon, entryPoints: ['preload/index.ts'], outfile: 'build/preload/index.cjs' }),
    build({ ...nodeCommon, entryPoints: ['main/shell/electron-main.ts'], outfile: 'build/main/electron.cjs' }),
    // keytar runs in this child (main/core/keychain/client.ts finds it next to the bundle).
    build({ ...nodeCommon, entryPoints: ['main/core/keychain/child.ts'], outfile: 'build/main/keychain-child.cjs' }),
    build({
      ...nodeCommon,
      entryPoints: ['main/admin/cli.ts'],
      outfile: 'build/main/admin.cjs',
      banner: { js: '#!/usr/bin/env node' },
    }).then(() => chmod('build/main/admin.cjs', 0o755)), // package.json "bin": runnable as installed
    // Chromium host bridge: the same API builder as the Electron preload, over a Playwright binding.
    build({
      ...watchFree,
      entryPoints: ['dev/chromium-bridge.ts'],
      outfile: 'build/dev/bridge.js',
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
    }),
    cp('renderer/index.html', 'build/renderer/index.html'),
    cp('assets', 'build/renderer/assets', { recursive: true, filter: (src) => !src.includes('entitlements') && !src.endsWith('.plist') }),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  await buildAll();
  console.log(`build: done in ${Date.now() - started} ms`);
}
