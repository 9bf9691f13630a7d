/**
 * The staff day view on a busy day (2,000 appointments), in the real renderer in Chromium: how long
 * from a tap to the rows painted (opening the view: IPC + main's rows + render; a status filter: the
 * renderer alone), how many rows are in the DOM, and the longest task while scrolling through the day.
 * Times are taken in the page (performance.now, to the frame after the change).
 */
import type { Browser, Page } from 'playwright-core';
import { DEMO_CLINIC, DEMO_STAFF_PIN, DEMO_TIMEZONE, startDemoKiosk } from '../../dev/demo-kiosk.js';
import { seedBusyDay } from '../../dev/demo-server/index.js';
import type { Logger } from '../../main/core/log.js';
import { openInstrumentedKiosk, readPerf, resetPerf } from './host.js';
import { median } from './stats.js';
import type { Row } from './table.js';

const BUSY_DAY = 2000;
const RUNS = 5;

/**
 * Clicks `selector` in the page and resolves with ms until the frame after `done` (an expression over
 * `document`) holds. A string, not a function: tsx's name helpers do not exist in the page.
 */
function tapToFrame(page: Page, selector: string, done: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (!el) return reject(new Error('no ${selector.replace(/'/g, '')}'));
    const t0 = performance.now();
    el.click();
    const check = () => ((${done}) ? requestAnimationFrame(() => resolve(performance.now() - t0)) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  })`) as Promise<number>;
}

export async function dayViewRows(o: { browser: Browser; now: () => Date; log: Logger }): Promise<Row[]> {
  const group = `staff day view (${BUSY_DAY} appointments, Chromium ${o.browser.version()}, 1280×800)`;
  const demo = await startDemoKiosk({ server: { seed: false }, now: o.now, log: o.log });
  const host = await openInstrumentedKiosk({ kiosk: demo.kiosk, log: o.log, browser: o.browser, clinicName: DEMO_CLINIC });
  try {
    await seedBusyDay(demo.server.repo, { count: BUSY_DAY, timezone: DEMO_TIMEZONE, now: o.now(), locationId: demo.server.locationId });
    await demo.kiosk.checkHealth(); // the first probe loads today's snapshot, as kiosk.start() does
    const page = host.page;
    for (let i = 0; i < 5; i++) await page.mouse.click(20, 20);
    for (const d of DEMO_STAFF_PIN) await page.locator('[data-screen="staff-pin"] .key', { hasText: new RegExp(`^${d}$`) }).click();
    await page.locator('[data-screen="staff-pin"] button.primary').click();
    await page.locator('[data-screen="staff"] .staff-tasks').waitFor();

    const open: number[] = [];
    const filter: number[] = [];
    let domRows = 0;
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      open.push(
        await tapToFrame(page, '[data-screen="staff"] .staff-tasks button', "document.querySelectorAll('.day-scroll .day-row').length > 0"),
      );
      domRows = await page.locator('.day-scroll .day-row').count();
      total = Number(await page.locator('.day-scroll').getAttribute('data-rows'));
      // A filter: the renderer alone re-filters 2,000 rows and paints the window.
      filter.push(
        await tapToFrame(
          page,
          '[data-filter="expected"]',
          'document.querySelector(\'[data-filter="expected"][aria-pressed="true"]\') !== null',
        ),
      );
      filter.push(
        await tapToFrame(page, '[data-filter="all"]', 'document.querySelector(\'[data-filter="all"][aria-pressed="true"]\') !== null'),
      );
      await page.locator('[data-screen="staff-day"] .actions button').first().click();
      await page.locator('[data-screen="staff"] .staff-tasks').waitFor();
    }
    // Scroll through the whole day in steps, as a finger flicking: the longest task on the way.
    await page.locator('[data-screen="staff"] .staff-tasks button').first().click();
    await page.locator('.day-scroll .day-row').first().waitFor();
    await resetPerf(page);
    await page.evaluate(`(async () => {
      const el = document.querySelector('.day-scroll');
      for (let top = 0; top <= el.scrollHeight; top += el.clientHeight * 0.8) {
        el.scrollTop = top;
        await new Promise((r) => requestAnimationFrame(r));
      }
    })()`);
    const scroll = await readPerf(page);
    return [
      {
        group,
        measure: 'tap "Today\'s schedule" → rows painted',
        value: median(open),
        unit: 'ms',
        limit: 100,
        kind: 'target',
        note: `median of ${RUNS}; IPC + main builds ${total} rows from the snapshot + render; the first (cold: clinician names) ${open[0]!.toFixed(0)} ms`,
      },
      {
        group,
        measure: 'tap a status filter → rows painted (renderer only)',
        value: median(filter),
        unit: 'ms',
        limit: 100,
        kind: 'target',
        note: `median of ${filter.length}; max ${Math.max(...filter).toFixed(0)} ms`,
      },
      {
        group,
        measure: 'rows in the DOM (windowed)',
        value: domRows,
        unit: '',
        limit: 60,
        kind: 'limit',
        note: `of ${total}; only the rows in view plus a few either side`,
      },
      {
        group,
        measure: 'longest task scrolling through the whole day',
        value: scroll.longest,
        unit: 'ms',
        limit: 50,
        kind: 'target',
        note: `${scroll.longTasks} long tasks (≥ 50 ms); 0 means none was long`,
      },
    ];
  } finally {
    await host.close();
    await demo.close();
  }
}
