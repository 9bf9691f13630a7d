/**
 * The front desk's day by touch, against the demo kiosk: today's schedule (filters, name search,
 * check in and undo from a row, a 2,000-appointment day), registering a walk-in, kiosk activity with
 * lifting a pause, and a patient identified from the snapshot while the clinic system is down.
 */
import type { Appointment } from '@medplum/fhirtypes';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { DEMO_STAFF_PIN } from '../../dev/demo-kiosk.js';
import { seedBusyDay } from '../../dev/demo-server/seed.js';
import { playPatient } from '../../dev/patient-driver.js';
import { audit } from './axe.js';
import { expect, screen, tapKeys, tenAm, test, unlockStaff, ZONE, type KioskFixture } from './fixtures.js';

mkdirSync('artifacts/screens', { recursive: true });

const statusOf = async (k: KioskFixture, id: string) => (await k.demo.server.repo.readResource<Appointment>('Appointment', id)).status;
/** Staff screens keep their action bar on screen however long their body (it scrolls inside). */
async function expectInViewport(page: Page, button: Locator) {
  const box = (await button.boundingBox())!;
  const vp = page.viewportSize()!;
  expect(box.y + box.height).toBeLessThanOrEqual(vp.height);
  expect(box.x + box.width).toBeLessThanOrEqual(vp.width);
}
const rowOf = (page: Page, name: string) => screen(page, 'staff-day').locator('.day-row', { hasText: name });

/** The first probe, as `kiosk.start()` runs it in the app (the e2e kiosk is not started): today's snapshot loads. */
const firstProbe = (k: KioskFixture) => k.demo.kiosk.checkHealth();

async function openDay(page: Page) {
  await unlockStaff(page);
  await screen(page, 'staff').getByRole('button', { name: "Today's schedule" }).click();
  const day = screen(page, 'staff-day');
  await expect(day.getByRole('table', { name: "Today's schedule" })).toBeVisible();
  await expect(day.locator('.lead')).not.toHaveText('Loading today’s schedule…');
  return day;
}

test('the day view: every appointment with names, filters, name search, check in and undo (PIN) from a row', async ({ kiosk }) => {
  test.setTimeout(90_000);
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.tooEarly; // a patient cannot check in yet; staff may
  const id = p.appointmentIds[0]!;
  await firstProbe(kiosk);
  const day = await openDay(page);
  await expect(day.getByRole('table', { name: "Today's schedule" })).toBeVisible();
  await expect(day.locator('.lead')).toHaveText(/^\d+ appointments, as of \d{1,2}:\d{2}\s?[AP]M\.$/);
  await audit(page, 'staff day view');
  await page.screenshot({ path: 'artifacts/screens/staff-day.png' });

  // The name search, on the on-screen keyboard: accents and case do not matter.
  await day.getByRole('button', { name: 'Search by name' }).click();
  await tapKeys(page, 'Keyboard', 'castel');
  await expect(day.locator('.day-scroll .day-row')).toHaveCount(1);
  const row = rowOf(page, `${p.given} ${p.family}`);
  await expect(row).toHaveAttribute('data-status', 'booked');
  // "Checked in" shows none of them yet; "Expected" shows this one.
  await day.locator('[data-filter="checked_in"]').click();
  await expect(day.getByText('No appointments match.')).toBeVisible();
  await day.locator('[data-filter="expected"]').click();
  await expect(row).toBeVisible();

  await row.getByRole('button', { name: 'Check in' }).click();
  await expect(day.getByRole('status')).toHaveText(`${p.given} ${p.family}: checked in.`);
  await expect.poll(() => statusOf(kiosk, id)).toBe('checked-in');
  await day.locator('[data-filter="checked_in"]').click();
  await expect(row).toHaveAttribute('data-status', 'checked-in');
  await expect(row.locator('[data-kiosk]')).toHaveText('Checked in here');

  // Undo changes the EHR: the PIN again, over the list.
  await row.getByRole('button', { name: 'Undo' }).click();
  const confirm = page.getByRole('dialog', { name: 'Undo this check-in?' });
  await expect(confirm).toContainText(`${p.given} ${p.family}`);
  for (const digit of DEMO_STAFF_PIN) await confirm.getByRole('button', { name: digit, exact: true }).click();
  await confirm.getByRole('button', { name: 'Yes, undo' }).click();
  await expect(day.getByRole('status')).toHaveText(`${p.given} ${p.family}: check-in undone.`);
  expect(await statusOf(kiosk, id)).toBe('booked');
  // Nothing of a patient's birth date in staff's day view.
  expect(await page.content()).not.toContain(p.birthDate);
  // Locking leaves no name of the day behind for the next person at the screen.
  await day.getByRole('button', { name: 'Back to staff panel' }).click();
  await screen(page, 'staff').getByRole('button', { name: 'Lock' }).click();
  await expect(screen(page, 'welcome')).toBeVisible();
  expect(await page.content()).not.toContain(p.family);
});

