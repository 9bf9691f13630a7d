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

test('the order is shown with an example; a date typed day first gets a hint, never a miss', async ({ kiosk }) => {
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.openNow;
  await toBirthDate(page, p.family);
  const dob = screen(page, 'birth-date');
  await expect(dob.locator('.lead')).toHaveText('Month, day, then the year with 4 digits. For example, March 25, 1980 is 03/25/1980.');
  kiosk.demo.server.resetRequests();
  await page.keyboard.type('13051980');
  await expect(dob.locator('.field-note')).toContainText('Month first, then the day. Did you mean 05/13/1980?');
  await expect(dob.getByRole('button', { name: 'Continue' })).toBeDisabled();
  await page.keyboard.press('Enter');
  await expect(dob).toBeVisible();
  // Nothing was looked up, so nothing counts as a miss.
  expect(kiosk.demo.server.requests.filter((r) => r.path.startsWith('/Patient'))).toEqual([]);
  // A day from 20 on, typed first: "2" cannot start a month, so the keypad filled 02/05/1219; read
  // the other way round the digits are 25/12/1980, and the hint says so.
  await page.getByRole('button', { name: 'Clear' }).click();
  await page.keyboard.type('25121980');
  await expect(dob.locator('.field-note')).toContainText('Month first, then the day. Did you mean 12/25/1980?');
  await expect(dob.getByRole('button', { name: 'Continue' })).toBeDisabled();
  await page.getByRole('button', { name: 'Clear' }).click();
  const [y, m, d] = p.birthDate.split('-') as [string, string, string];
  await page.keyboard.type(m + d + y);
  await expect(dob.locator('.field-note')).toHaveText('');
  await dob.getByRole('button', { name: 'Continue' }).click();
  await expect(screen(page, 'appointments')).toBeVisible();
});

test('in Spanish the day comes first: the example and the hint say so', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('button', { name: 'Registrar mi llegada', exact: true }).click();
  await page.keyboard.type('Whitfield');
  await page.getByRole('button', { name: 'Continuar', exact: true }).click();
  const dob = screen(page, 'birth-date');
  await expect(dob.locator('.lead')).toHaveText('Día, mes y luego el año con 4 cifras. Por ejemplo, el 25 de marzo de 1980 es 25/03/1980.');
  await page.keyboard.type('05131980');
  await expect(dob.locator('.field-note')).toContainText('Primero el día, luego el mes. ¿Quiso decir 13/05/1980?');
  await expect(dob.getByRole('button', { name: 'Continuar', exact: true })).toBeDisabled();
  // Month first with a day from 20 on (12/25/1980): "2" cannot start a month, yet the hint still finds it.
  await page.getByRole('button', { name: 'Borrar todo', exact: true }).click();
  await page.keyboard.type('12251980');
  await expect(dob.locator('.field-note')).toContainText('¿Quiso decir 25/12/1980?');
});

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
