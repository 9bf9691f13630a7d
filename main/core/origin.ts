/**
 * The renderer's own origin, `app://kiosk`. Electron-free so the security checks built on it are
 * unit-tested under plain Node.
 *
 * Why not `new URL(url).origin`? WHATWG URL (Node's, also in Electron's main process) gives custom
 * schemes an opaque origin: `new URL('app://kiosk/').origin === 'null'`, the same string as any
 * `data:` or `app://evil/` URL. Registering the scheme as standard only changes Chromium's parser,
 * not Node's. So we build the origin ourselves from the parsed protocol and host.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Origin of a URL as `scheme://host[:port]`, or null for anything without a comparable origin. */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== 'null') return parsed.origin;
  // Our scheme: a bare host, nothing that could hide another host (user info, port).
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.hostname && !parsed.username && !parsed.password && !parsed.port) {
    return `${APP_SCHEME}://${parsed.hostname.toLowerCase()}`;
  }
  return null;
}

/** True only for URLs whose parsed origin is exactly ours (never a prefix or substring test). */
export function isAppUrl(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}