test('a busy day: 2,000 appointments load, render only the rows in view, and scroll to the last one', async ({ kiosk }) => {
  test.setTimeout(120_000);
  const { page } = kiosk;
  const { demo } = kiosk;
  await seedBusyDay(demo.server.repo, { count: 2000, timezone: ZONE, now: tenAm(), locationId: demo.server.locationId });
  const day = await openDay(page);
  await day.getByRole('button', { name: 'Refresh' }).click();
  await expect(day.locator('.lead')).toHaveText(/^20\d\d appointments/, { timeout: 60_000 });
  const total = Number((await day.locator('.lead').innerText()).split(' ')[0]);
  expect(total).toBeGreaterThanOrEqual(2000);
  await expect(day.getByRole('table')).toHaveAttribute('aria-rowcount', String(total + 1));
  // Windowed: a screenful of rows in the DOM, not thousands.
  const rendered = await day.locator('.day-scroll .day-row').count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(60);
  // Scrolled to the end, the last row is there (and the first is not).
  const scroller = day.locator('.day-scroll');
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(day.locator(`.day-row[aria-rowindex="${total + 1}"]`)).toBeVisible();
  await expect(day.locator('.day-row[aria-rowindex="2"]')).toHaveCount(0);
  expect(await day.locator('.day-scroll .day-row').count()).toBeLessThan(60);
  await page.screenshot({ path: 'artifacts/screens/staff-day-busy.png' });
});

test('a walk-in: found by name and birth date, registered with a clinician, on the day view, then checked in', async ({ kiosk }) => {
  test.setTimeout(90_000);
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.noAppointment;
  await firstProbe(kiosk); // appointment types come from today's schedule (Canvas lists none)
  await unlockStaff(page);
  await screen(page, 'staff').getByRole('button', { name: 'Register a walk-in' }).click();
  // The check-in screens find the patient (run by staff, under the staff banner).
  await expect(screen(page, 'last-name')).toBeVisible();
  await tapKeys(page, 'Keyboard', p.family);
  await screen(page, 'last-name').getByRole('button', { name: 'Continue' }).click();
  const [y, m, d] = p.birthDate.split('-');
  await tapKeys(page, 'Number pad', `${m}${d}${y}`);
  await screen(page, 'birth-date').getByRole('button', { name: 'Continue' }).click();

  const form = screen(page, 'staff-walk-in');
  await expect(form).toBeVisible();
  await expect(form.locator('[data-choice="patient"] [aria-pressed="true"]')).toContainText(`${p.given} ${p.family}`);
  const create = form.getByRole('button', { name: 'Register walk-in' });
  await expect(create).toBeDisabled(); // no clinician chosen yet
  await form.locator('[data-choice="clinician"] button').first().click();
  await form.locator('[data-choice="type"] button').first().click();
  // The demo clinic has more than one location (the kiosk's config names none): staff pick one.
  await form.locator('[data-choice="location"] button').first().click();
  await form.getByRole('button', { name: '30 min' }).click();
  await expectInViewport(page, create);
  await audit(page, 'walk-in form');
  await page.screenshot({ path: 'artifacts/screens/staff-walk-in.png' });
  await create.click();

  const day = screen(page, 'staff-day');
  await expect(day.getByRole('status')).toContainText(`Walk-in registered: ${p.given} ${p.family}`);
  const row = rowOf(page, `${p.given} ${p.family}`);
  await expect(row).toContainText('Walk-in');
  await row.getByRole('button', { name: 'Check in' }).click();
  await expect(day.getByRole('status')).toHaveText(`${p.given} ${p.family}: checked in.`);
  const created = (await kiosk.demo.server.repo.searchResources<Appointment>({ resourceType: 'Appointment', filters: [] })).filter(
    (a) => a.participant?.some((x) => x.actor?.reference === `Patient/${p.patientId}`) && a.status === 'checked-in',
  );
  expect(created).toHaveLength(1);
});

