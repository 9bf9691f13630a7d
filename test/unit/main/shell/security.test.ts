import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from '../../../../main/core/origin.js';
import {
  filterKeyboard,
  hardenSession,
  hardenWebContents,
  inputVerdict,
  isAllowedRequest,
  shouldBlockInput,
  type InputVerdict,
  type KeyInput,
} from '../../../../main/shell/security.js';
import { capturingLogger, FakeEmitter, fakeEvent } from './fakes.js';

class FakeSession extends FakeEmitter {
  requestHandler?: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
  checkHandler?: () => boolean;
  deviceHandler?: () => boolean;
  beforeRequest?: (details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void;
  setPermissionRequestHandler(h: NonNullable<FakeSession['requestHandler']>) {
    this.requestHandler = h;
  }
  setPermissionCheckHandler(h: () => boolean) {
    this.checkHandler = h;
  }
  setDevicePermissionHandler(h: () => boolean) {
    this.deviceHandler = h;
  }
  webRequest = { onBeforeRequest: (l: NonNullable<FakeSession['beforeRequest']>) => void (this.beforeRequest = l) };

  /** Runs the onBeforeRequest listener and returns whether the request was cancelled. */
  cancels(url: string): boolean {
    let response: { cancel?: boolean } | undefined;
    this.beforeRequest!({ url }, (r) => (response = r));
    return response?.cancel === true;
  }
}

function hardened(allowDevtools: boolean) {
  const session = new FakeSession();
  const { log, lines } = capturingLogger();
  hardenSession(session, { origin: APP_ORIGIN, allowDevtools }, log);
  return { session, lines };
}

describe('hardenSession', () => {
  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown'])(
    'denies the %s permission request',
    (permission) => {
      const { session } = hardened(false);
      const cb = vi.fn();
      session.requestHandler!({}, permission, cb);
      expect(cb).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('denies every permission check and device permission', () => {
    const { session } = hardened(false);
    expect(session.checkHandler!()).toBe(false);
    expect(session.deviceHandler!()).toBe(false);
  });

  it('cancels downloads', () => {
    const { session } = hardened(false);
    const event = fakeEvent();
    session.emit('will-download', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it.each([
    'https://fumage-example.canvasmedical.com/Patient',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'ws://localhost:9222/',
    'wss://example.com/',
    'app://kiosk.evil.com/app.js',
    'app://kioskx/index.html',
    'app://user@kiosk/index.html',
    'blob:app://kiosk/0b9c',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
  ])('blocks the renderer request to %s (packaged)', (url) => {
    expect(hardened(false).session.cancels(url)).toBe(true);
  });

  it.each(['app://kiosk/index.html', 'app://kiosk/assets/logo.svg', 'data:image/png;base64,iVBORw0KGgo='])('lets %s through', (url) => {
    expect(hardened(false).session.cancels(url)).toBe(false);
  });

  it('lets DevTools load its front end only in development', () => {
    expect(hardened(true).session.cancels('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(hardened(true).session.cancels('https://example.com/')).toBe(true);
  });

  it('logs a blocked request without its path or query', () => {
    const { session, lines } = hardened(false);
    session.cancels('https://example.com/Patient?family=Smith&birthdate=1970-01-01');
    expect(lines.join('\n')).toContain('https://example.com');
    expect(lines.join('\n')).not.toMatch(/Smith|1970|Patient/);
  });
});

describe('isAllowedRequest', () => {
  it('compares parsed origins, never prefixes', () => {
    const policy = { origin: APP_ORIGIN, allowDevtools: false };
    expect(isAllowedRequest('app://kiosk/index.html', policy)).toBe(true);
    expect(isAllowedRequest('app://kiosk.evil.com/index.html', policy)).toBe(false);
    expect(isAllowedRequest('APP://KIOSK/index.html', policy)).toBe(true);
    expect(isAllowedRequest('garbage', policy)).toBe(false);
  });
});

class FakeContents extends FakeEmitter {
  openHandler?: () => { action: string };
  setWindowOpenHandler(h: () => { action: 'deny' }) {
    this.openHandler = h;
  }
}

function hardenedContents() {
  const contents = new FakeContents();
  hardenWebContents(contents, APP_ORIGIN, capturingLogger().log);
  return contents;
}

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: our own origin is allowed', (eventName) => {
    const contents = hardenedContents();
    const event = fakeEvent({ url: 'app://kiosk/index.html#welcome' });
    contents.emit(eventName, event);
    expect(event.defaultPrevented).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'app://kiosk.evil.com/index.html',
    'app://kioskx/index.html',
    'app://user@kiosk/index.html',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'about:blank',
    'https://evil.example/app://kiosk/',
  ])('navigation to %s is denied', (url) => {
    for (const eventName of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      const contents = hardenedContents();
      const event = fakeEvent({ url });
      contents.emit(eventName, event);
      expect(event.defaultPrevented, `${eventName} ${url}`).toBe(true);
    }
  });

  it('denies window.open', () => {
    expect(hardenedContents().openHandler!()).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const contents = hardenedContents();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('shows no context menu and lets no page block unload', () => {
    const contents = hardenedContents();
    const menu = fakeEvent();
    const unload = fakeEvent();
    contents.emit('context-menu', menu, {});
    contents.emit('will-prevent-unload', unload);
    expect(menu.defaultPrevented).toBe(true);
    expect(unload.defaultPrevented).toBe(true);
  });
});

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  code: '',
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});
const ctrl = { control: true };
const cmd = { meta: true };

describe('keyboard filter (packaged kiosk)', () => {
  const packaged = { packaged: true };
  it.each([
    ['reload F5', key('F5')],
    ['reload Ctrl+R', key('r', ctrl)],
    ['reload Cmd+R', key('r', cmd)],
    ['hard reload Ctrl+Shift+R', key('R', { control: true, shift: true })],
    ['devtools F12', key('F12')],
    ['devtools Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['devtools Ctrl+Shift+J', key('J', { control: true, shift: true })],
    ['devtools Ctrl+Shift+C', key('C', { control: true, shift: true })],
    ['devtools Cmd+Alt+I', key('i', { meta: true, alt: true })],
    ['zoom in Ctrl++', key('+', { control: true, shift: true })],
    ['zoom in Ctrl+=', key('=', ctrl)],
    ['zoom in Cmd+=', key('=', cmd)],
    ['zoom out Ctrl+-', key('-', ctrl)],
    ['zoom reset Ctrl+0', key('0', ctrl)],
    ['zoom reset Cmd+0', key('0', cmd)],
    ['close Ctrl+W', key('w', ctrl)],
    ['close Cmd+W', key('w', cmd)],
    ['quit Ctrl+Q', key('q', ctrl)],
    ['quit Cmd+Q', key('q', cmd)],
    ['close Alt+F4', key('F4', { alt: true })],
    ['close tab Ctrl+F4', key('F4', ctrl)],
    ['print Ctrl+P', key('p', ctrl)],
    ['print Cmd+P', key('p', cmd)],
    ['find Ctrl+F', key('f', ctrl)],
    ['find Cmd+F', key('f', cmd)],
    ['find next F3', key('F3')],
    ['full screen F11', key('F11')],
    ['full screen Cmd+Ctrl+F', key('f', { meta: true, control: true })],
    ['new window Ctrl+N', key('n', ctrl)],
    ['new window Cmd+N', key('n', cmd)],
    ['new tab Ctrl+T', key('t', ctrl)],
    ['view source Ctrl+U', key('u', ctrl)],
    ['save Ctrl+S', key('s', ctrl)],
    ['history back Alt+Left', key('ArrowLeft', { alt: true })],
    ['history forward Alt+Right', key('ArrowRight', { alt: true })],
    ['browser back key', key('BrowserBack')],
    ['browser refresh key', key('BrowserRefresh')],
    ['caret browsing F7', key('F7')],
    ['Ctrl+Alt+letter', key('r', { control: true, alt: true })],
    ['Ctrl+Shift+A', key('A', { control: true, shift: true })],
    ['Ctrl+Shift+X', key('X', { control: true, shift: true })],
  ])('blocks %s', (_name, input) => {
    expect(shouldBlockInput(input, packaged)).toBe(true);
    expect(shouldBlockInput({ ...input, type: 'keyUp' }, packaged)).toBe(true);
  });

  it.each([
    ['a letter', key('a')],
    ['a capital', key('A', { shift: true })],
    ['a digit', key('7')],
    ['an accented letter', key('é')],
    ['space', key(' ')],
    ['Backspace', key('Backspace')],
    ['Enter', key('Enter')],
    ['Tab (keyboard navigation)', key('Tab')],
    ['Shift+Tab', key('Tab', { shift: true })],
    ['Escape', key('Escape')],
    ['arrows', key('ArrowDown')],
    ['select all Ctrl+A', key('a', ctrl)],
    ['copy Ctrl+C', key('c', ctrl)],
    ['paste Cmd+V', key('v', cmd)],
    ['cut Ctrl+X', key('x', ctrl)],
    ['undo Ctrl+Z', key('z', ctrl)],
    ['redo Cmd+Shift+Z', key('Z', { meta: true, shift: true })],
    ['delete word Ctrl+Backspace', key('Backspace', ctrl)],
    ['paste as plain text Ctrl+Shift+V', key('V', { control: true, shift: true })],
    ['extend selection Ctrl+Shift+Left', key('ArrowLeft', { control: true, shift: true })],
    ['AltGr character (Ctrl+Alt on Windows) @', key('@', { control: true, alt: true })],
    ['AltGr character ą', key('ą', { control: true, alt: true })],
  ])('lets %s through', (_name, input) => {
    expect(shouldBlockInput(input, packaged)).toBe(false);
  });
});

describe('keyboard filter (development)', () => {
  const dev = { packaged: false };
  it.each<[string, InputVerdict, KeyInput]>([
    ['F5', 'reload', key('F5')],
    ['Ctrl+R', 'reload', key('r', ctrl)],
    ['Cmd+Shift+R', 'reload', key('R', { meta: true, shift: true })],
    ['F12', 'toggle-devtools', key('F12')],
    ['Ctrl+Shift+I', 'toggle-devtools', key('I', { control: true, shift: true })],
    ['Cmd+Alt+I', 'toggle-devtools', key('i', { meta: true, alt: true })],
    ['Ctrl+W still blocked', 'block', key('w', ctrl)],
    ['zoom still blocked', 'block', key('=', ctrl)],
    ['typing', 'allow', key('a')],
  ])('%s → %s', (_name, verdict, input) => {
    expect(inputVerdict(input, dev)).toBe(verdict);
  });
});

describe('filterKeyboard', () => {
  class FakeKeyboardContents extends FakeEmitter {
    reload = vi.fn();
    toggleDevTools = vi.fn();
  }

  it('prevents blocked keys before the page sees them', () => {
    const contents = new FakeKeyboardContents();
    filterKeyboard(contents, { packaged: true });
    const blocked = fakeEvent();
    const allowed = fakeEvent();
    contents.emit('before-input-event', blocked, key('r', ctrl));
    contents.emit('before-input-event', allowed, key('a'));
    expect(blocked.defaultPrevented).toBe(true);
    expect(allowed.defaultPrevented).toBe(false);
    expect(contents.reload).not.toHaveBeenCalled();
  });

  it('in development performs reload / DevTools once per key press (keyDown only)', () => {
    const contents = new FakeKeyboardContents();
    filterKeyboard(contents, { packaged: false });
    contents.emit('before-input-event', fakeEvent(), key('F5'));
    contents.emit('before-input-event', fakeEvent(), { ...key('F5'), type: 'keyUp' });
    contents.emit('before-input-event', fakeEvent(), key('F12'));
    expect(contents.reload).toHaveBeenCalledTimes(1);
    expect(contents.toggleDevTools).toHaveBeenCalledTimes(1);
  });
});
