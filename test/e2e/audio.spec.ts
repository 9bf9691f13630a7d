/**
 * Audio guidance end to end, keyboard only: a patient who never looks at the screen checks in, hears
 * every result and the idle warning, in English and Spanish. The transcript is what the real kiosk
 * core's Speaker was asked to say (espeak-ng synthesises it); the server state proves the check-in.
 */
import type { Appointment } from '@medplum/fhirtypes';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { audit } from './axe.js';
import { dobKeys, keypad, pointerEvents } from './audio-support.js';
import { expect, screen, test, type KioskFixture } from './fixtures.js';

const statusOf = async (k: KioskFixture, id: string) => (await k.demo.server.repo.readResource<Appointment>('Appointment', id)).status;

test('a first-time patient checks in by audio in English, keyboard only, every step spoken', async ({ kiosk }) => {
  test.setTimeout(90_000);
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.openNow;
  const pad = await keypad(kiosk);

  await pad.press('Enter');
  let said = await pad.hears('Audio guidance is on.');
  expect(said).toContain('Use the up and down arrows to move, Enter to choose, and Escape to go back.');
  expect(said).toContain('Welcome to Riverside Family Clinic.');
  expect(said).toContain('Check in');
  expect(kiosk.said.find((u) => u.lang === 'es')?.text).toBe('Para español, pulse la flecha abajo y luego Enter.');
  await expect(page.locator('[data-audio="on"]')).toBeVisible();
  await audit(page, 'audio welcome');

  let m = pad.mark();
  await pad.press('Enter');
  await pad.hears('What is your last name?', m);
  await expect(screen(page, 'last-name')).toBeVisible();
  await audit(page, 'audio last name');

  m = pad.mark();
  await pad.typeName(p.family);
  said = pad.since(m);
  // Each letter is said as it comes up on its key: W (9), then G H (4 twice).
  expect(said.split('\n').slice(0, 3)).toEqual(['W', 'G', 'H']);
  await expect(screen(page, 'last-name')).toContainText(p.family);
  m = pad.mark();
  await pad.press('ArrowRight');
  await pad.hears(`You typed: ${[...p.family.toUpperCase()].join(', ')}.`, m);

  m = pad.mark();
  await pad.press('Enter');
  await pad.hears('What is your date of birth? Month, day, then the year with 4 digits.', m);
  // The screen's example, spoken as the digits to press.
  await pad.hears('For example, for March 25, 1980, type 0 3 2 5 1 9 8 0.', m);
  await audit(page, 'audio birth date');
  m = pad.mark();
  const dob = dobKeys(p.birthDate, 'en');
  await pad.digits(dob);
  await expect.poll(() => pad.since(m)).toBe([...dob].join('\n'));

  m = pad.mark();
  await pad.press('Enter');
  const given = p.given.split(' ')[0]!;
  await pad.hears(`Hi, ${given} ${p.family[0]}. You have 1 appointment today.`, m);
  await pad.hears(/\d:\d\d AM, with Dr\. [^,]+, at [^.]+\. Check-in is open\. Press Enter to check in\./, m);
  await audit(page, 'audio appointments');

  m = pad.mark();
  await pad.press('Enter');
  await pad.hears(`You're checked in, ${given}. Checked in for:`, m);
  await pad.hears('Please have a seat. Audio guidance ends now.', m);
  await expect(screen(page, 'done')).toBeVisible();
  await audit(page, 'audio done');
  expect(await statusOf(kiosk, p.appointmentIds[0]!)).toBe('checked-in');

  // Privacy: after the birth date went in, neither it nor the family name was said again.
  const afterSubmit = kiosk.said
    .slice(kiosk.said.findIndex((u) => u.text.startsWith('Hi, ')))
    .map((u) => u.text)
    .join(' ');
  const [y, mo, d] = p.birthDate.split('-');
  for (const leak of [p.family, p.birthDate, y!, `${mo}/${d}`]) expect(afterSubmit).not.toContain(leak);

  // Keys: Enter (audio on) + Enter (check in) + multi-tap letters + read back + Enter + 8 digits + Enter + Enter.
  const taps = [...p.family].reduce((n, ch) => n + tapCount(ch), 0);
  expect(pad.presses).toBe(2 + taps + 1 + 1 + 8 + 1 + 1);
  expect(await pointerEvents(page)).toBe(0);
  test.info().annotations.push({ type: 'key presses', description: String(pad.presses) });

  // The session ends with the visit: the next patient starts silent.
  await expect(screen(page, 'welcome')).toBeVisible({ timeout: 25_000 });
  await expect(page.locator('[data-audio="on"]')).toHaveCount(0);
  m = pad.mark();
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(300);
  expect(pad.since(m)).toBe('');
});

