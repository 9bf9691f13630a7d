import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../../../main/core/fhir/client.js';

const NOW = Date.parse('2026-06-15T14:00:00.000Z');

describe('parseRetryAfter', () => {
  it.each<[string | null, number | undefined]>([
    // delta-seconds
    ['0', 0],
    ['1', 1_000],
    ['120', 120_000],
    [' 120 ', 120_000],
    ['86400', 86_400_000],
    // HTTP-date (IMF-fixdate), relative to now; past dates mean "now"
    ['Mon, 15 Jun 2026 14:00:30 GMT', 30_000],
    ['Mon, 15 Jun 2026 15:00:00 GMT', 3_600_000],
    ['Mon, 15 Jun 2026 14:00:00 GMT', 0],
    ['Mon, 15 Jun 2026 13:59:00 GMT', 0],
    ['Wed, 21 Oct 2015 07:28:00 GMT', 0],
    // absent
    [null, undefined],
    ['', undefined],
  ])('%j → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it.each(['soon', 'abc', '12abc', '3600s', 'NaN', 'Infinity', '0x10'])('garbage %j → undefined', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });

  // Regression (client.ts parseRetryAfter, fixed): anything V8's lenient Date.parse accepts is taken as a date in the
  // past, so these non-HTTP-date, non-delta-seconds values give 0 (retry immediately) instead of undefined.
  it.each(['1.5', '-1', 'x 1', 'tomorrow 12'])('garbage %j → undefined', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });

  it('uses the current time by default', () => {
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    const ms = parseRetryAfter(inAMinute);
    expect(ms).toBeGreaterThan(55_000);
    expect(ms).toBeLessThanOrEqual(60_000);
  });
});
