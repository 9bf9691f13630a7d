/** Clinic time for the demo data, the benchmarks and the tests: the demo zone and a frozen "now". */
import { DateTime } from 'luxon';

export const DEMO_TIMEZONE = 'America/New_York';

/**
 * A clock stopped at `hour`:00 today in the clinic zone (default 10:00). Every scenario and every
 * booking is laid out around it, so a test or a bench run sees the same check-in windows all day.
 */
export function frozenClinicClock(timezone = DEMO_TIMEZONE, hour = 10): () => Date {
  const at = DateTime.now().setZone(timezone).set({ hour, minute: 0, second: 0, millisecond: 0 }).toJSDate();
  return () => at;
}

export type ClinicDay = ReturnType<typeof clinicDay>;

/** Day arithmetic around `now` in the clinic zone, for laying out a seeded day of visits. */
export function clinicDay(now: Date, timezone: string, visitMinutes: number) {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  if (!local.isValid) throw new Error(`Invalid clinic time zone: ${timezone}`);
  const today = local.startOf('day');
  return {
    today,
    /** `minutes` may run past 59: at(0, 8, 90) is 09:30 today. */
    at: (days: number, hour: number, minutes: number): DateTime => today.plus({ days }).set({ hour }).plus({ minutes }),
    /** now + minutes (floored to the minute), clamped so the whole visit stays on its calendar day. */
    fromNow: (minutes: number, days: number): DateTime => {
      const day = today.plus({ days });
      const latest = day.endOf('day').minus({ minutes: visitMinutes }).startOf('minute');
      const wanted = local.plus({ days, minutes }).startOf('minute');
      return DateTime.max(day, DateTime.min(wanted, latest));
    },
  };
}
