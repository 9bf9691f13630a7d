/**
 * Instrumentation shared by the benchmarks and the soak run: the Chromium host page with in-page
 * performance probes, renderer heap via the DevTools protocol, and this (main) process's memory.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Browser, Page } from 'playwright-core';
import { openKioskInChromium, type ChromiumHost } from '../../dev/chromium-host.js';
import type { Kiosk } from '../../main/core/kiosk.js';
import type { Logger } from '../../main/core/log.js';

/**
 * Runs in the page before the app (init script; not subject to the page's CSP). Records the longest
 * long task (≥ 50 ms, the Long Tasks API threshold), the slowest input event (Event Timing: input →
 * next paint, entries ≥ 16 ms), and when the welcome screen first showed its data (clinic name and
 * clock) plus the frame after it, in ms since navigation start.
 */
export function perfInitScript(clinicName: string): string {
  return `(() => {
  const m = { longest: 0, longTasks: 0, maxEvent: 0, maxEventName: '', welcomeAt: 0, welcomeFrame: 0 };
  Object.defineProperty(window, '__kioskPerf', { value: m, configurable: true });
  Object.defineProperty(window, '__kioskPerfReset', { configurable: true, value: () => { m.longest = 0; m.longTasks = 0; m.maxEvent = 0; m.maxEventName = ''; } });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) { m.longTasks++; if (e.duration > m.longest) m.longest = e.duration; } })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) { if (e.duration > m.maxEvent) { m.maxEvent = e.duration; m.maxEventName = e.name; } } })
      .observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch (e) {}
  const name = ${JSON.stringify(clinicName)};
  const ready = () => {
    const w = document.querySelector('[data-screen="welcome"]');
    return !!w && (w.textContent || '').includes(name) && !!w.querySelector('time');
  };
  const mo = new MutationObserver(() => {
    if (m.welcomeAt || !ready()) return;
    m.welcomeAt = performance.now();
    mo.disconnect();
    requestAnimationFrame(() => { m.welcomeFrame = performance.now(); });
  });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
})();`;
}

export interface PagePerf {
  longest: number;
  longTasks: number;
  maxEvent: number;
  maxEventName: string;
  welcomeAt: number;
  welcomeFrame: number;
}

export const readPerf = async (page: Page) => (await page.evaluate('window.__kioskPerf')) as PagePerf;
export const resetPerf = (page: Page) => page.evaluate('window.__kioskPerfReset()');

/** The Chromium host with the probes installed (the page is reloaded once so they run from the start). */
export async function openInstrumentedKiosk(o: { kiosk: Kiosk; log: Logger; browser: Browser; clinicName: string }): Promise<ChromiumHost> {
  const host = await openKioskInChromium({
    kiosk: o.kiosk,
    log: o.log,
    browser: o.browser,
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
  await host.context.addInitScript({ content: perfInitScript(o.clinicName) });
  await reloadToWelcome(host.page);
  return host;
}

/** Reloads and waits until the welcome screen's first frame with data; returns ms since navigation start. */
export async function reloadToWelcome(page: Page, timeout = 30_000): Promise<number> {
  await page.reload();
  await page.waitForFunction(() => ((globalThis as { __kioskPerf?: PagePerf }).__kioskPerf?.welcomeFrame ?? 0) > 0, undefined, {
    timeout,
    polling: 'raf',
  });
  return (await readPerf(page)).welcomeFrame;
}

/** Renderer JS heap after a forced garbage collection (DevTools protocol), bytes. */
export async function rendererHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

let gcFn: (() => void) | null = null;
/** A full GC of this process (exposes V8's `gc` at run time; no node flag needed). */
export function forceGc(): void {
  if (!gcFn) {
    v8.setFlagsFromString('--expose-gc');
    gcFn = vm.runInNewContext('gc') as () => void;
  }
  gcFn();
  gcFn();
}

/** This process (the main core + the in-process demo server) after a full GC, bytes. */
export function mainMemory(): { rss: number; heapUsed: number } {
  forceGc();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed };
}

export const MB = 1024 * 1024;
export const mb = (bytes: number) => bytes / MB;
