import { describe, expect, it } from 'vitest';
import { loginItemSettingsFor, parseShellFlags } from '../../../../main/shell/flags.js';
import { windowOptions } from '../../../../main/shell/window.js';

describe('windowOptions', () => {
  const kiosk = windowOptions({ preloadPath: '/app/build/preload/index.cjs', windowed: false, packaged: true });

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['spellcheck', false],
    ['navigateOnDragDrop', false],
    ['devTools', false],
  ] as const)('webPreferences.%s is %s', (key, value) => {
    expect(kiosk.webPreferences?.[key]).toBe(value);
  });

  it('never enables Blink features or a preload other than ours', () => {
    expect(kiosk.webPreferences?.enableBlinkFeatures).toBeUndefined();
    expect(kiosk.webPreferences?.preload).toBe('/app/build/preload/index.cjs');
  });

  it('is a frameless full-screen kiosk window, shown only when ready', () => {
    expect(kiosk).toMatchObject({
      kiosk: true,
      frame: false,
      show: false,
      resizable: false,
      movable: false,
      minimizable: false,
    });
    expect(kiosk.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it.each(['darwin', 'win32', 'linux'] as const)('on %s the kiosk window never passes fullscreen with kiosk', (platform) => {
    const options = windowOptions({ preloadPath: '/p.cjs', windowed: false, packaged: true, platform });
    expect(options.kiosk).toBe(true);
    expect('fullscreen' in options).toBe(false);
  });

  it('per OS: only macOS hides the kiosk window from Mission Control', () => {
    const on = (platform: NodeJS.Platform) => windowOptions({ preloadPath: '/p.cjs', windowed: false, packaged: true, platform });
    expect(on('darwin').hiddenInMissionControl).toBe(true);
    expect(on('win32').hiddenInMissionControl).toBeUndefined();
    expect(on('linux').hiddenInMissionControl).toBeUndefined();
  });

  it('windowed mode is a normal framed window; security flags do not change', () => {
    const windowed = windowOptions({ preloadPath: '/p.cjs', windowed: true, packaged: true });
    expect(windowed).toMatchObject({ kiosk: false, fullscreen: false, frame: true, show: false });
    expect({ ...windowed.webPreferences, preload: undefined }).toEqual({ ...kiosk.webPreferences, preload: undefined });
  });

  it('DevTools only in unpackaged (development) runs', () => {
    expect(windowOptions({ preloadPath: '/p.cjs', windowed: true, packaged: false }).webPreferences?.devTools).toBe(true);
    expect(windowOptions({ preloadPath: '/p.cjs', windowed: true, packaged: true }).webPreferences?.devTools).toBe(false);
  });
});

describe('parseShellFlags', () => {
  it('defaults to the locked kiosk', () => {
    expect(parseShellFlags(['/opt/kiosk/clinic-kiosk'])).toEqual({ windowed: false, loginItem: null });
  });
  it('reads --windowed and the login item commands', () => {
    expect(parseShellFlags(['electron', '.', '--windowed'])).toMatchObject({ windowed: true });
    expect(parseShellFlags(['x', '--register-login-item'])).toMatchObject({ loginItem: 'register' });
    expect(parseShellFlags(['x', '--unregister-login-item'])).toMatchObject({ loginItem: 'unregister' });
  });
  it('ignores look-alikes', () => {
    expect(parseShellFlags(['x', '--windowed=false', '-windowed', '--register-login-items'])).toEqual({ windowed: false, loginItem: null });
  });
});

describe('loginItemSettingsFor', () => {
  it('sets openAtLogin on macOS and Windows', () => {
    expect(loginItemSettingsFor('register', 'darwin')).toEqual({ openAtLogin: true });
    expect(loginItemSettingsFor('unregister', 'win32')).toEqual({ openAtLogin: false });
  });
  it('points Linux at the OS autostart instead', () => {
    expect(loginItemSettingsFor('register', 'linux')).toHaveProperty('unsupported');
  });
});
