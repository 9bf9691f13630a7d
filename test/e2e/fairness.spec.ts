/**
 * Fair to every patient (issue 11), by touch in real Chromium against the demo server: names as
 * people say them, every appointment accounted for, nothing left on screen for the next person.
 */
import type { Appointment } from '@medplum/fhirtypes';
import { playPatient } from '../../dev/patient-driver.js';
import { expect, screen, test, type KioskFixture } from './fixtures.js';

const statusOf = async (k: KioskFixture, id: string) => (await k.demo.server.repo.readResource<Appointment>('Appointment', id)).status;
const byTouch = { fastKeys: false, stepTimeoutMs: 20_000 } as const;

test('a two-part surname is found by either part alone, and the hint says one is enough', async ({ kiosk }) => {
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.compoundSurname;
  expect(p.family).toBe('Hernández Ruiz');
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(screen(page, 'last-name')).toContainText('If you have two, one of them is enough.');
  await page.getByRole('button', { name: 'Start over' }).click();
  for (const typed of ['Ruiz', 'Hernandez']) {
    const run = await playPatient(page, { familyName: typed, birthDate: p.birthDate, checkIn: 'none' }, byTouch);
    expect(run.identified, typed).toBe('appointments');
    await page.getByRole('button', { name: 'Start over' }).click();
    await expect(screen(page, 'welcome')).toBeVisible();
  }
  // Start over ends each session in main (a fire-and-forget call, so poll rather than race it).
  await expect.poll(() => kiosk.demo.kiosk.parts!.checkIn.activeSessions).toBe(0);
});

test('"Try again" after a miss keeps the last name, clears the date, and never says which was wrong', async ({ kiosk }) => {
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.openNow;
  const miss = await playPatient(page, { familyName: p.family, birthDate: '1984-03-13' }, byTouch);
  expect(miss.outcome).toBe('not_found');
  const message = screen(page, 'message');
  await expect(message).toContainText('Please check the spelling and the date, then try again.');
  await expect(message).not.toContainText(/last name is wrong|date is wrong/i);
  await message.getByRole('button', { name: 'Try again' }).click();
  await expect(screen(page, 'last-name').locator('.typed-text')).toHaveText(p.family);
  await page.getByRole('button', { name: 'Continue' }).click();
  const dob = screen(page, 'birth-date');
  await expect(dob).toBeVisible();
  await expect(dob.getByRole('button', { name: 'Continue' })).toBeDisabled();
  await page.keyboard.type(p.birthDate.slice(5, 7) + p.birthDate.slice(8, 10) + p.birthDate.slice(0, 4));
  await dob.getByRole('button', { name: 'Continue' }).click();
  await expect(screen(page, 'appointments')).toBeVisible();
});

test('two appointments: checking in one names both, and the other is one tap away', async ({ kiosk }) => {
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.twoToday;
  const run = await playPatient(page, { familyName: p.family, birthDate: p.birthDate, checkIn: 'none' }, byTouch);
  expect(run.openShown).toBe(2);
  const appts = screen(page, 'appointments');
  // "Check in for all" comes before the cards.
  const all = appts.getByRole('button', { name: 'Check in for all' });
  const firstCard = appts.locator('li[data-appointment]').first();
  expect((await all.boundingBox())!.y).toBeLessThan((await firstCard.boundingBox())!.y);
  await firstCard.getByRole('button', { name: 'Check in', exact: true }).click();
  const result = screen(page, 'message');
  await expect(result).toContainText("You're checked in for this appointment");
  const rows = result.locator('li[data-appointment]');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-outcome', 'checked_in');
  await expect(rows.nth(1)).toHaveAttribute('data-outcome', 'open');
  expect(await statusOf(kiosk, p.appointmentIds[0]!)).toBe('checked-in');
  expect(await statusOf(kiosk, p.appointmentIds[1]!)).toBe('booked');
  // No countdown here: the patient has something left to do.
  await expect(page.locator('.desk-return')).toHaveCount(0);
  await rows.nth(1).getByRole('button', { name: 'Check in', exact: true }).click();
  const done = screen(page, 'done');
  await expect(done).toBeVisible();
  await expect(done.locator('li[data-appointment]')).toHaveCount(2);
  expect(await statusOf(kiosk, p.appointmentIds[1]!)).toBe('checked-in');
});

test('already checked in: "please have a seat" and a Done button, no step bar', async ({ kiosk }) => {
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.alreadyCheckedIn;
  await playPatient(page, { familyName: p.family, birthDate: p.birthDate }, byTouch);
  const appts = screen(page, 'appointments');
  await expect(appts).toContainText("You're already checked in. Please have a seat.");
  await expect(appts.getByRole('button', { name: 'Done' })).toBeVisible();
  await expect(appts.locator('.step')).toHaveCount(0);
});

test('too early: says what to do, no step bar, and the time does not wrap', async ({ kiosk }) => {
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.tooEarly;
  await playPatient(page, { familyName: p.family, birthDate: p.birthDate }, byTouch);
  const appts = screen(page, 'appointments');
  await expect(appts).toContainText('Please take a seat and come back to check in at the time shown, or see the front desk.');
  await expect(appts.locator('.step')).toHaveCount(0);
  const time = appts.locator('.card-time').first();
  const box = (await time.boundingBox())!;
  const lineHeight = await time.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect(box.height).toBeLessThan(lineHeight * 1.5);
});

