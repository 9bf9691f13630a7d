/** Command-line flags the Electron shell understands (the core reads `--config` itself). */
export interface ShellFlags {
  /** A normal framed window instead of kiosk full screen: development and IT troubleshooting. */
  windowed: boolean;
  /** One-shot command: set or clear "open at login", then quit. */
  loginItem: 'register' | 'unregister' | null;
}

export function parseShellFlags(argv: readonly string[]): ShellFlags {
  const has = (flag: string) => argv.includes(flag);
  return {
    windowed: has('--windowed'),
    loginItem: has('--register-login-item') ? 'register' : has('--unregister-login-item') ? 'unregister' : null,
  };
}

/**
 * `app.setLoginItemSettings` exists on macOS and Windows only; on Linux the OS starts the kiosk
 * (systemd user unit, XDG autostart, or the Ubuntu Frame snap daemon; see docs/security.md).
 */
export function loginItemSettingsFor(
  request: NonNullable<ShellFlags['loginItem']>,
  platform: NodeJS.Platform,
): { openAtLogin: boolean } | { unsupported: string } {
  if (platform !== 'darwin' && platform !== 'win32') {
    return { unsupported: `open-at-login is not available on ${platform}: use the OS autostart (docs/security.md)` };
  }
  return { openAtLogin: request === 'register' };
}
