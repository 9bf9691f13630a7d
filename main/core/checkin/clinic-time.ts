/**
 * "Today" is the clinic's day in its IANA zone (luxon), never the kiosk OS zone or UTC.
 * Canvas documents only date-only search values and not their zone, so the search window is one
 * day either side and the exact filtering happens here.
 */
import { DateTime } from 'luxon';

export function clinicToday(now: Date, zone: string): DateTime {
  return DateTime.fromJSDate(now, { zone }).startOf('day');
}

/** Date-only bounds for the Appointment search: yesterday … tomorrow in the clinic zone. */
export function searchWindow(now: Date, zone: string): { from: string; to: string } {
  const today = clinicToday(now, zone);
  return { from: today.minus({ days: 1 }).toISODate()!, to: today.plus({ days: 1 }).toISODate()! };
}

/** True if the instant falls on the clinic's current calendar day (DST days are 23 or 25 h long). */
export function isOnClinicToday(instant: string | undefined, now: Date, zone: string): boolean {
  if (!instant) return false;
  const t = DateTime.fromISO(instant, { setZone: true });
  if (!t.isValid) return false;
  return t.setZone(zone).hasSame(DateTime.fromJSDate(now, { zone }), 'day');
}
