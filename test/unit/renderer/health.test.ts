import { describe, expect, it } from 'vitest';
import { healthView } from '../../../renderer/health.js';

describe('healthView', () => {
  it('is unknown until the first probe: main starts at "ok" with no checkedAt', () => {
    expect(healthView(null)).toBe('unknown');
    expect(healthView({ state: 'ok', checkedAt: null })).toBe('unknown');
  });

  it('reports what a probe found, and a configuration problem without one', () => {
    expect(healthView({ state: 'ok', checkedAt: '2025-11-24T16:00:00Z' })).toBe('ok');
    expect(healthView({ state: 'unreachable', checkedAt: '2025-11-24T16:00:00Z' })).toBe('unreachable');
    expect(healthView({ state: 'not_configured', checkedAt: null })).toBe('not_configured');
  });
});
