import { describe, expect, it } from 'vitest';
import { NO_TAPS, STAFF_GESTURE, inCorner, nextTaps, type Tap, type TapTimes } from '../../../renderer/staffGesture.js';

/** Feeds taps in order; returns the index (0-based) of every tap that opened staff mode. */
function play(taps: Tap[]): number[] {
  let recent: TapTimes = NO_TAPS;
  const opened: number[] = [];
  taps.forEach((tap, i) => {
    const r = nextTaps(recent, tap);
    recent = r.taps;
    if (r.open) opened.push(i);
  });
  return opened;
}
const corner = (at: number): Tap => ({ at, x: 20, y: 20 });
const every = (ms: number, n: number, start = 1000) => Array.from({ length: n }, (_, i) => corner(start + i * ms));

describe('staff gesture (5 taps within 3 s in the top-left corner)', () => {
  it('opens on the fifth quick tap in the corner', () => {
    expect(play(every(100, 5))).toEqual([4]);
  });

  it('does not open on four taps', () => {
    expect(play(every(100, 4))).toEqual([]);
  });

  it('counts the first to the fifth tap: 3 s is in, just over is out', () => {
    expect(play(every(750, 5))).toEqual([4]); // 3000 ms from first to fifth
    expect(play(every(751, 5))).toEqual([]); // 3004 ms
  });

  it('slides: a slow start does not spoil a quick finish', () => {
    const taps = [corner(0), corner(2500), ...every(200, 4, 4000)];
    expect(play(taps)).toEqual([5]);
  });

  it('starts afresh after opening: a sixth tap does not open again, ten taps open twice', () => {
    expect(play(every(100, 6))).toEqual([4]);
    expect(play(every(100, 10))).toEqual([4, 9]);
  });

  it('only counts taps in the corner square, and a tap elsewhere breaks the sequence', () => {
    const px = STAFF_GESTURE.cornerPx;
    expect(inCorner({ at: 0, x: 0, y: 0 })).toBe(true);
    expect(inCorner({ at: 0, x: px - 1, y: px - 1 })).toBe(true);
    expect(inCorner({ at: 0, x: px, y: 10 })).toBe(false);
    expect(inCorner({ at: 0, x: 10, y: px })).toBe(false);
    expect(inCorner({ at: 0, x: -1, y: 10 })).toBe(false);
    const outside = { at: 1250, x: 400, y: 20 };
    expect(play([corner(1000), corner(1100), corner(1200), outside, corner(1300), corner(1400)])).toEqual([]);
    expect(play([{ at: 1, x: 500, y: 500 }, ...every(100, 5)])).toEqual([5]); // index 0 is the tap elsewhere
  });

  it('ignores tap times from the future (a clock that went backwards)', () => {
    expect(nextTaps([5000, 5100, 5200, 5300], corner(1000))).toEqual({ taps: [1000], open: false });
  });

  it('keeps at most the taps it needs', () => {
    let recent: TapTimes = NO_TAPS;
    for (let i = 0; i < 4; i++) recent = nextTaps(recent, corner(i * 10_000)).taps;
    expect(recent).toEqual([30_000]);
  });

  it('takes another rule', () => {
    const rule = { taps: 3, withinMs: 1000, cornerPx: 50 };
    let recent: TapTimes = NO_TAPS;
    const results = [0, 400, 800].map((at) => {
      const r = nextTaps(recent, { at, x: 10, y: 10 }, rule);
      recent = r.taps;
      return r.open;
    });
    expect(results).toEqual([false, false, true]);
  });
});
