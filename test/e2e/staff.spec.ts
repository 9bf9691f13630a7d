/**
 * Staff mode by touch, against the demo kiosk: the hidden corner gesture, the PIN screen, the staff
 * panel (outbox, retry, lock, exit) and the idle relock, with what main recorded in its audit log.
 */
import type { Appointment } from '@medplum/fhirtypes';
import { mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_STAFF_PIN } from '../../dev/demo-kiosk.js';
import { playPatient } from '../../dev/patient-driver.js';
import { audit } from './axe.js';
import { expect, screen, test, type KioskFixture } from './fixtures.js';

mkdirSync('artifacts/screens', { recursive: true });
const shot = (k: KioskFixture, name: string) => k.page.screenshot({ path: `artifacts/screens/${name}.png` });
const statusOf = async (k: KioskFixture, id: string) => (await k.demo.server.repo.readResource<Appointment>('Appointment', id)).status;

/** Taps the hidden top-left corner `times` times, quickly, as a finger would. */
async function tapCorner(page: Page, times: number) {
  for (let i = 0; i < times; i++) await page.mouse.click(20, 20);
}

async function openStaff(page: Page) {
  await tapCorner(page, 5);
  await expect(screen(page, 'staff-pin')).toBeVisible();
}

/** Types a PIN on the on-screen number pad and taps Unlock. */
async function enterPin(page: Page, pin: string) {
  const pinScreen = screen(page, 'staff-pin');
  for (const digit of pin) await pinScreen.getByRole('button', { name: digit, exact: true }).click();
  await pinScreen.getByRole('button', { name: 'Unlock' }).click();
}

async function unlock(page: Page) {
  await openStaff(page);
  await enterPin(page, DEMO_STAFF_PIN);
  await expect(screen(page, 'staff')).toBeVisible();
  await expect(screen(page, 'staff').locator('[data-notice="busy"]')).toHaveCount(0);
}

/** Everything main wrote to its audit log so far (JSON lines, one file a day). */
function auditEvents(dataDir: string): Array<{ event: string; outcome: string }> {
  const dir = path.join(dataDir, 'audit');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as { event: string; outcome: string });
}

/** Controls (anything tappable) found under the hidden corner at a grid of points inside it. */
async function controlsUnderCorner(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found = new Set<string>();
    for (const x of [1, 30, 60, 95])
      for (const y of [1, 30, 60, 95]) {
        const under = document.elementsFromPoint(x, y).find((el) => !el.classList.contains('staff-corner'));
        const control = under?.closest('button, a, input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])');
        if (control) found.add(`${control.tagName} "${control.textContent?.trim()}" at ${x},${y}`);
      }
    return [...found];
  });
}

