/**
 * The hidden way into staff mode: five taps within three seconds in the top-left corner. Kept pure
 * (times and positions are passed in) so the rule is tested without a browser or a clock.
 */

export interface Tap {
  /** Milliseconds on any monotonic clock (the pointer event's timeStamp). */
  at: number;
  /** Position in CSS pixels from the window's top-left corner. */
  x: number;
  y: number;
}

export interface StaffGestureRule {
  taps: number;
  withinMs: number;
  /** The corner is a square of this many CSS pixels. */
  cornerPx: number;
}

/** Deliberate enough that a patient leaning on the screen, or tapping twice, never opens it. */
export const STAFF_GESTURE: StaffGestureRule = Object.freeze({ taps: 5, withinMs: 3000, cornerPx: 96 });

/** Times of the taps so far in the current sequence, oldest first. */
export type TapTimes = readonly number[];
export const NO_TAPS: TapTimes = Object.freeze([]);

export function inCorner(tap: Tap, rule: StaffGestureRule = STAFF_GESTURE): boolean {
  return tap.x >= 0 && tap.y >= 0 && tap.x < rule.cornerPx && tap.y < rule.cornerPx;
}

/**
 * Adds one tap. `open` is true on the tap that completes the gesture; the sequence then starts
 * afresh, so a sixth tap does not open it a second time. A tap outside the corner breaks the sequence.
 */
export function nextTaps(recent: TapTimes, tap: Tap, rule: StaffGestureRule = STAFF_GESTURE): { taps: TapTimes; open: boolean } {
  if (!inCorner(tap, rule)) return { taps: NO_TAPS, open: false };
  // Only taps close enough to this one can still be part of a sequence ending with it.
  const kept = [...recent.filter((t) => t <= tap.at && tap.at - t <= rule.withinMs), tap.at].slice(-rule.taps);
  if (kept.length >= rule.taps) return { taps: NO_TAPS, open: true };
  return { taps: kept, open: false };
}
