/**
 * Renderer crash and hang in the real Electron kiosk: main survives (Electron < 41.8.0 died on a
 * synchronous reload from render-process-gone, electron#51900), the page is reloaded in a fresh
 * renderer, the renderer bundle runs again and IPC answers.
 */
import { expect, test, type ElectronApplication } from '@playwright/test';
import path from 'node:path';
import { launchKiosk, screen, skipReason, type Kiosk } from './launch.js';

const reason = skipReason();
test.skip(reason !== null, reason ?? '');
// The hang path: Chromium's hang monitor, then the kiosk's 10 s grace, then a reload.
test.setTimeout(120_000);

let kiosk: Kiosk;

test.beforeEach(async () => {
  kiosk = await launchKiosk({
    env: { ...process.env, KIOSK_CONFIG: path.join('/nonexistent', 'absent-config.json'), KIOSK_DEMO_CLIENT_SECRET: '' },
  });
  await expect(screen(kiosk.page, 'unconfigured')).toBeVisible({ timeout: 15_000 });
  // Count finished loads of the kiosk window from main's side.
  await kiosk.app.evaluate(({ BrowserWindow }) => {
    const g = globalThis as unknown as { __loads: number };
    g.__loads = 0;
    BrowserWindow.getAllWindows()[0]!.webContents.on('did-finish-load', () => (g.__loads += 1));
  });
});
test.afterEach(async () => {
  await kiosk?.close();
});

const loads = (app: ElectronApplication) => app.evaluate(() => (globalThis as unknown as { __loads: number }).__loads);

async function expectRecovered(k: Kiosk) {
  await expect.poll(() => loads(k.app), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  expect(k.app.process().exitCode).toBeNull();
  const page = k.app.windows()[0]!;
  await expect(screen(page, 'unconfigured')).toContainText('This kiosk is not set up yet', { timeout: 15_000 });
  const info = await page.evaluate(() => (globalThis as unknown as { kiosk: { info(): Promise<unknown> } }).kiosk.info());
  expect(info).toMatchObject({ ok: true, value: { mode: 'unconfigured' } });
  expect(await k.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
}

test('a renderer crash: main stays up, the page is reloaded, IPC answers', async () => {
  await kiosk.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer());
  await expectRecovered(kiosk);
});

test('a hung renderer: killed after the grace period, reloaded, main stays up, IPC answers', async () => {
  // Never resolves: the page's main thread spins. Input then goes unanswered, which is what
  // Chromium's hang monitor (and so the 'unresponsive' event) needs.
  void kiosk.page
    .evaluate(() => {
      for (;;) {
        /* hang */
      }
    })
    .catch(() => {});
  await kiosk.app.evaluate(({ BrowserWindow }) => {
    const wc = BrowserWindow.getAllWindows()[0]!.webContents;
    wc.sendInputEvent({ type: 'mouseDown', x: 640, y: 400, button: 'left', clickCount: 1 });
    wc.sendInputEvent({ type: 'mouseUp', x: 640, y: 400, button: 'left', clickCount: 1 });
  });
  await expectRecovered(kiosk);
});
