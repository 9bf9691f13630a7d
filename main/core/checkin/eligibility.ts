/**
 * The check-in rule, in one place: is it done, may it be written, by whom, within which window. The
 * patient screens, staff assist, undo and the outbox all decide with these functions.
 */
import type { Appointment } from '@medplum/fhirtypes';
import type { CheckInState } from '../../../preload/contract.js';
import { isOnClinicToday } from './clinic-time.js';
import { visitOf } from './visit.js';

export type Actor = 'patient' | 'staff';

export interface WindowRules {
  opensMinutesBefore: number;
  closesMinutesAfter: number;
}

export interface Eligibility {
  state: CheckInState;
  /** When check-in opens, for `too_early` (ISO). */
  opensAt: string | null;
}

const DONE = new Set<Appointment['status']>(['arrived', 'checked-in']);
/** Staff may also check in appointments that are not yet confirmed. */
const STAFF_EXTRA = new Set<Appointment['status']>(['pending', 'proposed']);

/** Already checked in (by us, another kiosk or the front desk): nothing to write. */
export const isCheckedIn = (status: Appointment['status']) => DONE.has(status);

/** Whether `by` may move an appointment in this status to checked in (window aside). */
export const mayCheckIn = (status: Appointment['status'], by: Actor) => status === 'booked' || (by === 'staff' && STAFF_EXTRA.has(status));

/** Undo only ever reverts our own target status: never a status staff set in the EHR (fulfilled, say). */
export const mayUndo = (status: Appointment['status'], targetStatus: Appointment['status']) => status === targetStatus;

const startOf = (a: Appointment) => (a.start ? Date.parse(a.start) : NaN);

/**
 * Where an appointment stands for check-in at `now`. Patients keep to the window; staff do not. A
 * patient never checks in a video visit here (they join it from home: the card says how); staff,
 * who override the rules, still may.
 */
export function eligibility(a: Appointment, now: Date, rules: WindowRules, by: Actor = 'patient'): Eligibility {
  if (isCheckedIn(a.status)) return { state: 'checked_in', opensAt: null };
  if (by === 'patient' && visitOf(a) === 'video') return { state: 'not_eligible', opensAt: null };
  const start = startOf(a);
  if (!mayCheckIn(a.status, by) || Number.isNaN(start)) return { state: 'not_eligible', opensAt: null };
  if (by === 'staff') return { state: 'open', opensAt: null };
  const opens = start - rules.opensMinutesBefore * 60_000;
  const closes = start + rules.closesMinutesAfter * 60_000;
  const t = now.getTime();
  if (t < opens) return { state: 'too_early', opensAt: new Date(opens).toISOString() };
  if (t > closes) return { state: 'too_late', opensAt: null };
  return { state: 'open', opensAt: null };
}

export interface DeliveryRules extends WindowRules {
  timezone: string;
}

/**
 * Whether a queued check-in may still be written when the outbox delivers it: the same rule, with
 * the window of whoever asked, so a morning check-in is never replayed in the afternoon.
 * - patient: the patient window, unchanged (a check-in recorded at the last minute is written only if
 *   the server is back before the window closes; otherwise the front desk takes over);
 * - staff: staff have no window when they check someone in, so on delivery their check-in stays good
 *   until `closesMinutesAfter` past the later of the appointment's end (its start when it has none)
 *   and the moment staff recorded it.
 * Either way the appointment must still start today in the clinic zone (not moved to another day).
 */
export function deliveryEligibility(a: Appointment, now: Date, rules: DeliveryRules, asked: { by: Actor; at: string }): Eligibility {
  const e = eligibility(a, now, rules, asked.by);
  if (e.state !== 'open' && e.state !== 'too_late') return e;
  if (!isOnClinicToday(a.start, now, rules.timezone)) return { state: 'not_eligible', opensAt: null };
  if (asked.by === 'patient') return e;
  const end = a.end ? Date.parse(a.end) : NaN;
  const closes = Math.max(Number.isNaN(end) ? startOf(a) : end, Date.parse(asked.at)) + rules.closesMinutesAfter * 60_000;
  return now.getTime() > closes ? { state: 'too_late', opensAt: null } : e;
}
