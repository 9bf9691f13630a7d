#!/usr/bin/env bash
# Installs the Debian packages the build and tests need, only those missing:
#   chromium (e2e), xvfb + xauth (headed runs), gnome-keyring + dbus-x11 + libsecret (keytar, a real
#   Secret Service), libsecret-1-dev + g++ + make + python3 + pkg-config (to compile keytar at npm install),
#   espeak-ng (the speech engine for audio guidance on Linux) + sox (the real-audio test checks its WAVs).
# As root it installs them; otherwise it prints the exact command and exits 1.
# Runs as `npm ci`'s preinstall (scripts/preinstall.mjs) and again at the start of `npm test`.
set -euo pipefail
need=()
for pkg in chromium xvfb xauth gnome-keyring dbus-x11 libsecret-1-0 libsecret-1-dev g++ make python3 pkg-config fonts-dejavu-core espeak-ng sox; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
[ ${#need[@]} -eq 0 ] && exit 0
cmd="apt-get install -y --no-install-recommends ${need[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages. Run this once, then the npm command again:" >&2
  echo "  sudo apt-get update && sudo $cmd" >&2
  exit 1
fi
echo "system-deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
$cmd -qq >/dev/null
