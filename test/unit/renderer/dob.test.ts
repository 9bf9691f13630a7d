import { describe, expect, it } from 'vitest';
import { EMPTY_DOB, activeField, checkDob, deleteDigit, fieldOrder, typeDigit, type DobDraft } from '../../../renderer/dob.js';

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
});