function tapCount(ch: string): number {
  const keys = ['ABC', 'DEF', 'GHI', 'JKL', 'MNO', 'PQRS', 'TUV', 'WXYZ'];
  const up = ch.toUpperCase();
  const key = keys.find((k) => k.includes(up))!;
  return key.indexOf(up) + 1;
}

test('en español: the patient picks Spanish by ear and hears "too early" with the time', async ({ kiosk }) => {
  test.setTimeout(90_000);
  const { page } = kiosk;
  const p = kiosk.demo.server.scenarios!.tooEarly;
  const pad = await keypad(kiosk);
  await pad.press('Enter');
  await pad.hears('Audio guidance is on.');
  let m = pad.mark();
  await pad.press('ArrowDown');
  await expect.poll(() => kiosk.said.at(-1)).toEqual({ text: 'Español', lang: 'es' });
  await pad.press('Enter');
  await pad.hears('Le damos la bienvenida a Riverside Family Clinic.', m);
  expect(kiosk.said.at(-2)!.lang).toBe('es');
  // The new language's announcement ends on its first choice again: Registrar mi llegada.
  await expect.poll(() => kiosk.said.at(-2)!.text).toContain('Registrar mi llegada');
  m = pad.mark();
  await pad.press('Enter');
  await pad.hears('¿Cuál es su apellido?', m);
  await audit(page, 'audio last name (es)');
  await pad.typeName(p.family);
  m = pad.mark();
  await pad.press('Enter');
  await pad.hears('¿Cuál es su fecha de nacimiento? Día, mes y luego el año con 4 cifras.', m);
  await pad.digits(dobKeys(p.birthDate, 'es'));
  m = pad.mark();
  await pad.press('Enter');
  const said = await pad.hears(/El registro se abre a las .*Por favor, pase a la recepción\./, m);
  expect(said).toContain(`Hola, ${p.given} ${p.family[0]}. Tiene 1 cita hoy.`);
  expect(kiosk.said.slice(m).every((u) => u.lang === 'es')).toBe(true);
  await audit(page, 'audio appointments too early (es)');
  // Select on a card that cannot be checked in says it again; nothing is written.
  m = pad.mark();
  await pad.press('Enter');
  await pad.hears('El registro se abre a las', m);
  expect(await statusOf(kiosk, p.appointmentIds[0]!)).toBe('booked');
  expect(await pointerEvents(page)).toBe(0);
});

/** Starts audio mode and types a name and birth date by keys; returns from where the result is said. */
async function identifyByAudio(k: KioskFixture, family: string, birthDate: string) {
  const pad = await keypad(k);
  await pad.press('Enter');
  await pad.hears('Audio guidance is on.');
  await pad.press('Enter');
  await pad.hears('What is your last name?');
  await pad.typeName(family);
  await pad.press('Enter');
  await pad.hears('What is your date of birth?');
  await pad.digits(dobKeys(birthDate, 'en'));
  const m = pad.mark();
  await pad.press('Enter');
  return { pad, m };
}

