/**
 * A real `electron-builder --linux dir` run, offline: the Electron binary cannot be downloaded here,
 * so `electronDist` points at a placeholder that carries only Electron's fuse sentinel. That is
 * enough to check what actually goes into app.asar and that the fuses get flipped (about 3 s).
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// Both come with electron-builder (pinned 26.x).
const asar = require('@electron/asar') as { listPackage(file: string): string[]; extractFile(archive: string, file: string): Buffer };
const fuses = require('@electron/fuses') as { getCurrentFuseWire(electron: string): Promise<Record<string, number | string>> };

const root = process.cwd();
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's shipped defaults, in wire order: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, asar integrity off, only-asar off, V8 snapshot off, file:// privileges on. */
const DEFAULT_FUSE_WIRE = '10110001';
const ON = '1'.charCodeAt(0);
const OFF = '0'.charCodeAt(0);

let work: string;
let unpacked: string;
let entries: string[];

function placeholderElectron(dir: string) {
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  const exe = path.join(dir, 'electron');
  writeFileSync(
    exe,
    `#!/bin/sh\n# placeholder Electron for offline packaging tests\n# ${FUSE_SENTINEL}\x01\x08${DEFAULT_FUSE_WIRE}\n`,
    'latin1',
  );
  chmodSync(exe, 0o755);
  const electronVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string })
    .version;
  writeFileSync(path.join(dir, 'version'), electronVersion);
  for (const f of ['LICENSE', 'LICENSES.chromium.html', 'locales/en-US.pak', 'locales/es.pak', 'locales/es-419.pak', 'locales/fr.pak'])
    writeFileSync(path.join(dir, f), '');
}

beforeAll(async () => {
  const built = ['build/main/electron.cjs', 'build/preload/index.cjs', 'build/renderer/index.html'].every((f) =>
    existsSync(path.join(root, f)),
  );
  if (!built) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });

  work = mkdtempSync(path.join(os.tmpdir(), 'kiosk-pack-'));
  placeholderElectron(path.join(work, 'electron-dist'));
  // The release pipeline's checkout has a GitHub origin for the github feed; a clone of a local path
  // (CI here) has none. The pack test uses the real config with a feed of its own (the feed is not
  // under test here: electron-builder-config.test.ts checks it).
  const config = path.join(work, 'electron-builder.yml');
  const yml = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
  const localFeed = yml.replace(
    /^publish:\n(?: {2}.*\n)+/m,
    'publish:\n  - provider: generic\n    url: https://updates.example.invalid/kiosk\n',
  );
  if (localFeed === yml) throw new Error('electron-builder.yml: no publish section to replace');
  writeFileSync(config, localFeed);
  await promisify(execFile)(
    process.execPath,
    [
      path.join(root, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      '--projectDir',
      root,
      '--config',
      config,
      `-c.electronDist=${path.join(work, 'electron-dist')}`,
      `-c.directories.output=${path.join(work, 'release')}`,
      // The native module was already built by npm install; rebuilding it is not what is tested here.
      '-c.npmRebuild=false',
    ],
    { cwd: root, timeout: 180_000, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
  ).catch((err: { message: string; stdout?: string; stderr?: string }) => {
    // electron-builder says why on its own output: keep the end of it in the failure.
    throw new Error(`${err.message}\n${(err.stdout ?? '').slice(-2000)}\n${(err.stderr ?? '').slice(-2000)}`);
  });
  unpacked = path.join(work, 'release', 'linux-unpacked');
  entries = asar.listPackage(path.join(unpacked, 'resources', 'app.asar')).map((e) => e.split(path.sep).join('/'));
}, 200_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('packaged app (electron-builder --linux dir, placeholder Electron)', () => {
  it('contains the built main, preload and renderer', () => {
    for (const f of [
      '/package.json',
      '/build/main/electron.cjs',
      '/build/preload/index.cjs',
      '/build/renderer/index.html',
      '/build/renderer/app.js',
    ]) {
      expect(entries).toContain(f);
    }
  });

  it('contains nothing else of ours: only build output, package.json and production node_modules', () => {
    const ours = entries.filter((e) => !e.startsWith('/node_modules/'));
    const allowed = /^\/(package\.json|node_modules|build|build\/(main|preload|renderer)(\/.*)?)$/;
    expect(ours.filter((e) => !allowed.test(e))).toEqual([]);
  });

  it.each([
    /^\/dev(\/|$)/,
    /^\/test(\/|$)/,
    /^\/scripts(\/|$)/,
    /^\/build\/(dev|types)(\/|$)/,
    /\/@medplum\//,
    /playwright/,
    /vitest/,
    /esbuild/,
    /typescript/,
    /electron-builder/,
    /^\/node_modules\/electron\//,
    /\.ts$/,
    /\.map$/,
  ])('has no entry matching %s', (pattern) => {
    expect(entries.filter((e) => pattern.test(e))).toEqual([]);
  });

  it('bundles exactly the allow-listed runtime packages: keytar alone (its install-time tools stay out)', () => {
    const packages = new Set(entries.flatMap((e) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(e)?.[1] ?? []));
    expect([...packages].sort()).toEqual(['keytar']);
  });

  it("ships only keytar's loader, binding and license, not its C++ sources or build intermediates", () => {
    const files = entries.filter((e) => e.startsWith('/node_modules/keytar/') && /\.[a-z]+$/i.test(e)).sort();
    expect(files).toEqual([
      '/node_modules/keytar/LICENSE.md',
      '/node_modules/keytar/build/Release/keytar.node',
      '/node_modules/keytar/lib/keytar.js',
      '/node_modules/keytar/package.json',
    ]);
  });

  it('keeps the native keychain module outside the archive', () => {
    expect(
      existsSync(path.join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node')),
    ).toBe(true);
  });

  it('ships a package.json without scripts or dev dependencies', () => {
    const pkg = JSON.parse(asar.extractFile(path.join(unpacked, 'resources', 'app.asar'), 'package.json').toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(pkg['main']).toBe('build/main/electron.cjs');
    expect(pkg).not.toHaveProperty('devDependencies');
    expect(pkg).not.toHaveProperty('scripts');
  });

  it('flips the fuses in the executable', async () => {
    const wire = await fuses.getCurrentFuseWire(path.join(unpacked, 'clinic-kiosk'));
    expect([0, 1, 2, 3, 4, 5, 7].map((i) => wire[i])).toEqual([
      OFF, // RunAsNode
      ON, // EnableCookieEncryption
      OFF, // EnableNodeOptionsEnvironmentVariable
      OFF, // EnableNodeCliInspectArguments
      ON, // EnableEmbeddedAsarIntegrityValidation
      ON, // OnlyLoadAppFromAsar
      OFF, // GrantFileProtocolExtraPrivileges
    ]);
  });
});
