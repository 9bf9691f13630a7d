import { describe, expect, it, vi } from 'vitest';
import { buildKioskApi, type Invoke, type KioskApi } from '../../../preload/api.js';
import { channels, type Channel } from '../../../preload/contract.js';

const SESSION = 'sessAAAAbbbbCCCCdddd1234';

/**
 * Calls a no-payload method with no argument at all, as the design intends (`api.info()`).
 * The cast is needed because ArgsOf in preload/api.ts resolves to `[payload]` for empty requests
 * (zod 4 infers `Record<string, never>`, whose keyof is `string`, not `never`).
 */
const bare = (m: KioskApi['info'] | KioskApi['health']) => (m as unknown as () => Promise<unknown>)();

/** Each API method, how to call it, and the channel and payload the transport must see. */
const CALLS: Array<[keyof KioskApi, (api: KioskApi) => Promise<unknown>, Channel, unknown]> = [
  ['info', (api) => bare(api.info), 'kiosk:info', {}],
  ['health', (api) => bare(api.health), 'kiosk:health', {}],
  [
    'identify',
    (api) => api.identify({ familyName: 'García-López', birthDate: '1980-02-29', givenName: 'María' }),
    'patient:identify',
    { familyName: 'García-López', birthDate: '1980-02-29', givenName: 'María' },
  ],
  [
    'checkIn',
    (api) => api.checkIn({ session: SESSION, keys: ['apptKEY_0001'] }),
    'patient:checkIn',
    { session: SESSION, keys: ['apptKEY_0001'] },
  ],
  ['endSession', (api) => api.endSession({ session: SESSION }), 'patient:endSession', { session: SESSION }],
  ['staffUnlock', (api) => api.staffUnlock({ pin: '482915' }), 'staff:unlock', { pin: '482915' }],
  ['staffLock', (api) => api.staffLock({ staffSession: SESSION }), 'staff:lock', { staffSession: SESSION }],
  ['staffOverview', (api) => api.staffOverview({ staffSession: SESSION }), 'staff:overview', { staffSession: SESSION }],
  ['staffRetryOutbox', (api) => api.staffRetryOutbox({ staffSession: SESSION }), 'staff:retryOutbox', { staffSession: SESSION }],
  ['staffExit', (api) => api.staffExit({ staffSession: SESSION, pin: '482915' }), 'staff:exit', { staffSession: SESSION, pin: '482915' }],
  [
    'staffIdentify',
    (api) => api.staffIdentify({ staffSession: SESSION, familyName: 'Okafor', birthDate: '1985-03-14' }),
    'staff:identify',
    { staffSession: SESSION, familyName: 'Okafor', birthDate: '1985-03-14' },
  ],
  [
    'staffCheckIn',
    (api) => api.staffCheckIn({ staffSession: SESSION, session: SESSION, keys: [SESSION] }),
    'staff:checkIn',
    { staffSession: SESSION, session: SESSION, keys: [SESSION] },
  ],
  [
    'staffUndo',
    (api) => api.staffUndo({ staffSession: SESSION, session: SESSION, key: SESSION, pin: '482915' }),
    'staff:undo',
    { staffSession: SESSION, session: SESSION, key: SESSION, pin: '482915' },
  ],
  ['staffSchedule', (api) => api.staffSchedule({ staffSession: SESSION }), 'staff:schedule', { staffSession: SESSION }],
  [
    'staffScheduleCheckIn',
    (api) => api.staffScheduleCheckIn({ staffSession: SESSION, key: SESSION }),
    'staff:scheduleCheckIn',
    { staffSession: SESSION, key: SESSION },
  ],
  [
    'staffScheduleUndo',
    (api) => api.staffScheduleUndo({ staffSession: SESSION, key: SESSION, pin: '482915' }),
    'staff:scheduleUndo',
    { staffSession: SESSION, key: SESSION, pin: '482915' },
  ],
  ['staffWalkInOptions', (api) => api.staffWalkInOptions({ staffSession: SESSION }), 'staff:walkInOptions', { staffSession: SESSION }],
  [
    'staffFindPatient',
    (api) => api.staffFindPatient({ staffSession: SESSION, familyName: 'Okafor', birthDate: '1980-01-01' }),
    'staff:findPatient',
    { staffSession: SESSION, familyName: 'Okafor', birthDate: '1980-01-01' },
  ],
  [
    'staffWalkIn',
    (api) =>
      api.staffWalkIn({
        staffSession: SESSION,
        patientKey: SESSION,
        practitionerKey: SESSION,
        locationKey: SESSION,
        appointmentTypeKey: SESSION,
        minutes: 15,
      }),
    'staff:walkIn',
    {
      staffSession: SESSION,
      patientKey: SESSION,
      practitionerKey: SESSION,
      locationKey: SESSION,
      appointmentTypeKey: SESSION,
      minutes: 15,
    },
  ],
  ['staffActivity', (api) => api.staffActivity({ staffSession: SESSION }), 'staff:activity', { staffSession: SESSION }],
  ['staffLiftPause', (api) => api.staffLiftPause({ staffSession: SESSION }), 'staff:liftPause', { staffSession: SESSION }],
  [
    'speak',
    (api) => api.speak({ text: 'Hola', lang: 'es', interrupt: true }),
    'audio:speak',
    { text: 'Hola', lang: 'es', interrupt: true },
  ],
  ['stopSpeaking', (api) => api.stopSpeaking(), 'audio:stop', {}],
];