// Same approach as a11y.spec.ts: axe-core's source evaluated over CDP, so the strict CSP needs no exception.
test('the hidden corner: not a control, covers none, and five quick taps open the PIN screen while four do not', async ({ kiosk }) => {
  const { page } = kiosk;
  const corner = page.locator('.staff-corner');
  await expect(corner).toHaveAttribute('aria-hidden', 'true');
  expect(await corner.getAttribute('tabindex')).toBeNull();
  expect(await corner.getAttribute('role')).toBeNull();
  expect(await controlsUnderCorner(page)).toEqual([]);
  await page.getByRole('button', { name: 'Larger text' }).click();
  expect(await controlsUnderCorner(page)).toEqual([]);
  await page.getByRole('button', { name: 'Larger text' }).click();

  // Four taps, then a pause longer than the gesture's 3 s: nothing, and the next taps start afresh.
  await tapCorner(page, 4);
  await page.waitForTimeout(3_300);
  await expect(screen(page, 'welcome')).toBeVisible();
  await expect(screen(page, 'staff-pin')).toHaveCount(0);
  await tapCorner(page, 1);
  await page.waitForTimeout(200);
  await expect(screen(page, 'staff-pin')).toHaveCount(0);

  await tapCorner(page, 4); // with the one above: five within 3 s
  await expect(screen(page, 'staff-pin')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff mode');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(screen(page, 'welcome')).toBeVisible();
});

test('the corner covers no control on the patient screens either', async ({ kiosk }) => {
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.twoToday;
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(screen(page, 'last-name')).toBeVisible();
  expect(await controlsUnderCorner(page)).toEqual([]);
  await page.getByRole('button', { name: 'Start over' }).click();
  await playPatient(page, { familyName: p.family, birthDate: p.birthDate, checkIn: 'none' });
  expect(await controlsUnderCorner(page)).toEqual([]);
});

test('leaving a patient flow for staff mode ends the patient session and clears the screen', async ({ kiosk }) => {
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.twoToday;
  const run = await playPatient(page, { familyName: p.family, birthDate: p.birthDate, checkIn: 'none' });
  expect(run.identified).toBe('appointments');
  const greeting = await screen(page, 'appointments').getByRole('heading', { level: 1 }).innerText();
  expect(kiosk.demo.kiosk.parts!.checkIn.activeSessions).toBe(1);
  await openStaff(page);
  await expect.poll(() => kiosk.demo.kiosk.parts!.checkIn.activeSessions).toBe(0);
  const html = await page.content();
  for (const secret of [p.family, greeting]) expect(html).not.toContain(secret);
});

test('a wrong PIN says how many attempts are left, and the PIN never reaches the DOM', async ({ kiosk }) => {
  const { page } = kiosk;
  const wrong = '9731';
  await openStaff(page);
  await audit(page, 'PIN screen (empty)');
  const pinScreen = screen(page, 'staff-pin');
  await expect(pinScreen.getByRole('button', { name: 'Unlock' })).toBeDisabled();
  for (const digit of wrong) await pinScreen.getByRole('button', { name: digit, exact: true }).click();
  await expect(pinScreen.locator('.pin-dot.filled')).toHaveCount(4);
  await expect(pinScreen.getByRole('img', { name: 'Staff PIN: 4 digits entered' })).toBeVisible();
  expect(await page.content()).not.toContain(wrong);
  await pinScreen.getByRole('button', { name: 'Unlock' }).click();
  await expect(pinScreen.getByRole('status')).toContainText('Wrong PIN. 4 attempts left.');
  await expect(pinScreen.locator('.pin-dot.filled')).toHaveCount(0);
  expect(await page.content()).not.toContain(wrong);
  // Physical keys work too (a keyboard at the desk), and are masked the same way.
  await page.keyboard.type('24');
  await expect(pinScreen.locator('.pin-dot.filled')).toHaveCount(2);
  await audit(page, 'PIN screen (wrong PIN)');
  await shot(kiosk, 'staff-pin');
  expect(auditEvents(kiosk.dataDir)).toContainEqual(expect.objectContaining({ event: 'staff.unlock', outcome: 'wrong_pin' }));

  await pinScreen.getByRole('button', { name: 'Clear' }).click();
  await enterPin(page, DEMO_STAFF_PIN);
  await expect(screen(page, 'staff')).toBeVisible();
  await expect(screen(page, 'staff')).toContainText('demo-kiosk');
  await expect(screen(page, 'staff')).toContainText('Nothing waiting');
  expect(await page.content()).not.toContain(DEMO_STAFF_PIN);
  await audit(page, 'staff panel (empty outbox)');
});

test('a check-in queued during an outage is listed, and "Retry now" delivers it once the server is back', async ({ kiosk }) => {
  test.setTimeout(90_000);
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.openNow;
  const appointmentId = p.appointmentIds[0]!;
  await kiosk.demo.kiosk.checkHealth(); // the first probe, as kiosk.start() runs it: today's snapshot names the row
  kiosk.demo.server.faults.add({ method: 'PUT', path: /^\/Appointment\//, kind: 'reset', times: Infinity });
  const run = await playPatient(page, { familyName: p.family, birthDate: p.birthDate });
  expect(run.outcome).toBe('recorded_offline');

  await unlock(page);
  const panel = screen(page, 'staff');
  await expect(panel.getByRole('heading', { name: 'Check-ins waiting to be sent' })).toBeVisible();
  const row = panel.locator(`tr[data-outbox-ref="${appointmentId.slice(-8)}"]`);
  await expect(row).toBeVisible();
  await expect(row.locator('td').first()).toContainText(appointmentId.slice(-8));
  await expect(panel.getByRole('columnheader', { name: 'Attempts' })).toBeVisible();
  await expect(panel.getByRole('columnheader', { name: 'Last error' })).toBeVisible();
  await expect(panel.getByRole('columnheader', { name: 'Next attempt' })).toBeVisible();
  await expect(row.locator('td').nth(2)).toHaveText(/^[1-9]\d*$/); // attempts
  expect(await row.locator('td').nth(3).innerText()).not.toBe('None'); // the last error is shown
  await expect(row.locator('td').nth(4)).toHaveText(/\d{1,2}:\d{2}/); // next attempt time
  // Staff see whose check-in waits (the outbox row names the patient); never a birth date.
  await expect(row.locator('.outbox-patient')).toHaveText(`${p.given} ${p.family}`);
  expect(await page.content()).not.toContain(p.birthDate);
  await audit(page, 'staff panel (one waiting)');
  await shot(kiosk, 'staff');
  expect(await statusOf(kiosk, appointmentId)).toBe('booked');

  kiosk.demo.server.faults.clear();
  await panel.getByRole('button', { name: 'Retry now' }).click();
  await expect(panel.getByText('Nothing waiting')).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByRole('status')).toHaveText('Retried: everything was sent.');
  expect(await statusOf(kiosk, appointmentId)).toBe('checked-in');
  expect(auditEvents(kiosk.dataDir)).toContainEqual(expect.objectContaining({ event: 'staff.outbox_retry' }));

  await panel.getByRole('button', { name: 'Refresh' }).click();
  await expect(panel.getByRole('status')).toHaveText('');
  await expect(panel.getByText('Nothing waiting')).toBeVisible();
});

test('the connection says when it last had a problem, with a short code, and keeps it after recovery', async ({ kiosk }) => {
  const { page } = kiosk;
  await unlock(page);
  const panel = screen(page, 'staff');
  const last = panel.locator('[data-last-problem]');
  await expect(last).toHaveText('None today');
  // The clinic system refuses the schedule read: "Retry now" probes again, and the panel says what happened.
  kiosk.demo.server.faults.add({ method: 'GET', path: '/Appointment', kind: 'status', status: 403, times: Infinity });
  await panel.getByRole('button', { name: 'Retry now' }).click();
  await expect(last).toHaveAttribute('data-last-problem', 'auth_403');
  await expect(last).toHaveText(/^\d{1,2}:\d{2}\s?[AP]M · auth_403$/);
  await expect(panel.locator('[data-health]')).not.toHaveAttribute('data-health', 'ok');
  kiosk.demo.server.faults.clear();
  await panel.getByRole('button', { name: 'Retry now' }).click();
  await expect(panel.locator('[data-health]')).toHaveAttribute('data-health', 'ok');
  await expect(last).toHaveAttribute('data-last-problem', 'auth_403');
});

test('an audit trail the disk refuses is shown to staff, and staff mode keeps working', async ({ kiosk }) => {
  const { page } = kiosk;
  await unlock(page);
  const panel = screen(page, 'staff');
  await expect(panel.locator('[data-records]')).toHaveCount(0); // everything written so far
  // The disk fills up under the audit trail: today's file now points at /dev/full (ENOSPC).
  const dir = path.join(kiosk.dataDir, 'audit');
  const file = readdirSync(dir).find((f) => f.endsWith('.jsonl'))!;
  rmSync(path.join(dir, file));
  symlinkSync('/dev/full', path.join(dir, file));
  await panel.getByRole('button', { name: 'Retry now' }).click(); // an audited action
  await expect(panel.locator('[data-record-sink="audit"]')).toHaveText(/Audit trail: .*\(ENOSPC\)\. Please tell IT\./);
  await expect(panel.locator('[data-notice="retried"]')).toBeVisible();
  await shot(kiosk, 'staff-records-trouble');
});

test('Lock returns to welcome and ends the staff session in main', async ({ kiosk }) => {
  const { page } = kiosk;
  await unlock(page);
  await screen(page, 'staff').getByRole('button', { name: 'Lock' }).click();
  await expect(screen(page, 'welcome')).toBeVisible();
  await expect(screen(page, 'staff')).toHaveCount(0);
  await expect.poll(() => auditEvents(kiosk.dataDir).some((e) => e.event === 'staff.lock')).toBe(true);
});

test('Exit asks first with the PIN again; No goes back, a wrong PIN is refused, Yes asks main to close the kiosk', async ({ kiosk }) => {
  const { page } = kiosk;
  await unlock(page);
  const panel = screen(page, 'staff');
  await panel.getByRole('button', { name: 'Exit kiosk' }).click();
  const confirm = panel.getByRole('dialog', { name: 'Exit the kiosk?' });
  await expect(confirm).toContainText('The kiosk app will close.');
  await expect(confirm).toContainText('Type the staff PIN to confirm.');
  await expect(confirm.getByRole('heading', { name: 'Exit the kiosk?' })).toBeFocused();
  const yes = confirm.getByRole('button', { name: 'Yes, exit' });
  await expect(yes).toBeDisabled(); // nothing typed yet
  await audit(page, 'exit confirmation');
  await shot(kiosk, 'staff-exit');
  await confirm.getByRole('button', { name: 'No, go back' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Exit kiosk' })).toBeFocused();
  expect(auditEvents(kiosk.dataDir).some((e) => e.event === 'staff.exit')).toBe(false);

  // A wrong PIN: refused by main, the question stays up, and nothing closed.
  await panel.getByRole('button', { name: 'Exit kiosk' }).click();
  for (const digit of '111111') await confirm.getByRole('button', { name: digit, exact: true }).click();
  await yes.click();
  await expect(confirm.locator('[data-notice="pin_rejected"]')).toHaveText(/Wrong PIN/);
  await expect(confirm.getByRole('img', { name: /PIN/ })).toHaveAttribute('aria-label', /No digits/);
  expect(auditEvents(kiosk.dataDir).some((e) => e.event === 'staff.exit')).toBe(false);
  await expect(page.locator('body')).not.toContainText('111111');

  for (const digit of DEMO_STAFF_PIN) await confirm.getByRole('button', { name: digit, exact: true }).click();
  await yes.click();
  // The demo kiosk has no shell to close: the panel goes away and main has audited the request.
  await expect(screen(page, 'welcome')).toBeVisible();
  await expect(screen(page, 'staff')).toHaveCount(0);
  await expect
    .poll(() => auditEvents(kiosk.dataDir).find((e) => e.event === 'staff.exit'))
    .toEqual(expect.objectContaining({ event: 'staff.exit', outcome: 'no_shell' }));
});

test.describe('idle', () => {
  test.use({ demoOptions: { config: { kiosk: { idleSeconds: 10, warningSeconds: 5 } } } });

  test('the idle timer relocks staff mode', async ({ kiosk }) => {
    test.setTimeout(60_000);
    const { page } = kiosk;
    await unlock(page);
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible({ timeout: 15_000 });
    await expect(dialog).toContainText('Staff mode will lock itself.');
    // The way out says what it does: Lock, not Start over.
    await expect(dialog.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Start over' })).toHaveCount(0);
    await expect(screen(page, 'welcome')).toBeVisible({ timeout: 15_000 });
    await expect(screen(page, 'staff')).toHaveCount(0);
    await expect.poll(() => auditEvents(kiosk.dataDir).some((e) => e.event === 'staff.lock')).toBe(true);
  });
});
