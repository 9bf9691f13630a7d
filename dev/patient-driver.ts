/**
 * Plays one patient by touch in the Chromium host's page: Welcome → "Check in" → last name on the
 * on-screen keyboard → date of birth on the keypad → (first name if asked) → check in → result.
 * Used by the benchmarks, the soak run and the end-to-end tests. Never shipped.
 *
 * Timings: each measured phase is "tap → rendered result", taken *in the page*: a capture listener
 * stamps `performance.now()` at the tap's click event, a MutationObserver stamps the moment the
 * result screen (`[data-screen=…]`) enters the DOM, and the next animation frame after it stands for
 * "rendered". Playwright's own overhead (actionability checks, CDP round trips) is not included.
 * Each phase also carries the Node-side wall-clock window (`Date.now()` before the tap and after the
 * result was seen), which is what request logs are sliced with.
 *
 * In-page code is passed as strings: tsx/esbuild may wrap named functions with helpers that do not
 * exist in the page.
 */
import type { Locator, Page } from 'playwright-core';
import type { CheckInOutcome, ErrorCode, Language } from '../preload/contract.js';
import type { DobField } from '../renderer/dob.js';
import type { Messages } from '../renderer/i18n/en.js';

/** The UI words the driver taps by (accessible names) and reads results by: the renderer's own dictionary type. */
type UiText = Messages;

/**
 * The renderer's own dictionaries and date-field order (never a copy of the words, which would drift
 * from the UI), loaded once on first use. The page must run a build of the same sources: after a
 * renderer change, rebuild (`npm run build`) or the driver will not find the keys it looks for.
 */
let ui: Promise<{ texts: Record<Language, UiText>; fieldOrder: (lang: Language) => readonly DobField[] }> | null = null;
function loadUi() {
  ui ??= (async () => {
    const [enMod, esMod, dobMod] = await Promise.all([
      import('../renderer/i18n/en.js'),
      import('../renderer/i18n/es.js'),
      import('../renderer/dob.js'),
    ]);
    return { texts: { en: enMod.en, es: esMod.es }, fieldOrder: dobMod.fieldOrder };
  })();
  return ui;
}
async function textsFor(lang: Language): Promise<UiText> {
  return (await loadUi()).texts[lang];
}

export interface PatientInput {
  familyName: string;
  /** ISO `YYYY-MM-DD`. */
  birthDate: string;
  /** Typed only if the kiosk asks for it (two people share the birth date and family name). */
  givenName?: string;
  /** Language chosen on the welcome screen; default: whatever is active (English after a reset). */
  lang?: Language;
  /** 'auto' (default): "Check in to all" when several are open, else the one open card's button. */
  checkIn?: 'auto' | 'first' | 'none';
}

export interface DriverOptions {
  /** Max wait for any one screen (covers server faults and retries); default 60 s. */
  stepTimeoutMs?: number;
  /**
   * Tap keyboard and keypad keys at positions read once per screen (real pointer events, no
   * actionability wait per key), then verify what was typed and retype slowly if it differs.
   * Default true. With false, every key is a Playwright `click()` on its accessible role and name.
   */
  fastKeys?: boolean;
  /** Called between steps, e.g. to inject a fault just before a tap. */
  before?: (step: 'find' | 'check-in') => void | Promise<void>;
}

export interface PhaseTiming {
  /** In-page: tap (click event) → next animation frame after the result screen entered the DOM. */
  ms: number;
  /** In-page: tap → result screen in the DOM (before paint). */
  domMs: number;
  /** Node epoch ms just before the tap. */
  from: number;
  /** Node epoch ms once the rendered result was seen. */
  to: number;
  /** The screen that ended the phase. */
  screen: string;
}

export type SessionOutcome =
  CheckInOutcome | 'mixed' | 'not_found' | 'cooldown' | 'no_open_appointment' | 'not_checked_in' | `error:${ErrorCode}` | 'unknown';

