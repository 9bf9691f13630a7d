/**
 * Audio mode's key handling as a pure function: a keypad command (or a digit) on the current screen
 * gives the next audio session, the app actions to dispatch, and what to say. The app state is only
 * read; everything a key does to the visit goes through the same reducer actions a tap would.
 */
import type { AudioCommand, Language } from '../../preload/contract.js';
import { checkDob, dobIso, dobProblemText, fieldOrder, isEmptyDob, type DobDraft } from '../dob.js';
import { formatCalendarDate, todayIn } from '../format.js';
import { canSubmitName } from '../nameEntry.js';
import type { Action, State } from '../state/index.js';
import { press, type Tap } from './multitap.js';
import { screenSpeech, type ScreenSpeech, type SpeechContext } from './script.js';
import { CONTINUE_AT, WHEEL_START, charOf, itemAt, turn, type WheelItem } from './wheel.js';
import type { AudioWords } from './words.js';

export interface AudioSession {
  focus: number;
  wheel: number;
  tap: Tap | null;
  /** A multiple of the configured rate. */
  rate: number;
  volume: number;
}

export const RATE_MIN = 0.5;
export const RATE_MAX = 2;
const RATE_STEP = 0.25;
const VOLUME_STEP = 0.1;

export function newSession(volume: number): AudioSession {
  return { focus: 0, wheel: WHEEL_START, tap: null, rate: 1, volume };
}

export interface Say {
  text: string;
  lang: Language;
}

export interface KeyOutcome {
  session: AudioSession;
  actions: Action[];
  say: Say[];
}

export interface KeyInput {
  command: AudioCommand | null;
  digit: string | null;
}

const round = (n: number) => Math.round(n * 100) / 100;

function wheelLabel(item: WheelItem, w: AudioWords): string {
  return item.kind === 'letter' ? item.ch : w.wheel[item.kind];
}

/** A name letter by letter ("G a r" → "G, A, R"), with the space spoken as a word. */
export function spell(text: string, w: AudioWords): string {
  return Array.from(text)
    .map((ch) => (ch === ' ' ? w.wheel.space : ch === '-' ? w.wheel.hyphen : ch === "'" ? w.wheel.apostrophe : ch.toUpperCase()))
    .join(', ');
}

/** Only before it is submitted: the digits typed so far, field by field. */
export function dobSoFar(d: DobDraft, lang: Language, w: AudioWords): string {
  return fieldOrder(lang)
    .filter((f) => d[f] !== '')
    .map((f) => `${w.dobField[f]} ${[...d[f]].join(' ')}`)
    .join(', ');
}

/** What the screen says on arrival (and on help, with the keys too). */
export function arrivalText(sp: ScreenSpeech, focus: number, w: AudioWords, withKeys = false): string {
  const focused = sp.choices[focus];
  return [sp.intro, sp.task, withKeys ? w.keys : '', focused && !focused.lang ? focused.label : ''].filter(Boolean).join(' ');
}

/**
 * What is said when a screen comes up: its arrival text (with how the keys work when audio mode has
 * just started) and, on the welcome screen, how to reach the other language, in that language.
 */
export function announcement(s: State, c: SpeechContext, withKeys = false): { say: Say[]; focus: number } {
  const sp = screenSpeech(s, c);
  const w = c.w;
  const first: Say = { text: (withKeys ? `${w.audioOn} ${w.keys} ` : '') + arrivalText(sp, sp.focus, w), lang: s.lang };
  const other = s.screen.name === 'welcome' ? s.info?.languages.find((l) => l !== s.lang) : undefined;
  return { say: other ? [first, { text: w.otherLanguage, lang: other }] : [first], focus: sp.focus };
}

/** Screens are announced when this changes: a new screen, or the same screen telling something new. */
export function screenKey(s: State): string {
  return `${s.generation}|${s.lang}|${JSON.stringify(s.screen)}|${s.pending?.slow ? 'slow' : ''}`;
}

