import { describe, expect, it } from 'vitest';
import { FhirError, TokenError } from '../../../../main/core/fhir/errors.js';
import { HealthMonitor } from '../../../../main/core/health.js';
import { silentLogger } from '../../../../main/core/log.js';

describe('HealthMonitor', () => {
  it('starts unchecked, and keeps the last problem (time and a short code) after recovery', async () => {
    let clock = Date.parse('2026-06-15T14:00:00Z');
    const failures: unknown[] = [new FhirError('http', 'Service Unavailable', { status: 503 }), new FhirError('timeout', 'slow')];
    const health = new HealthMonitor({
      probe: async () => {
        const next = failures.shift();
        if (next) throw next;
      },
      log: silentLogger,
      now: () => new Date(clock),
    });
    // Nothing was probed yet: no time, no problem (the renderer reads this as "not checked yet").
    expect(health.current).toEqual({ state: 'ok', checkedAt: null, lastError: null });
    await health.check();
    expect(health.current).toEqual({
      state: 'unreachable',
      checkedAt: '2026-06-15T14:00:00.000Z',
      lastError: { at: '2026-06-15T14:00:00.000Z', code: 'http_503' },
    });
    clock += 60_000;
    await health.check();
    expect(health.current.lastError).toEqual({ at: '2026-06-15T14:01:00.000Z', code: 'timeout' });
    clock += 60_000;
    await health.check();
    // Back to ok: the problem stays for staff to see when it happened.
    expect(health.current).toEqual({
      state: 'ok',
      checkedAt: '2026-06-15T14:02:00.000Z',
      lastError: { at: '2026-06-15T14:01:00.000Z', code: 'timeout' },
    });
  });

  it('token failures get their own codes; a kiosk without a probe stays not_configured', async () => {
    const h = new HealthMonitor({
      probe: async () => {
        throw new TokenError('invalid_client', 'refused');
      },
      log: silentLogger,
      now: () => new Date(0),
    });
    expect((await h.check()).lastError?.code).toBe('token_invalid_client');
    const none = new HealthMonitor({ probe: null, log: silentLogger, now: () => new Date(0) });
    expect(await none.check()).toEqual({ state: 'not_configured', checkedAt: null, lastError: null });
  });
});
