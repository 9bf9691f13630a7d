import { describe, expect, it } from 'vitest';
import { IdentifyLimits, type IdentifyLimitSettings } from '../../../../../main/core/checkin/identify-limits.js';

const SETTINGS: IdentifyLimitSettings = { missesPerVisit: 3, kioskMisses: 10, kioskWindowMs: 10 * 60_000, pauseMs: 10 * 60_000 };

function limits(s: Partial<IdentifyLimitSettings> = {}) {
  const t = { mono: 1_000, wall: Date.UTC(2026, 11, 2, 15) };
  const l = new IdentifyLimits({ ...SETTINGS, ...s }, { mono: () => t.mono, wall: () => t.wall });
  const advance = (ms: number) => {
    t.mono += ms;
    t.wall += ms;
  };
  return { l, t, advance };
}

describe('IdentifyLimits', () => {
  it('admits one identification at a time: a burst of 300 gets 1 admission and 299 busy', () => {
    const { l } = limits();
    const answers = Array.from({ length: 300 }, () => l.admit());
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok && a.reason === 'busy')).toHaveLength(299);
  });

  it('frees the slot when the attempt ends, whichever way', () => {
    const { l } = limits();
    for (const end of ['miss', 'found', 'release'] as const) {
      const a = l.admit();
      if (!a.ok) throw new Error('not admitted');
      a.attempt[end]();
      const next = l.admit();
      expect(next.ok).toBe(true);
      if (next.ok) next.attempt.release();
    }
  });

  it('a double end counts once', () => {
    const { l } = limits();
    const a = l.admit();
    if (!a.ok) throw new Error('not admitted');
    const first = a.attempt.miss();
    const second = a.attempt.miss();
    expect(first.attemptsLeft).toBe(2);
    expect(second.attemptsLeft).toBe(2);
  });

  it('ends a visit after 3 misses; a fresh visit may try again', () => {
    const { l } = limits();
    let visit: string | undefined;
    const left: number[] = [];
    for (let i = 0; i < 3; i++) {
      const a = l.admit(visit);
      if (!a.ok) throw new Error(`refused: ${a.reason}`);
      const m = a.attempt.miss();
      visit = m.visit;
      left.push(m.attemptsLeft);
    }
    expect(left).toEqual([2, 1, 0]);
    expect(l.admit(visit)).toEqual({ ok: false, reason: 'visit_ended' });
    expect(l.admit().ok).toBe(true);
  });

  it('an unknown or forged visit token is a new visit, never a way around the count', () => {
    const { l } = limits();
    const a = l.admit('forged-visit-token-123');
    if (!a.ok) throw new Error('not admitted');
    expect(a.attempt.miss().visit).not.toBe('forged-visit-token-123');
  });

  it('pauses the kiosk at 10 misses in 10 minutes, and a success in between does not reset it', () => {
    const { l } = limits();
    let misses = 0;
    let pausedAt: number | null = null;
    // The attacker's pattern: two guesses, then identify as themself to reset the counter.
    for (let round = 0; round < 20 && pausedAt === null; round++) {
      for (let g = 0; g < 2 && pausedAt === null; g++) {
        const a = l.admit();
        if (!a.ok) throw new Error(`refused: ${a.reason}`);
        misses++;
        pausedAt = a.attempt.miss().pausedUntil;
      }
      const me = l.admit();
      if (me.ok) me.attempt.found();
    }
    expect(misses).toBe(10);
    expect(pausedAt).not.toBeNull();
    expect(l.admit()).toMatchObject({ ok: false, reason: 'paused' });
  });

  it('misses older than the window fall out of it', () => {
    const { l, advance } = limits();
    for (let i = 0; i < 9; i++) {
      const a = l.admit();
      if (a.ok) a.attempt.miss();
      advance(70_000);
    }
    // The first misses are now older than 10 minutes: the tenth does not pause.
    const a = l.admit();
    if (!a.ok) throw new Error('refused');
    expect(a.attempt.miss().pausedUntil).toBeNull();
  });

  it('a pause ends after its time, or when staff lift it, and a wall-clock step back changes nothing', () => {
    const { l, t, advance } = limits({ kioskMisses: 2 });
    for (let i = 0; i < 2; i++) {
      const a = l.admit();
      if (a.ok) a.attempt.miss();
    }
    const until = l.pausedUntil();
    expect(until).toBe(t.wall + SETTINGS.pauseMs);
    t.wall -= 3_600_000; // the OS clock steps back an hour
    advance(SETTINGS.pauseMs - 1);
    expect(l.pausedUntil()).not.toBeNull();
    advance(2);
    expect(l.pausedUntil()).toBeNull();
    expect(l.admit().ok).toBe(true);

    const { l: l2 } = limits({ kioskMisses: 1 });
    const a = l2.admit();
    if (a.ok) a.attempt.miss();
    expect(l2.lift()).toBe(true);
    expect(l2.pausedUntil()).toBeNull();
    expect(l2.lift()).toBe(false);
  });
});
