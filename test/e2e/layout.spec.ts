/**
 * Every layout the kiosk ships on (issue 11), in every text size, in high contrast and in both
 * languages: each patient screen fits without scrolling, every action button is wholly on screen and
 * not cut off by a clipping ancestor, and the title's text is not clipped.
 *
 * One page per viewport and language; every screen is reached through the real UI against the demo
 * server's patients and measured in each look (text size steps through the top bar's own toggle).
 * Screenshots of each go to artifacts/screens/layout/ for review.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { startsOpenAt } from '../../dev/demo-server/index.js';
import { playPatient } from '../../dev/patient-driver.js';
import type { Language } from '../../preload/contract.js';
import { en, type Messages } from '../../renderer/i18n/en.js';
import { es } from '../../renderer/i18n/es.js';
import { LANGUAGE_NAMES } from '../../renderer/i18n/index.js';
import { TEXT_SIZES, type ScreenName } from '../../renderer/state/model.js';
import { expect, screen, tenAm, test } from './fixtures.js';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
] as const;
const TEXTS: Record<Language, Messages> = { en, es };

/** Every text size; high contrast (thicker borders) at the largest, where room is tightest. */
const LOOKS = [...Array.from({ length: TEXT_SIZES }, (_, size) => ({ size, contrast: false })), { size: TEXT_SIZES - 1, contrast: true }];

const SHOTS = 'artifacts/screens/layout';
// The desk countdown at its longest, so a screen cannot clear itself while it is being measured.
test.use({ demoOptions: { config: { kiosk: { deskReturnSeconds: 120 } } } });
mkdirSync(SHOTS, { recursive: true });

/** Where a step is, and what it must offer: the labels of its action buttons, and how many Check in buttons its cards have. */
interface Expected {
  screen: ScreenName;
  actions: string[];
  cards?: number;
}

interface Measured {
  screen: string;
  problems: string[];
  actions: string[];
  cards: number;
}

/**
 * Runs in the page. The action buttons are the screen's action area (welcome's included), the cards'
 * Check in buttons, "Check in for all", the desk countdown's Stay and the top bar; every other button
 * (keys, keypad) must fit as well. A clipping ancestor is any element whose overflow is not visible.
 */
function measure(): Measured {
  const view = { left: 0, top: 0, right: document.documentElement.clientWidth, bottom: document.documentElement.clientHeight };
  const problems: string[] = [];
  const root = document.scrollingElement ?? document.documentElement;
  if (root.scrollHeight > root.clientHeight) problems.push(`the page scrolls vertically (${root.scrollHeight} > ${root.clientHeight})`);
  if (root.scrollWidth > root.clientWidth) problems.push(`the page scrolls horizontally (${root.scrollWidth} > ${root.clientWidth})`);
  type Box = { left: number; top: number; right: number; bottom: number };
  const fmt = (r: Box) => `${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`;
  // Sub-pixel layout: half a pixel is rounding, not clipping.
  const inside = (r: Box, c: Box, slackY = 0.5) =>
    r.left >= c.left - 0.5 && r.top >= c.top - slackY && r.right <= c.right + 0.5 && r.bottom <= c.bottom + slackY;
  // A line of text's box is the font's full height, which a tight line-height lets stick out of its
  // block by a few pixels with no glyph cut: a line counts as clipped once a quarter of it is.
  const textInside = (r: DOMRect, c: Box) => inside(r, c, r.height / 4);
  /** The boxes that clip `el` (its padding boxes), from `el` itself when `self`, up to (not including) body. */
  const clippers = (el: Element, self: boolean): Array<{ box: Box; what: string }> => {
    const out: Array<{ box: Box; what: string }> = [];
    for (let a: Element | null = self ? el : el.parentElement; a && a !== document.body; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
      const r = a.getBoundingClientRect();
      const left = r.left + a.clientLeft;
      const top = r.top + a.clientTop;
      out.push({
        box: {
          left: cs.overflowX === 'visible' ? -Infinity : left,
          right: cs.overflowX === 'visible' ? Infinity : left + a.clientWidth,
          top: cs.overflowY === 'visible' ? -Infinity : top,
          bottom: cs.overflowY === 'visible' ? Infinity : top + a.clientHeight,
        },
        what: `${a.tagName.toLowerCase()}${a.className && typeof a.className === 'string' ? '.' + a.className.trim().split(/\s+/).join('.') : ''}`,
      });
    }
    return out;
  };
  const textRects = (el: Element) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
  };
  const label = (b: Element) => (b.textContent ?? '').replace(/\s+/g, ' ').trim();

  const actionSel = '[data-screen] .actions button, [data-screen] .welcome-actions button';
  const cardSel = '[data-screen] .card-action';
  const named = new Set<Element>(
    Array.from(document.querySelectorAll(`${actionSel}, ${cardSel}, .check-all, .desk-return button, .topbar button`)),
  );
  const rendered = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  for (const b of Array.from(document.querySelectorAll('button'))) {
    const r = b.getBoundingClientRect();
    if (!rendered(b)) {
      if (named.has(b)) problems.push(`"${label(b)}" is not rendered`);
      continue;
    }
    if (!inside(r, view)) problems.push(`"${label(b)}" is outside the viewport at ${fmt(r)}`);
    for (const c of clippers(b, false))
      if (!inside(r, c.box)) problems.push(`"${label(b)}" at ${fmt(r)} is clipped by ${c.what} (${fmt(c.box)})`);
  }

  const title = document.querySelector('[data-screen] #screen-title');
  const lines = title ? textRects(title) : [];
  if (!title || lines.length === 0) problems.push('no title text');
  else {
    const clip = clippers(title, true);
    for (const r of lines) {
      if (!textInside(r, view)) problems.push(`title text outside the viewport at ${fmt(r)}`);
      for (const c of clip) if (!textInside(r, c.box)) problems.push(`title text at ${fmt(r)} is clipped by ${c.what}`);
    }
  }

  const screens = Array.from(document.querySelectorAll('main [data-screen]'), (s) => s.getAttribute('data-screen') ?? '');
  return {
    screen: screens.join('+'),
    problems,
    actions: Array.from(document.querySelectorAll(actionSel)).filter(rendered).map(label),
    cards: Array.from(document.querySelectorAll(cardSel)).filter(rendered).length,
  };
}

