/**
 * The Chromium host (development, demos, tests; never shipped): the real main-process core in this
 * Node process, the real renderer in Debian's Chromium via playwright-core. The renderer is served
 * from an in-process route (no network port), with the same files, CSP and IPC router as Electron.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createIpcRouter, isTrustedSender } from '../main/core/ipc-router.js';
import type { Kiosk } from '../main/core/kiosk.js';
import type { Logger } from '../main/core/log.js';
import { contentTypeOf, resolveRendererFile, SECURITY_HEADERS } from '../main/core/renderer-files.js';

export const HOST_ORIGIN = 'https://kiosk.invalid';
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface HostOptions {
  kiosk: Kiosk;
  log: Logger;
  headless?: boolean;
  rendererDir?: string;
  bridgeScript?: string;
  viewport?: { width: number; height: number };
  /** Reuse a browser (tests launch many hosts). */
  browser?: Browser;
  fullscreen?: boolean;
}

export interface ChromiumHost {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export function launchChromium(headless = true, extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export async function openKioskInChromium(o: HostOptions): Promise<ChromiumHost> {
  const rendererDir = o.rendererDir ?? path.resolve('build/renderer');
  const bridgeScript = o.bridgeScript ?? path.resolve('build/dev/bridge.js');
  const ownBrowser = !o.browser;
  const browser = o.browser ?? (await launchChromium(o.headless ?? true, o.fullscreen ? ['--kiosk'] : []));
  const context = await browser.newContext({
    viewport: o.fullscreen ? null : (o.viewport ?? { width: 1280, height: 800 }),
    serviceWorkers: 'block',
    permissions: [],
  });
  // Everything the page asks for is answered here: our files, or refused. The renderer has no network.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const file = url.startsWith(HOST_ORIGIN + '/') ? resolveRendererFile(rendererDir, url) : null;
    if (!file) return route.fulfill({ status: url.startsWith(HOST_ORIGIN) ? 404 : 403, headers: { ...SECURITY_HEADERS }, body: '' });
    try {
      const body = await readFile(file);
      return route.fulfill({ status: 200, headers: { ...SECURITY_HEADERS, 'content-type': contentTypeOf(file) }, body });
    } catch {
      return route.fulfill({ status: 404, headers: { ...SECURITY_HEADERS }, body: '' });
    }
  });
  const page = await context.newPage();
  const trustedIds = new Set<number | string>(['kiosk-page']);
  const dispatch = createIpcRouter(o.kiosk.handlers, {
    log: o.log,
    isTrusted: (sender) => isTrustedSender(sender, { origin: HOST_ORIGIN, trustedIds }),
  });
  await context.exposeBinding('__kioskInvoke', (source, channel: unknown, payload: unknown) =>
    dispatch(channel, payload, {
      url: source.frame.url(),
      isMainFrame: source.frame === source.page.mainFrame(),
      id: source.page === page ? 'kiosk-page' : 'other',
    }),
  );
  await context.addInitScript({ path: bridgeScript });
  await page.goto(`${HOST_ORIGIN}/index.html`);
  return {
    browser,
    context,
    page,
    async close() {
      await context.close().catch(() => {});
      if (ownBrowser) await browser.close().catch(() => {});
    },
  };
}
