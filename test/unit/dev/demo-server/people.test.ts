import { describe, expect, it } from 'vitest';
import { syntheticBirthDate, syntheticName } from '../../../../dev/demo-server/people.js';
import { prng } from '../../../../dev/demo-server/prng.js';

describe('synthetic people', () => {
  it('names can be typed on the kiosk keyboard and are distinct', () => {
    const rand = prng(3);
    const names = Array.from({ length: 500 }, (_, n) => syntheticName(rand, n));
    for (const name of names) expect(name).toMatch(/^[\p{L}' -]{2,20}$/u);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBeGreaterThan(480);
    expect(names.some((n) => /[éñüóçáø]/.test(n))).toBe(true);
  });

  it('birth dates are real dates between 1940 and 2005, reproducible from the seed', () => {
    const rand = prng(9);
    const a = Array.from({ length: 200 }, () => syntheticBirthDate(rand));
    for (const d of a) {
      expect(d).toMatch(/^(19[4-9]\d|200[0-5])-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/);
      expect(new Date(`${d}T00:00:00Z`).toISOString().startsWith(d)).toBe(true);
    }
    const again = prng(9);
    expect(syntheticBirthDate(again)).toBe(a[0]);
  });

  it('a birth date never falls on a reserved date', () => {
    const rand = prng(5);
    const first = syntheticBirthDate(prng(5));
    expect(syntheticBirthDate(rand, new Set([first]))).not.toBe(first);
  });
});
