import { describe, expect, it, vi, type Mock } from 'vitest';
import { KioskError } from '../../../../main/core/errors.js';
import {
  createIpcRouter,
  DEFAULT_MAX_IN_FLIGHT,
  isTrustedSender,
  type Handlers,
  type SenderInfo,
  type TrustPolicy,
} from '../../../../main/core/ipc-router.js';
import { createLogger, memorySink } from '../../../../main/core/log.js';
import { channels, ErrorCode, type Channel } from '../../../../preload/contract.js';

const SESSION = 'sessAAAAbbbbCCCCdddd1234';
const KEY = 'apptKEY_0001-xyz';
const SENDER: SenderInfo = { url: 'https://kiosk.invalid/index.html', isMainFrame: true, id: 1 };

const VIEW = {
  key: KEY,
  start: '2026-06-15T14:00:00.000Z',
  clinician: 'Dr. Rivera',
  location: 'Main clinic',
  visit: 'in_person' as const,
  state: 'open' as const,
  opensAt: null,
};

/** For each channel: a valid request, the handler's valid response, and invalid requests. */
const CASES: Record<Channel, { request: unknown; response: unknown; invalid: unknown[] }> = {
  'kiosk:info': {
    request: {},
    response: {
      clinicName: 'Riverside Family Clinic',
      timezone: 'America/Chicago',
      languages: ['en', 'es'],
      mode: 'live',
      kioskId: 'kiosk-1',
      idleSeconds: 60,
      warningSeconds: 20,
      configProblem: null,
      health: { state: 'ok', checkedAt: '2026-06-15T14:00:00.000Z' },
    },
    invalid: [{ extra: 1 }, null, undefined, 'info', [], 0],
  },
  'kiosk:health': {
    request: {},
    response: { state: 'unreachable', checkedAt: null },
    invalid: [{ state: 'ok' }, null, undefined, 'x'],
  },
  'patient:identify': {
    request: { familyName: 'García-López', birthDate: '1980-02-29', givenName: 'María' },
    response: { outcome: 'found', session: SESSION, greetingName: 'María G.', appointments: [VIEW] },
    invalid: [
      {},
      null,
      { familyName: 'Okafor' },
      { birthDate: '1980-01-01' },
      { familyName: '', birthDate: '1980-01-01' },
      { familyName: 'Okafor', birthDate: '1981-02-29' },
      { familyName: 'Okafor', birthDate: '01/02/1980' },
      { familyName: 'Oka\u0000for', birthDate: '1980-01-01' },
      { familyName: 'O'.repeat(61), birthDate: '1980-01-01' },
      { familyName: 'Okafor', birthDate: '1980-01-01', givenName: '' },
      { familyName: 'Okafor', birthDate: '1980-01-01', givenName: 7 },
      { familyName: ['Okafor'], birthDate: '1980-01-01' },
    ],
  },
  'patient:checkIn': {
    request: { session: SESSION, keys: [KEY] },
    response: { results: [{ key: KEY, outcome: 'checked_in', opensAt: null }] },
    invalid: [
      {},
      { session: SESSION },
      { session: SESSION, keys: [] },
      { session: SESSION, keys: KEY },
      { session: SESSION, keys: ['short'] },
      { session: SESSION, keys: Array.from({ length: 21 }, (_, i) => `${KEY}${i}`) },
      { session: 'has spaces in it', keys: [KEY] },
      { session: SESSION, keys: ['../../Appointment/1'] },
    ],
  },
  'patient:endSession': {
    request: { session: SESSION },
    response: {},
    invalid: [{}, null, { session: 'short' }, { session: 'x'.repeat(65) }, { session: 12345678 }],
  },
  'staff:unlock': {
    request: { pin: '482915' },
    response: { outcome: 'wrong_pin', attemptsLeft: 4 },
    invalid: [{}, { pin: 482915 }, { pin: '12' }, { pin: '1234567890123' }, { pin: '12a4' }, { pin: ' 1234' }],
  },
  'staff:lock': { request: { staffSession: SESSION }, response: {}, invalid: [{}, { staffSession: 'x' }, { session: SESSION }] },
  'staff:overview': {
    request: { staffSession: SESSION },
    response: { kioskId: 'kiosk-1', health: { state: 'ok', checkedAt: null }, outbox: [], expiresAt: '2026-06-15T14:05:00.000Z' },
    invalid: [{}, { staffSession: null }, { staffSession: 'a/b+c=' + 'x'.repeat(10) }],
  },
  'staff:retryOutbox': {
    request: { staffSession: SESSION },
    response: { kioskId: 'kiosk-1', health: { state: 'unreachable', checkedAt: null }, outbox: [], expiresAt: '2026-06-15T14:05:00.000Z' },
    invalid: [{}, { staffSession: ['x'] }],
  },
  'staff:exit': {
    request: { staffSession: SESSION, pin: '482915' },
    response: {},
    // Exit needs the PIN again: a session alone is refused before any handler runs.
    invalid: [{}, { staffSession: '' }, { staffSession: SESSION }, { staffSession: SESSION, pin: '12' }],
  },
  'staff:identify': {
    request: { staffSession: SESSION, familyName: 'Okafor', birthDate: '1985-03-14' },
    response: { outcome: 'need_first_name' },
    invalid: [
      { familyName: 'Okafor', birthDate: '1985-03-14' },
      { staffSession: SESSION, familyName: 'Okafor', birthDate: '1985-02-30' },
    ],
  },
  'staff:checkIn': {
    request: { staffSession: SESSION, session: SESSION, keys: [KEY] },
    response: { results: [{ key: KEY, outcome: 'checked_in', opensAt: null }] },
    invalid: [
      { session: SESSION, keys: [KEY] },
      { staffSession: SESSION, session: SESSION, keys: [] },
    ],
  },
  'staff:undo': {
    request: { staffSession: SESSION, session: SESSION, key: KEY, pin: '482915' },
    response: { outcome: 'undone' },
    invalid: [
      { staffSession: SESSION, session: SESSION, key: KEY },
      { staffSession: SESSION, session: SESSION },
      { staffSession: SESSION, session: SESSION, key: 'bad key!' },
    ],
  },
  ...scheduleCases(),
  'audio:speak': {
    request: { text: 'Hi, María G. Press Enter to check in.', lang: 'es', interrupt: true, rate: 1.2, volume: 0.5 },
    response: {},
    invalid: [
      {},
      { text: '', lang: 'en', interrupt: true },
      { text: 'x'.repeat(801), lang: 'en', interrupt: true },
      { text: 'a\u0007bell', lang: 'en', interrupt: true },
      { text: 'Hello', lang: 'fr', interrupt: true },
      { text: 'Hello', lang: 'en' },
      { text: 'Hello', lang: 'en', interrupt: true, rate: 9 },
      { text: 'Hello', lang: 'en', interrupt: true, volume: 0 },
    ],
  },
  'audio:stop': { request: {}, response: {}, invalid: [{ now: true }, null] },
};

