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

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

let lastDay: { zone: string; start: number; end: number } | null = null;

/** [start, end) of the clinic's current day in epoch ms (DST days are 23 or 25 h long). */
export function clinicDayBounds(now: Date, zone: string): { start: number; end: number } {
  const t = now.getTime();
  // A busy day's schedule asks this thousands of times for the same day: luxon only when the day changes.
  if (lastDay && lastDay.zone === zone && t >= lastDay.start && t < lastDay.end) return lastDay;
  const start = clinicToday(now, zone);
  lastDay = { zone, start: start.toMillis(), end: start.plus({ days: 1 }).toMillis() };
  return lastDay;
}

/** True if the instant falls on the clinic's current calendar day. */
export function isOnClinicToday(instant: string | undefined, now: Date, zone: string): boolean {
  // FHIR instants always carry a time and an offset; anything else is not a start we can place.
  if (!instant || !INSTANT.test(instant)) return false;
  const t = Date.parse(instant);
  if (Number.isNaN(t)) return false;
  const { start, end } = clinicDayBounds(now, zone);
  return t >= start && t < end;
}
