/**
 * The real Electron app, unpackaged (packaged builds turn the inspect fuse off, which Playwright
 * needs), launched from build/main/electron.cjs with no config: the "not set up" screen, which is
 * enough to check the window, the protocol, the CSP and the preload boundary.
 */
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import path from 'node:path';
import { launchKiosk, screen, skipReason, windowState, type Kiosk } from './launch.js';

const reason = skipReason();
test.skip(reason !== null, reason ?? '');

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

let kiosk: Kiosk;
let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  if (reason) return;
  // No config file and no demo secret: the kiosk starts in its "not set up" state.
  kiosk = await launchKiosk({
    env: { ...process.env, KIOSK_CONFIG: path.join('/nonexistent', 'absent-config.json'), KIOSK_DEMO_CLIENT_SECRET: '' },
  });
  ({ app, page } = kiosk);
});

test.afterAll(async () => {
  await kiosk?.close();
});

test('opens one frameless kiosk window on app://kiosk, polled until the window settles', async () => {
  // Full screen arrives asynchronously (a macOS animation, a window manager on Linux): poll, never check once.
  await expect.poll(() => windowState(app), { timeout: 15_000 }).toEqual({ count: 1, kiosk: true, fullScreen: true, visible: true });
  expect(page.url()).toBe('app://kiosk/index.html');
});

test('the renderer bundle ran: its "not set up" screen is rendered (index.html alone has no such text)', async () => {
  await expect(screen(page, 'unconfigured')).toContainText('This kiosk is not set up yet', { timeout: 15_000 });
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

test('refuses path traversal through the app protocol, by status code', async () => {
  // Through main's net.fetch, which goes through the registered app:// handler: a status per URL,
  // not an <img> error that any non-image body would also give. index.html is the control.
  const statuses = await app.evaluate(async ({ net }) => {
    const urls = [
      'app://kiosk/index.html',
      'app://kiosk/%2e%2e%2f%2e%2e%2fpackage.json',
      'app://kiosk/..%2f..%2fpackage.json',
      'app://kiosk/%252e%252e%252fpackage.json',
      'app://kiosk/assets/..%5c..%5c..%5cpackage.json',
      'app://kiosk/../../package.json',
    ];
    const out: Record<string, number> = {};
    for (const url of urls) out[url] = (await net.fetch(url)).status;
    return out;
  });
  expect(statuses['app://kiosk/index.html']).toBe(200);
  for (const [url, status] of Object.entries(statuses)) if (!url.endsWith('index.html')) expect(status, url).toBe(404);
});
