/**
 * The birth-date step (issue 11): the expected order with an example in the patient's language, a
 * gentle hint for a date typed day-first (or month-first in Spanish), and a keypad that stays put
 * when a validation message appears.
 */
import type { Page } from '@playwright/test';
import { expect, screen, test } from './fixtures.js';

async function toBirthDate(page: Page, family = 'Whitfield') {
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  await page.keyboard.type(family);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(screen(page, 'birth-date')).toBeVisible();
}

const keypadBox = async (page: Page) => (await screen(page, 'birth-date').locator('.keypad').boundingBox())!;

test.describe('the keypad does not jump when a validation message appears', () => {
  const VIEWPORTS = [
    { width: 1280, height: 900 },
    { width: 1280, height: 800 },
    { width: 1080, height: 1920 },
  ] as const;
  for (const vp of VIEWPORTS) {
    for (const steps of [0, 2]) {
      test(`${vp.width}×${vp.height}, larger text ×${steps}`, async ({ kiosk }) => {
        const { page } = kiosk;
        await page.setViewportSize(vp);
        for (let i = 0; i < steps; i++) await page.getByRole('button', { name: /^Larger text/ }).click();
        await toBirthDate(page);
        const note = screen(page, 'birth-date').locator('.field-note');
        const before = await keypadBox(page);
        // Each message in turn: a month that does not exist, a day-first date, a year in the future, a year too old.
        for (const typed of ['13', '13051980', '01012999', '01011850']) {
          await page.getByRole('button', { name: 'Clear' }).click();
          await expect(note).toHaveText('');
          expect(await keypadBox(page), `before ${typed}`).toEqual(before);
          await page.keyboard.type(typed);
          await expect(note).not.toHaveText('');
          expect(await keypadBox(page), `with the message for ${typed}`).toEqual(before);
        }
      });
    }
  }
});
