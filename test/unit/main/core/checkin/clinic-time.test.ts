import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { clinicToday, isOnClinicToday, searchWindow } from '../../../../../main/core/checkin/clinic-time.js';

const NY = 'America/New_York';
const HONOLULU = 'Pacific/Honolulu';
const TONGA = 'Pacific/Tongatapu';

const at = (iso: string) => new Date(iso);

describe('time zones used by these tests', () => {
  it('have the offsets the cases assume (luxon / ICU data)', () => {
    expect(DateTime.fromISO('2026-11-15T00:00:00Z').setZone(TONGA).offset).toBe(13 * 60);
    expect(DateTime.fromISO('2026-06-15T00:00:00Z').setZone(TONGA).offset).toBe(13 * 60);
    expect(DateTime.fromISO('2026-06-15T00:00:00Z').setZone(HONOLULU).offset).toBe(-10 * 60);
    // DST in New York 2026: starts Sunday 8 March, ends Sunday 1 November.
    expect(DateTime.fromISO('2026-03-08T06:00:00Z').setZone(NY).offset).toBe(-5 * 60);
    expect(DateTime.fromISO('2026-03-08T08:00:00Z').setZone(NY).offset).toBe(-4 * 60);
    expect(DateTime.fromISO('2026-11-01T05:00:00Z').setZone(NY).offset).toBe(-4 * 60);
    expect(DateTime.fromISO('2026-11-01T07:00:00Z').setZone(NY).offset).toBe(-5 * 60);
  });
});