export function onKey(s: State, a: AudioSession, input: KeyInput, now: number, c: SpeechContext): KeyOutcome | null {
  const { w } = c;
  const lang = s.lang;
  const out = (session: AudioSession, actions: Action[], ...texts: Array<string | Say>): KeyOutcome => ({
    session,
    actions,
    say: texts.filter((x) => (typeof x === 'string' ? x : x.text)).map((x) => (typeof x === 'string' ? { text: x, lang } : x)),
  });
  const sp = screenSpeech(s, c);
  const cmd = input.command;

  // Keys that mean the same on every screen.
  if (cmd === 'help') {
    const focused = sp.choices[a.focus];
    return out(a, [], arrivalText(sp, a.focus, w, true), ...(focused?.lang ? [{ text: focused.label, lang: focused.lang }] : []));
  }
  if (cmd === 'volumeUp' || cmd === 'volumeDown') {
    const volume = round(Math.min(1, Math.max(VOLUME_STEP, a.volume + (cmd === 'volumeUp' ? VOLUME_STEP : -VOLUME_STEP))));
    return out({ ...a, volume }, [], w.volume(Math.round(volume * 100)));
  }
  if (cmd === 'faster' || cmd === 'slower') {
    const rate = round(Math.min(RATE_MAX, Math.max(RATE_MIN, a.rate + (cmd === 'faster' ? RATE_STEP : -RATE_STEP))));
    const word = rate === a.rate ? (cmd === 'faster' ? w.fastest : w.slowest) : cmd === 'faster' ? w.faster : w.slower;
    return out({ ...a, rate }, [], word);
  }

  switch (sp.input) {
    case 'name':
      return nameKey(s, a, input, now, c, out);
    case 'dob':
      return dobKey(s, a, input, c, out);
    case 'none':
      return cmd || input.digit ? out(a, [], sp.intro) : null;
    case 'choices': {
      const n = sp.choices.length;
      if (!n) return null;
      const sayChoice = (i: number) => {
        const ch = sp.choices[i]!;
        return ch.lang ? { text: ch.label, lang: ch.lang } : ch.label;
      };
      if (cmd === 'up' || cmd === 'down') {
        const focus = (a.focus + (cmd === 'down' ? 1 : -1) + n) % n;
        return out({ ...a, focus }, [], sayChoice(focus));
      }
      if (cmd === 'readBack') return out(a, [], sayChoice(a.focus));
      if (cmd === 'back') {
        // There is no "previous screen" after a result: back goes to the way out, said first.
        const focus = n - 1;
        return out({ ...a, focus }, [], sayChoice(focus));
      }
      if (cmd === 'select') {
        const ch = sp.choices[Math.min(a.focus, n - 1)]!;
        // A card that cannot be checked in: say it again (it already says to see the desk).
        return ch.action ? out(a, [ch.action]) : out(a, [], sayChoice(a.focus));
      }
      return null;
    }
  }
}

type Out = (session: AudioSession, actions: Action[], ...texts: Array<string | Say>) => KeyOutcome;

function nameKey(s: State, a: AudioSession, input: KeyInput, now: number, c: SpeechContext, out: Out): KeyOutcome | null {
  const { w } = c;
  const value = s.screen.name === 'last-name' ? s.patient.familyName : s.patient.givenName;
  const submit: Action = { type: s.screen.name === 'last-name' ? 'submit-family-name' : 'submit-given-name' };
  const type = (ch: string): Action => ({ type: 'type', ch, onScreenKey: true });
  if (input.digit) {
    const r = press(a.tap, input.digit, now);
    if (!r) return null;
    // After a letter from the number keys, select means Continue (the wheel is not in use).
    const next = { ...a, tap: r.tap, wheel: CONTINUE_AT };
    const label = r.ch === ' ' ? w.wheel.space : r.ch === '-' ? w.wheel.hyphen : r.ch === "'" ? w.wheel.apostrophe : r.ch;
    return out(next, r.replace ? [{ type: 'delete' }, type(r.ch)] : [type(r.ch)], label);
  }
  const a2 = { ...a, tap: null };
  switch (input.command) {
    case 'up':
    case 'down': {
      const wheel = turn(a.wheel, input.command === 'down' ? 1 : -1);
      return out({ ...a2, wheel }, [], wheelLabel(itemAt(wheel), w));
    }
    case 'select': {
      const item = itemAt(a.wheel);
      const ch = charOf(item);
      if (ch === null) return canSubmitName(value) ? out(a2, [submit]) : out(a2, [], w.nothingTyped);
      return out(a2, [type(ch)], wheelLabel(item, w));
    }
    case 'back': {
      if (!value) {
        // Nothing to delete: back leaves the question, as the on-screen Back does.
        if (s.screen.name === 'last-name' && s.mode === 'patient') return out(a2, [{ type: 'back' }]);
        return out(a2, [], w.nothingToDelete);
      }
      const last = Array.from(value).at(-1)!;
      return out(a2, [{ type: 'delete' }], w.deleted(spell(last, w)));
    }
    case 'readBack':
      return out(a2, [], value ? w.typedSoFar(spell(value, w)) : w.nothingTyped);
    default:
      return null;
  }
}

function dobKey(s: State, a: AudioSession, input: KeyInput, c: SpeechContext, out: Out): KeyOutcome | null {
  const { t, w } = c;
  const dob = s.patient.dob;
  if (input.digit) return out(a, [{ type: 'dob-digit', digit: input.digit }], input.digit);
  switch (input.command) {
    case 'select': {
      const check = checkDob(dob, todayIn(s.info?.timezone ?? 'UTC'), { order: fieldOrder(s.lang), digits: s.patient.dobDigits });
      // A suggested date is said in words ("May 13, 1980"): digits and slashes are not heard as one date.
      return check.ok
        ? out(a, [{ type: 'submit-birth-date', birthDate: check.iso }])
        : out(a, [], dobProblemText(check, t, (d) => formatCalendarDate(dobIso(d), s.lang)) ?? w.dobIncomplete);
    }
    case 'back':
      if (isEmptyDob(dob)) return out(a, [{ type: 'back' }]);
      return out(a, [{ type: 'dob-delete' }], w.deleted(lastDigit(dob, s.lang)));
    case 'readBack':
      return out(a, [], isEmptyDob(dob) ? w.nothingTyped : w.dobSoFar(dobSoFar(dob, s.lang, w)));
    case 'up':
    case 'down':
      return out(a, [], w.useDigits);
    default:
      return null;
  }
}

function lastDigit(d: DobDraft, lang: Language): string {
  const f = [...fieldOrder(lang)].reverse().find((x) => d[x] !== '');
  return f ? d[f].slice(-1) : '';
}
