/**
 * E2E fixtures: per worker one Debian Chromium; per test a fresh demo FHIR server, the real kiosk
 * core and the real renderer in the Chromium host. The core's logs go to files in the test's data
 * folder so the leak scan can read everything the kiosk wrote.
 */
import { test as base, expect, type Page } from '@playwright/test';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createLogger, dailyFileSink } from '../../main/core/log.js';
import { launchChromium, openKioskInChromium, type ChromiumHost } from '../../dev/chromium-host.js';
import { DEMO_STAFF_PIN, startDemoKiosk, type DemoKiosk, type DemoKioskOptions } from '../../dev/demo-kiosk.js';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { tenAm } from '../support/fixtures.js';
import { espeakNg } from '../../main/core/speech/engines.js';
import { Speaker } from '../../main/core/speech/speaker.js';
import type { Language } from '../../preload/contract.js';

/** 10:00 today in the clinic: every scenario's state is deterministic (the core's clock only). */
export { tenAm, ZONE } from '../support/fixtures.js';

export interface KioskFixture {
  demo: DemoKiosk;
  host: ChromiumHost;
  page: Page;
  dataDir: string;
  /** Everything the kiosk was asked to say, in order (the real espeak-ng synthesises it, to /dev/null). */
  said: Array<{ text: string; lang: Language }>;
}

type Options = { demoOptions: DemoKioskOptions };

export const test = base.extend<Options & { kiosk: KioskFixture }, { chromiumBrowser: Browser }>({
  demoOptions: [{}, { option: true }],
  chromiumBrowser: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures declare their dependencies by destructuring
    async ({}, use) => {
      const browser = await launchChromium(true);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  kiosk: async ({ chromiumBrowser, demoOptions }, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-'));
    const log = createLogger([dailyFileSink(path.join(dataDir, 'logs'), 'kiosk', 30)], { minLevel: 'debug' });
    const said: KioskFixture['said'] = [];
    const speaker = new Speaker({
      engine: espeakNg,
      log,
      rateWpm: 175,
      volume: 0.8,
      outFile: () => '/dev/null',
      onUtterance: (u) => void said.push(u),
    });
    const demo = await startDemoKiosk({ now: tenAm, log, dataDir, speaker, ...demoOptions });
    const host = await openKioskInChromium({ kiosk: demo.kiosk, log, browser: chromiumBrowser, viewport: { width: 1280, height: 900 } });
    await use({ demo, host, page: host.page as unknown as Page, dataDir, said });
    await host.close();
    await demo.close();
  },
});
export { expect };

export const screen = (page: Page, name: string) => page.locator(`[data-screen="${name}"]`);

/** Five quick taps on the hidden corner, then the demo PIN on the pad: the staff panel, loaded. */
export async function unlockStaff(page: Page) {
  for (let i = 0; i < 5; i++) await page.mouse.click(20, 20);
  const pinScreen = screen(page, 'staff-pin');
  await expect(pinScreen).toBeVisible();
  for (const digit of DEMO_STAFF_PIN) await pinScreen.getByRole('button', { name: digit, exact: true }).click();
  await pinScreen.getByRole('button', { name: 'Unlock' }).click();
  await expect(screen(page, 'staff')).toBeVisible();
  await expect(screen(page, 'staff').locator('[data-notice="busy"]')).toHaveCount(0);
}

/**
 * Types on the on-screen keyboard or number pad, as a finger would. (Physical typing right after a
 * screen appears can beat the keyboard listener, which is attached in an effect after paint.)
 */
export async function tapKeys(page: Page, group: 'Keyboard' | 'Number pad', text: string) {
  const keys = page.getByRole('group', { name: group, exact: true });
  for (const ch of text.toUpperCase()) await keys.getByRole('button', { name: ch, exact: true }).click();
}
