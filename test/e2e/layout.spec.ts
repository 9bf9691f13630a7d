/**
 * Every layout the kiosk ships on, in every text size and both languages: each screen fits (no
 * scrolling), and every action button is fully inside the viewport. Screenshots of each go to
 * artifacts/screens/layout/ for review.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, screen, test } from './fixtures.js';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
] as const;
const TEXT_SIZES = [0, 1, 2] as const;
const LANGS = [
  { lang: 'en', name: 'English', start: 'Check in', cont: 'Continue', larger: 'Larger text', startOver: 'Start over' },
  {
    lang: 'es',
    name: 'Español',
    start: 'Registrar mi llegada',
    cont: 'Continuar',
    larger: 'Letra más grande',
    startOver: 'Empezar de nuevo',
  },
] as const;

mkdirSync('artifacts/screens/layout', { recursive: true });

/** Buttons (and the page) that do not fit: each as "screen: label @ box". */
async function misfits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window.innerWidth;
    const h = window.innerHeight;
    const out: string[] = [];
    const name = document.querySelector('[data-screen]')?.getAttribute('data-screen') ?? '?';
    const root = document.scrollingElement!;
    if (root.scrollHeight > h + 1 || root.scrollWidth > w + 1) out.push(`${name}: page scrolls (${root.scrollWidth}×${root.scrollHeight})`);
    const buttons = document.querySelectorAll<HTMLElement>(
      '.actions button, .btn.primary, .topbar button, .desk-return button, .card-action',
    );
    for (const b of Array.from(buttons)) {
      const r = b.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < -1 || r.top < -1 || r.right > w + 1 || r.bottom > h + 1)
        out.push(
          `${name}: "${b.textContent?.trim()}" at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`,
        );
    }
    return out;
  });
}

for (const vp of VIEWPORTS) {
  test(`${vp.width}×${vp.height}: every screen fits and every action is on screen, in each text size and language`, async ({ kiosk }) => {
    test.setTimeout(180_000);
    const { page } = kiosk;
    const p = kiosk.demo.server.scenarios!.twoToday;
    await page.setViewportSize(vp);
    const problems: string[] = [];
    const check = async (label: string) => {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      for (const m of await misfits(page)) problems.push(`${label} ${m}`);
      await page.screenshot({ path: `artifacts/screens/layout/${label.replace(/[^a-z0-9-]+/gi, '_')}.png` });
    };
    for (const l of LANGS) {
      for (const size of TEXT_SIZES) {
        const tag = `${vp.width}x${vp.height}-${l.lang}-t${size}`;
        await expect(screen(page, 'welcome')).toBeVisible();
        await page.locator(`button[lang="${l.lang}"]`).first().click();
        await expect(page.locator('html')).toHaveAttribute('lang', l.lang);
        await page.getByRole('button', { name: l.start, exact: true }).click();
        for (let i = 0; i < size; i++) await page.getByRole('button', { name: new RegExp(`^${l.larger}`) }).click();
        await expect(screen(page, 'last-name')).toBeVisible();
        await check(`${tag}-welcome-after`);
        await page.keyboard.type(p.family);
        await check(`${tag}-last-name`);
        await page.getByRole('button', { name: l.cont, exact: true }).click();
        await expect(screen(page, 'birth-date')).toBeVisible();
        const [y, m, d] = p.birthDate.split('-') as [string, string, string];
        await page.keyboard.type(l.lang === 'es' ? d + m + y : m + d + y);
        await check(`${tag}-birth-date`);
        await page.getByRole('button', { name: l.cont, exact: true }).click();
        await expect(screen(page, 'appointments')).toBeVisible();
        await check(`${tag}-appointments`);
        await page.getByRole('button', { name: l.startOver, exact: true }).click();
        // Start over keeps the language; the text size goes back to normal with the reset.
        await expect(screen(page, 'welcome')).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', l.lang);
        await check(`${tag}-welcome`);
      }
    }
    expect(problems).toEqual([]);
  });
}
