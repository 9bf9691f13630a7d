import type { Appointment } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import {
  deliveryEligibility,
  eligibility,
  isCheckedIn,
  mayCheckIn,
  mayUndo,
  type WindowRules,
} from '../../../../../main/core/checkin/eligibility.js';

const RULES: WindowRules = { opensMinutesBefore: 60, closesMinutesAfter: 15 };
const START = '2026-06-15T14:00:00.000Z';
const START_MS = Date.parse(START);
const OPENS = START_MS - 60 * 60_000;
const CLOSES = START_MS + 15 * 60_000;
const MIN = 60_000;

/** `start: null` builds an appointment without a start. */
const appt = (status: Appointment['status'], start: string | null = START): Appointment => ({
  resourceType: 'Appointment',
  id: 'appt-1',
  status,
  ...(start !== null ? { start } : {}),
  end: '2026-06-15T14:20:00.000Z',
  participant: [{ actor: { reference: 'Patient/p1' }, status: 'accepted' }],
});

const ALL_STATUSES: Appointment['status'][] = [
  'proposed',
  'pending',
  'booked',
  'arrived',
  'checked-in',
  'fulfilled',
  'cancelled',
  'noshow',
  'entered-in-error',
  'waitlist',
];

describe('eligibility by status (inside the window)', () => {
  const now = new Date(START_MS - 10 * MIN);
  const expected: Record<Appointment['status'], { patient: string; staff: string }> = {
    proposed: { patient: 'not_eligible', staff: 'open' },
    pending: { patient: 'not_eligible', staff: 'open' },
    booked: { patient: 'open', staff: 'open' },
    arrived: { patient: 'checked_in', staff: 'checked_in' },
    'checked-in': { patient: 'checked_in', staff: 'checked_in' },
    fulfilled: { patient: 'not_eligible', staff: 'not_eligible' },
    cancelled: { patient: 'not_eligible', staff: 'not_eligible' },
    noshow: { patient: 'not_eligible', staff: 'not_eligible' },
    'entered-in-error': { patient: 'not_eligible', staff: 'not_eligible' },
    waitlist: { patient: 'not_eligible', staff: 'not_eligible' },
  };

  it('covers every FHIR R4 AppointmentStatus', () => {
    expect(Object.keys(expected).sort()).toEqual([...ALL_STATUSES].sort());
  });

  it.each(ALL_STATUSES)('%s', (status) => {
    const want = expected[status];
    expect(eligibility(appt(status), now, RULES, 'patient')).toEqual({ state: want.patient, opensAt: null });
    expect(eligibility(appt(status), now, RULES, 'staff')).toEqual({ state: want.staff, opensAt: null });
  });

  it('defaults to the patient rules', () => {
    expect(eligibility(appt('pending'), now, RULES).state).toBe('not_eligible');
    expect(eligibility(appt('booked'), new Date(OPENS - 1), RULES).state).toBe('too_early');
  });
});

describe('eligibility window for a patient (booked)', () => {
  const opensAt = new Date(OPENS).toISOString();
  it.each<[string, number, string, string | null]>([
    ['a day early', START_MS - 24 * 60 * MIN, 'too_early', opensAt],
    ['one minute before it opens', OPENS - MIN, 'too_early', opensAt],
    ['one ms before it opens', OPENS - 1, 'too_early', opensAt],
    ['exactly when it opens', OPENS, 'open', null],
    ['one ms after it opens', OPENS + 1, 'open', null],
    ['at the start time', START_MS, 'open', null],
    ['one ms before it closes', CLOSES - 1, 'open', null],
    ['exactly when it closes', CLOSES, 'open', null],
    ['one ms after it closes', CLOSES + 1, 'too_late', null],
    ['one minute after it closes', CLOSES + MIN, 'too_late', null],
    ['the next day', START_MS + 24 * 60 * MIN, 'too_late', null],
  ])('%s (now=%i) → %s', (_label, t, state, opens) => {
    expect(eligibility(appt('booked'), new Date(t), RULES)).toEqual({ state, opensAt: opens });
  });

  it('reports when check-in opens as a UTC ISO instant, whatever offset the start was written with', () => {
    const e = eligibility(appt('booked', '2026-06-15T10:00:00-04:00'), new Date('2026-06-15T12:00:00Z'), RULES);
    expect(e).toEqual({ state: 'too_early', opensAt: '2026-06-15T13:00:00.000Z' });
  });

  it('follows the configured window', () => {
    const rules = { opensMinutesBefore: 0, closesMinutesAfter: 0 };
    expect(eligibility(appt('booked'), new Date(START_MS - 1), rules)).toEqual({ state: 'too_early', opensAt: START });
    expect(eligibility(appt('booked'), new Date(START_MS), rules).state).toBe('open');
    expect(eligibility(appt('booked'), new Date(START_MS + 1), rules).state).toBe('too_late');
    const wide = { opensMinutesBefore: 120, closesMinutesAfter: 60 };
    expect(eligibility(appt('booked'), new Date(START_MS - 119 * MIN), wide).state).toBe('open');
    expect(eligibility(appt('booked'), new Date(START_MS + 59 * MIN), wide).state).toBe('open');
    expect(eligibility(appt('booked'), new Date(START_MS - 61 * MIN), RULES).state).toBe('too_early');
  });
});