describe('searchWindow', () => {
  it.each([
    // now (UTC), zone, from, to
    ['2026-06-15T15:00:00Z', NY, '2026-06-14', '2026-06-16'],
    // 22:00 on 7 March in New York, already 8 March in UTC: the clinic day decides.
    ['2026-03-08T03:00:00Z', NY, '2026-03-06', '2026-03-08'],
    // DST start day (23 h) and the day after.
    ['2026-03-08T15:00:00Z', NY, '2026-03-07', '2026-03-09'],
    ['2026-03-09T03:59:59Z', NY, '2026-03-07', '2026-03-09'],
    ['2026-03-09T04:00:00Z', NY, '2026-03-08', '2026-03-10'],
    // DST end day (25 h): 23:30 EST on 1 November is 04:30Z on 2 November.
    ['2026-11-02T04:30:00Z', NY, '2026-10-31', '2026-11-02'],
    ['2026-11-02T05:00:00Z', NY, '2026-11-01', '2026-11-03'],
    // UTC-10: 23:30 on 14 June locally.
    ['2026-06-15T09:30:00Z', HONOLULU, '2026-06-13', '2026-06-15'],
    // UTC+13: 00:30 on 16 November locally while UTC is still the 15th.
    ['2026-11-15T11:30:00Z', TONGA, '2026-11-15', '2026-11-17'],
    // Month and year boundaries.
    ['2026-12-31T12:00:00Z', NY, '2026-12-30', '2027-01-01'],
    ['2026-03-01T12:00:00Z', NY, '2026-02-28', '2026-03-02'],
  ])('now %s in %s → %s … %s', (now, zone, from, to) => {
    expect(searchWindow(at(now), zone)).toEqual({ from, to });
  });

  it('returns date-only strings', () => {
    const { from, to } = searchWindow(at('2026-06-15T15:00:00Z'), NY);
    expect(from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('clinicToday', () => {
  it('is local midnight of the clinic day, in the clinic zone', () => {
    const d = clinicToday(at('2026-11-15T11:30:00Z'), TONGA);
    expect(d.toISO()).toBe('2026-11-16T00:00:00.000+13:00');
    expect(d.zoneName).toBe(TONGA);
  });
});

describe('isOnClinicToday', () => {
  it.each<[string, string, string, boolean]>([
    // [appointment start, now, zone, expected]
    // --- New York, ordinary summer day
    ['2026-06-15T13:00:00Z', '2026-06-15T15:00:00Z', NY, true],
    ['2026-06-15T13:00:00+00:00', '2026-06-15T15:00:00Z', NY, true], // Canvas writes +00:00
    ['2026-06-15T09:00:00-04:00', '2026-06-15T15:00:00Z', NY, true],
    ['2026-06-15T03:59:59+00:00', '2026-06-15T15:00:00Z', NY, false], // 23:59:59 on the 14th locally
    ['2026-06-15T04:00:00+00:00', '2026-06-15T15:00:00Z', NY, true], // 00:00 on the 15th locally
    ['2026-06-16T03:59:00+00:00', '2026-06-15T15:00:00Z', NY, true], // 23:59 today
    ['2026-06-16T04:00:00+00:00', '2026-06-15T15:00:00Z', NY, false], // 00:00 tomorrow
    ['2026-06-16T01:00:00Z', '2026-06-15T15:00:00Z', NY, true], // tomorrow in UTC, today in clinic
    // --- DST start, Sunday 2026-03-08 (23 h): midnight is 05:00Z, next midnight 04:00Z
    ['2026-03-08T04:59:59Z', '2026-03-08T15:00:00Z', NY, false],
    ['2026-03-08T05:00:00Z', '2026-03-08T15:00:00Z', NY, true],
    ['2026-03-08T07:30:00Z', '2026-03-08T15:00:00Z', NY, true], // 03:30 EDT, just after the gap
    ['2026-03-09T03:59:00Z', '2026-03-08T15:00:00Z', NY, true], // 23:59 EDT
    ['2026-03-09T04:00:00Z', '2026-03-08T15:00:00Z', NY, false], // 00:00 on 9 March
    // --- DST end, Sunday 2026-11-01 (25 h): midnight is 04:00Z, next midnight 05:00Z
    ['2026-11-01T03:59:59Z', '2026-11-01T15:00:00Z', NY, false],
    ['2026-11-01T04:00:00Z', '2026-11-01T15:00:00Z', NY, true],
    ['2026-11-01T05:30:00Z', '2026-11-01T15:00:00Z', NY, true], // 01:30 EDT (first)
    ['2026-11-01T06:30:00Z', '2026-11-01T15:00:00Z', NY, true], // 01:30 EST (repeated hour)
    ['2026-11-02T04:59:00Z', '2026-11-01T15:00:00Z', NY, true], // 23:59 EST
    ['2026-11-02T05:00:00Z', '2026-11-01T15:00:00Z', NY, false],
    // now itself late on the DST-end day
    ['2026-11-01T14:00:00Z', '2026-11-02T04:30:00Z', NY, true],
    // --- Honolulu, UTC-10; now is 23:30 on 14 June locally (15 June in UTC)
    ['2026-06-15T09:59:00+00:00', '2026-06-15T09:30:00Z', HONOLULU, true],
    ['2026-06-15T10:00:00+00:00', '2026-06-15T09:30:00Z', HONOLULU, false],
    ['2026-06-14T10:00:00+00:00', '2026-06-15T09:30:00Z', HONOLULU, true], // 00:00 on the 14th
    ['2026-06-14T09:59:59+00:00', '2026-06-15T09:30:00Z', HONOLULU, false],
    // --- Tonga, UTC+13; now is 23:30 on 15 November locally
    ['2026-11-14T11:00:00+00:00', '2026-11-15T10:30:00Z', TONGA, true], // 00:00 on the 15th; UTC date is the 14th
    ['2026-11-14T10:59:59+00:00', '2026-11-15T10:30:00Z', TONGA, false],
    ['2026-11-15T10:59:00+00:00', '2026-11-15T10:30:00Z', TONGA, true],
    ['2026-11-15T11:00:00+00:00', '2026-11-15T10:30:00Z', TONGA, false],
    ['2026-11-15T09:00:00+13:00', '2026-11-15T10:30:00Z', TONGA, true],
  ])('%s on the clinic day of %s in %s → %s', (start, now, zone, expected) => {
    expect(isOnClinicToday(start, at(now), zone)).toBe(expected);
  });

  it.each([
    undefined,
    '',
    'not a date',
    '2026-13-01T10:00:00Z',
    '2026-02-30T10:00:00Z',
    '2026-06-15T25:00:00Z',
    'Mon, 15 Jun 2026 13:00:00 GMT',
  ])('invalid start %j → false', (start) => {
    expect(isOnClinicToday(start, at('2026-06-15T15:00:00Z'), NY)).toBe(false);
  });
});