export interface PatientRun {
  /** The screen identification ended on. */
  identified: string;
  /** The screen the visit ended on (before returning to welcome). */
  final: string;
  /** `checked_in` only when the screen said so (the done screen). */
  outcome: SessionOutcome;
  /** Per-appointment outcomes when the screen listed them (mixed results). */
  outcomes: string[];
  /** Appointment cards shown, and how many had a check-in button. */
  appointmentsShown: number;
  openShown: number;
  /** The heading of the final screen (for reports). */
  title: string;
  timings: {
    /** Tap Continue on the date of birth → appointments (or other result) rendered. */
    find: PhaseTiming;
    /** Tap Continue on the first name, when asked. */
    firstName?: PhaseTiming;
    /** Tap Check in → confirmation (or other result) rendered. */
    checkIn?: PhaseTiming;
    /** Node epoch ms: first tap on welcome → result seen (not including the return to welcome). */
    session: { from: number; to: number };
  };
}

export class DriverError extends Error {
  override name = 'DriverError';
}

const IDENTIFY_RESULTS = ['appointments', 'first-name', 'message', 'cooldown'];
const CHECKIN_RESULTS = ['done', 'message'];

const screenSel = (name: string) => `[data-screen="${name}"]`;

/** Installs a one-shot probe: the next click's time, then when one of `targets` appears (+1 frame). */
const PROBE = `(targets) => {
  const probe = { tap: 0, dom: 0, frame: 0, screen: '' };
  window.__kioskProbe = probe;
  window.addEventListener('click', () => { if (!probe.tap) probe.tap = performance.now(); }, { capture: true, once: true });
  const mo = new MutationObserver(() => {
    if (probe.dom || !probe.tap) return;
    const hit = targets.find((t) => document.querySelector('[data-screen="' + t + '"]'));
    if (!hit) return;
    probe.dom = performance.now();
    probe.screen = hit;
    mo.disconnect();
    requestAnimationFrame(() => { probe.frame = performance.now(); });
  });
  mo.observe(document.body, { childList: true, subtree: true });
}`;

interface Probe {
  tap: number;
  dom: number;
  frame: number;
  screen: string;
}

/** Plays one patient from the welcome screen to the result; leaves the page on the result screen. */
export async function playPatient(page: Page, input: PatientInput, o: DriverOptions = {}): Promise<PatientRun> {
  const timeout = o.stepTimeoutMs ?? 60_000;
  const fast = o.fastKeys ?? true;
  const welcome = page.locator(screenSel('welcome'));
  await welcome.waitFor({ timeout });
  if (input.lang && (await currentLang(page)) !== input.lang) {
    await welcome.locator(`button[lang="${input.lang}"]`).click({ timeout });
    await page.locator(`html[lang="${input.lang}"]`).waitFor({ timeout });
  }
  const lang = await currentLang(page);
  const t = await textsFor(lang);
  const sessionFrom = Date.now();

  await welcome.getByRole('button', { name: t.checkInStart, exact: true }).click({ timeout });
  await typeName(page, 'last-name', input.familyName, t, fast, timeout);
  await tapContinue(page, 'last-name', t, timeout);

  const dobScreen = page.locator(screenSel('birth-date'));
  await dobScreen.waitFor({ timeout });
  await typeBirthDate(page, input.birthDate, lang, t, fast, timeout);
  await o.before?.('find');
  const find = await measured(page, IDENTIFY_RESULTS, timeout, () => tapContinue(page, 'birth-date', t, timeout));

  let identified = find.screen;
  let firstName: PhaseTiming | undefined;
  if (identified === 'first-name') {
    if (!input.givenName) throw new DriverError('The kiosk asked for a first name and none was given');
    await typeName(page, 'first-name', input.givenName, t, fast, timeout);
    firstName = await measured(page, IDENTIFY_RESULTS, timeout, () => tapContinue(page, 'first-name', t, timeout));
    identified = firstName.screen;
  }

  const base = { identified, outcomes: [] as string[], appointmentsShown: 0, openShown: 0 };
  if (identified !== 'appointments') {
    const { outcome, outcomes, title } = await readResult(page, identified, t, 'identify');
    return {
      ...base,
      final: identified,
      outcome,
      outcomes,
      title,
      timings: { find, ...(firstName ? { firstName } : {}), session: { from: sessionFrom, to: Date.now() } },
    };
  }

  const appts = page.locator(screenSel('appointments'));
  const cards = appts.locator('li[data-appointment]');
  const appointmentsShown = await cards.count();
  const openShown = await appts.locator('li[data-state="open"]').count();
  const all = appts.getByRole('button', { name: t.checkInAll, exact: true });
  const one = appts.getByRole('button', { name: t.checkIn, exact: true });
  const mode = input.checkIn ?? 'auto';
  const target = mode === 'none' || openShown === 0 ? null : mode === 'auto' && openShown > 1 ? all : one.first();
  if (!target) {
    const title = await headingOf(page, 'appointments');
    return {
      ...base,
      appointmentsShown,
      openShown,
      final: 'appointments',
      outcome: openShown === 0 ? 'no_open_appointment' : 'not_checked_in',
      title,
      timings: { find, ...(firstName ? { firstName } : {}), session: { from: sessionFrom, to: Date.now() } },
    };
  }
  await o.before?.('check-in');
  const checkIn = await measured(page, CHECKIN_RESULTS, timeout, () => target.click({ timeout }));
  const { outcome, outcomes, title } = await readResult(page, checkIn.screen, t, 'check-in');
  return {
    ...base,
    appointmentsShown,
    openShown,
    final: checkIn.screen,
    outcome,
    outcomes,
    title,
    timings: { find, ...(firstName ? { firstName } : {}), checkIn, session: { from: sessionFrom, to: Date.now() } },
  };
}

