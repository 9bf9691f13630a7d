/**
 * Date of birth entered on a keypad. Field order follows the language (en: month/day/year,
 * es: day/month/year); digits flow from field to field. Output is an ISO `YYYY-MM-DD`.
 */
import type { Language } from '../preload/contract.js';

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

export function isEmptyDob(d: DobDraft): boolean {
  return d.month === '' && d.day === '' && d.year === '';
}

export type DobCheck = { ok: true; iso: string } | { ok: false; reason: 'incomplete' | 'not_a_date' | 'future' | 'too_old' };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Validates as the patient types: a full field that is already impossible is reported at once
 * (month 13, day 00, year 1850), otherwise "incomplete" until every field is filled.
 */
export function checkDob(d: DobDraft, today: DayParts): DobCheck {
  const full = (f: DobField) => d[f].length === FIELD_LENGTH[f];
  const month = Number(d.month);
  const day = Number(d.day);
  const year = Number(d.year);
  if (full('month') && (month < 1 || month > 12)) return { ok: false, reason: 'not_a_date' };
  if (full('day') && (day < 1 || day > 31)) return { ok: false, reason: 'not_a_date' };
  if (full('year') && year < EARLIEST_YEAR) return { ok: false, reason: 'too_old' };
  if (full('year') && year > today.year) return { ok: false, reason: 'future' };
  if (!full('month') || !full('day') || !full('year')) return { ok: false, reason: 'incomplete' };
  if (day > daysInMonth(year, month)) return { ok: false, reason: 'not_a_date' };
  const key = (p: DayParts) => p.year * 10000 + p.month * 100 + p.day;
  if (key({ year, month, day }) > key(today)) return { ok: false, reason: 'future' };
  return { ok: true, iso: `${d.year}-${d.month}-${d.day}` };
}
