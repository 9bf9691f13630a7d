/**
 * Deny by default. Each function takes the Electron object it hardens (as a small structural
 * interface, so tests pass fakes and electron-main passes the real thing).
 */
import type { Input } from 'electron';
import type { Logger } from '../core/log.js';
import { originOf } from '../core/origin.js';

interface Preventable {
  preventDefault(): void;
}

export interface PermissionSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  on(event: 'will-download', listener: (event: Preventable) => void): unknown;
}

export interface HardenableSession extends PermissionSession {
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void): void;
  };
}

export interface RequestPolicy {
  origin: string;
  /** Development only: let the DevTools front end load its own `devtools://` resources. */
  allowDevtools: boolean;
}

/**
 * Which requests may leave the renderer at all. The renderer never uses the network (main talks
 * to FHIR), so only our own origin passes, plus `data:` (inline images the CSP allows; no network).
 */
export function isAllowedRequest(url: string, policy: RequestPolicy): boolean {
  if (originOf(url) === policy.origin) return true;
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  if (scheme === 'data:') return true;
  return policy.allowDevtools && scheme === 'devtools:';
}

/** Scheme and host only: a blocked URL's path or query might carry something a patient typed. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'unparseable';
  }
}

/** Every session, including main's FHIR session: no permission, no device, no download. */
export function denyPermissions(session: PermissionSession): void {
  // Electron grants every permission by default; the check handler covers synchronous checks
  // (e.g. navigator.permissions.query) that the request handler never sees.
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

export function hardenSession(session: HardenableSession, policy: RequestPolicy, log: Logger): void {
  denyPermissions(session);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, policy);
    if (!allowed) log.warn('shell.request_blocked', { target: describeUrl(details.url) });
    callback({ cancel: !allowed });
  });
}

export interface HardenableWebContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: Preventable & { url: string }) => void): unknown;
  on(event: 'will-attach-webview' | 'context-menu' | 'will-prevent-unload', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/** Applied to every webContents Electron creates (app 'web-contents-created'). */
export function hardenWebContents(contents: HardenableWebContents, origin: string, log: Logger): void {
  const stayHome = (event: Preventable & { url: string }) => {
    if (originOf(event.url) === origin) return;
    event.preventDefault();
    log.warn('shell.navigation_blocked', { target: describeUrl(event.url) });
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-frame-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Electron has no default context menu and we never build one; this makes that explicit.
  contents.on('context-menu', (event) => event.preventDefault());
  // A page's beforeunload must not be able to block a self-heal reload or a staff exit.
  contents.on('will-prevent-unload', (event) => event.preventDefault());
}

export type KeyInput = Pick<Input, 'type' | 'key' | 'code' | 'control' | 'meta' | 'alt' | 'shift'>;

/** What the kiosk window does with a key before the page sees it. */
export type InputVerdict = 'allow' | 'block' | 'reload' | 'toggle-devtools';

/** Text editing with Ctrl/Cmd stays possible on a physical keyboard; every other combination is refused. */
const CARET_KEYS = ['arrowleft', 'arrowright', 'arrowup', 'arrowdown', 'backspace', 'delete', 'home', 'end'];
const EDITING_WITH_MODIFIER = new Set(['a', 'c', 'v', 'x', 'z', 'y', ...CARET_KEYS]);
/** With Shift too: redo, paste as plain text, extend a selection. Not C/I/J (DevTools). */
const EDITING_WITH_MODIFIER_SHIFT = new Set(['z', 'v', ...CARET_KEYS]);
/** Dedicated browser/media keys some keyboards and kiosks have. */
const BROWSER_KEYS = new Set([
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
  'BrowserHome',
  'BrowserSearch',
  'BrowserFavorites',
  'BrowserStop',
  'ZoomIn',
  'ZoomOut',
  'ZoomToggle',
  'Print',
  'Find',
  'Open',
  'Save',
  'Close',
  'New',
  'Help',
]);

const lower = (s: string) => s.toLowerCase();
const isFunctionKey = (key: string) => /^F\d{1,2}$/.test(key);

function devShortcut(input: KeyInput): InputVerdict | null {
  const mod = input.control || input.meta;
  const key = lower(input.key);
  if (input.key === 'F5' || (mod && !input.alt && key === 'r')) return 'reload';
  if (input.key === 'F12') return 'toggle-devtools';
  if (input.control && input.shift && ['i', 'j', 'c'].includes(key)) return 'toggle-devtools';
  if (input.meta && input.alt && ['i', 'j', 'c'].includes(key)) return 'toggle-devtools';
  return null;
}

/**
 * Deny-by-default keyboard policy for the kiosk window: every Ctrl/Cmd combination except text
 * editing, every function key, Alt+F4 / Alt+arrows (history), and browser keys. That covers reload,
 * DevTools, zoom, close/quit, print, find, full screen, new window, view source, save.
 * In development (not packaged) reload and DevTools shortcuts work, since there is no menu.
 */
export function inputVerdict(input: KeyInput, { packaged }: { packaged: boolean }): InputVerdict {
  if (!packaged) {
    const dev = devShortcut(input);
    if (dev) return dev;
  }
  const key = lower(input.key);
  if (isFunctionKey(input.key) || BROWSER_KEYS.has(input.key)) return 'block';
  if (input.alt && !input.control && !input.meta && ['arrowleft', 'arrowright', 'home'].includes(key)) return 'block';
  if (input.control || input.meta) {
    // AltGr arrives as Ctrl+Alt on Windows: let it type characters (é, @, €), but not letters/digits.
    const altGrCharacter = input.control && input.alt && !input.meta && input.key.length === 1 && !/[a-z0-9]/i.test(input.key);
    if (altGrCharacter) return 'allow';
    const editing = input.shift ? EDITING_WITH_MODIFIER_SHIFT : EDITING_WITH_MODIFIER;
    return !input.alt && editing.has(key) ? 'allow' : 'block';
  }
  return 'allow';
}

export function shouldBlockInput(input: KeyInput, opts: { packaged: boolean }): boolean {
  return inputVerdict(input, opts) !== 'allow';
}

export interface KeyboardFilterTarget {
  on(event: 'before-input-event', listener: (event: Preventable, input: KeyInput) => void): unknown;
  reload(): void;
  toggleDevTools(): void;
}

/** Only our kiosk window gets the filter (DevTools' own window keeps its keys in development). */
export function filterKeyboard(contents: KeyboardFilterTarget, opts: { packaged: boolean }): void {
  contents.on('before-input-event', (event, input) => {
    const verdict = inputVerdict(input, opts);
    if (verdict === 'allow') return;
    event.preventDefault();
    if (input.type !== 'keyDown') return;
    if (verdict === 'reload') contents.reload();
    if (verdict === 'toggle-devtools') contents.toggleDevTools();
  });
}
