/**
 * A patient at the kiosk, by touch, against the demo FHIR server: every outcome they can meet, the
 * server state afterwards, and what is left on screen.
 */
import type { Appointment } from '@medplum/fhirtypes';
import { mkdirSync } from 'node:fs';
import { dobDigits, playPatient } from '../../dev/patient-driver.js';
import { expect, screen, test, type KioskFixture } from './fixtures.js';

mkdirSync('artifacts/screens', { recursive: true });
const shot = (k: KioskFixture, name: string) => k.page.screenshot({ path: `artifacts/screens/${name}.png` });
const statusOf = async (k: KioskFixture, id: string) => (await k.demo.server.repo.readResource<Appointment>('Appointment', id)).status;
/** Real clicks on the on-screen keys, as a finger would. */
const byTouch = { fastKeys: false, stepTimeoutMs: 20_000 } as const;

test('a full check-in by touch is written to the server and the kiosk returns to welcome', async ({ kiosk }) => {
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.openNow;
  const run = await playPatient(page, { familyName: p.family, birthDate: p.birthDate }, byTouch);
  expect(run.outcome).toBe('checked_in');
  await expect(screen(page, 'done')).toContainText(`You're checked in, ${p.given.split(' ')[0]}.`);
  await expect(screen(page, 'done')).toContainText('Please have a seat.');
  await shot(kiosk, 'done');
  expect(await statusOf(kiosk, p.appointmentIds[0]!)).toBe('checked-in');
  // Back to welcome by itself after a few seconds, with nothing of the patient left.
  await expect(screen(page, 'welcome')).toBeVisible({ timeout: 15_000 });
  expect(await page.content()).not.toContain(p.family);
});

test('the screens on the way: last name keyboard, birth date keypad, appointment card', async ({ kiosk }) => {
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.twoToday;
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(screen(page, 'last-name')).toBeVisible();
  for (const ch of p.family.toUpperCase().slice(0, 3))
    await screen(page, 'last-name').getByRole('button', { name: ch, exact: true }).click();
  await shot(kiosk, 'last-name');
  await page.keyboard.type(p.family.slice(3));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(screen(page, 'birth-date')).toBeVisible();
  await page.keyboard.type(p.birthDate.slice(5, 7) + p.birthDate.slice(8, 10) + p.birthDate.slice(0, 4));
  await shot(kiosk, 'birth-date');
  await page.getByRole('button', { name: 'Continue' }).click();
  const appts = screen(page, 'appointments');
  await expect(appts.locator('li[data-appointment]')).toHaveCount(2);
  await expect(appts.getByRole('button', { name: 'Check in for all' })).toBeVisible();
  await shot(kiosk, 'appointments');
  // The birth date is never shown back.
  const [y, m, d] = p.birthDate.split('-');
  const text = await page.locator('body').innerText();
  for (const form of [p.birthDate, `${m}/${d}/${y}`, `${Number(m)}/${Number(d)}/${y}`]) expect(text).not.toContain(form);
  await appts.getByRole('button', { name: 'Check in for all' }).click();
  const done = screen(page, 'done');
  await expect(done).toBeVisible();
  // Each appointment is named as checked in just now, never as "already" checked in.
  await expect(done.locator('li[data-outcome="checked_in"]')).toHaveCount(2);
  await expect(done).not.toContainText('already checked in');
  for (const id of p.appointmentIds) expect(await statusOf(kiosk, id)).toBe('checked-in');
});

test('too early: the card says when check-in opens and nothing is written', async ({ kiosk }) => {
  const p = kiosk.demo.server.scenarios!.tooEarly;
  const run = await playPatient(kiosk.page, { familyName: p.family, birthDate: p.birthDate }, byTouch);
  expect(run.outcome).toBe('no_open_appointment');
  await expect(screen(kiosk.page, 'appointments')).toContainText('Check-in opens at');
  await shot(kiosk, 'too-early');
  expect(await statusOf(kiosk, p.appointmentIds[0]!)).toBe('booked');
});

