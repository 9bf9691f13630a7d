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

type ValueRule = (value: string | null) => boolean;
const noValue: ValueRule = (value) => value === null;
const oneOf =
  (...allowed: string[]): ValueRule =>
  (value) =>
    value !== null && allowed.includes(value);
const listOf =
  (...allowed: string[]): ValueRule =>
  (value) =>
    value !== null && value.split(',').every((item) => allowed.includes(item));
const matching =
  (pattern: RegExp): ValueRule =>
  (value) =>
    value !== null && pattern.test(value);

/**
 * Every switch a packaged kiosk accepts on its command line, with the values it accepts; anything
 * else refuses to start. An allow-list because Chromium has hundreds of switches and new ones
 * arrive with every release: a deny-list missed `--no-sandbox`, `--renderer-cmd-prefix`,
 * `--gpu-launcher` (run any program as a child), `--remote-allow-origins`, `--user-data-dir`
 * (a keychain-less profile elsewhere), and would miss the next one.
 */
export const ALLOWED_SWITCHES: Readonly<Record<string, ValueRule>> = {
  // Ours. `--config FILE` takes its value as the next argument (configPath in main/core/config.ts).
  windowed: noValue,
  config: noValue,
  admin: noValue,
  'register-login-item': noValue,
  'unregister-login-item': noValue,
  // Linux kiosks under Wayland (Ubuntu Frame, cage): pick the Ozone backend, nothing more.
  'ozone-platform': oneOf('wayland', 'x11'),
  'ozone-platform-hint': oneOf('auto', 'wayland', 'x11'),
  'enable-features': listOf('UseOzonePlatform', 'WaylandWindowDecorations'),
  // Touch panels with a wrong EDID scale.
  'force-device-scale-factor': matching(/^[0-9](\.[0-9]{1,2})?$/),
  lang: matching(/^[a-z]{2,3}(-[A-Za-z0-9]{2,4})?$/),
  // macOS Launch Services adds `-psn_0_123456` on older releases.
  psn: noValue,
};

export interface CommandLineSwitch {
  name: string;
  value: string | null;
}

/**
 * The switches Chromium would see in `argv` (argv[0] is the executable): arguments starting with
 * `--` or `-` (and `/` on Windows), up to a bare `--`. Names are compared in lower case, as
 * Chromium does on Windows.
 */
export function commandLineSwitches(argv: readonly string[], platform: NodeJS.Platform): CommandLineSwitch[] {
  const out: CommandLineSwitch[] = [];
  for (const arg of argv.slice(1)) {
    if (arg === '--') break;
    const prefix = arg.startsWith('--') ? 2 : arg.startsWith('-') || (platform === 'win32' && arg.startsWith('/')) ? 1 : 0;
    if (prefix === 0 || arg.length === prefix) continue;
    const body = arg.slice(prefix);
    const eq = body.indexOf('=');
    const name = (eq < 0 ? body : body.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? null : body.slice(eq + 1);
    out.push(/^psn_\d+_\d+$/.test(name) && value === null ? { name: 'psn', value } : { name, value });
  }
  return out;
}

/** The switch names a packaged build refuses (values are not returned: they may hold paths). */
export function refusedSwitches(argv: readonly string[], platform: NodeJS.Platform, packaged: boolean): string[] {
  if (!packaged) return [];
  const refused = commandLineSwitches(argv, platform)
    .filter(({ name, value }) => {
      const rule = Object.hasOwn(ALLOWED_SWITCHES, name) ? ALLOWED_SWITCHES[name] : undefined;
      return !rule || !rule(value);
    })
    .map(({ name }) => name);
  return [...new Set(refused)];
}
