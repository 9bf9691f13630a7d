/**
 * A blind patient at the keypad, for the audio e2e specs: keyboard input only (page.keyboard, never
 * a pointer), every key counted, and the transcript main's Speaker was asked to say.
 */
import type { Page } from '@playwright/test';
import { MULTITAP_MS, TAP_LETTERS } from '../../renderer/audio/multitap.js';
import { expect, type KioskFixture } from './fixtures.js';

export interface Keypad {
  presses: number;
  press(key: string, times?: number): Promise<void>;
  /** Letters by multi-tap on the digit keys, pausing when two letters share a key. */
  typeName(name: string): Promise<void>;
  digits(d: string): Promise<void>;
  /** Waits until something said since `from` contains `text`; returns it. */
  hears(text: string | RegExp, from?: number): Promise<string>;
  /** Everything said from index `from`. */
  since(from: number): string;
  mark(): number;
}

export function tapsFor(ch: string): { digit: string; times: number } {
  const up = ch.toUpperCase();
  for (const [digit, letters] of Object.entries(TAP_LETTERS)) {
    const i = letters.indexOf(up);
    if (i >= 0) return { digit, times: i + 1 };
  }
  throw new Error(`no key for ${ch}`);
}

export async function keypad(k: KioskFixture): Promise<Keypad> {
  const page: Page = k.page;
  await expect(page.locator('[data-screen="welcome"]')).toBeVisible();
  // Proof that no pointer was used: every pointer event on the page is counted.
  await page.evaluate(() => {
    (window as unknown as { __pointers: number }).__pointers = 0;
    for (const t of ['pointerdown', 'pointerup', 'click', 'mousedown', 'touchstart'])
      document.addEventListener(
        t,
        (e) => {
          if ((e as MouseEvent).detail > 0 || t !== 'click') (window as unknown as { __pointers: number }).__pointers++;
        },
        { capture: true },
      );
  });
  const pad: Keypad = {
    presses: 0,
    async press(key, times = 1) {
      for (let i = 0; i < times; i++) {
        await page.keyboard.press(key);
        pad.presses++;
      }
    },
    async typeName(name) {
      let last = '';
      for (const ch of name) {
        const { digit, times } = tapsFor(ch);
        if (digit === last) await page.waitForTimeout(MULTITAP_MS + 200);
        await pad.press(digit, times);
        last = digit;
      }
    },
    async digits(d) {
      for (const ch of d) await pad.press(ch);
    },
    since: (from) =>
      k.said
        .slice(from)
        .map((u) => u.text)
        .join('\n'),
    mark: () => k.said.length,
    async hears(text, from = 0) {
      await expect
        .poll(() => pad.since(from), { timeout: 15_000 })
        .toMatch(typeof text === 'string' ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : text);
      return pad.since(from);
    },
  };
  return pad;
}

export async function pointerEvents(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __pointers: number }).__pointers);
}

/** The birth date as the keypad takes it: MMDDYYYY in English, DDMMYYYY in Spanish. */
export function dobKeys(iso: string, lang: 'en' | 'es'): string {
  const [y, m, d] = iso.split('-');
  return lang === 'en' ? `${m}${d}${y}` : `${d}${m}${y}`;
}