test('kiosk activity: counts only, and staff lift a kiosk-wide pause there', async ({ kiosk }) => {
  const { page } = kiosk;
  const checkIn = kiosk.demo.kiosk.parts!.checkIn;
  for (let i = 0; i < 10; i++) await checkIn.identify({ familyName: 'Nobody', birthDate: `1970-01-${String(i + 10)}` });
  await expect(screen(page, 'welcome')).toContainText('Please see the front desk', { timeout: 15_000 });
  await unlockStaff(page);
  await screen(page, 'staff').getByRole('button', { name: 'Kiosk activity today' }).click();
  const activity = screen(page, 'staff-activity');
  await expect(activity.locator('[data-count="pauses"] dd')).toHaveText('1');
  await expect(activity.locator('[data-reason]')).not.toHaveCount(0);
  await audit(page, 'kiosk activity');
  await activity.getByRole('button', { name: 'Lift the pause' }).click();
  await expect(activity.getByRole('status')).toHaveText('The pause is lifted: patients can check in again.');
  await expect(activity.locator('[data-count="pauseLifts"] dd')).toHaveText('1');
  await expect(activity.getByText('Check-in is not paused.')).toBeVisible();
  await page.screenshot({ path: 'artifacts/screens/staff-activity.png' });
  await activity.getByRole('button', { name: 'Back to staff panel' }).click();
  await screen(page, 'staff').getByRole('button', { name: 'Lock' }).click();
  await expect(screen(page, 'welcome').getByRole('button', { name: 'Check in', exact: true })).toBeVisible({ timeout: 15_000 });
});

test('the clinic system down: a patient on the snapshot is identified, recorded, and delivered when it returns; staff see whose', async ({
  kiosk,
}) => {
  test.setTimeout(90_000);
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.openNow;
  expect(kiosk.demo.kiosk.info().offlineIdentification).toBe(false);
  await firstProbe(kiosk);
  expect(kiosk.demo.kiosk.info().offlineIdentification).toBe(true);
  kiosk.demo.server.faults.add({ kind: 'reset', times: Infinity }); // every request, the token too
  const run = await playPatient(page, { familyName: p.family, birthDate: p.birthDate });
  expect(run.identified).toBe('appointments');
  expect(run.outcome).toBe('recorded_offline');
  expect(await statusOf(kiosk, p.appointmentIds[0]!)).toBe('booked');

  await unlockStaff(page);
  const panel = screen(page, 'staff');
  for (const name of ['Lock', 'Exit kiosk', 'Retry now']) await expectInViewport(page, panel.getByRole('button', { name }));
  const waiting = panel.locator(`tr[data-outbox-ref="${p.appointmentIds[0]!.slice(-8)}"]`);
  await expect(waiting.locator('.outbox-patient')).toHaveText(`${p.given} ${p.family}`);
  await expect(waiting.locator('td').first()).toHaveText(/^\d{1,2}:\d{2}\s?[AP]M · /);
  kiosk.demo.server.faults.clear();
  await panel.getByRole('button', { name: 'Retry now' }).click();
  await expect(panel.getByText('Nothing waiting')).toBeVisible({ timeout: 20_000 });
  expect(await statusOf(kiosk, p.appointmentIds[0]!)).toBe('checked-in');
});
