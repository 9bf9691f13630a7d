/**
 * Leak scan: after a run of patient sessions (successes, failures, an outage), search everything the
 * kiosk wrote (logs, audit, outbox, config) and the renderer (DOM, storage, globals) for the access
 * token, the client secret and the synthetic patients' names and birth dates. Any hit fails.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { playPatient, resetToWelcome } from '../../dev/patient-driver.js';
import { expect, test } from './fixtures.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

test('no token, secret, name or birth date in any file the kiosk wrote, nor left in the renderer', async ({ kiosk }) => {
  test.setTimeout(120_000);
  const { page, demo, dataDir } = kiosk;
  const s = demo.server.scenarios!;
  const visitors = [s.openNow, s.accented, s.tooEarly, s.noAppointment, s.telehealth];
  for (const p of visitors) {
    await playPatient(page, { familyName: p.family, birthDate: p.birthDate });
    await resetToWelcome(page);
  }
  // A failed identification and a check-in during an outage (outbox in use, errors logged).
  await playPatient(page, { familyName: 'Zyxwvut', birthDate: '1970-07-07' });
  await resetToWelcome(page);
  demo.server.faults.add({ method: 'PUT', path: /^\/Appointment\//, kind: 'reset', times: Infinity });
  const outage = await playPatient(page, { familyName: s.twoWord.family, birthDate: s.twoWord.birthDate });
  expect(outage.outcome).toBe('recorded_offline');
  await resetToWelcome(page);

  const token = await demo.kiosk.parts!.tokens.getToken();
  const needles = [
    token,
    demo.server.clientSecret,
    ...[...visitors, s.twoWord].flatMap((p) => [p.family, p.birthDate, ...p.given.split(' ')]),
    'Zyxwvut',
    '1970-07-07',
  ];
  const files = filesUnder(dataDir);
  expect(files.some((f) => f.includes('audit'))).toBe(true);
  expect(files.some((f) => f.includes('outbox'))).toBe(true);
  expect(files.some((f) => f.includes(`logs${path.sep}`))).toBe(true);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const needle of needles) expect(text.includes(needle), `${needle} found in ${path.relative(dataDir, file)}`).toBe(false);
  }

  const renderer = await page.evaluate(() => {
    const globals = Object.getOwnPropertyNames(window)
      .map((k) => {
        try {
          const v = (window as unknown as Record<string, unknown>)[k];
          return typeof v === 'string' ? v : '';
        } catch {
          return '';
        }
      })
      .join('\n');
    const storage = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
    return { html: document.documentElement.outerHTML, storage, globals, cookies: document.cookie };
  });
  for (const needle of needles) {
    for (const [where, text] of Object.entries(renderer)) expect(text.includes(needle), `${needle} in renderer ${where}`).toBe(false);
  }
});
