import { describe, expect, it } from 'vitest';
import {
  EMPTY_DOB,
  EXAMPLE_DOB,
  activeField,
  checkDob,
  deleteDigit,
  fieldOrder,
  formatDob,
  typeDigit,
  type DobDraft,
} from '../../../renderer/dob.js';

const today = { year: 2025, month: 11, day: 24 };
const typeAll = (digits: string, lang: 'en' | 'es' = 'en'): DobDraft =>
  [...digits].reduce((d, c) => typeDigit(d, fieldOrder(lang), c), EMPTY_DOB);

describe('date of birth entry', () => {
  it('orders fields by language', () => {
    expect(fieldOrder('en')).toEqual(['month', 'day', 'year']);
    expect(fieldOrder('es')).toEqual(['day', 'month', 'year']);
  });

  it('fills month, day, year in English order and produces ISO', () => {
    const d = typeAll('03141988');
    expect(d).toEqual({ month: '03', day: '14', year: '1988' });
    expect(checkDob(d, today)).toEqual({ ok: true, iso: '1988-03-14' });
  });

  it('fills day, month, year in Spanish order and produces the same ISO', () => {
    const d = typeAll('14031988', 'es');
    expect(d).toEqual({ day: '14', month: '03', year: '1988' });
    expect(checkDob(d, today)).toEqual({ ok: true, iso: '1988-03-14' });
  });

  it('treats a first digit that cannot start a month or day as a single digit', () => {
    expect(typeAll('5')).toEqual({ month: '05', day: '', year: '' });
    expect(typeAll('57')).toEqual({ month: '05', day: '07', year: '' });
    expect(typeAll('1')).toEqual({ month: '1', day: '', year: '' });
    expect(typeAll('3', 'es')).toEqual({ day: '3', month: '', year: '' });
    expect(typeAll('4', 'es')).toEqual({ day: '04', month: '', year: '' });
  });

  it('ignores digits once full, and non-digits', () => {
    const full = typeAll('03141988');
    expect(typeDigit(full, fieldOrder('en'), '1')).toBe(full);
    expect(typeDigit(EMPTY_DOB, fieldOrder('en'), 'x')).toBe(EMPTY_DOB);
    expect(activeField(full, fieldOrder('en'))).toBeNull();
  });

  it('deletes backwards across fields', () => {
    const order = fieldOrder('en');
    let d = typeAll('031');
    expect(activeField(d, order)).toBe('day');
    d = deleteDigit(d, order);
    expect(d).toEqual({ month: '03', day: '', year: '' });
    d = deleteDigit(deleteDigit(d, order), order);
    expect(d).toEqual(EMPTY_DOB);
    expect(deleteDigit(d, order)).toBe(d);
  });

  it('is incomplete until every field is full', () => {
    expect(checkDob(EMPTY_DOB, today)).toEqual({ ok: false, reason: 'incomplete' });
    expect(checkDob(typeAll('0314198'), today)).toEqual({ ok: false, reason: 'incomplete' });
  });

  it('rejects dates that do not exist, as early as possible', () => {
    expect(checkDob(typeAll('13'), today)).toEqual({ ok: false, reason: 'not_a_date' });
    expect(checkDob(typeAll('00'), today)).toEqual({ ok: false, reason: 'not_a_date' });
    expect(checkDob(typeAll('0132'), today)).toEqual({ ok: false, reason: 'not_a_date' });
    expect(checkDob(typeAll('02302001'), today)).toEqual({ ok: false, reason: 'not_a_date' });
    expect(checkDob(typeAll('02292001'), today)).toEqual({ ok: false, reason: 'not_a_date' });
    expect(checkDob(typeAll('02292000'), today)).toEqual({ ok: true, iso: '2000-02-29' });
    expect(checkDob(typeAll('04312000'), today)).toEqual({ ok: false, reason: 'not_a_date' });
  });

  it('rejects the future (judged on the clinic date) and years before 1900', () => {
    expect(checkDob(typeAll('11242025'), today)).toEqual({ ok: true, iso: '2025-11-24' });
    expect(checkDob(typeAll('11252025'), today)).toEqual({ ok: false, reason: 'future' });
    expect(checkDob(typeAll('01012026'), today)).toEqual({ ok: false, reason: 'future' });
    expect(checkDob(typeAll('12311899'), today)).toEqual({ ok: false, reason: 'too_old' });
    expect(checkDob(typeAll('01011900'), today)).toEqual({ ok: true, iso: '1900-01-01' });
  });

  it('rejects a day the month never has as soon as both are typed, before the year', () => {
    expect(checkDob(typeAll('0230'), today)).toEqual({ ok: false, reason: 'not_a_date' });
    expect(checkDob(typeAll('0431'), today)).toEqual({ ok: false, reason: 'not_a_date' });
    // February 29 waits for the year: it is real in a leap year.
    expect(checkDob(typeAll('0229'), today)).toEqual({ ok: false, reason: 'incomplete' });
  });
});

