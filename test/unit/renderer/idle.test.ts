import { describe, expect, it } from 'vitest';
import { idlePhase, samePhase } from '../../../renderer/idle.js';

describe('idle phases', () => {
  it('is active before idleSeconds, warns with a countdown, then expires', () => {
    expect(idlePhase(0, 60, 20)).toEqual({ phase: 'active' });
    expect(idlePhase(59_999, 60, 20)).toEqual({ phase: 'active' });
    expect(idlePhase(60_000, 60, 20)).toEqual({ phase: 'warning', secondsLeft: 20 });
    expect(idlePhase(60_001, 60, 20)).toEqual({ phase: 'warning', secondsLeft: 20 });
    expect(idlePhase(79_001, 60, 20)).toEqual({ phase: 'warning', secondsLeft: 1 });
    expect(idlePhase(80_000, 60, 20)).toEqual({ phase: 'expired' });
  });

  it('expires without warning when told not to warn (welcome screen)', () => {
    expect(idlePhase(60_000, 60, 20, false)).toEqual({ phase: 'expired' });
  });

  it('compares phases including the countdown', () => {
    expect(samePhase({ phase: 'warning', secondsLeft: 3 }, { phase: 'warning', secondsLeft: 3 })).toBe(true);
    expect(samePhase({ phase: 'warning', secondsLeft: 3 }, { phase: 'warning', secondsLeft: 2 })).toBe(false);
    expect(samePhase({ phase: 'active' }, { phase: 'expired' })).toBe(false);
  });
});
