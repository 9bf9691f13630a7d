// Runs during `npm install` / `npm ci` before any dependency's install script (started by the
// local package scripts/system-deps, whose preinstall npm runs first). On Debian/Ubuntu the system
// packages the project needs come first (keytar compiles against libsecret in this very install):
// scripts/system-deps.sh installs them as root, otherwise prints the one exact command and stops.
// Elsewhere (macOS, Windows, other Linux) there is nothing to install: keytar uses the OS keychain.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const hasDpkg = process.platform === 'linux' && spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasDpkg) {
  if (process.platform === 'linux') console.error('preinstall: not a Debian-based system; see README (libsecret, a C++ toolchain).');
  process.exit(0);
}
const r = spawnSync('bash', [fileURLToPath(new URL('./system-deps.sh', import.meta.url))], { stdio: 'inherit' });
process.exit(r.status ?? 1);
