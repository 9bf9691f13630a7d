/**
 * The demo as `npm start` runs it with Electron (the same electronLaunch: config via --config, the
 * demo-only secret and PIN hash) against the real demo server: a patient checks in, then staff exit
 * quits the app. And a signal from the OS session ends the locked kiosk at once, cleanly.
 */
import type { Appointment } from '@medplum/fhirtypes';
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashPin } from '../../main/core/staff-pin.js';
import { DEMO_STAFF_PIN, startDemoKiosk, type DemoKiosk } from '../../dev/demo-kiosk.js';
import { electronLaunch } from '../../dev/electron-launch.js';
import { playPatient } from '../../dev/patient-driver.js';
import { launchKiosk, root, screen, skipReason, type Kiosk } from './launch.js';

const reason = skipReason();
test.skip(reason !== null, reason ?? '');
test.setTimeout(120_000);

let demo: DemoKiosk;
let devData: string;
let kiosk: Kiosk;

test.beforeEach(async () => {
  devData = mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-demo-'));
  demo = await startDemoKiosk({ dataDir: path.join(devData, 'demo') });
  const launch = electronLaunch({
    root,
    argv: [],
    env: process.env,
    devData,
    configFile: path.join(devData, 'unused.json'),
    demo: { config: demo.config, clientSecret: demo.server.clientSecret, staffPinHash: await hashPin(DEMO_STAFF_PIN) },
  });
  kiosk = await launchKiosk({ args: launch.args, env: launch.env });
  await expect(screen(kiosk.page, 'welcome')).toBeVisible({ timeout: 30_000 });
});
test.afterEach(async () => {
  await kiosk?.close();
  await demo?.close();
  rmSync(devData, { recursive: true, force: true });
});

test('a patient checks in on the Electron kiosk, then staff exit quits the app', async () => {
  const p = demo.server.scenarios!.openNow;
  const run = await playPatient(kiosk.page, { familyName: p.family, birthDate: p.birthDate }, { fastKeys: false, stepTimeoutMs: 30_000 });
  expect(run.outcome).toBe('checked_in');
  const appointment = await demo.server.repo.readResource<Appointment>('Appointment', p.appointmentIds[0]!);
  expect(appointment.status).toBe('checked-in');

  const page = kiosk.page;
  await expect(screen(page, 'welcome')).toBeVisible({ timeout: 30_000 });
  for (let i = 0; i < 5; i++) await page.mouse.click(20, 20);
  const pin = screen(page, 'staff-pin');
  await expect(pin).toBeVisible();
  for (const digit of DEMO_STAFF_PIN) await pin.getByRole('button', { name: digit, exact: true }).click();
  await pin.getByRole('button', { name: 'Unlock' }).click();
  const panel = screen(page, 'staff');
  await panel.getByRole('button', { name: 'Exit kiosk' }).click();
  await panel.getByRole('button', { name: 'Yes, exit' }).click();
  await expect
    .poll(() => Promise.race([kiosk.exited, new Promise((r) => setTimeout(() => r('running'), 1_000))]), { timeout: 20_000 })
    .toBe(0);
});

test('SIGTERM ends the locked kiosk cleanly (exit 0), without waiting for a kill', async () => {
  const started = Date.now();
  kiosk.app.process().kill('SIGTERM');
  expect(await kiosk.exited).toBe(0);
  // Well under systemd's default TimeoutStopSec (90 s) and the kiosk's own 5 s stop deadline.
  expect(Date.now() - started).toBeLessThan(10_000);
});