test('too late: the card sends the patient to the front desk', async ({ kiosk }) => {
  const p = kiosk.demo.server.scenarios!.tooLate;
  await playPatient(kiosk.page, { familyName: p.family, birthDate: p.birthDate }, byTouch);
  await expect(screen(kiosk.page, 'appointments')).toContainText(
    "It's past the check-in time for this appointment. Please see the front desk.",
  );
  await shot(kiosk, 'too-late');
  expect(await statusOf(kiosk, p.appointmentIds[0]!)).toBe('booked');
});

test('no appointment today: the same neutral answer as a stranger, and no greeting', async ({ kiosk }) => {
  const p = kiosk.demo.server.scenarios!.noAppointment;
  const run = await playPatient(kiosk.page, { familyName: p.family, birthDate: p.birthDate }, byTouch);
  // Telling "no appointment today" apart from "not found" would confirm to anyone with a surname and
  // a birth date that this person is a patient of the clinic.
  expect(run.outcome).toBe('not_found');
  await expect(screen(kiosk.page, 'message')).toContainText("We couldn't find your appointment");
  await expect(kiosk.page.locator('body')).not.toContainText(p.given);
  await shot(kiosk, 'no-appointment');
});

test('already checked in: said kindly, nothing written', async ({ kiosk }) => {
  const p = kiosk.demo.server.scenarios!.alreadyCheckedIn;
  kiosk.demo.server.resetRequests();
  await playPatient(kiosk.page, { familyName: p.family, birthDate: p.birthDate }, byTouch);
  await expect(screen(kiosk.page, 'appointments')).toContainText("You're already checked in");
  expect(kiosk.demo.server.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
});

test('accents and hyphens typed plainly still find the patient ("garcia lopez")', async ({ kiosk }) => {
  const p = kiosk.demo.server.scenarios!.accented;
  const run = await playPatient(kiosk.page, { familyName: 'garcia lopez', birthDate: p.birthDate }, byTouch);
  expect(run.identified).toBe('appointments');
  expect(run.outcome).toBe('checked_in');
});

test('same family name and birth date: asks for the first name, never lists names', async ({ kiosk }) => {
  const { birthDate, sameFamily } = kiosk.demo.server.scenarios!.sharedBirthDate;
  const [, second] = sameFamily;
  const run = await playPatient(kiosk.page, { familyName: second.family, birthDate, givenName: second.given }, byTouch);
  expect(run.identified).toBe('appointments');
  const body = await kiosk.page.locator('body').innerText();
  expect(body).not.toContain(sameFamily[0].given);
  expect(run.outcome).toBe('checked_in');
  expect(await statusOf(kiosk, second.appointmentIds[0]!)).toBe('checked-in');
  expect(await statusOf(kiosk, sameFamily[0].appointmentIds[0]!)).toBe('booked');
});

test('three misses in one visit end it at the desk; "Try again" stays in the visit', async ({ kiosk }) => {
  const { page } = kiosk;
  const first = await playPatient(page, { familyName: 'Nobody', birthDate: '1991-01-11' }, { stepTimeoutMs: 20_000 });
  expect(first.outcome).toBe('not_found');
  // The screen never says which field was wrong.
  await expect(page.locator('[data-screen]')).not.toContainText(/last name is wrong|birth date is wrong|date of birth does not match/i);
  await shot(kiosk, 'not-found');
  for (const birthDate of ['1991-02-12', '1991-03-13']) {
    await screen(page, 'message').getByRole('button', { name: 'Try again', exact: true }).click();
    // The last name is kept; only the date is typed again.
    await screen(page, 'last-name').getByRole('button', { name: 'Continue', exact: true }).click();
    const keypad = screen(page, 'birth-date');
    for (const d of await dobDigits(birthDate, 'en')) await keypad.getByRole('button', { name: d, exact: true }).click();
    await keypad.getByRole('button', { name: 'Continue', exact: true }).click();
    await screen(page, 'message').waitFor();
  }
  await expect(screen(page, 'message')).toContainText('Please see the front desk');
  await expect(screen(page, 'message').getByRole('button', { name: 'Try again', exact: true })).toHaveCount(0);
  await shot(kiosk, 'visit-ended');
});

test('ten misses in ten minutes pause the kiosk: the welcome screen says so before anyone types', async ({ kiosk }) => {
  const { page } = kiosk;
  const checkIn = kiosk.demo.kiosk.parts!.checkIn;
  // Ten misses by "different people" (each a new visit), the pattern a list of names would make.
  for (let i = 0; i < 10; i++) await checkIn.identify({ familyName: 'Nobody', birthDate: `1970-01-${String(i + 10)}` });
  await expect(screen(page, 'welcome')).toContainText('Please see the front desk', { timeout: 15_000 });
  await expect(screen(page, 'welcome').getByRole('button', { name: 'Check in', exact: true })).toHaveCount(0);
  await shot(kiosk, 'cooldown');
  checkIn.pause.lift();
  await expect(screen(page, 'welcome').getByRole('button', { name: 'Check in', exact: true })).toBeVisible({ timeout: 15_000 });
});

test('the clinic system is down: an honest message, never "checked in"', async ({ kiosk }) => {
  const p = kiosk.demo.server.scenarios!.twoWord;
  kiosk.demo.server.faults.add({ method: 'PUT', path: /^\/Appointment\//, kind: 'status', status: 503, retryAfterSeconds: 900 });
  const run = await playPatient(kiosk.page, { familyName: p.family, birthDate: p.birthDate }, byTouch);
  expect(run.outcome).toBe('recorded_offline');
  await expect(kiosk.page.locator('[data-screen]')).toContainText("Please let the front desk know you're here.");
  await expect(kiosk.page.locator('[data-screen]')).not.toContainText("You're checked in");
  await shot(kiosk, 'recorded-offline');
  expect(await statusOf(kiosk, p.appointmentIds[0]!)).toBe('booked');
  expect(kiosk.demo.kiosk.parts!.outbox.size).toBe(1);
});

test('the Spanish flow is complete and checks in', async ({ kiosk }) => {
  const p = kiosk.demo.server.scenarios!.apostrophe;
  const run = await playPatient(kiosk.page, { familyName: p.family, birthDate: p.birthDate, lang: 'es' }, byTouch);
  expect(run.outcome).toBe('checked_in');
  await expect(kiosk.page.locator('html')).toHaveAttribute('lang', /^es/);
  const text = await kiosk.page.locator('body').innerText();
  for (const english of ['Check in', 'Please have a seat', "You're checked in", 'Start over', 'Larger text'])
    expect(text).not.toContain(english);
  await shot(kiosk, 'done-es');
  expect(await statusOf(kiosk, p.appointmentIds[0]!)).toBe('checked-in');
});

test.describe('idle', () => {
  test.use({ demoOptions: { config: { kiosk: { idleSeconds: 10, warningSeconds: 5 } } } });

  test('an idle warning with a countdown, then a full reset that leaves no patient data', async ({ kiosk }) => {
    test.setTimeout(60_000);
    const { page } = kiosk;
    const p = kiosk.demo.server.scenarios!.hyphenSpace;
    const run = await playPatient(page, { familyName: p.family, birthDate: p.birthDate, checkIn: 'none' }, { stepTimeoutMs: 20_000 });
    expect(run.identified).toBe('appointments');
    const greeting = await screen(page, 'appointments').getByRole('heading', { level: 1 }).innerText();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible({ timeout: 15_000 });
    await expect(dialog).toContainText('Are you still there?');
    await shot(kiosk, 'idle-warning');
    // "I need more time" keeps the patient where they were.
    await dialog.getByRole('button', { name: 'I need more time' }).click();
    await expect(dialog).toBeHidden();
    await expect(screen(page, 'appointments')).toBeVisible();
    // Then nothing: the warning comes back and the kiosk resets itself.
    await expect(screen(page, 'welcome')).toBeVisible({ timeout: 30_000 });
    const leftovers = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      local: localStorage.length,
      session: sessionStorage.length,
      title: document.title,
    }));
    for (const secret of [p.family, greeting, p.birthDate, ...run.outcomes]) if (secret) expect(leftovers.html).not.toContain(secret);
    expect(leftovers.local + leftovers.session).toBe(0);
    expect(kiosk.demo.kiosk.parts!.checkIn.activeSessions).toBe(0);
  });
});
