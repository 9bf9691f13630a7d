import { describe, expect, it } from 'vitest';
import {
  AppointmentView,
  channels,
  CheckInRequest,
  CheckInResponse,
  contract,
  ErrorCode,
  IdentifyRequest,
  IdentifyResponse,
  isChannel,
  KioskInfo,
  SessionRequest,
} from '../../../preload/contract.js';

const ok = { familyName: 'Okafor', birthDate: '1980-01-01' };

describe('IdentifyRequest.familyName / givenName (typed by a patient)', () => {
  it.each([
    'Okafor',
    'García-López',
    "O'Brien",
    'o’brien',
    'van der Berg',
    'Nguyễn',
    'Øberg',
    'Strauß',
    '  Okafor  ',
    'O'.repeat(60),
    'Zoë\u200bOkafor', // zero-width space is a format character, not a control character
  ])('accepts %j', (familyName) => {
    expect(IdentifyRequest.safeParse({ ...ok, familyName }).success).toBe(true);
    expect(IdentifyRequest.safeParse({ ...ok, givenName: familyName }).success).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['61 characters', 'O'.repeat(61)],
    ['NUL', 'Oka\u0000for'],
    ['newline', 'Okafor\n'],
    ['carriage return', 'Oka\rfor'],
    ['tab', 'Oka\tfor'],
    ['escape', '\u001b[31mOkafor'],
    ['DEL', 'Okafor\u007f'],
    ['C1 control (NEL)', 'Oka\u0085for'],
    ['lone surrogate', 'Oka\ud800for'],
  ])('rejects %s', (_label, familyName) => {
    expect(IdentifyRequest.safeParse({ ...ok, familyName }).success).toBe(false);
    expect(IdentifyRequest.safeParse({ ...ok, givenName: familyName }).success).toBe(false);
  });

  it.each([null, 42, ['Okafor'], { family: 'Okafor' }])('rejects a non-string family name %j', (familyName) => {
    expect(IdentifyRequest.safeParse({ ...ok, familyName }).success).toBe(false);
  });

  it('givenName is optional, familyName and birthDate are not', () => {
    expect(IdentifyRequest.safeParse(ok).success).toBe(true);
    expect(IdentifyRequest.safeParse({ birthDate: ok.birthDate }).success).toBe(false);
    expect(IdentifyRequest.safeParse({ familyName: ok.familyName }).success).toBe(false);
  });

  it('strips undeclared fields', () => {
    expect(IdentifyRequest.parse({ ...ok, phone: '555-0100' })).toEqual(ok);
  });
});

describe('IdentifyRequest.birthDate', () => {
  it.each(['1980-01-01', '2024-02-29', '2000-02-29', '1999-12-31', '2026-06-30', '1900-03-01'])('accepts %s', (birthDate) => {
    expect(IdentifyRequest.safeParse({ ...ok, birthDate }).success).toBe(true);
  });

  it.each([
    ['Feb 30', '2023-02-30'],
    ['Feb 29 in a common year', '2023-02-29'],
    ['Feb 29 in 1900 (not a leap year)', '1900-02-29'],
    ['April 31', '2023-04-31'],
    ['month 13', '2023-13-01'],
    ['month 00', '2023-00-10'],
    ['day 00', '2023-01-00'],
    ['day 32', '2023-01-32'],
    ['no zero padding', '1980-1-1'],
    ['US format', '01/02/1980'],
    ['slashes', '1980/01/02'],
    ['no separators', '19800101'],
    ['date-time', '1980-01-01T00:00:00Z'],
    ['trailing newline', '1980-01-01\n'],
    ['leading space', ' 1980-01-01'],
    ['two-digit year', '80-01-01'],
    ['non-ASCII digits', '١٩٨٠-٠١-٠١'],
    ['empty', ''],
  ])('rejects %s (%j)', (_label, birthDate) => {
    expect(IdentifyRequest.safeParse({ ...ok, birthDate }).success).toBe(false);
  });

  it('rejects a non-string', () => {
    expect(IdentifyRequest.safeParse({ ...ok, birthDate: 19800101 }).success).toBe(false);
    expect(IdentifyRequest.safeParse({ ...ok, birthDate: new Date('1980-01-01') }).success).toBe(false);
  });
});

describe('opaque keys and sessions (CheckInRequest, SessionRequest)', () => {
  const S = 'sessAAAAbbbbCCCCdddd1234';
  it.each(['abcdEFGH', 'a'.repeat(64), 'A1_b2-C3d4', 'Xyz0123456789-_xyzXYZ0123'])('accepts key %j', (key) => {
    expect(CheckInRequest.safeParse({ session: S, keys: [key] }).success).toBe(true);
    expect(SessionRequest.safeParse({ session: key }).success).toBe(true);
  });

  it.each([
    ['7 characters', 'abcdEFG'],
    ['65 characters', 'a'.repeat(65)],
    ['base64 padding', 'abcdEFGH='],
    ['plus', 'abcd+EFGH'],
    ['slash', 'abcd/EFGH'],
    ['a FHIR reference', 'Appointment/123456'],
    ['space', 'abcd EFGH'],
    ['dot', 'abcd.EFGH'],
    ['non-ASCII', 'abcdÉFGH'],
    ['empty', ''],
  ])('rejects key with %s', (_label, key) => {
    expect(CheckInRequest.safeParse({ session: S, keys: [key] }).success).toBe(false);
    expect(SessionRequest.safeParse({ session: key }).success).toBe(false);
  });

  it('needs 1 to 20 keys', () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `key-${String(i).padStart(4, '0')}`);
    expect(CheckInRequest.safeParse({ session: S, keys: keys(0) }).success).toBe(false);
    expect(CheckInRequest.safeParse({ session: S, keys: keys(1) }).success).toBe(true);
    expect(CheckInRequest.safeParse({ session: S, keys: keys(20) }).success).toBe(true);
    expect(CheckInRequest.safeParse({ session: S, keys: keys(21) }).success).toBe(false);
    expect(CheckInRequest.safeParse({ session: S, keys: 'key-0000' }).success).toBe(false);
    expect(CheckInRequest.safeParse({ keys: keys(1) }).success).toBe(false);
  });
});