test.describe('desk-bound screens', () => {
  test.use({ demoOptions: { config: { kiosk: { deskReturnSeconds: 5 } } } });

  test('clear themselves after the configured time with a visible countdown; "Stay" keeps them', async ({ kiosk }) => {
    test.setTimeout(60_000);
    const { page } = kiosk;
    const s = kiosk.demo.server.scenarios!;
    for (const p of [s.tooEarly, s.tooLate, s.alreadyCheckedIn, s.noAppointment]) {
      await playPatient(page, { familyName: p.family, birthDate: p.birthDate }, byTouch);
      await expect(page.locator('.desk-return')).toContainText(/This screen will clear in \d seconds?\./);
      const shownAt = Date.now();
      await expect(screen(page, 'welcome')).toBeVisible({ timeout: 8_000 });
      // Well before the 80 s of the idle timeout (60 + 20), and not before the 5 s configured.
      expect(Date.now() - shownAt).toBeGreaterThan(3_000);
      expect(await page.content()).not.toContain(p.family);
    }
    const miss = await playPatient(page, { familyName: 'Nobody', birthDate: '1990-01-01' }, byTouch);
    expect(miss.outcome).toBe('not_found');
    await page.getByRole('button', { name: 'Stay on this screen' }).click();
    await expect(page.locator('.desk-return')).toHaveCount(0);
    await page.waitForTimeout(6_000);
    await expect(screen(page, 'message')).toBeVisible();
  });
});

test('by default a desk-bound screen clears itself in about 15 s, not 80 s', async ({ kiosk }) => {
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.tooEarly;
  await playPatient(page, { familyName: p.family, birthDate: p.birthDate }, byTouch);
  await expect(page.locator('.desk-return')).toContainText('This screen will clear in 15 seconds.');
  const shownAt = Date.now();
  await expect(screen(page, 'welcome')).toBeVisible({ timeout: 20_000 });
  expect(Date.now() - shownAt).toBeGreaterThan(12_000);
});

test('the birth date leaves the DOM the moment it is submitted', async ({ kiosk }) => {
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.openNow;
  // A slow server keeps the "working" screen up long enough to look at it.
  kiosk.demo.server.faults.add({ method: 'GET', path: '/Patient', kind: 'hang', hangMs: 1_500 });
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  await page.keyboard.type(p.family);
  await page.getByRole('button', { name: 'Continue' }).click();
  const [y, m, d] = p.birthDate.split('-') as [string, string, string];
  await page.keyboard.type(m + d + y);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(screen(page, 'working')).toBeVisible();
  const html = await page.content();
  for (const form of [y, `${m}/${d}`, p.birthDate]) expect(html).not.toContain(form);
  await expect(screen(page, 'appointments')).toBeVisible();
});

test('the language switch is on every patient screen and keeps what was typed; Start over keeps the language', async ({ kiosk }) => {
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.openNow;
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  await page.keyboard.type(p.family);
  const topbar = page.locator('.topbar');
  await topbar.getByRole('button', { name: 'Español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(screen(page, 'last-name').locator('.typed-text')).toHaveText(p.family);
  await page.getByRole('button', { name: 'Continuar', exact: true }).click();
  const [y, m, d] = p.birthDate.split('-') as [string, string, string];
  await page.keyboard.type(d + m);
  await topbar.getByRole('button', { name: 'English' }).click();
  // The fields keep their meaning: the day is still the day.
  await expect(screen(page, 'birth-date').locator('.dob-day .dob-typed')).toHaveText(d);
  await expect(screen(page, 'birth-date').locator('.dob-month .dob-typed')).toHaveText(m);
  await page.keyboard.type(y);
  await topbar.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('button', { name: 'Continuar', exact: true }).click();
  await expect(screen(page, 'appointments')).toBeVisible();
  await expect(topbar.getByRole('button', { name: 'English' })).toBeVisible();
  await page.getByRole('button', { name: 'Empezar de nuevo' }).click();
  await expect(screen(page, 'welcome')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});

test('accessibility details: the date is read back as typed, and the mark keys are named by their captions', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  const keyboard = page.getByRole('group', { name: 'Keyboard', exact: true });
  for (const word of ['apostrophe', 'hyphen']) {
    const key = keyboard.getByRole('button', { name: word, exact: true });
    await expect(key).toBeVisible();
    await expect(key).toContainText(word);
  }
  await page.keyboard.type('Ruiz');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.keyboard.type('031');
  await expect(page.locator('.dob-readback')).toHaveText('Month 03, Day 1');
  await expect(page.locator('.dob-readback')).toHaveAttribute('aria-live', 'polite');
});

test('Larger text has two steps and there is a high-contrast theme', async ({ kiosk }) => {
  const { page } = kiosk;
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#screen-title')!).fontSize));
  const base = await size();
  const larger = page.getByRole('button', { name: /^Larger text/ });
  // Each tap re-renders after the click returns: wait for the new size rather than race the render.
  await larger.click();
  await expect.poll(size).toBeGreaterThan(base);
  const one = await size();
  await larger.click();
  await expect.poll(size).toBeGreaterThan(one);
  await larger.click();
  await expect.poll(size).toBe(base);
  await page.getByRole('button', { name: 'High contrast' }).click();
  await expect(page.locator('html')).toHaveClass(/high-contrast/);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(255, 255, 255)');
});
