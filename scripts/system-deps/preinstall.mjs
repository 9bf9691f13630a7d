// Runs during `npm install` / `npm ci` before any dependency's install script: npm runs the
// preinstall of every (non-linked) dependency first, and this package is one (a tarball, so it is not
// a link: npm builds links only after all other dependencies, npm/cli#2660 for the root's own hook).
// On Debian/Ubuntu the system packages come first (keytar compiles against libsecret in this very
// install): scripts/system-deps.sh installs them as root, otherwise prints the one exact command.
// Elsewhere (macOS, Windows, other Linux) there is nothing to install: keytar uses the OS keychain.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project's scripts/system-deps.sh, above wherever npm unpacked this package. */
function findScript(from) {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'scripts', 'system-deps.sh');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

const hasDpkg = process.platform === 'linux' && spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasDpkg) {
  if (process.platform === 'linux') console.error('preinstall: not a Debian-based system; see README (libsecret, a C++ toolchain).');
  process.exit(0);
}
const script = findScript(process.env['INIT_CWD'] ?? process.cwd()) ?? findScript(process.cwd());
if (!script) {
  console.error('preinstall: scripts/system-deps.sh not found');
  process.exit(1);
}
const r = spawnSync('bash', [script], { stdio: 'inherit' });
process.exit(r.status ?? 1);
