/** Dates and times for the patient, in the clinic's time zone and the patient's language (Intl only). */
import type { Language } from '../preload/contract.js';
import type { DayParts } from './dob.js';

export const LOCALES: Readonly<Record<Language, string>> = { en: 'en-US', es: 'es-US' };

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Language, timeZone: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${lang}|${timeZone}|${JSON.stringify(opts)}`;
  let f = cache.get(id);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(LOCALES[lang], { ...opts, timeZone });
    } catch {
      // A bad zone name in config must not blank the screen: fall back to the machine's zone.
      f = new Intl.DateTimeFormat(LOCALES[lang], opts);
    }
    cache.set(id, f);
  }
  return f;
}

function toDate(value: string | Date): Date | null {
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "10:40 AM" / "10:40 a.m."; empty for an unparseable value rather than "Invalid Date". */
export function formatTime(value: string | Date, lang: Language, timeZone: string): string {
  const d = toDate(value);
  return d ? formatter(lang, timeZone, { hour: 'numeric', minute: '2-digit' }).format(d) : '';
}

/** "Monday, November 24" / "Lunes, 24 de noviembre" (capitalised: it stands alone as a heading). */
export function formatLongDate(value: Date, lang: Language, timeZone: string): string {
  const d = toDate(value);
  if (!d) return '';
  const s = formatter(lang, timeZone, { weekday: 'long', month: 'long', day: 'numeric' }).format(d);
  return s.charAt(0).toLocaleUpperCase(LOCALES[lang]) + s.slice(1);
}

/** A calendar date (ISO `YYYY-MM-DD`) in words: "March 25, 1980" / "25 de marzo de 1980"; no zone shifts it. */
export function formatCalendarDate(iso: string, lang: Language): string {
  const d = toDate(`${iso}T12:00:00Z`);
  return d ? formatter(lang, 'UTC', { year: 'numeric', month: 'long', day: 'numeric' }).format(d) : '';
}

/** Today's calendar date in the clinic's zone (a birth date "in the future" is judged there). */
export function todayIn(timeZone: string, now: Date = new Date()): DayParts {
  const parts = formatter('en', timeZone, { year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** "Amara O." → "Amara": main sends first name + last initial; the thank-you uses the first name. */
export function firstNameOf(greetingName: string): string {
  return greetingName.trim().replace(/\s+\p{Lu}\.?$/u, '');
}