describe('eligibility for staff', () => {
  it.each([START_MS - 24 * 60 * MIN, OPENS - 1, CLOSES + 1, START_MS + 6 * 60 * MIN])('ignores the window (now = %d)', (t) => {
    expect(eligibility(appt('booked'), new Date(t), RULES, 'staff')).toEqual({ state: 'open', opensAt: null });
    expect(eligibility(appt('pending'), new Date(t), RULES, 'staff')).toEqual({ state: 'open', opensAt: null });
  });
});

describe('a video visit', () => {
  const video = (status: Appointment['status']): Appointment => ({
    ...appt(status),
    appointmentType: { coding: [{ system: 'http://snomed.info/sct', code: '448337001', display: 'Telemedicine' }] },
  });
  const inWindow = new Date(START_MS - 10 * MIN);

  it('is never open for the patient, not even inside the window', () => {
    expect(eligibility(appt('booked'), inWindow, RULES, 'patient').state).toBe('open');
    for (const t of [OPENS - 1, OPENS, START_MS, CLOSES, CLOSES + 1])
      expect(eligibility(video('booked'), new Date(t), RULES, 'patient')).toEqual({ state: 'not_eligible', opensAt: null });
  });

  it('staff, who override the rules, may still check it in; done is done for anyone', () => {
    expect(eligibility(video('booked'), inWindow, RULES, 'staff')).toEqual({ state: 'open', opensAt: null });
    expect(eligibility(video('arrived'), inWindow, RULES, 'patient').state).toBe('checked_in');
  });

  it('a patient check-in of it waiting in the outbox is never delivered', () => {
    const DAY = { ...RULES, timezone: 'America/New_York' };
    const at = new Date(START_MS - 5 * MIN).toISOString();
    expect(deliveryEligibility(video('booked'), new Date(START_MS), DAY, { by: 'patient', at }).state).toBe('not_eligible');
    expect(deliveryEligibility(video('booked'), new Date(START_MS), DAY, { by: 'staff', at }).state).toBe('open');
  });
});

describe('eligibility with a missing or bad start', () => {
  it.each([null, '', 'not a date'])('start %j is not eligible for patient or staff', (start) => {
    const a = appt('booked', start);
    expect(eligibility(a, new Date(START_MS), RULES, 'patient')).toEqual({ state: 'not_eligible', opensAt: null });
    expect(eligibility(a, new Date(START_MS), RULES, 'staff')).toEqual({ state: 'not_eligible', opensAt: null });
  });

  it('an already checked-in appointment counts as checked in even without a start', () => {
    expect(eligibility(appt('arrived', null), new Date(START_MS), RULES).state).toBe('checked_in');
  });
});

