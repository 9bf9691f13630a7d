import { describe, expect, it } from 'vitest';
import { max, mean, median, percentile } from '../../../scripts/bench/stats.js';

describe('bench statistics', () => {
  const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];

  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median(samples)).toBe(5.5);
  });

  it('nearest-rank percentiles', () => {
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 90)).toBe(9);
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile(samples, 100)).toBe(10);
    expect(
      percentile(
        Array.from({ length: 50 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(48);
  });

  it('empty samples are NaN, not a crash', () => {
    expect(percentile([], 95)).toBeNaN();
    expect(median([])).toBeNaN();
    expect(max([])).toBeNaN();
    expect(mean([])).toBeNaN();
    expect(mean([1, 2, 3])).toBe(2);
  });
});
