import { describe, expect, it } from 'vitest';
import { FhirClient, parseRetryAfter } from '../../../../../main/core/fhir/client.js';
import { FhirError, isTransient } from '../../../../../main/core/fhir/errors.js';
import { RateLimiter } from '../../../../../main/core/fhir/rate-limit.js';
import { silentLogger } from '../../../../../main/core/log.js';

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

describe('outbound pacing', () => {
  it('a concurrent flood is paced by the client: what would wait too long is refused locally as a 429, never sent', async () => {
    let sent = 0;
    const countingFetch: typeof fetch = async () => {
      sent++;
      return new Response(JSON.stringify({ resourceType: 'Location', id: 'l1' }), { status: 200 });
    };
    const fhir = new FhirClient({
      baseUrl: 'https://fhir.example/',
      profile: 'r4',
      tokens: { getToken: async () => 'token', invalidate: () => {} },
      log: silentLogger,
      fetch: countingFetch,
      pacer: new RateLimiter({ perSecond: 1, burst: 5, maxWaitMs: 0 }),
    });
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => fhir.read('Location', 'l1')));
    expect(sent).toBe(5);
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as FhirError);
    expect(refused).toHaveLength(45);
    expect(refused.every((e) => e instanceof FhirError && e.status === 429 && isTransient(e))).toBe(true);
  });
});
