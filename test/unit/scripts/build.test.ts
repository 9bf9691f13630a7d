/**
 * `node scripts/build.mjs` run the way a user runs it, from a checkout whose path has a space (and
 * through a symlink), from another working directory. The old is-main check compared
 * import.meta.url with `file://${argv[1]}`: with a space (%20) it never matched and nothing was built.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const OUTPUTS = [
  'build/main/electron.cjs',
  'build/main/admin.cjs',
  'build/preload/index.cjs',
  'build/renderer/app.js',
  'build/renderer/index.html',
  'build/dev/bridge.js',
];

let work: string;
let project: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'kiosk build test '));
  project = path.join(work, 'clinic kiosk');
  for (const item of ['main', 'preload', 'renderer', 'dev', 'assets', 'scripts/build.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(path.join(root, item), path.join(project, item), { recursive: true });
  }
  symlinkSync(realpathSync(path.join(root, 'node_modules')), path.join(project, 'node_modules'), 'dir');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const runBuild = (script: string) =>
  execFileSync(process.execPath, [script], { cwd: os.tmpdir(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });

describe('scripts/build.mjs run directly', () => {
  it('builds every output from a path with a space, whatever the working directory', () => {
    expect(project).toContain(' ');
    const out = runBuild(path.join(project, 'scripts', 'build.mjs'));
    expect(out).toMatch(/build: done in \d+ ms/);
    for (const file of OUTPUTS) expect(existsSync(path.join(project, file)), file).toBe(true);
    // Into the project it belongs to, not into the working directory.
    expect(existsSync(path.join(os.tmpdir(), 'build', 'dev', 'bridge.js'))).toBe(false);
  });

  it('builds when invoked through a symlink to the script', () => {
    rmSync(path.join(project, 'build'), { recursive: true, force: true });
    const link = path.join(work, 'build link.mjs');
    symlinkSync(path.join(project, 'scripts', 'build.mjs'), link);
    runBuild(link);
    for (const file of OUTPUTS) expect(existsSync(path.join(project, file)), file).toBe(true);
  });
});