/** The staff day view, walk-in and activity channels (main/core/schedule). */
function scheduleCases() {
  const ROW = {
    key: KEY,
    start: '2026-06-15T14:00:00.000Z',
    patientName: 'Amara Okafor',
    clinician: 'Dr. Rivera',
    status: 'booked',
    kiosk: null,
    walkIn: false,
    visit: 'in_person',
    action: 'check_in',
  };
  const ACTIVITY = {
    since: '2026-06-15T04:00:00.000Z',
    checkIns: 3,
    alreadyCheckedIn: 0,
    recordedOffline: 1,
    delivered: 1,
    walkIns: 0,
    pauses: 0,
    pauseLifts: 0,
    failures: [{ reason: 'checkin:too_early', count: 2 }],
    pausedUntil: null,
  };
  const staffOnly = [{}, { staffSession: 'x' }, null];
  return {
    'staff:schedule': {
      request: { staffSession: SESSION, refresh: true },
      response: { ready: true, loadedAt: '2026-06-15T14:00:00.000Z', rows: [ROW] },
      invalid: [...staffOnly, { staffSession: SESSION, refresh: 'yes' }],
    },
    'staff:scheduleCheckIn': {
      request: { staffSession: SESSION, key: KEY },
      response: { outcome: 'checked_in' },
      invalid: [...staffOnly, { staffSession: SESSION, key: '../Appointment/1' }],
    },
    'staff:scheduleUndo': {
      request: { staffSession: SESSION, key: KEY, pin: '482915' },
      response: { outcome: 'undone' },
      invalid: [...staffOnly, { staffSession: SESSION }, { staffSession: SESSION, key: KEY }],
    },
    'staff:walkInOptions': {
      request: { staffSession: SESSION },
      response: { practitioners: [{ key: KEY, label: 'Dr. Rivera' }], locations: [], appointmentTypes: [], durations: [15] },
      invalid: staffOnly,
    },
    'staff:findPatient': {
      request: { staffSession: SESSION, familyName: 'Okafor', birthDate: '1980-01-01' },
      response: { patients: [{ key: KEY, fullName: 'Amara Okafor', birthDate: '1980-01-01' }] },
      invalid: [...staffOnly, { staffSession: SESSION, familyName: 'Okafor', birthDate: '1981-02-29' }],
    },
    'staff:walkIn': {
      request: { staffSession: SESSION, patientKey: KEY, practitionerKey: KEY, locationKey: KEY, appointmentTypeKey: KEY, minutes: 15 },
      response: { outcome: 'created', row: ROW },
      invalid: [
        ...staffOnly,
        { staffSession: SESSION, patientKey: KEY, practitionerKey: KEY, locationKey: KEY, appointmentTypeKey: KEY, minutes: 0 },
        { staffSession: SESSION, patientKey: 'Patient/1', practitionerKey: KEY, locationKey: KEY, appointmentTypeKey: KEY, minutes: 15 },
      ],
    },
    'staff:activity': { request: { staffSession: SESSION }, response: ACTIVITY, invalid: staffOnly },
    'staff:liftPause': { request: { staffSession: SESSION }, response: { lifted: true, activity: ACTIVITY }, invalid: staffOnly },
  } satisfies Partial<Record<Channel, { request: unknown; response: unknown; invalid: unknown[] }>>;
}