/** The classes App.tsx puts on <html> for a look: measuring waits for them (they follow the render). */
async function lookApplied(page: Page, size: number, contrast: boolean) {
  await page.waitForFunction(
    ([size, contrast]) => {
      const c = document.documentElement.classList;
      return (
        c.contains('large-text') === (size === 1) && c.contains('larger-text') === (size === 2) && c.contains('high-contrast') === contrast
      );
    },
    [size, contrast] as const,
  );
}

for (const vp of VIEWPORTS) {
  for (const lang of ['en', 'es'] as const) {
    test(`${vp.width}×${vp.height} ${lang}: every patient screen fits in every text size and in high contrast`, async ({ kiosk }) => {
      test.setTimeout(120_000);
      const { page } = kiosk;
      const t = TEXTS[lang];
      const s = kiosk.demo.server.scenarios!;
      const topbar = page.locator('.topbar');
      const sizeToggle = topbar.getByRole('button', { name: new RegExp(`^${t.largerText}`) });
      const contrastToggle = topbar.getByRole('button', { name: t.highContrast, exact: true });
      const problems: string[] = [];
      let look = { size: 0, contrast: false };

      /** Steps the top bar's toggles (as a patient would) to a look, and waits for it to apply. */
      const setLook = async (want: { size: number; contrast: boolean }) => {
        while (look.size !== want.size) {
          await sizeToggle.click();
          look = { ...look, size: (look.size + 1) % TEXT_SIZES };
        }
        if (look.contrast !== want.contrast) {
          await contrastToggle.click();
          look = { ...look, contrast: want.contrast };
        }
        await lookApplied(page, look.size, look.contrast);
      };
      /** Measures the screen showing now in every look, then goes back to normal text for the next step. */
      const check = async (name: string, expected: Expected) => {
        for (const want of LOOKS) {
          await setLook(want);
          const tag = `${vp.width}x${vp.height}-${lang}-${name}-t${look.size}${look.contrast ? '-hc' : ''}`;
          const m = await page.evaluate(measure);
          // A screen that moved on by itself (Done's return, the desk countdown) would be measured in its place.
          if (m.screen !== expected.screen) problems.push(`${tag}: expected the ${expected.screen} screen, found "${m.screen}"`);
          for (const p of m.problems) problems.push(`${tag}: ${p}`);
          for (const a of expected.actions)
            if (!m.actions.includes(a)) problems.push(`${tag}: no "${a}" in the actions (${m.actions.join(', ')})`);
          if (m.cards !== (expected.cards ?? 0)) problems.push(`${tag}: ${m.cards} card Check in buttons, expected ${expected.cards ?? 0}`);
          await page.screenshot({ path: `${SHOTS}/${tag}.png` });
        }
        await setLook({ size: 0, contrast: false });
      };
      const done = () => page.locator('[data-screen]').getByRole('button', { name: t.done, exact: true }).click();

      await page.setViewportSize(vp);
      await page.locator(`[data-screen="welcome"] button[lang="${lang}"]`).click();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await check('welcome', { screen: 'welcome', actions: [...Object.values(LANGUAGE_NAMES), t.checkInStart] });

      // Two appointments: the questions on the way, both cards, one checked in (the other still open), then done.
      const two = s.twoToday;
      await screen(page, 'welcome').getByRole('button', { name: t.checkInStart, exact: true }).click();
      await expect(screen(page, 'last-name')).toBeVisible();
      await page.keyboard.type(two.family);
      await check('last-name', { screen: 'last-name', actions: [t.back, t.startOver, t.continue] });
      await screen(page, 'last-name').getByRole('button', { name: t.continue, exact: true }).click();
      await expect(screen(page, 'birth-date')).toBeVisible();
      const [y, m, d] = two.birthDate.split('-') as [string, string, string];
      await page.keyboard.type(lang === 'es' ? d + m + y : m + d + y);
      await check('birth-date', { screen: 'birth-date', actions: [t.back, t.startOver, t.continue] });
      await screen(page, 'birth-date').getByRole('button', { name: t.continue, exact: true }).click();
      await expect(screen(page, 'appointments').locator('li[data-appointment]')).toHaveCount(2);
      await check('appointments-two', { screen: 'appointments', actions: [t.startOver], cards: 2 });
      await screen(page, 'appointments').getByRole('button', { name: t.checkIn, exact: true }).first().click();
      await expect(screen(page, 'message')).toContainText(t.checkedInSoFar);
      await check('checked-in-one-of-two', { screen: 'message', actions: [t.done], cards: 1 });
      await screen(page, 'message').getByRole('button', { name: t.checkIn, exact: true }).click();
      await expect(screen(page, 'done').locator('li[data-appointment]')).toHaveCount(2);
      await check('done-two', { screen: 'done', actions: [t.done] });
      await done();

      // One appointment, checked in.
      const one = s.accented;
      await playPatient(page, { familyName: one.family, birthDate: one.birthDate, lang, checkIn: 'none' }, { stepTimeoutMs: 20_000 });
      await expect(screen(page, 'appointments').locator('li[data-appointment]')).toHaveCount(1);
      await check('appointments-one', { screen: 'appointments', actions: [t.startOver], cards: 1 });
      await screen(page, 'appointments').getByRole('button', { name: t.checkIn, exact: true }).click();
      await expect(screen(page, 'done')).toBeVisible();
      await check('done-one', { screen: 'done', actions: [t.done] });
      await done();

      // Mixed results: one checked in, one the server did not take (recorded for the desk).
      const booked = await kiosk.demo.server.book({ starts: startsOpenAt(tenAm(), 2) });
      await playPatient(page, { familyName: booked.family, birthDate: booked.birthDate, lang, checkIn: 'none' }, { stepTimeoutMs: 20_000 });
      const second = booked.appointmentIds[1]!;
      kiosk.demo.server.faults.add({ method: 'PUT', path: `/Appointment/${second}`, kind: 'status', status: 503, retryAfterSeconds: 900 });
      await screen(page, 'appointments').getByRole('button', { name: t.checkInAll, exact: true }).click();
      await expect(screen(page, 'message').locator('li[data-outcome="recorded_offline"]')).toHaveCount(1);
      await expect(screen(page, 'message').locator('li[data-outcome="checked_in"]')).toHaveCount(1);
      await check('mixed-results', { screen: 'message', actions: [t.done] });
      await done();

      // Nothing to check in yet, or already done: the appointments screen says what to do and ends with Done.
      for (const [name, p] of [
        ['too-early', s.tooEarly],
        ['already-checked-in', s.alreadyCheckedIn],
      ] as const) {
        await playPatient(page, { familyName: p.family, birthDate: p.birthDate, lang }, { stepTimeoutMs: 20_000 });
        await expect(screen(page, 'appointments')).toHaveClass(/nothing-open/);
        await check(name, { screen: 'appointments', actions: [t.done] });
        await done();
      }

      // Not found: Try again and Start over.
      await playPatient(page, { familyName: 'Nobody', birthDate: '1991-01-11', lang }, { stepTimeoutMs: 20_000 });
      await expect(screen(page, 'message')).toContainText(t.notFoundTitle);
      await check('not-found', { screen: 'message', actions: [t.startOver, t.tryAgain] });

      expect(problems).toEqual([]);
    });
  }
}