test('too late and "see the front desk" are spoken in full', async ({ kiosk }) => {
  test.setTimeout(90_000);
  const s = kiosk.demo.server.scenarios!;
  const late = await identifyByAudio(kiosk, s.tooLate.family, s.tooLate.birthDate);
  await late.pad.hears("It's past the check-in time for this appointment. Please see the front desk.", late.m);
  await audit(kiosk.page, 'audio too late');
  // Back goes to the way out (Start over), Enter takes it: a fresh, silent welcome.
  let m = late.pad.mark();
  await late.pad.press('Escape');
  await late.pad.hears('Start over', m);
  await late.pad.press('Enter');
  await expect(screen(kiosk.page, 'welcome')).toBeVisible();
  await expect(kiosk.page.locator('[data-audio="on"]')).toHaveCount(0);

  const none = await identifyByAudio(kiosk, s.noAppointment.family, s.noAppointment.birthDate);
  // No appointment today is the same neutral answer as a stranger: nothing confirms a patient.
  await none.pad.hears("We couldn't find your appointment.", none.m);
  await audit(kiosk.page, 'audio no appointment');
  m = none.pad.mark();
  await none.pad.press('Escape');
  await none.pad.hears('Start over', m);
  await none.pad.press('Enter');
  await expect(screen(kiosk.page, 'welcome')).toBeVisible();

  const unknown = await identifyByAudio(kiosk, 'Zyxw', '1970-07-07');
  await unknown.pad.hears("We couldn't find your appointment. Please see the front desk.", unknown.m);
  await audit(kiosk.page, 'audio not found');
  expect(await pointerEvents(kiosk.page)).toBe(0);
  void m;
});

test.describe('idle warning in audio mode', () => {
  test.use({ demoOptions: { config: { kiosk: { idleSeconds: 10, warningSeconds: 5 } } } });

  test('time limits double, the warning and its countdown are spoken, any key gives more time', async ({ kiosk }) => {
    test.setTimeout(90_000);
    const { page } = kiosk;
    const pad = await keypad(kiosk);
    await pad.press('Enter');
    await pad.hears('Audio guidance is on.');
    await pad.press('Enter');
    await pad.hears('What is your last name?');
    const m = pad.mark();
    // 10 s idle on screen is 20 s in audio mode: no warning at 14 s.
    await page.waitForTimeout(14_000);
    await expect(page.locator('dialog.idle-dialog[open]')).toHaveCount(0);
    await pad.hears(
      /Are you still there\? For your privacy, we'll clear your details and start over in 10 seconds\. Press any key for more time\./,
      m,
    );
    await expect(page.locator('dialog.idle-dialog[open]')).toBeVisible();
    await audit(page, 'audio idle warning');
    await pad.hears('5 seconds.', m);
    const m2 = pad.mark();
    await pad.press('ArrowDown');
    await pad.hears('More time. You can continue.', m2);
    await expect(page.locator('dialog.idle-dialog[open]')).toHaveCount(0);
    await expect(screen(page, 'last-name')).toBeVisible();
    expect(await pointerEvents(page)).toBe(0);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

test('leak scan: nothing the kiosk said reaches a log, the audit or any file it wrote', async ({ kiosk }) => {
  test.setTimeout(90_000);
  const p = kiosk.demo.server.scenarios!.openNow;
  const run = await identifyByAudio(kiosk, p.family, p.birthDate);
  await run.pad.hears('Check-in is open.', run.m);
  await run.pad.press('Enter');
  await run.pad.hears("You're checked in");
  const given = p.given.split(' ')[0]!;
  const sentences = kiosk.said.map((u) => u.text).filter((t) => t.length > 12);
  // The needles are real: the greeting (with the name) was said.
  expect(sentences.some((t) => t.includes(`Hi, ${given} ${p.family[0]}.`))).toBe(true);
  const files = filesUnder(kiosk.dataDir);
  expect(files.some((f) => f.includes(`logs${path.sep}`))).toBe(true);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const needle of [given, p.family, ...sentences])
      expect(text.includes(needle), `${needle.slice(0, 40)} in ${path.basename(file)}`).toBe(false);
  }
});