describe('the building blocks of the rule agree with eligibility()', () => {
  it.each(ALL_STATUSES)('%s', (status) => {
    const e = (by: 'patient' | 'staff') => eligibility(appt(status), new Date(START_MS), RULES, by).state;
    expect(isCheckedIn(status)).toBe(e('patient') === 'checked_in');
    expect(mayCheckIn(status, 'patient')).toBe(e('patient') === 'open');
    expect(mayCheckIn(status, 'staff')).toBe(e('staff') === 'open');
  });

  it('undo reverts only our own target status', () => {
    expect(mayUndo('checked-in', 'checked-in')).toBe(true);
    expect(mayUndo('arrived', 'arrived')).toBe(true);
    expect(mayUndo('arrived', 'checked-in')).toBe(false);
    expect(mayUndo('fulfilled', 'checked-in')).toBe(false);
    expect(mayUndo('booked', 'checked-in')).toBe(false);
  });
});

describe('deliveryEligibility: the window of whoever asked, at delivery time', () => {
  const DAY = { ...RULES, timezone: 'America/New_York' };
  // START is 10:00 New York; the appointment ends 10:20, so a staff check-in stays good until 10:35.
  const patient = { by: 'patient' as const, at: new Date(START_MS - 5 * MIN).toISOString() };
  const staff = { by: 'staff' as const, at: new Date(START_MS - 5 * MIN).toISOString() };
  const at = (ms: number) => new Date(ms);

  it.each<[string, number, string, string]>([
    ['patient, inside the window', START_MS, 'patient', 'open'],
    ['patient, at the close', CLOSES, 'patient', 'open'],
    ['patient, one ms after the close', CLOSES + 1, 'patient', 'too_late'],
    ['patient, in the afternoon', START_MS + 5 * 60 * MIN, 'patient', 'too_late'],
    ['staff, after the patient window but before end + close', CLOSES + 5 * MIN, 'staff', 'open'],
    ['staff, at end + close', START_MS + 35 * MIN, 'staff', 'open'],
    ['staff, one ms after end + close', START_MS + 35 * MIN + 1, 'staff', 'too_late'],
    ['staff, in the afternoon', START_MS + 5 * 60 * MIN, 'staff', 'too_late'],
  ])('%s → %s', (_label, t, by, state) => {
    expect(deliveryEligibility(appt('booked'), at(t), DAY, by === 'staff' ? staff : patient).state).toBe(state);
  });

  it('a staff check-in recorded after the appointment ended stays good for closesMinutesAfter from then', () => {
    const late = { by: 'staff' as const, at: new Date(START_MS + 60 * MIN).toISOString() };
    expect(deliveryEligibility(appt('booked'), at(START_MS + 74 * MIN), DAY, late).state).toBe('open');
    expect(deliveryEligibility(appt('booked'), at(START_MS + 76 * MIN), DAY, late).state).toBe('too_late');
  });

  it('without an end, a staff check-in is measured from the start', () => {
    const a = { ...appt('booked'), end: undefined };
    expect(deliveryEligibility(a, at(CLOSES), DAY, staff).state).toBe('open');
    expect(deliveryEligibility(a, at(CLOSES + 1), DAY, staff).state).toBe('too_late');
  });

  it('staff rules still apply to the status: pending may be delivered for staff, never for a patient', () => {
    expect(deliveryEligibility(appt('pending'), at(START_MS), DAY, staff).state).toBe('open');
    expect(deliveryEligibility(appt('pending'), at(START_MS), DAY, patient).state).toBe('not_eligible');
  });

  it('done is done, cancelled is not eligible, whoever asked', () => {
    for (const asked of [patient, staff]) {
      expect(deliveryEligibility(appt('arrived'), at(START_MS + 9 * 60 * MIN), DAY, asked).state).toBe('checked_in');
      expect(deliveryEligibility(appt('cancelled'), at(START_MS), DAY, asked).state).toBe('not_eligible');
    }
  });

  it('an appointment moved to another day is not eligible (for staff too, whose window would still be open)', () => {
    const tomorrow = appt('booked', new Date(START_MS + 24 * 60 * MIN).toISOString());
    const moved = { ...tomorrow, end: new Date(START_MS + 24 * 60 * MIN + 20 * MIN).toISOString() };
    expect(deliveryEligibility(moved, at(START_MS), DAY, staff).state).toBe('not_eligible');
    expect(deliveryEligibility(moved, at(START_MS), DAY, patient).state).toBe('too_early');
  });
});
