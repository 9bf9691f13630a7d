/**
 * The real Electron app, unpackaged (packaged builds turn the inspect fuse off, which Playwright
 * needs), launched from build/main/electron.cjs with no config: the "not set up" screen, which is
 * enough to check the window, the protocol, the CSP and the preload boundary.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBinary, NO_ELECTRON_MESSAGE } from '../../dev/electron-binary.js';

const root = process.cwd();
const binary = electronBinary(root);
test.skip(!binary, NO_ELECTRON_MESSAGE);

/**
 * The browser globals these checks touch. This file is type-checked with the Node program (no DOM
 * lib), and page.evaluate callbacks are serialized, so each callback casts globalThis itself.
 */
interface PageGlobals {
  kiosk?: { info(): Promise<unknown> };
  document: { createElement(tag: 'script'): { textContent: string }; head: { append(node: unknown): void } };
  location: { href: string };
  open(url: string): unknown;
  fetch(url: string): Promise<unknown>;
  Image: new () => { onload: (() => void) | null; onerror: (() => void) | null; src: string };
  [name: string]: unknown;
}

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  if (!binary) return;
  if (!existsSync(path.join(root, 'build/main/electron.cjs'))) throw new Error('build/ is missing: run `npm run build` first');
  userData = mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-e2e-'));
  const linuxRoot = process.platform === 'linux' && process.getuid?.() === 0;
  app = await electron.launch({
    executablePath: binary,
    args: [root, `--user-data-dir=${userData}`, ...(linuxRoot ? ['--no-sandbox'] : [])],
    // No config file and no demo secret: the kiosk starts in its "not set up" state.
    env: { ...process.env, KIOSK_CONFIG: path.join(userData, 'absent-config.json'), KIOSK_DEMO_CLIENT_SECRET: '' },
    timeout: 30_000,
  });
  page = await app.firstWindow({ timeout: 30_000 });
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  if (!app) return;
  // app.close() asks app.quit(), which a locked kiosk refuses by design: exit directly.
  const exited = new Promise((resolve) => app.process().once('exit', resolve));
  await app.evaluate(({ app: electronApp }) => setTimeout(() => electronApp.exit(0), 50)).catch(() => {});
  await exited;
  rmSync(userData, { recursive: true, force: true });
});

test('opens one frameless kiosk window on app://kiosk', async () => {
  const state = await app.evaluate(({ BrowserWindow }) => {
    const windows = BrowserWindow.getAllWindows();
    const win = windows[0]!;
    return { count: windows.length, kiosk: win.isKiosk(), fullScreen: win.isFullScreen(), visible: win.isVisible() };
  });
  expect(state).toEqual({ count: 1, kiosk: true, fullScreen: true, visible: true });
  expect(page.url()).toBe('app://kiosk/index.html');
});

test('exposes window.kiosk and nothing of Node or Electron (isolated, sandboxed, no node integration)', async () => {
  const globals = await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    return {
      kiosk: typeof w.kiosk,
      info: typeof w.kiosk?.info,
      require: typeof w['require'],
      process: typeof w['process'],
      module: typeof w['module'],
      Buffer: typeof w['Buffer'],
      ipcRenderer: typeof w['ipcRenderer'],
      electron: typeof w['electron'],
    };
  });
  expect(globals).toEqual({
    kiosk: 'object',
    info: 'function',
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
    ipcRenderer: 'undefined',
    electron: 'undefined',
  });
});

test('answers IPC through the preload API from our window', async () => {
  const info = await page.evaluate(() => (globalThis as unknown as PageGlobals).kiosk!.info());
  expect(info).toMatchObject({ ok: true, value: { mode: 'unconfigured' } });
});

test('sends the CSP and enforces it: no eval, no inline script, no network', async () => {
  const response = await page.reload();
  if (response) expect(response.headers()['content-security-policy']).toContain("default-src 'none'");
  const result = await page.evaluate(async () => {
    const w = globalThis as unknown as PageGlobals;
    let evalBlocked = false;
    try {
      eval('1');
    } catch {
      evalBlocked = true;
    }
    const script = w.document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    w.document.head.append(script);
    let fetchBlocked = false;
    try {
      await w.fetch('https://example.com/');
    } catch {
      fetchBlocked = true;
    }
    return { evalBlocked, inlineRan: w['__inlineRan'] === true, fetchBlocked };
  });
  expect(result).toEqual({ evalBlocked: true, inlineRan: false, fetchBlocked: true });
});

test('refuses navigation away and new windows', async () => {
  const opened = await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com/') === null);
  expect(opened).toBe(true);
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe('app://kiosk/index.html');
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('refuses path traversal through the app protocol', async () => {
  const status = await page.evaluate(async () => {
    const img = new (globalThis as unknown as PageGlobals).Image();
    return await new Promise<string>((resolve) => {
      img.onload = () => resolve('loaded');
      img.onerror = () => resolve('refused');
      img.src = 'app://kiosk/%2e%2e%2f%2e%2e%2fpackage.json';
    });
  });
  expect(status).toBe('refused');
});
