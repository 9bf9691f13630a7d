/**
 * Date of birth entered on a keypad. Field order follows the language (en: month/day/year,
 * es: day/month/year); digits flow from field to field. Output is an ISO `YYYY-MM-DD`.
 */
import type { Language } from '../preload/contract.js';
import type { Messages } from './i18n/index.js';

export type DobField = 'month' | 'day' | 'year';
export type DobDraft = Readonly<Record<DobField, string>>;
export interface DayParts {
  year: number;
  month: number;
  day: number;
}

export const EMPTY_DOB: DobDraft = { month: '', day: '', year: '' };
export const FIELD_LENGTH: Readonly<Record<DobField, number>> = { month: 2, day: 2, year: 4 };
export const EARLIEST_YEAR = 1900;
/** Digits in a whole date. */
export const DOB_DIGITS = FIELD_LENGTH.month + FIELD_LENGTH.day + FIELD_LENGTH.year;

const ORDER: Readonly<Record<Language, readonly DobField[]>> = {
  en: ['month', 'day', 'year'],
  es: ['day', 'month', 'year'],
};

export function fieldOrder(lang: Language): readonly DobField[] {
  return ORDER[lang];
}

/** The field the next digit goes into, or null when all are full. */
export function activeField(d: DobDraft, order: readonly DobField[]): DobField | null {
  return order.find((f) => d[f].length < FIELD_LENGTH[f]) ?? null;
}

export function typeDigit(d: DobDraft, order: readonly DobField[], digit: string): DobDraft {
  const f = activeField(d, order);
  if (!f || !/^[0-9]$/.test(digit)) return d;
  // A first digit that cannot start a month (2-9) or a day (4-9) is a single-digit value: "5" is May.
  const single = d[f] === '' && ((f === 'month' && digit > '1') || (f === 'day' && digit > '3'));
  return { ...d, [f]: single ? `0${digit}` : d[f] + digit };
}

export function deleteDigit(d: DobDraft, order: readonly DobField[]): DobDraft {
  const f = [...order].reverse().find((x) => d[x] !== '');
  return f ? { ...d, [f]: d[f].slice(0, -1) } : d;
}

/** The digits as pressed (a "5" that became "05" is one digit), kept beside the draft to read them in the other order. */
export interface TypedDigits {
  order: readonly DobField[];
  digits: string;
}

/** The digits typed into an empty draft in this order. */
function replay(digits: string, order: readonly DobField[]): DobDraft {
  return [...digits].reduce((d, digit) => typeDigit(d, order, digit), EMPTY_DOB);
}

const sameFields = (a: DobDraft, b: DobDraft) => a.month === b.month && a.day === b.day && a.year === b.year;

export function isEmptyDob(d: DobDraft): boolean {
  return d.month === '' && d.day === '' && d.year === '';
}

/** What the birth-date step shows as its example: a day above 12, so the order cannot be misread. */
export const EXAMPLE_DOB: DobDraft = { month: '03', day: '25', year: '1980' };

/** A draft as the mask shows it, in the language's order: "03/25/1980" (en), "25/03/1980" (es). */
export function formatDob(d: DobDraft, order: readonly DobField[]): string {
  return order.map((f) => d[f]).join('/');
}

/** The ISO `YYYY-MM-DD` of a full draft. */
export const dobIso = (d: DobDraft) => `${d.year}-${d.month}-${d.day}`;

export type DobProblem = 'incomplete' | 'not_a_date' | 'future' | 'too_old';
/**
 * `swapped`: not a date in the expected order, but a real one with day and month the other way round
 * (`swapped` is that date): most likely typed in the other order, so the patient gets a hint, not a miss.
 */
export type DobCheck = { ok: true; iso: string } | { ok: false; reason: DobProblem } | { ok: false; reason: 'swapped'; swapped: DobDraft };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Validates as the patient types: a full field that is already impossible is reported at once
 * (month 13, day 00, day 30 of February, year 1850), otherwise "incomplete" until every field is
 * filled. A day and month that only make sense the other way round get `swapped`. Given the digits as
 * typed, they are also read in the other order: "2 5 1 2 1 9 8 0" on a month-first keypad fills
 * 02/05/1219 (a "2" cannot start a month), but read day first it is 25/12/1980.
 */
export function checkDob(d: DobDraft, today: DayParts, typed?: TypedDigits): DobCheck {
  const plain = checkInOrder(d, today);
  if (plain.ok || plain.reason === 'incomplete') return plain;
  if (plain.reason === 'not_a_date' && d.month.length === 2 && d.day.length === 2) {
    const swapped: DobDraft = { ...d, month: d.day, day: d.month };
    const other = checkInOrder(swapped, today);
    if (other.ok || other.reason === 'incomplete') return { ok: false, reason: 'swapped', swapped };
  }
  // Only when the draft is exactly what its digits make (no edit undid the flow), and the other reading is a whole, real date.
  if (typed?.digits && sameFields(replay(typed.digits, typed.order), d)) {
    const other = replay(typed.digits, typed.order[0] === 'month' ? ORDER.es : ORDER.en);
    if (checkInOrder(other, today).ok) return { ok: false, reason: 'swapped', swapped: other };
  }
  return plain;
}

/**
 * What the patient is told about a draft that is not a date (null while it is only incomplete), for
 * the screen and for audio alike; `swappedAs` writes the suggested date (a mask on screen, words aloud).
 */
export function dobProblemText(
  check: DobCheck,
  t: Pick<Messages, 'dobSwapped' | 'dobNotADate' | 'dobFuture' | 'dobTooOld'>,
  swappedAs: (d: DobDraft) => string,
): string | null {
  if (check.ok) return null;
  switch (check.reason) {
    case 'swapped':
      return t.dobSwapped(swappedAs(check.swapped));
    case 'not_a_date':
      return t.dobNotADate;
    case 'future':
      return t.dobFuture;
    case 'too_old':
      return t.dobTooOld;
    case 'incomplete':
      return null;
  }
}

function checkInOrder(d: DobDraft, today: DayParts): { ok: true; iso: string } | { ok: false; reason: DobProblem } {
  const full = (f: DobField) => d[f].length === FIELD_LENGTH[f];
  const month = Number(d.month);
  const day = Number(d.day);
  const year = Number(d.year);
  if (full('month') && (month < 1 || month > 12)) return { ok: false, reason: 'not_a_date' };
  if (full('day') && (day < 1 || day > 31)) return { ok: false, reason: 'not_a_date' };
  // Before the year is typed, a day is judged against the longest such month (February 29 may still be real).
  if (full('month') && full('day') && day > daysInMonth(full('year') ? year : 2000, month)) return { ok: false, reason: 'not_a_date' };
  if (full('year') && year < EARLIEST_YEAR) return { ok: false, reason: 'too_old' };
  if (full('year') && year > today.year) return { ok: false, reason: 'future' };
  if (!full('month') || !full('day') || !full('year')) return { ok: false, reason: 'incomplete' };
  const key = (p: DayParts) => p.year * 10000 + p.month * 100 + p.day;
  if (key({ year, month, day }) > key(today)) return { ok: false, reason: 'future' };
  return { ok: true, iso: dobIso(d) };
}
