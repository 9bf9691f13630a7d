/**
 * Staff helping a patient check in, by touch against the demo kiosk: unlock staff mode, run the
 * patient's screens under the staff banner, check in an appointment the patient could not (too
 * early), then undo it after the confirmation, each time reading the result on the FHIR server.
 */
import type { Appointment } from '@medplum/fhirtypes';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { DEMO_STAFF_PIN } from '../../dev/demo-kiosk.js';
import { audit } from './axe.js';
import { expect, screen, tapKeys, test, unlockStaff, type KioskFixture } from './fixtures.js';

mkdirSync('artifacts/screens', { recursive: true });
const statusOf = async (k: KioskFixture, id: string) => (await k.demo.server.repo.readResource<Appointment>('Appointment', id)).status;
const banner = (page: Page) => page.locator('[data-assist-banner]');

/** Last name, then the birth date in the English order (MM DD YYYY), each followed by Continue. */
async function enterPatient(page: Page, p: { family: string; birthDate: string }, staff: boolean) {
  const step = (name: string) => (staff ? expectStaffStep(page, name) : Promise.resolve(screen(page, name)));
  const lastName = await step('last-name');
  await tapKeys(page, 'Keyboard', p.family);
  await lastName.getByRole('button', { name: 'Continue' }).click();
  const dob = await step('birth-date');
  // Staff have one way back from the birth date (to their panel); a patient also has Back to the last name.
  await expect(dob.getByRole('button', { name: 'Back', exact: true })).toHaveCount(staff ? 0 : 1);
  const [y, m, d] = p.birthDate.split('-');
  await tapKeys(page, 'Number pad', `${m}${d}${y}`);
  await dob.getByRole('button', { name: 'Continue' }).click();
}

/** The staff banner and the way back to the panel are on the screen showing now. */
async function expectStaffStep(page: Page, name: string): Promise<Locator> {
  const s = screen(page, name);
  await expect(s).toBeVisible();
  await expect(banner(page)).toHaveText('Staff: helping a patient');
  await expect(s.getByRole('button', { name: 'Back to staff panel' })).toBeVisible();
  await expect(s.getByRole('button', { name: 'Start over' })).toHaveCount(0);
  return s;
}

/** From the panel: "Help a patient check in", then last name and birth date, to the appointments. */
async function findPatient(page: Page, p: { family: string; birthDate: string }): Promise<Locator> {
  await screen(page, 'staff').getByRole('button', { name: 'Help a patient check in' }).click();
  // Staff leave by "Back to staff panel" only: no Back to the patient welcome.
  await expect(screen(page, 'last-name').getByRole('button', { name: 'Back', exact: true })).toHaveCount(0);
  await enterPatient(page, p, true);
  return expectStaffStep(page, 'appointments');
}

/** "Back to staff panel" on the current screen: the panel, and nothing of the patient left in the page. */
async function backToPanel(page: Page, from: Locator, secrets: string[]) {
  await from.getByRole('button', { name: 'Back to staff panel' }).click();
  await expect(screen(page, 'staff')).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  const html = await page.content();
  for (const secret of secrets) expect(html).not.toContain(secret);
}

