/**
 * Video visits (issue 11), by touch in real Chromium against the demo server: a telehealth
 * appointment is shown as a video visit with what to do instead, has no Check in button, and is left
 * out of "Check in for all"; nothing is written for it.
 */
import type { Appointment } from '@medplum/fhirtypes';
import { playPatient } from '../../dev/patient-driver.js';
import { en } from '../../renderer/i18n/en.js';
import { es } from '../../renderer/i18n/es.js';
import { audit } from './axe.js';
import { expect, screen, test, type KioskFixture } from './fixtures.js';

const statusOf = async (k: KioskFixture, id: string) => (await k.demo.server.repo.readResource<Appointment>('Appointment', id)).status;
const byTouch = { fastKeys: false, stepTimeoutMs: 20_000 } as const;

test('a video visit: a video card with what to do instead, no Check in button, nothing written', async ({ kiosk }) => {
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.telehealth;
  const run = await playPatient(page, { familyName: p.family, birthDate: p.birthDate }, byTouch);
  expect(run.identified).toBe('appointments');
  expect(run.openShown).toBe(0);
  const appts = screen(page, 'appointments');
  await expect(appts.locator('.lead')).toHaveText(en.videoLead);
  const card = appts.locator('li[data-appointment]');
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('data-visit', 'video');
  await expect(card).toContainText(en.videoVisit);
  await expect(card).toContainText(en.videoVisitText);
  await expect(appts.getByRole('button', { name: 'Check in', exact: true })).toHaveCount(0);
  await expect(appts.getByRole('button', { name: 'Check in for all' })).toHaveCount(0);
  await expect(appts.getByRole('button', { name: 'Done' })).toBeVisible();
  await audit(page, 'video visit card');
  expect(await statusOf(kiosk, p.appointmentIds[0]!)).toBe('booked');
  expect(kiosk.demo.server.requests.filter((r) => r.method === 'PUT')).toEqual([]);
});

test('"Check in for all" checks in the visits at the clinic and leaves the video visit out', async ({ kiosk }) => {
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.videoAndInPerson;
  const run = await playPatient(page, { familyName: p.family, birthDate: p.birthDate, checkIn: 'none' }, byTouch);
  expect(run.appointmentsShown).toBe(3);
  expect(run.openShown).toBe(2);
  const appts = screen(page, 'appointments');
  const cards = appts.locator('li[data-appointment]');
  await expect(cards.nth(1)).toHaveAttribute('data-visit', 'video');
  await expect(cards.nth(1)).toContainText(en.videoVisitText);
  await expect(cards.nth(1).getByRole('button')).toHaveCount(0);
  for (const i of [0, 2]) {
    await expect(cards.nth(i)).toHaveAttribute('data-visit', 'in_person');
    await expect(cards.nth(i).getByRole('button', { name: 'Check in', exact: true })).toBeVisible();
  }
  await appts.getByRole('button', { name: 'Check in for all' }).click();
  const done = screen(page, 'done');
  await expect(done).toBeVisible();
  // The day stays accounted for: the two are checked in, the video visit still says what to do.
  const rows = done.locator('li[data-appointment]');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute('data-outcome', 'checked_in');
  await expect(rows.nth(1)).toHaveAttribute('data-outcome', 'not_eligible');
  await expect(rows.nth(1)).toContainText(en.videoVisitText);
  await expect(rows.nth(2)).toHaveAttribute('data-outcome', 'checked_in');
  await audit(page, 'done, with a video visit left');
  const [first, video, last] = p.appointmentIds as [string, string, string];
  expect(await statusOf(kiosk, first)).toBe('checked-in');
  expect(await statusOf(kiosk, video)).toBe('booked');
  expect(await statusOf(kiosk, last)).toBe('checked-in');
  const puts = kiosk.demo.server.requests.filter((r) => r.method === 'PUT').map((r) => r.path);
  expect(puts.sort()).toEqual([`/Appointment/${first}`, `/Appointment/${last}`].sort());
});

test.describe("the clinic's own words", () => {
  const CLINIC_TEXT = {
    en: 'Open the link in the text message we sent you at your appointment time.',
    es: 'Abra el enlace del mensaje de texto que le enviamos a la hora de su cita.',
  };
  test.use({ demoOptions: { config: { clinic: { videoVisitText: CLINIC_TEXT } } } });

  test('are what the video card says, in each language', async ({ kiosk }) => {
    const { page } = kiosk;
    const p = kiosk.demo.server.scenarios!.telehealth;
    await playPatient(page, { familyName: p.family, birthDate: p.birthDate }, byTouch);
    const card = screen(page, 'appointments').locator('li[data-appointment]');
    await expect(card).toContainText(CLINIC_TEXT.en);
    await expect(card).not.toContainText(en.videoVisitText);
    await page.locator('.topbar').getByRole('button', { name: 'Español' }).click();
    await expect(card).toContainText(es.videoVisit);
    await expect(card).toContainText(CLINIC_TEXT.es);
  });
});
