/**
 * The fresh-machine path of `npm ci`: the kiosk-system-deps tarball (a dev dependency whose preinstall
 * npm runs before any dependency's install script) → its preinstall.mjs → scripts/system-deps.sh. Real
 * bash, real npm, a real non-root user; only dpkg-query (to make a package look missing, since
 * libsecret cannot be uninstalled here) and apt-get (to record instead of installing) are shims.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const isRoot = process.getuid?.() === 0;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kiosk-sysdeps-'));
chmodSync(tmp, 0o755);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A PATH dir whose dpkg-query reports `missing` as not installed and everything else as installed. */
function shims(name: string, missing: string[]) {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const log = path.join(dir, 'apt.log');
  writeFileSync(
    path.join(dir, 'dpkg-query'),
    `#!/bin/sh\ncase "$1" in --version) exit 0;; esac\nfor p in ${missing.join(' ')}; do [ "$p" = "$3" ] && exit 1; done\nprintf 'install ok installed'\n`,
  );
  writeFileSync(path.join(dir, 'apt-get'), `#!/bin/sh\necho "$*" >> ${log}\n`);
  for (const f of ['dpkg-query', 'apt-get']) chmodSync(path.join(dir, f), 0o755);
  chmodSync(dir, 0o777);
  return { dir, log };
}

function run(cmd: string[], o: { path: string; asUser?: string }) {
  const env = { PATH: o.path, HOME: tmp };
  const argv = o.asUser ? ['runuser', '-u', o.asUser, '--', 'env', `PATH=${o.path}`, `HOME=${tmp}`, ...cmd] : cmd;
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd: root, env, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

const systemPath = `${path.dirname(process.execPath)}:/usr/sbin:/usr/bin:/sbin:/bin`;

describe('npm ci on a fresh Debian machine (system packages before keytar compiles)', () => {
  it('is wired into npm: a tarball dev dependency (not a link, so it is built first), allowed in allowScripts, packed from scripts/system-deps', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
      allowScripts: Record<string, boolean>;
    };
    const spec = 'file:scripts/system-deps/kiosk-system-deps-1.0.0.tgz';
    expect(pkg.devDependencies['kiosk-system-deps']).toBe(spec);
    expect(pkg.allowScripts[spec]).toBe(true);
    // The committed tarball is exactly the folder's sources (no drift): re-pack with `npm pack` after editing them.
    const out = path.join(tmp, 'unpacked');
    mkdirSync(out);
    expect(spawnSync('tar', ['xzf', path.join(root, 'scripts/system-deps/kiosk-system-deps-1.0.0.tgz'), '-C', out]).status).toBe(0);
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { integrity?: string }>;
    };
    const tgz = readFileSync(path.join(root, 'scripts/system-deps/kiosk-system-deps-1.0.0.tgz'));
    expect(lock.packages['node_modules/kiosk-system-deps']?.integrity).toBe(`sha512-${createHash('sha512').update(tgz).digest('base64')}`);
    for (const f of ['package.json', 'preinstall.mjs']) {
      expect(readFileSync(path.join(out, 'package', f), 'utf8'), f).toBe(readFileSync(path.join(root, 'scripts/system-deps', f), 'utf8'));
    }
  });

  it('npm runs the hook, which runs the deps script: as a non-root user with libsecret missing it prints the one exact command and fails', () => {
    const s = shims('nonroot', ['libsecret-1-dev']);
    const cmd = ['npm', 'run', '--silent', '--prefix', 'scripts/system-deps', 'preinstall'];
    const r = run(cmd, { path: `${s.dir}:${systemPath}`, ...(isRoot ? { asUser: 'nobody' } : {}) });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('  sudo apt-get update && sudo apt-get install -y --no-install-recommends libsecret-1-dev\n');
    expect(existsSync(s.log)).toBe(false);
  });

  it.skipIf(!isRoot)('as root it installs exactly the missing packages', () => {
    const s = shims('root', ['libsecret-1-dev', 'g++']);
    const r = run(['node', 'scripts/system-deps/preinstall.mjs'], { path: `${s.dir}:${systemPath}` });
    expect(r.status).toBe(0);
    expect(readFileSync(s.log, 'utf8')).toBe('update -qq\ninstall -y --no-install-recommends libsecret-1-dev g++ -qq\n');
  });

  it('does nothing when every package is there', () => {
    const s = shims('complete', []);
    const r = run(['node', 'scripts/system-deps/preinstall.mjs'], { path: `${s.dir}:${systemPath}` });
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(existsSync(s.log)).toBe(false);
  });

  it('skips on a system without dpkg (macOS, Windows, other Linux)', () => {
    const bin = path.join(tmp, 'nodeonly');
    mkdirSync(bin, { recursive: true });
    const r = run([process.execPath, 'scripts/system-deps/preinstall.mjs'], { path: bin });
    expect(r.status).toBe(0);
  });
});