describe('responses', () => {
  const view = {
    key: 'apptKEY_0001',
    start: '2026-06-15T14:00:00.000Z',
    clinician: 'Dr. Rivera',
    location: 'Main clinic',
    visit: 'in_person',
    state: 'too_early',
    opensAt: '2026-06-15T13:00:00.000Z',
  };

  it('IdentifyResponse accepts each outcome and rejects mismatched shapes', () => {
    expect(
      IdentifyResponse.safeParse({ outcome: 'found', session: 'sessAAAA1234', greetingName: 'Amara O.', appointments: [view] }).success,
    ).toBe(true);
    expect(IdentifyResponse.safeParse({ outcome: 'need_first_name' }).success).toBe(true);
    expect(IdentifyResponse.safeParse({ outcome: 'not_found', attemptsLeft: 2 }).success).toBe(true);
    expect(IdentifyResponse.safeParse({ outcome: 'cooldown', until: '2026-06-15T14:02:00.000Z' }).success).toBe(true);
    expect(IdentifyResponse.safeParse({ outcome: 'not_found', attemptsLeft: -1 }).success).toBe(false);
    expect(IdentifyResponse.safeParse({ outcome: 'found', session: 'sessAAAA1234', appointments: [] }).success).toBe(false);
    expect(IdentifyResponse.safeParse({ outcome: 'cooldown' }).success).toBe(false);
    expect(IdentifyResponse.safeParse({ outcome: 'error' }).success).toBe(false);
    expect(
      IdentifyResponse.safeParse({
        outcome: 'found',
        session: 'sessAAAA1234',
        greetingName: 'Amara O.',
        appointments: Array.from({ length: 21 }, () => view),
      }).success,
    ).toBe(false);
    expect(
      IdentifyResponse.safeParse({ outcome: 'found', session: 'sessAAAA1234', greetingName: 'x'.repeat(81), appointments: [] }).success,
    ).toBe(false);
  });

  it('AppointmentView strips fields beyond the minimum PHI', () => {
    expect(AppointmentView.parse({ ...view, birthDate: '1980-01-01', patientId: 'p1', familyName: 'Okafor' })).toEqual(view);
  });

  it('CheckInResponse only knows the declared outcomes', () => {
    expect(CheckInResponse.safeParse({ results: [{ key: 'apptKEY_0001', outcome: 'recorded_offline', opensAt: null }] }).success).toBe(
      true,
    );
    expect(CheckInResponse.safeParse({ results: [{ key: 'apptKEY_0001', outcome: 'success', opensAt: null }] }).success).toBe(false);
  });

  it('KioskInfo requires a known mode and at least one language', () => {
    const info = {
      clinicName: 'Clinic',
      timezone: 'America/Chicago',
      languages: ['en'],
      mode: 'demo',
      kioskId: 'kiosk-1',
      idleSeconds: 60,
      warningSeconds: 20,
      configProblem: null,
      health: { state: 'not_configured', checkedAt: null },
    };
    expect(KioskInfo.safeParse(info).success).toBe(true);
    expect(KioskInfo.safeParse({ ...info, mode: 'debug' }).success).toBe(false);
    expect(KioskInfo.safeParse({ ...info, languages: [] }).success).toBe(false);
    expect(KioskInfo.safeParse({ ...info, idleSeconds: 0 }).success).toBe(false);
  });
});

describe('channels', () => {
  it('every declared channel has a request and a response schema', () => {
    expect(channels.length).toBeGreaterThan(0);
    for (const c of channels) {
      expect(typeof contract[c].request.safeParse).toBe('function');
      expect(typeof contract[c].response.safeParse).toBe('function');
    }
  });

  it('channels are exactly the keys of the contract', () => {
    expect([...channels].sort()).toEqual(Object.keys(contract).sort());
  });

  it.each(channels)('isChannel(%s) is true', (c) => {
    expect(isChannel(c)).toBe(true);
  });

  it.each([['__proto__'], ['constructor'], ['toString'], ['hasOwnProperty'], [''], ['kiosk:Info'], [1], [null], [undefined], [{}]])(
    'isChannel(%j) is false',
    (c) => {
      expect(isChannel(c)).toBe(false);
    },
  );

  it('the empty requests refuse extra keys', () => {
    expect(contract['kiosk:info'].request.safeParse({}).success).toBe(true);
    expect(contract['kiosk:info'].request.safeParse({ x: 1 }).success).toBe(false);
    expect(contract['kiosk:health'].request.safeParse({ x: 1 }).success).toBe(false);
  });

  it('error codes are a closed list', () => {
    expect([...ErrorCode.options].sort()).toEqual(
      [
        'busy',
        'forbidden_sender',
        'internal',
        'invalid_request',
        'not_configured',
        'pin_rejected',
        'session_expired',
        'staff_locked',
        'unavailable',
        'unknown_channel',
      ].sort(),
    );
    expect(ErrorCode.safeParse('timeout').success).toBe(false);
  });
});
