/** What the kiosk can honestly say about its connection: nothing is "connected" until a probe said so. */
import type { Health, HealthState } from '../preload/contract.js';

export type HealthView = HealthState | 'unknown';

/** Main starts out `ok` with no `checkedAt`: that is a default, not a result, so it reads as unknown. */
export function healthView(h: Health | null): HealthView {
  if (!h || (h.state === 'ok' && !h.checkedAt)) return 'unknown';
  return h.state;
}
