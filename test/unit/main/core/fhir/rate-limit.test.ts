import { describe, expect, it } from 'vitest';
import { RateLimitedError, RateLimiter } from '../../../../../main/core/fhir/rate-limit.js';

describe('RateLimiter', () => {
  it('lets a burst through at once, then paces a concurrent flood exactly', () => {
    let t = 0;
    const r = new RateLimiter({ perSecond: 10, burst: 5, maxWaitMs: 60_000 }, () => t);
    const waits = Array.from({ length: 25 }, () => r.reserve());
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    // After the burst, one slot every 100 ms.
    expect(waits.slice(5, 8).map(Math.round)).toEqual([100, 200, 300]);
    expect(Math.round(waits[24]!)).toBe(2000);
    t = 10_000; // a quiet spell refills the bucket
    expect(r.reserve()).toBe(0);
  });

  it('fails fast instead of queueing past its longest wait', () => {
    const t = 0;
    const r = new RateLimiter({ perSecond: 2, burst: 1, maxWaitMs: 1_000 }, () => t);
    const outcomes = Array.from({ length: 10 }, () => {
      try {
        return r.reserve();
      } catch (e) {
        return e;
      }
    });
    expect(outcomes.slice(0, 3)).toEqual([0, 500, 1000]);
    expect(outcomes.slice(3).every((o) => o instanceof RateLimitedError)).toBe(true);
    // A refused request reserved nothing: the next slot is still 1.5 s away, not later.
    expect(() => r.reserve()).toThrow(RateLimitedError);
  });

  it('take() waits for its slot and an abort ends the wait', async () => {
    const r = new RateLimiter({ perSecond: 20, burst: 1, maxWaitMs: 10_000 });
    const started = performance.now();
    await Promise.all([r.take(), r.take(), r.take()]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    const slow = new RateLimiter({ perSecond: 0.1, burst: 1, maxWaitMs: 60_000 });
    await slow.take();
    const c = new AbortController();
    const pending = slow.take(c.signal);
    c.abort(new Error('deadline'));
    await expect(pending).rejects.toThrow('deadline');
  });
});