/**
 * Brings the kiosk back to the welcome screen the way a person would: "Done" or "Start over" on
 * whatever screen is showing (the idle warning's "Start over" if it is open), waiting out the
 * "working" screen. Throws if welcome is not reached within the timeout.
 */
export async function resetToWelcome(page: Page, o: { timeoutMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (o.timeoutMs ?? 30_000);
  const welcome = page.locator(screenSel('welcome'));
  while (Date.now() < deadline) {
    if (await welcome.isVisible()) return;
    const t = await textsFor(await currentLang(page));
    const dialog = page.locator('dialog[open]');
    const scope = (await dialog.count()) > 0 ? dialog : page.locator('[data-screen]');
    const button = scope.getByRole('button', { name: new RegExp(`^(${escapeRe(t.done)}|${escapeRe(t.startOver)})$`) }).first();
    if ((await button.count()) > 0) {
      await button.click({ timeout: 5_000 }).catch(() => {});
      await welcome.waitFor({ timeout: 2_000 }).catch(() => {});
    } else {
      // "working" / "loading": nothing to tap, the answer is coming.
      await page.waitForTimeout(100);
    }
  }
  throw new DriverError(`The kiosk did not return to the welcome screen (on "${await currentScreen(page)}")`);
}

/** The `data-screen` of what is showing now ('' if none). */
export async function currentScreen(page: Page): Promise<string> {
  const names = await page.locator('main [data-screen]').evaluateAll((els) => els.map((e) => e.getAttribute('data-screen') ?? ''));
  return names[0] ?? '';
}

async function currentLang(page: Page): Promise<Language> {
  const lang = await page.locator('html').getAttribute('lang');
  return lang === 'es' ? 'es' : 'en';
}

async function headingOf(page: Page, screen: string): Promise<string> {
  return ((await page.locator(`${screenSel(screen)} #screen-title`).textContent()) ?? '').trim();
}

async function tapContinue(page: Page, screen: string, t: UiText, timeout: number) {
  await page.locator(screenSel(screen)).getByRole('button', { name: t.continue, exact: true }).click({ timeout });
}

/** Arms the in-page probe, performs the tap, waits for a result screen's first frame. */
async function measured(page: Page, targets: string[], timeout: number, tap: () => Promise<void>): Promise<PhaseTiming> {
  await page.evaluate(`(${PROBE})(${JSON.stringify(targets)})`);
  const from = Date.now();
  await tap();
  // A function, not a string: the page's CSP forbids eval, and this one has no inner names to mangle.
  await page.waitForFunction(() => ((globalThis as { __kioskProbe?: Probe }).__kioskProbe?.frame ?? 0) > 0, undefined, {
    timeout,
    polling: 'raf',
  });
  const to = Date.now();
  const p = (await page.evaluate('window.__kioskProbe')) as Probe;
  return { ms: p.frame - p.tap, domMs: p.dom - p.tap, from, to, screen: p.screen };
}

/** What the result screen says, read from its structure and the dictionary's exact wording. */
async function readResult(page: Page, screen: string, t: UiText, during: 'identify' | 'check-in') {
  const title = await headingOf(page, screen);
  if (screen === 'done') return { outcome: 'checked_in' as const, outcomes: [], title };
  if (screen === 'cooldown') return { outcome: 'cooldown' as const, outcomes: [], title };
  if (screen !== 'message') return { outcome: 'unknown' as const, outcomes: [], title };
  const outcomes = await page
    .locator(`${screenSel('message')} [data-outcome]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome') ?? ''));
  if (outcomes.length > 0) return { outcome: 'mixed' as const, outcomes, title };
  if (title === t.notFoundTitle) return { outcome: 'not_found' as const, outcomes, title };
  // On a check-in, the outcome titles come first ("failed" shares its words with some error codes).
  if (during === 'check-in') {
    for (const [k, v] of Object.entries(t.outcomeTitle)) if (v === title) return { outcome: k as CheckInOutcome, outcomes, title };
  }
  for (const [k, v] of Object.entries(t.errors)) if (v === title) return { outcome: `error:${k as ErrorCode}` as const, outcomes, title };
  return { outcome: 'unknown' as const, outcomes, title };
}

/* ----------------------------------------------------------------- typing ---------------------------------------------------------------- */

/** Centre, accessible-ish name and class of every key button in the group labelled `label`. */
const KEY_POSITIONS = `(label) => {
  const group = [...document.querySelectorAll('[role="group"]')].find((g) => g.getAttribute('aria-label') === label);
  if (!group) return null;
  return [...group.querySelectorAll('button')].map((b) => {
    const r = b.getBoundingClientRect();
    return { name: (b.getAttribute('aria-label') || b.textContent || '').trim(), cls: b.className, x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
}`;

interface KeyPos {
  name: string;
  cls: string;
  x: number;
  y: number;
}

/**
 * One typing step: a key by its accessible name, or the mode key that swaps letters and accents.
 * The mode key is found by its caption ("accents"/"letters") or its `key-mode` class, so a change of
 * glyph or caption does not break the driver.
 */
type Step = { kind: 'key'; name: string } | { kind: 'type'; ch: string };

/** Letters on the default layout; anything else is looked for on the accent panel, else typed. */
const LAYOUT_LETTER = /^[A-Z]$/;

function stepsFor(name: string, t: UiText): Step[] {
  return [...name.normalize('NFC')].map((ch): Step => {
    if (ch === ' ') return { kind: 'key', name: t.keySpace };
    if (ch === '-' || ch === '\u2010' || ch === '\u2013') return { kind: 'key', name: t.keyHyphen };
    if (ch === "'" || ch === '\u2019' || ch === '\u02bc') return { kind: 'key', name: t.keyApostrophe };
    const upper = ch.toLocaleUpperCase();
    return [...upper].length === 1 ? { kind: 'key', name: upper } : { kind: 'type', ch };
  });
}

function isModeKey(name: string, cls: string, t: UiText): boolean {
  const captions = [t.keyAccents, t.keyLetters].filter((c): c is string => !!c);
  return /\bkey-mode\b/.test(cls) || captions.some((c) => name === c || name.endsWith(c));
}

/** The surface a name is typed on: `find` says where a key is, `press` taps it. */
interface KeySurface {
  keys(): Promise<KeyPos[]>;
  press(k: KeyPos): Promise<void>;
}

async function typeName(page: Page, screen: 'last-name' | 'first-name', name: string, t: UiText, fast: boolean, timeout: number) {
  const root = page.locator(screenSel(screen));
  await root.waitFor({ timeout });
  const want = expectedName(name);
  const keyboard = root.getByRole('group', { name: t.keyboard, exact: true });
  const fastSurface: KeySurface = {
    keys: () => keyPositions(page, t.keyboard),
    press: (k) => page.mouse.click(k.x, k.y),
  };
  // Slow: each key is a Playwright click on its role and name (or the mode key's class), with all checks.
  const slowSurface: KeySurface = {
    keys: () => keyPositions(page, t.keyboard),
    press: (k) =>
      isModeKey(k.name, k.cls, t)
        ? keyboard
            .locator('button.key-mode')
            .or(keyboard.getByRole('button', { name: k.name, exact: true }))
            .first()
            .click({ timeout })
        : keyboard.getByRole('button', { name: k.name, exact: true }).first().click({ timeout }),
  };
  if (fast) {
    await typeOn(page, root, fastSurface, stepsFor(name, t), t);
    if ((await typedText(root)) === want) return;
    await clearTyped(root, t, timeout);
  }
  await typeOn(page, root, slowSurface, stepsFor(name, t), t);
  const got = await typedText(root);
  if (got !== want) throw new DriverError(`Typed "${got}" on the ${screen} screen, expected "${want}" (is build/renderer up to date?)`);
}

async function typeOn(page: Page, root: Locator, surface: KeySurface, steps: Step[], t: UiText) {
  let keys = await surface.keys();
  const letters = () => keys.some((k) => k.name === 'Q');
  const toggle = async () => {
    const mode = keys.find((k) => isModeKey(k.name, k.cls, t));
    if (!mode) throw new DriverError('No accents key on the keyboard (is build/renderer up to date?)');
    const wasLetters = letters();
    await surface.press(mode);
    // The panel re-renders asynchronously: read the keys again once it has switched.
    for (let i = 0; i < 50; i++) {
      keys = await surface.keys();
      if (letters() !== wasLetters) return;
      await page.waitForTimeout(10);
    }
    throw new DriverError('The accents key did not switch the keyboard');
  };
  for (const step of steps) {
    if (step.kind === 'key') {
      const onLayout = LAYOUT_LETTER.test(step.name);
      if (onLayout && !letters()) await toggle();
      let key = keys.find((k) => k.name === step.name);
      if (!key && !onLayout && step.name.length === 1) {
        await toggle(); // the other panel may have it
        key = keys.find((k) => k.name === step.name);
      }
      if (key) {
        await surface.press(key);
        continue;
      }
    }
    await typeFallback(page, root, step.kind === 'type' ? step.ch : step.name);
  }
  if (!letters()) await toggle();
}

/** What the name field should show, compared case-insensitively (on-screen keys are name-cased). */
function expectedName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\u2019\u02bc]/g, "'")
    .trim()
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase();
}

async function typedText(root: Locator): Promise<string> {
  const text =
    (await root
      .locator('.typed-text')
      .textContent()
      .catch(() => null)) ?? '';
  return expectedName(text);
}

/** A character the on-screen keyboard does not offer: typed on a physical keyboard, as staff would. */
async function typeFallback(page: Page, root: Locator, ch: string) {
  await root
    .locator('.typed')
    .focus()
    .catch(() => {});
  await page.keyboard.type(ch);
}

async function clearTyped(root: Locator, t: UiText, timeout: number) {
  const del = root.getByRole('button', { name: t.keyDelete, exact: true });
  for (let i = 0; i < 80 && (await typedText(root)) !== ''; i++) await del.click({ timeout });
}

async function keyPositions(page: Page, groupLabel: string): Promise<KeyPos[]> {
  const keys = (await page.evaluate(`(${KEY_POSITIONS})(${JSON.stringify(groupLabel)})`)) as KeyPos[] | null;
  if (!keys) throw new DriverError(`No "${groupLabel}" group on screen (is build/renderer up to date?)`);
  return keys;
}

/** Digits in the language's field order (en: month/day/year; es: day/month/year). */
export async function dobDigits(birthDate: string, lang: Language): Promise<string> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m) throw new DriverError(`Not an ISO date: ${birthDate}`);
  const parts: Record<DobField, string> = { year: m[1]!, month: m[2]!, day: m[3]! };
  const { fieldOrder } = await loadUi();
  return fieldOrder(lang)
    .map((f) => parts[f])
    .join('');
}

async function typeBirthDate(page: Page, birthDate: string, lang: Language, t: UiText, fast: boolean, timeout: number) {
  const root = page.locator(screenSel('birth-date'));
  const digits = await dobDigits(birthDate, lang);
  const shown = async () => (await root.locator('.dob-typed').allTextContents()).join('');
  if (fast) {
    const keys = await keyPositions(page, t.keypad);
    for (const d of digits) {
      const k = keys.find((x) => x.name === d);
      if (!k) throw new DriverError(`No key ${d} on the keypad`);
      await page.mouse.click(k.x, k.y);
    }
    if ((await shown()) === digits) return;
    await root.getByRole('button', { name: t.keyClear, exact: true }).click({ timeout });
  }
  const keypad = root.getByRole('group', { name: t.keypad, exact: true });
  for (const d of digits) await keypad.getByRole('button', { name: d, exact: true }).click({ timeout });
  const got = await shown();
  if (got !== digits) throw new DriverError(`Keypad shows "${got}", expected "${digits}"`);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
