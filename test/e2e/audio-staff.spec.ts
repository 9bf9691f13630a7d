/**
 * Staff and audio guidance: the Listen button (for someone who sees a little), the badge staff see
 * while a session is in audio mode, the count on the staff panel, and the voice test in each language.
 * Staff mode stays touch + PIN, so this spec taps like staff do.
 */
import { DEMO_STAFF_PIN } from '../../dev/demo-kiosk.js';
import { audit } from './axe.js';
import { expect, screen, test } from './fixtures.js';

test('Listen starts audio mode, staff see the badge, the panel counts it and tests the voice in English and Spanish', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByRole('button', { name: /^Listen/ }).click();
  await expect.poll(() => kiosk.said[0]?.text ?? '').toContain('Audio guidance is on.');
  await expect(page.locator('[data-audio="on"]')).toHaveText('Audio guidance on');
  // The on-screen keyboard still works for a sighted helper, and audio says what changed.
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect.poll(() => kiosk.said.at(-1)?.text ?? '').toContain('What is your last name?');
  await screen(page, 'last-name').getByRole('button', { name: 'K', exact: true }).click();
  await expect(screen(page, 'last-name')).toContainText('K');

  // Staff open staff mode (the session ends: the badge goes, the kiosk falls silent).
  for (let i = 0; i < 5; i++) await page.mouse.click(20, 20);
  await expect(screen(page, 'staff-pin')).toBeVisible();
  await expect(page.locator('[data-audio="on"]')).toHaveCount(0);
  for (const digit of DEMO_STAFF_PIN) await screen(page, 'staff-pin').getByRole('button', { name: digit, exact: true }).click();
  await screen(page, 'staff-pin').getByRole('button', { name: 'Unlock' }).click();
  const panel = screen(page, 'staff');
  await expect(panel.locator('[data-audio-sessions="1"]')).toHaveText('1 audio session since the kiosk started.');
  await audit(page, 'staff panel with audio');
  const before = kiosk.said.length;
  await panel.getByRole('button', { name: 'Test the voice' }).click();
  await expect
    .poll(() => kiosk.said.slice(before))
    .toEqual([
      { text: 'This is the kiosk voice in English.', lang: 'en' },
      { text: 'Esta es la voz del quiosco en español.', lang: 'es' },
    ]);
});

test.describe('audio guidance turned off in config', () => {
  test.use({ demoOptions: { config: { audio: { enabled: false } } } });

  test('no Listen button, Enter on welcome stays silent, and main refuses to speak', async ({ kiosk }) => {
    const { page } = kiosk;
    await expect(screen(page, 'welcome')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Listen/ })).toHaveCount(0);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(kiosk.said).toEqual([]);
    const r = await page.evaluate(() =>
      (window as unknown as { kiosk: { speak(r: unknown): Promise<unknown> } }).kiosk.speak({ text: 'hello', lang: 'en', interrupt: true }),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'not_configured' } });
  });
});
