import { describe, expect, it } from 'vitest';
import { pick, prng, randomHex } from '../../../../dev/demo-server/prng.js';

describe('prng', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    const a = Array.from({ length: 5 }, prng(42));
    expect(Array.from({ length: 5 }, prng(42))).toEqual(a);
    expect(Array.from({ length: 5 }, prng(43))).not.toEqual(a);
    for (const x of a) expect(x >= 0 && x < 1).toBe(true);
  });

  it('spreads over [0, 1)', () => {
    const rand = prng(7);
    const buckets = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) buckets[Math.floor(rand() * 4)]!++;
    for (const b of buckets) expect(b).toBeGreaterThan(850);
  });

  it('randomHex gives exactly the digits asked for', () => {
    const rand = prng(1);
    expect(randomHex(rand, 32)).toMatch(/^[0-9a-f]{32}$/);
    expect(randomHex(rand, 5)).toMatch(/^[0-9a-f]{5}$/);
  });

  it('pick refuses an empty list', () => {
    expect(() => pick(prng(1), [])).toThrow(/empty/);
    expect(pick(prng(1), ['only'])).toBe('only');
  });
});