describe('buildKioskApi', () => {
  it('has one method per contract channel and every channel is reachable', async () => {
    const seen: Channel[] = [];
    const api = buildKioskApi(async (channel) => {
      seen.push(channel);
      return { ok: true, value: {} };
    });
    expect(Object.keys(api).sort()).toEqual(CALLS.map(([m]) => m).sort());
    for (const [, call] of CALLS) await call(api);
    expect([...seen].sort()).toEqual([...channels].sort());
  });

  it.each(CALLS)('%s → invoke(%s) with the payload, and resolves to what the transport answered', async (_m, call, channel, payload) => {
    const answer = { ok: true, value: { marker: channel } };
    const invoke = vi.fn<Invoke>(async () => answer);
    const api = buildKioskApi(invoke);
    await expect(call(api)).resolves.toBe(answer);
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke).toHaveBeenCalledWith(channel, payload);
  });

  it('sends {} when a method is called without a payload', async () => {
    const invoke = vi.fn<Invoke>(async () => ({ ok: true, value: {} }));
    const api = buildKioskApi(invoke);
    await bare(api.info);
    await bare(api.health);
    expect(invoke.mock.calls).toEqual([
      ['kiosk:info', {}],
      ['kiosk:health', {}],
    ]);
  });

  it('passes an error result from main through unchanged', async () => {
    const failure = { ok: false, error: { code: 'session_expired', message: 'Session ended.' } };
    const api = buildKioskApi(async () => failure);
    await expect(api.endSession({ session: SESSION })).resolves.toEqual(failure);
  });

  it.each<[string, Invoke]>([
    ['rejects', async () => Promise.reject(new Error('ipc channel closed'))],
    [
      'throws synchronously',
      () => {
        throw new Error('no transport');
      },
    ],
    ['rejects with a non-Error', async () => Promise.reject('gone')],
  ])('a transport that %s resolves to unavailable for every method', async (_label, invoke) => {
    const api = buildKioskApi(invoke);
    for (const [, call] of CALLS) {
      const res = await call(api);
      expect(res).toEqual({ ok: false, error: { code: 'unavailable', message: expect.any(String) } });
      expect(JSON.stringify(res)).not.toMatch(/ipc channel closed|no transport|gone/);
    }
  });

  it('is frozen so the page cannot replace a method', () => {
    const api = buildKioskApi(async () => ({ ok: true, value: {} }));
    expect(Object.isFrozen(api)).toBe(true);
    expect(() => {
      (api as unknown as Record<string, unknown>)['info'] = () => 'hijacked';
    }).toThrow(TypeError);
  });
});