test('staff check in a too-early patient, then undo it after confirming', async ({ kiosk }) => {
  test.setTimeout(90_000);
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.tooEarly;
  const id = p.appointmentIds[0]!;
  expect(await statusOf(kiosk, id)).toBe('booked');
  await unlockStaff(page);

  // Back to staff panel from the first step.
  await screen(page, 'staff').getByRole('button', { name: 'Help a patient check in' }).click();
  await backToPanel(page, await expectStaffStep(page, 'last-name'), []);

  // A patient would be told it is too early (it is 3 h away); staff rules open it.
  const list = await findPatient(page, p);
  await expect(list.getByRole('heading', { level: 1 })).toHaveText(`Appointments for ${p.given.split(' ')[0]} ${p.family[0]}.`);
  const card = list.locator('li[data-appointment]');
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('data-state', 'open');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(/\d{1,2}:\d{2}/);
  await expect(card.locator('dd')).toHaveCount(2); // clinician and location
  await expect(card.getByRole('button', { name: 'Undo check-in' })).toHaveCount(0);
  await audit(page, 'staff appointments (open)');
  await page.screenshot({ path: 'artifacts/screens/staff-assist.png' });

  await card.getByRole('button', { name: 'Check in', exact: true }).click();
  const result = await expectStaffStep(page, 'message');
  await expect(result.getByRole('heading', { level: 1 })).toHaveText('Checked in');
  // Not the patient's "done" screen, which goes back to welcome by itself: staff leave when they choose.
  await expect(screen(page, 'done')).toHaveCount(0);
  await expect(result.getByRole('button', { name: 'Done' })).toHaveCount(0);
  // The next patient is one tap away.
  await expect(result.getByRole('button', { name: 'Help the next patient' })).toBeVisible();
  expect(await statusOf(kiosk, id)).toBe('checked-in');
  await backToPanel(page, result, [p.family, p.given]);

  // The same patient again: the card now offers the undo, which asks first.
  await findPatient(page, p); // `card` finds the fresh screen's card
  await expect(card).toHaveAttribute('data-state', 'checked_in');
  await expect(card.getByRole('button', { name: 'Check in', exact: true })).toHaveCount(0);
  await card.getByRole('button', { name: 'Undo check-in' }).click();
  const confirm = page.getByRole('dialog', { name: 'Undo this check-in?' });
  await expect(confirm).toContainText('The appointment goes back to booked.');
  await expect(confirm).toContainText('Type the staff PIN to confirm.');
  await expect(confirm.getByRole('heading', { name: 'Undo this check-in?' })).toBeFocused();
  await expectStaffStep(page, 'appointments');
  await audit(page, 'staff undo confirmation');
  await page.screenshot({ path: 'artifacts/screens/staff-assist-undo.png' });

  // No keeps it checked in; Yes undoes it.
  await confirm.getByRole('button', { name: 'No, keep it' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Undo check-in' })).toBeFocused();
  expect(await statusOf(kiosk, id)).toBe('checked-in');
  await card.getByRole('button', { name: 'Undo check-in' }).click();
  // Undo changes the EHR: only with the PIN typed again.
  await expect(confirm.getByRole('button', { name: 'Yes, undo' })).toBeDisabled();
  for (const digit of DEMO_STAFF_PIN) await confirm.getByRole('button', { name: digit, exact: true }).click();
  await confirm.getByRole('button', { name: 'Yes, undo' }).click();
  const undone = await expectStaffStep(page, 'message');
  await expect(undone.getByRole('heading', { level: 1 })).toHaveText('Check-in undone');
  expect(await statusOf(kiosk, id)).toBe('booked');
  await backToPanel(page, undone, [p.family, p.given]);
  await expect(screen(page, 'staff').getByText('Nothing waiting')).toBeVisible();
});

test('no match in staff mode: plain words, Try again, no attempt count, and no patient cooldown', async ({ kiosk }) => {
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.openNow;
  await unlockStaff(page);
  // More misses than a patient is allowed before the kiosk cools down.
  for (let i = 0; i < 4; i++) {
    if (i > 0) await screen(page, 'message').getByRole('button', { name: 'Try again' }).click();
    else await screen(page, 'staff').getByRole('button', { name: 'Help a patient check in' }).click();
    await enterPatient(page, { family: 'Nobody', birthDate: '1990-01-01' }, true);
    const miss = await expectStaffStep(page, 'message');
    await expect(miss.getByRole('heading', { level: 1 })).toHaveText('No match. Check the spelling and date of birth.');
    await expect(miss).not.toContainText(/attempt/i);
  }
  await backToPanel(page, screen(page, 'message'), ['Nobody']);

  // Staff mode locked: the patient flow is untouched by the staff misses.
  await screen(page, 'staff').getByRole('button', { name: 'Lock' }).click();
  await expect(screen(page, 'welcome')).toBeVisible();
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  await enterPatient(page, p, false);
  await expect(screen(page, 'appointments')).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
});

test.describe('idle', () => {
  test.use({ demoOptions: { config: { kiosk: { idleSeconds: 10, warningSeconds: 5 } } } });

  test('idle on a staff-assisted screen relocks staff mode and ends the patient session', async ({ kiosk }) => {
    test.setTimeout(60_000);
    const { page } = kiosk;
    const p = kiosk.demo.server.scenarios!.twoToday;
    await unlockStaff(page);
    await findPatient(page, p);
    expect(kiosk.demo.kiosk.parts!.checkIn.activeSessions).toBe(1);
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible({ timeout: 15_000 });
    await expect(dialog).toContainText('Staff mode will lock itself.');
    await expect(screen(page, 'welcome')).toBeVisible({ timeout: 15_000 });
    await expect(banner(page)).toHaveCount(0);
    await expect.poll(() => kiosk.demo.kiosk.parts!.checkIn.activeSessions).toBe(0);
    const html = await page.content();
    for (const secret of [p.family, p.given]) expect(html).not.toContain(secret);
    // Staff mode is locked: the gesture asks for the PIN again.
    for (let i = 0; i < 5; i++) await page.mouse.click(20, 20);
    await expect(screen(page, 'staff-pin')).toBeVisible();
  });
});
