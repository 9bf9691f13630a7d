/** An automated WCAG 2.2 AA audit (axe-core) of every screen: zero serious or critical violations. */
import { playPatient } from '../../dev/patient-driver.js';
import { audit } from './axe.js';
import { expect, screen, test } from './fixtures.js';

test('every patient screen passes the audit, in normal and larger text', async ({ kiosk }) => {
  test.setTimeout(90_000);
  const { page } = kiosk;
  const s = kiosk.demo.server.scenarios!;
  await audit(page, 'welcome');
  await page.getByRole('button', { name: 'Larger text' }).click();
  await audit(page, 'welcome (larger text)');
  await page.getByRole('button', { name: 'Larger text' }).click();

  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(screen(page, 'last-name')).toBeVisible();
  await page.keyboard.type(s.sharedBirthDate.sameFamily[0].family);
  await audit(page, 'last name');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(screen(page, 'birth-date')).toBeVisible();
  await audit(page, 'birth date (empty)');
  const [y, m, d] = s.sharedBirthDate.birthDate.split('-');
  await page.keyboard.type(`${m}${d}${y}`);
  await audit(page, 'birth date (complete)');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(screen(page, 'first-name')).toBeVisible();
  await audit(page, 'first name');
  await page.getByRole('button', { name: 'Start over' }).click();

  await playPatient(page, { familyName: s.twoToday.family, birthDate: s.twoToday.birthDate, checkIn: 'none' });
  await audit(page, 'appointments (two open)');
  await screen(page, 'appointments').getByRole('button', { name: 'Check in for all' }).click();
  await expect(screen(page, 'done')).toBeVisible();
  await audit(page, 'done');
  await page.getByRole('button', { name: 'Done' }).click();

  await playPatient(page, { familyName: s.tooEarly.family, birthDate: s.tooEarly.birthDate, checkIn: 'none' });
  await audit(page, 'appointments (too early)');
  await page.getByRole('button', { name: 'Done' }).click();

  await playPatient(page, { familyName: 'Nobody', birthDate: '1990-01-01' });
  await audit(page, 'not found');
  await page
    .getByRole('button', { name: /Start over|Done/ })
    .first()
    .click();

  await page.getByRole('button', { name: 'Español' }).click();
  await audit(page, 'welcome (es)');
});

test.describe('idle warning', () => {
  test.use({ demoOptions: { config: { kiosk: { idleSeconds: 10, warningSeconds: 20 } } } });
  test('the idle dialog passes the audit', async ({ kiosk }) => {
    test.setTimeout(60_000);
    const { page } = kiosk;
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await expect(page.getByRole('dialog')).toBeVisible({ timeout: 20_000 });
    await audit(page, 'idle dialog');
  });
});
