import { describe, expect, it } from 'vitest';
import { firstNameOf, formatCalendarDate, formatLongDate, formatTime, todayIn } from '../../../renderer/format.js';

// Intl output uses narrow no-break spaces in some ICU versions; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('format', () => {
  const at = '2025-11-24T16:40:00Z'; // 10:40 in Chicago (CST, UTC-6)

  it('formats times in the clinic zone and the patient language', () => {
    expect(plain(formatTime(at, 'en', 'America/Chicago'))).toBe('10:40 AM');
    expect(plain(formatTime(at, 'es', 'America/Chicago'))).toMatch(/^10:40 a\.\s?m\.$/);
    expect(plain(formatTime(at, 'en', 'America/New_York'))).toBe('11:40 AM');
  });

  it('returns empty text for an unparseable time instead of "Invalid Date"', () => {
    expect(formatTime('not a date', 'en', 'UTC')).toBe('');
  });

  it('survives a bad zone name from config', () => {
    expect(formatTime(at, 'en', 'Not/AZone')).not.toBe('');
  });

  it('formats the long date, capitalised, per language', () => {
    const d = new Date(at);
    expect(formatLongDate(d, 'en', 'America/Chicago')).toBe('Monday, November 24');
    expect(formatLongDate(d, 'es', 'America/Chicago')).toBe('Lunes, 24 de noviembre');
  });

  it('writes a calendar date in words per language, never shifted a day by a zone', () => {
    expect(formatCalendarDate('1980-03-25', 'en')).toBe('March 25, 1980');
    expect(formatCalendarDate('1980-03-25', 'es')).toBe('25 de marzo de 1980');
    expect(formatCalendarDate('2000-01-01', 'en')).toBe('January 1, 2000');
    expect(formatCalendarDate('not a date', 'en')).toBe('');
  });

  it('knows today in the clinic zone, not the machine zone', () => {
    const lateEvening = new Date('2025-11-25T03:30:00Z'); // 21:30 on the 24th in Chicago
    expect(todayIn('America/Chicago', lateEvening)).toEqual({ year: 2025, month: 11, day: 24 });
    expect(todayIn('UTC', lateEvening)).toEqual({ year: 2025, month: 11, day: 25 });
  });

  it('takes the first name out of "First L."', () => {
    expect(firstNameOf('Amara O.')).toBe('Amara');
    expect(firstNameOf('Mary Ann Ñ.')).toBe('Mary Ann');
    expect(firstNameOf('Amara')).toBe('Amara');
    expect(firstNameOf('')).toBe('');
  });
});
