/** Check-in rules: who may check in to which appointment, and when. */
import type { Appointment } from '@medplum/fhirtypes';
import type { CheckInState } from '../../../preload/contract.js';

export interface WindowRules {
  opensMinutesBefore: number;
  closesMinutesAfter: number;
}

export interface Eligibility {
  state: CheckInState;
  /** When check-in opens, for `too_early` (ISO). */
  opensAt: string | null;
}

const ALREADY = new Set(['arrived', 'checked-in']);
/** Staff may also check in appointments that are not yet confirmed. */
const STAFF_EXTRA = new Set(['pending', 'proposed']);

export function eligibility(a: Appointment, now: Date, rules: WindowRules, by: 'patient' | 'staff' = 'patient'): Eligibility {
  if (ALREADY.has(a.status)) return { state: 'checked_in', opensAt: null };
  const bookable = a.status === 'booked' || (by === 'staff' && STAFF_EXTRA.has(a.status));
  const start = a.start ? Date.parse(a.start) : NaN;
  if (!bookable || Number.isNaN(start)) return { state: 'not_eligible', opensAt: null };
  if (by === 'staff') return { state: 'open', opensAt: null };
  const opens = start - rules.opensMinutesBefore * 60_000;
  const closes = start + rules.closesMinutesAfter * 60_000;
  const t = now.getTime();
  if (t < opens) return { state: 'too_early', opensAt: new Date(opens).toISOString() };
  if (t > closes) return { state: 'too_late', opensAt: null };
  return { state: 'open', opensAt: null };
}