describe('a date typed in the other order', () => {
  it('English screen, typed day first: a hint with the date month first, never a miss', () => {
    expect(checkDob(typeAll('13051980'), today)).toEqual({
      ok: false,
      reason: 'swapped',
      swapped: { month: '05', day: '13', year: '1980' },
    });
    // Already before the year: the day and month give it away.
    expect(checkDob(typeAll('1305'), today)).toEqual({ ok: false, reason: 'swapped', swapped: { month: '05', day: '13', year: '' } });
    expect(checkDob(typeAll('1912199'), today)).toMatchObject({ reason: 'swapped', swapped: { month: '12', day: '19' } });
    // Until the day is typed there is nothing to swap with: month 13 simply does not exist.
    expect(checkDob(typeAll('13'), today)).toEqual({ ok: false, reason: 'not_a_date' });
  });

  it('Spanish screen, typed month first: the same hint, day first', () => {
    const d = typeAll('05131980', 'es');
    expect(d).toEqual({ day: '05', month: '13', year: '1980' });
    expect(checkDob(d, today)).toEqual({ ok: false, reason: 'swapped', swapped: { day: '13', month: '05', year: '1980' } });
    expect(formatDob({ day: '13', month: '05', year: '1980' }, fieldOrder('es'))).toBe('13/05/1980');
  });

  it('only when the other order is a real date that is not in the future', () => {
    expect(checkDob(typeAll('13131980'), today)).toEqual({ ok: false, reason: 'not_a_date' }); // no month 13 either way
    expect(checkDob({ month: '30', day: '02', year: '2001' }, today)).toEqual({ ok: false, reason: 'not_a_date' }); // no February 30
    expect(checkDob({ month: '29', day: '02', year: '2001' }, today)).toEqual({ ok: false, reason: 'not_a_date' }); // not a leap year
    expect(checkDob({ month: '29', day: '02', year: '2000' }, today)).toMatchObject({ reason: 'swapped' });
    expect(checkDob({ month: '24', day: '12', year: '2025' }, today)).toEqual({ ok: false, reason: 'not_a_date' }); // December 24 is after today
    expect(checkDob(typeAll('15022001', 'es'), today)).toEqual({ ok: true, iso: '2001-02-15' }); // fine as typed: no hint
  });
});

describe('the digits as typed, read in the other order', () => {
  const digits = (typed: string, lang: 'en' | 'es' = 'en') => ({ order: fieldOrder(lang), digits: typed });

  it('English screen, day 20–31 typed first: the keypad filled 02/05/1219, the digits say 25/12/1980', () => {
    const d = typeAll('25121980');
    expect(d).toEqual({ month: '02', day: '05', year: '1219' });
    expect(checkDob(d, today)).toEqual({ ok: false, reason: 'too_old' }); // without the digits: no way to tell
    expect(checkDob(d, today, digits('25121980'))).toEqual({
      ok: false,
      reason: 'swapped',
      swapped: { month: '12', day: '25', year: '1980' },
    });
  });

  it('Spanish screen, month first with a day from 20 on', () => {
    const d = typeAll('12251980', 'es');
    expect(checkDob(d, today, digits('12251980', 'es'))).toEqual({
      ok: false,
      reason: 'swapped',
      swapped: { month: '12', day: '25', year: '1980' },
    });
  });

  it('no hint when the date is fine as typed, when the other reading is not a date, or after edits', () => {
    expect(checkDob(typeAll('02141980'), today, digits('02141980'))).toEqual({ ok: true, iso: '1980-02-14' });
    expect(checkDob(typeAll('29131980'), today, digits('29131980'))).not.toMatchObject({ reason: 'swapped' });
    // Digits that do not make this draft (a language switch, an edit): the draft alone decides.
    expect(checkDob(typeAll('25121980'), today, digits('25121980', 'es'))).toEqual({ ok: false, reason: 'too_old' });
  });
});

describe('the example on the birth-date step', () => {
  it("has a day above 12, so it shows the order, and is written in each language's order", () => {
    expect(Number(EXAMPLE_DOB.day)).toBeGreaterThan(12);
    expect(formatDob(EXAMPLE_DOB, fieldOrder('en'))).toBe('03/25/1980');
    expect(formatDob(EXAMPLE_DOB, fieldOrder('es'))).toBe('25/03/1980');
    expect(checkDob(EXAMPLE_DOB, today)).toEqual({ ok: true, iso: '1980-03-25' });
  });
});
