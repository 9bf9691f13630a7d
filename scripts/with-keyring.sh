#!/usr/bin/env bash
# Usage: scripts/with-keyring.sh <command...>
# Runs <command> inside a private D-Bus session with an unlocked gnome-keyring (a real Secret Service
# for keytar). The keyring lives in a throwaway directory, never in the user's own keyring.
# Needs (Debian): gnome-keyring dbus-x11 libsecret-1-0  (scripts/system-deps.sh installs them).
set -euo pipefail
own_tmp=""
[ -n "${KEYRING_TMP:-}" ] || { KEYRING_TMP="$(mktemp -d)"; own_tmp=1; }
export KEYRING_TMP
rc=0
dbus-run-session -- bash -c '
  set -u
  export XDG_DATA_HOME="$KEYRING_TMP/data" XDG_CACHE_HOME="$KEYRING_TMP/cache" XDG_RUNTIME_DIR="$KEYRING_TMP/run"
  mkdir -p "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
  # --unlock reads the (throwaway) keyring password from stdin and creates the keyring on first use.
  eval "$(printf "%s" "kiosk-test" | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  kpid=""
  for _ in $(seq 1 50); do
    kpid=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
           org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null | awk "/uint32/{print \$2}") || true
    [ -n "$kpid" ] && break; sleep 0.1
  done
  [ -n "$kpid" ] || { echo "with-keyring: Secret Service did not appear on the bus" >&2; exit 90; }
  rc=0; "$@" || rc=$?
  kill "$kpid" 2>/dev/null || true
  exit $rc
' bash "$@" 2> >(grep -v "Failed to set fd limit" >&2) || rc=$?
# The throwaway keyring goes with the run (unless the caller handed in its own folder).
[ -z "$own_tmp" ] || rm -rf "$KEYRING_TMP"
exit $rc