type FakeHandlers = Record<Channel, Mock<(request: unknown) => Promise<unknown>>>;

function setup(opts: { trusted?: boolean } = {}) {
  const handlers = Object.fromEntries(
    channels.map((c) => [c, vi.fn(async (_r: unknown) => structuredClone(CASES[c].response))]),
  ) as FakeHandlers;
  const sink = memorySink();
  const log = createLogger([sink], { minLevel: 'debug' });
  const isTrusted = vi.fn((_s: SenderInfo) => opts.trusted ?? true);
  const dispatch = createIpcRouter(handlers as unknown as Handlers, { log, isTrusted });
  return { handlers, dispatch, isTrusted, lines: sink.lines };
}

describe('the test table', () => {
  it('covers every channel of the contract', () => {
    expect(Object.keys(CASES).sort()).toEqual([...channels].sort());
  });
});

describe.each(channels)('channel %s', (channel) => {
  const c = CASES[channel];

  it('a valid payload reaches the handler and its valid response is returned', async () => {
    const { dispatch, handlers, isTrusted } = setup();
    const res = await dispatch(channel, structuredClone(c.request), SENDER);
    expect(res).toEqual({ ok: true, value: c.response });
    expect(handlers[channel]).toHaveBeenCalledTimes(1);
    expect(handlers[channel]).toHaveBeenCalledWith(c.request);
    expect(isTrusted).toHaveBeenCalledWith(SENDER);
    for (const other of channels.filter((o) => o !== channel)) expect(handlers[other]).not.toHaveBeenCalled();
  });

  it.each(c.invalid.map((p) => [JSON.stringify(p) ?? String(p), p]))(
    'invalid payload %s → invalid_request, handler not called',
    async (_label, payload) => {
      const { dispatch, handlers } = setup();
      const res = await dispatch(channel, payload, SENDER);
      expect(res).toEqual({ ok: false, error: { code: 'invalid_request', message: expect.any(String) } });
      expect(handlers[channel]).not.toHaveBeenCalled();
    },
  );

  it('an untrusted sender → forbidden_sender, handler not called', async () => {
    const { dispatch, handlers } = setup({ trusted: false });
    const res = await dispatch(channel, structuredClone(c.request), SENDER);
    expect(res).toEqual({ ok: false, error: { code: 'forbidden_sender', message: expect.any(String) } });
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it('a handler returning an invalid response → internal', async () => {
    const { dispatch, handlers, lines } = setup();
    handlers[channel].mockResolvedValueOnce({ definitely: 'not valid', state: 'bogus', outcome: 'bogus', results: 'x', extra: 1 });
    const res = await dispatch(channel, structuredClone(c.request), SENDER);
    expect(res).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong.' } });
    expect(lines.some((l) => l.includes('ipc.invalid_response'))).toBe(true);
  });

  it('a handler resolving to undefined → internal', async () => {
    const { dispatch, handlers } = setup();
    handlers[channel].mockResolvedValueOnce(undefined);
    const res = await dispatch(channel, structuredClone(c.request), SENDER);
    expect(res).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('in-flight cap per channel', () => {
  /** Handlers that stay pending until released, to hold requests in flight. */
  function held() {
    const { dispatch, handlers } = setup();
    const gates: Array<() => void> = [];
    for (const c of channels)
      handlers[c].mockImplementation(() => new Promise((resolve) => gates.push(() => resolve(structuredClone(CASES[c].response)))));
    return { dispatch, handlers, release: () => gates.splice(0).forEach((g) => g()) };
  }

  it.each<[Channel, number]>([
    ['staff:unlock', 1],
    ['patient:identify', 2],
    ['kiosk:info', DEFAULT_MAX_IN_FLIGHT],
  ])('a burst of 200 on %s runs %i handler(s) and answers busy to the rest', async (channel, cap) => {
    const { dispatch, handlers, release } = held();
    const pending = Array.from({ length: 200 }, () => dispatch(channel, structuredClone(CASES[channel].request), SENDER));
    await new Promise((r) => setTimeout(r, 10));
    expect(handlers[channel]).toHaveBeenCalledTimes(cap);
    release();
    const results = await Promise.all(pending);
    expect(results.filter((r) => r.ok)).toHaveLength(cap);
    expect(results.filter((r) => !r.ok && r.error.code === 'busy')).toHaveLength(200 - cap);
    // The slots are free again once the handlers finished, including after a throw.
    handlers[channel].mockRejectedValueOnce(new Error('boom'));
    expect((await dispatch(channel, structuredClone(CASES[channel].request), SENDER)).ok).toBe(false);
    handlers[channel].mockResolvedValue(structuredClone(CASES[channel].response));
    expect((await dispatch(channel, structuredClone(CASES[channel].request), SENDER)).ok).toBe(true);
  });

  it('one busy channel does not block another', async () => {
    const { dispatch, handlers, release } = held();
    const unlock = dispatch('staff:unlock', structuredClone(CASES['staff:unlock'].request), SENDER);
    const info = dispatch('kiosk:info', {}, SENDER);
    await new Promise((r) => setTimeout(r, 10));
    expect(handlers['kiosk:info']).toHaveBeenCalledTimes(1);
    release();
    expect((await unlock).ok && (await info).ok).toBe(true);
  });
});

describe('unknown channels', () => {
  it.each<[string, unknown]>([
    ['unknown name', 'kiosk:secrets'],
    ['wrong case', 'KIOSK:INFO'],
    ['trailing space', 'kiosk:info '],
    ['empty', ''],
    ['number', 42],
    ['null', null],
    ['undefined', undefined],
    ['object', { channel: 'kiosk:info' }],
    ['array', ['kiosk:info']],
    ['symbol', Symbol('kiosk:info')],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['toString', 'toString'],
    ['hasOwnProperty', 'hasOwnProperty'],
    ['valueOf', 'valueOf'],
  ])('%s → unknown_channel and no handler runs', async (_label, channel) => {
    const { dispatch, handlers, isTrusted } = setup();
    const res = await dispatch(channel, {}, SENDER);
    expect(res).toEqual({ ok: false, error: { code: 'unknown_channel', message: expect.any(String) } });
    for (const c of channels) expect(handlers[c]).not.toHaveBeenCalled();
    expect(isTrusted).not.toHaveBeenCalled();
  });

  it('logs at most 60 characters of an unknown channel name', async () => {
    const { dispatch, lines } = setup();
    await dispatch('x'.repeat(500), {}, SENDER);
    const entry = JSON.parse(lines.find((l) => l.includes('ipc.unknown_channel'))!) as { channel: string };
    expect(entry.channel).toHaveLength(60);
  });
});

describe('trust comes before validation', () => {
  it('an untrusted sender with an invalid payload is refused as forbidden_sender', async () => {
    const { dispatch } = setup({ trusted: false });
    expect(await dispatch('patient:identify', { bogus: true }, SENDER)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });
});

describe('request parsing', () => {
  it('the handler gets the parsed request, without undeclared fields', async () => {
    const { dispatch, handlers } = setup();
    await dispatch('patient:identify', { familyName: 'Okafor', birthDate: '1980-01-01', ssn: '000-00-0000' }, SENDER);
    expect(handlers['patient:identify']).toHaveBeenCalledWith({ familyName: 'Okafor', birthDate: '1980-01-01' });
  });

  it('never logs what the patient typed when a request is rejected', async () => {
    const { dispatch, lines } = setup();
    await dispatch('patient:identify', { familyName: 'Okafor-Synthetic\u0007', birthDate: '1980-02-30' }, SENDER);
    const text = lines.join('\n');
    expect(text).toContain('ipc.invalid_request');
    expect(text).not.toContain('Okafor');
    expect(text).not.toContain('1980-02-30');
  });
});

describe('handler errors', () => {
  it.each(ErrorCode.options)('a KioskError with code %s is returned with that code and its message', async (code) => {
    const { dispatch, handlers } = setup();
    handlers['patient:checkIn'].mockRejectedValueOnce(new KioskError(code, `Staff-visible: ${code}`));
    expect(await dispatch('patient:checkIn', CASES['patient:checkIn'].request, SENDER)).toEqual({
      ok: false,
      error: { code, message: `Staff-visible: ${code}` },
    });
  });

  it.each<[string, unknown]>([
    ['an Error', new Error('connect ECONNREFUSED 10.9.8.7:443 while reading Patient Okafor')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'family')")],
    ['a string', 'raw failure text with token abc'],
    ['null', null],
    ['undefined', undefined],
    ['a plain object', { code: 'session_expired', message: 'looks like a KioskError but is not' }],
  ])('anything else (%s) → internal with a generic message', async (_label, thrown) => {
    const { dispatch, handlers } = setup();
    handlers['patient:identify'].mockRejectedValueOnce(thrown);
    const res = await dispatch('patient:identify', CASES['patient:identify'].request, SENDER);
    expect(res).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong.' } });
  });

  it('a handler that throws synchronously is caught too', async () => {
    const { dispatch, handlers } = setup();
    handlers['kiosk:info'].mockImplementationOnce(() => {
      throw new Error('sync boom');
    });
    expect(await dispatch('kiosk:info', {}, SENDER)).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong.' } });
  });
});

describe('responses are stripped to the contract (privacy)', () => {
  it('an appointment view with extra PHI fields does not reach the renderer', async () => {
    const { dispatch, handlers } = setup();
    handlers['patient:identify'].mockResolvedValueOnce({
      outcome: 'found',
      session: SESSION,
      greetingName: 'María G.',
      patientId: 'Patient/pat-synthetic-1',
      familyName: 'García-López',
      appointments: [
        { ...VIEW, birthDate: '1980-02-29', patient: { reference: 'Patient/pat-synthetic-1' }, reasonCode: 'Synthetic reason' },
      ],
    });
    const res = await dispatch('patient:identify', CASES['patient:identify'].request, SENDER);
    expect(res).toEqual({ ok: true, value: CASES['patient:identify'].response });
    const json = JSON.stringify(res);
    for (const leaked of ['1980-02-29', 'pat-synthetic-1', 'García-López', 'Synthetic reason']) expect(json).not.toContain(leaked);
  });

  it('kiosk info does not leak config internals', async () => {
    const { dispatch, handlers } = setup();
    handlers['kiosk:info'].mockResolvedValueOnce({
      ...(CASES['kiosk:info'].response as object),
      fhirBaseUrl: 'https://fumage-example.canvasmedical.com',
      accessToken: 'synthetic-token',
    });
    const res = await dispatch('kiosk:info', {}, SENDER);
    expect(res).toEqual({ ok: true, value: CASES['kiosk:info'].response });
  });

  it('check-in results are stripped too', async () => {
    const { dispatch, handlers } = setup();
    handlers['patient:checkIn'].mockResolvedValueOnce({
      results: [{ key: KEY, outcome: 'failed', opensAt: null, httpStatus: 422, detail: 'server text' }],
      patientId: 'p',
    });
    expect(await dispatch('patient:checkIn', CASES['patient:checkIn'].request, SENDER)).toEqual({
      ok: true,
      value: { results: [{ key: KEY, outcome: 'failed', opensAt: null }] },
    });
  });
});

describe('isTrustedSender', () => {
  const policy: TrustPolicy = { origin: 'https://kiosk.invalid', trustedIds: new Set<number | string>([1, 'page-7']) };
  const sender = (over: Partial<SenderInfo>): SenderInfo => ({ ...SENDER, ...over });

  it.each<[string, SenderInfo | null | undefined, boolean]>([
    ['our window, main frame, our origin', SENDER, true],
    ['another page of our origin', sender({ url: 'https://kiosk.invalid/staff/index.html?x=1#top' }), true],
    ['string id that is trusted', sender({ id: 'page-7' }), true],
    ['upper-case scheme and host', sender({ url: 'HTTPS://KIOSK.INVALID/' }), true],
    ['explicit default port', sender({ url: 'https://kiosk.invalid:443/' }), true],
    ['wrong id', sender({ id: 2 }), false],
    ['id of the right value but the wrong type', sender({ id: '1' }), false],
    ['subframe', sender({ isMainFrame: false }), false],
    ['other origin', sender({ url: 'https://evil.example/' }), false],
    ['suffix attack', sender({ url: 'https://kiosk.invalid.evil.com/' }), false],
    ['userinfo attack', sender({ url: 'https://kiosk.invalid@evil.com/' }), false],
    ['http instead of https', sender({ url: 'http://kiosk.invalid/' }), false],
    ['other port', sender({ url: 'https://kiosk.invalid:8443/' }), false],
    ['subdomain', sender({ url: 'https://www.kiosk.invalid/' }), false],
    ['about:blank', sender({ url: 'about:blank' }), false],
    ['data URL', sender({ url: 'data:text/html,<script>1</script>' }), false],
    ['file URL', sender({ url: 'file:///tmp/index.html' }), false],
    ['garbage URL', sender({ url: 'not a url' }), false],
    ['empty URL', sender({ url: '' }), false],
    ['null sender', null, false],
    ['undefined sender', undefined, false],
  ])('%s → %s', (_label, s, expected) => {
    expect(isTrustedSender(s, policy)).toBe(expected);
  });

  it('an empty trust set trusts nobody', () => {
    expect(isTrustedSender(SENDER, { origin: 'https://kiosk.invalid', trustedIds: new Set() })).toBe(false);
  });
});
