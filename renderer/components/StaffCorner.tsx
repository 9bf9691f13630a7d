/**
 * The hidden staff entry: a transparent square over the top bar's empty top-left corner that counts
 * taps (see staffGesture.ts). It is deliberately not a control: no role, no tabindex, aria-hidden,
 * so patients never meet it by keyboard or screen reader, and the accessibility audit has nothing
 * to flag. Staff are told where to tap.
 */
import { useRef } from 'preact/hooks';
import { NO_TAPS, nextTaps } from '../staffGesture.js';

export function StaffCorner({ onGesture }: { onGesture: () => void }) {
  const taps = useRef(NO_TAPS);
  const onPointerDown = (e: PointerEvent) => {
    if (!e.isPrimary) return; // a second finger is part of the same touch, not another tap
    const r = nextTaps(taps.current, { at: e.timeStamp, x: e.clientX, y: e.clientY });
    taps.current = r.taps;
    if (r.open) onGesture();
  };
  return <div class="staff-corner" aria-hidden="true" onPointerDown={onPointerDown} />;
}
