/**
 * The round-trip counter behind `npm run bench`, checked against a hand-written request log: a
 * start-up, one patient's session (with a retried page and a 412 re-read), and background traffic.
 */
import { describe, expect, it } from 'vitest';
import {
  categorize,
  countByCategory,
  countWindow,
  emptyCounts,
  pathCounts,
  successfulWrites,
  type RequestLike,
} from '../../../scripts/bench/round-trips.js';

const APPT = '/Appointment/6f1c2a9e-1111-4aaa-8bbb-000000000001';
const OTHER_APPT = '/Appointment/6f1c2a9e-1111-4aaa-8bbb-000000000002';
const PRACTITIONER = '/Practitioner/2a340faab3b8e39ab403e3d718255ae7';
const LOCATION = '/Location/5318d49b-9c05-439d-8f88-05a5fc7a9832';

let clock = 1_000;
/** One request, arriving 10 ms after the previous one. */
function req(method: string, path: string, query = '', status = 200): RequestLike {
  clock += 10;
  return { method, path, query, status, at: clock, tokenRequest: path === '/auth/token/' };
}

// Start-up: token, health check (Location search).
const startup = [req('POST', '/auth/token/'), req('GET', '/Location', '_count=100')];
const sessionStart = clock + 1;
const session = [
  req('GET', '/Patient', 'birthdate=1984-03-12&active=true&_count=100'),
  req('GET', '/Appointment', 'patient=Patient%2Fabc&date=ge2025-01-01&date=le2025-01-03&_count=100'),
  req('GET', '/Appointment', 'patient=Patient%2Fabc&date=ge2025-01-01&date=le2025-01-03&_count=100&_offset=100'),
  req('GET', PRACTITIONER),
  req('GET', LOCATION),
  req('PUT', APPT, '', 412),
  req('GET', APPT),
  req('PUT', APPT, '', 0), // reset by the server: no answer
  req('PUT', APPT),
];
const sessionEnd = clock;
const later = [
  req('GET', '/Location', '_count=100'),
  req('GET', '/metadata'),
  req('POST', '/Appointment', '', 201),
  req('PUT', OTHER_APPT),
  req('PUT', APPT),
  req('POST', '/auth/token/', '', 401),
  req('GET', '/Patient/abc'),
];
const log = [...startup, ...session, ...later];

describe('categorize', () => {
  it.each<[string, string, string]>([
    ['POST', '/auth/token/', 'token'],
    ['GET', '/Patient', 'patientSearch'],
    ['GET', '/Patient/abc', 'other'],
    ['GET', '/Appointment', 'appointmentSearch'],
    ['POST', '/Appointment/_search', 'appointmentSearch'],
    ['GET', APPT, 'appointmentRead'],
    ['PUT', APPT, 'appointmentWrite'],
    ['POST', '/Appointment', 'appointmentCreate'],
    ['GET', PRACTITIONER, 'practitionerRead'],
    ['GET', LOCATION, 'locationRead'],
    ['GET', '/Location', 'locationSearch'],
    ['GET', '/metadata', 'metadata'],
    ['GET', '/fhir/r4/Patient', 'patientSearch'],
    ['GET', `/fhir/r4${APPT}/_history/2`, 'appointmentRead'],
    ['GET', '/favicon.ico', 'other'],
  ])('%s %s → %s', (method, path, category) => {
    expect(categorize({ method, path, tokenRequest: false })).toBe(category);
  });

  it('trusts the server’s token flag whatever the path', () => {
    expect(categorize({ method: 'POST', path: '/oauth2/token', tokenRequest: true })).toBe('token');
  });
});

describe('countByCategory', () => {
  it('counts every request of the whole log, retries and pages included', () => {
    expect(countByCategory(log)).toEqual({
      ...emptyCounts(),
      token: 2,
      patientSearch: 1,
      appointmentSearch: 2,
      appointmentRead: 1,
      appointmentWrite: 5,
      appointmentCreate: 1,
      practitionerRead: 1,
      locationRead: 1,
      locationSearch: 2,
      metadata: 1,
      other: 1,
    });
  });

  it('counts only the requests inside the window (bounds inclusive)', () => {
    const c = countWindow(log, { from: sessionStart, to: sessionEnd });
    expect(c).toEqual({ identification: 3, checkIn: 4, tokenFetches: 0, directoryLookups: 2, background: 0, other: 0, total: 9 });
    expect(countWindow(log, { from: session[0]!.at, to: session[0]!.at }).identification).toBe(1);
    expect(countWindow(log, { from: 0, to: startup[0]!.at - 1 }).total).toBe(0);
  });

  it('groups the categories the critical path is judged by', () => {
    expect(pathCounts(countByCategory(startup))).toEqual({
      identification: 0,
      checkIn: 0,
      tokenFetches: 1,
      directoryLookups: 0,
      background: 1,
      other: 0,
      total: 2,
    });
    expect(pathCounts(countByCategory(later))).toMatchObject({ checkIn: 2, tokenFetches: 1, background: 2, other: 2, total: 7 });
  });
});

describe('successfulWrites', () => {
  it('counts only 2xx writes, per appointment', () => {
    const writes = successfulWrites(log);
    expect(writes.get(APPT)).toBe(2);
    expect(writes.get(OTHER_APPT)).toBe(1);
    expect(writes.size).toBe(2);
  });

  it('honours the window', () => {
    expect([...successfulWrites(log, { from: sessionStart, to: sessionEnd })]).toEqual([[APPT, 1]]);
  });
});
