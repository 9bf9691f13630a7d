import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskApi } from '../../../preload/api.js';
import { CALL_TIMEOUT_MS, runEffect, startCall } from '../../../renderer/runner.js';
import { reduce, type Action, type CallName, type State } from '../../../renderer/state/index.js';
import { SESSION, answer, appt, dayView, findingWalkInPatient, panel, pin, row, run, typed, welcome } from './helpers.js';

const found = (s: State) =>
  answer(s, {
    ok: true,
    value: {
      outcome: 'found',
      session: SESSION,
      greetingName: 'Luis C.',
      appointments: [appt('appt_open0001', 'open'), appt('appt_done0001', 'checked_in')],
    },
  });
const identifying = (s: State) =>
  run(s, ...typed('castellano'), { type: 'submit-family-name' }, { type: 'submit-birth-date', birthDate: '1979-07-04' });
const assisted = () => found(identifying(reduce(panel(), { type: 'assist-start' })));

/** A state with each call pending: a Record over CallName, so a new call needs a case here too. */
const PENDING: Record<CallName, () => State> = {
  identify: () => identifying(reduce(welcome(), { type: 'start' })),
  checkIn: () => reduce(found(identifying(reduce(welcome(), { type: 'start' }))), { type: 'check-in', keys: ['appt_open0001'] }),
  staffIdentify: () => identifying(reduce(panel(), { type: 'assist-start' })),
  staffCheckIn: () => reduce(assisted(), { type: 'check-in', keys: ['appt_open0001'] }),
  staffUndo: () => run(assisted(), { type: 'undo-ask', key: 'appt_done0001' }, ...pin('246810'), { type: 'undo-confirm' }),
  staffUnlock: () => run(welcome(), { type: 'staff-open' }, ...pin('246810'), { type: 'staff-unlock' }),
  staffOverview: () => reduce(panel(), { type: 'staff-refresh' }),
  staffRetryOutbox: () => reduce(panel(), { type: 'staff-retry' }),
  staffExit: () => run(panel(), { type: 'staff-exit-ask' }, ...pin('246810'), { type: 'staff-exit-confirm' }),
  staffLiftPause: () => reduce(panel(), { type: 'staff-lift-pause' }),
  staffSchedule: () => reduce(panel(), { type: 'day-open' }),
  staffScheduleCheckIn: () => reduce(dayView([row('appt_open0001', 'Luis Castellano')]), { type: 'day-check-in', key: 'appt_open0001' }),
  staffScheduleUndo: () =>
    run(
      dayView([row('appt_done0001', 'Luis Castellano', { status: 'checked-in', action: 'undo' })]),
      { type: 'day-undo-ask', key: 'appt_done0001' },
      ...pin('246810'),
      { type: 'day-undo-confirm' },
    ),
  staffWalkInOptions: () => reduce(panel(), { type: 'walk-in-start' }),
  staffFindPatient: () => findingWalkInPatient(),
  staffWalkIn: () =>
    run(
      answer(findingWalkInPatient(), {
        ok: true,
        value: { patients: [{ key: 'pat_00000001', fullName: 'Amara Okafor', birthDate: '1985-03-14' }] },
      }),
      { type: 'walk-in-choose', field: 'practitionerKey', key: 'prac_00000002' },
      { type: 'walk-in-create' },
    ),
  staffActivity: () => reduce(panel(), { type: 'activity-open' }),
};

/** Runs the pending call of `s` through the real runner, feeding every action back into the reducer. */
function drive(s: State, api: KioskApi | null) {
  let state = s;
  const dispatch = (a: Action) => (state = reduce(state, a));
  startCall(state.pending!, api, dispatch);
  return () => state;
}

const never = new Proxy({}, { get: () => () => new Promise(() => undefined) }) as KioskApi;
const throwing = new Proxy({}, { get: () => () => Promise.reject(new Error('bridge broke')) }) as KioskApi;

describe('the call runner never leaves the kiosk on "working"', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  for (const call of Object.keys(PENDING) as CallName[]) {
    it(`${call}: no answer in time → an error result, and taps work again`, async () => {
      const s = PENDING[call]();
      expect(s.pending?.call).toBe(call);
      const now = drive(s, never);
      await vi.advanceTimersByTimeAsync(CALL_TIMEOUT_MS - 1);
      expect(now().pending?.id).toBe(s.pending!.id);
      await vi.advanceTimersByTimeAsync(1);
      expect(now().pending).toBeNull();
      expect(now().screen.name).not.toBe('working');
    });

    it(`${call}: a throwing bridge, or none at all, answers at once`, async () => {
      for (const api of [throwing, null]) {
        const now = drive(PENDING[call](), api);
        await vi.advanceTimersByTimeAsync(0);
        expect(now().pending).toBeNull();
        expect(now().screen.name).not.toBe('working');
      }
    });
  }

  it('answers once: a reply after the timeout is ignored; the PIN is dropped as soon as it is sent', async () => {
    let reply: (v: unknown) => void = () => undefined;
    const slow = { staffUnlock: () => new Promise((r) => (reply = r)) } as unknown as KioskApi;
    const dispatched: Action[] = [];
    const s = PENDING.staffUnlock();
    let state = s;
    startCall(s.pending!, slow, (a) => {
      dispatched.push(a);
      state = reduce(state, a);
    });
    expect(JSON.stringify(state)).not.toContain('246810');
    await vi.advanceTimersByTimeAsync(CALL_TIMEOUT_MS);
    reply({ ok: true, value: { outcome: 'wrong_pin', attemptsLeft: 2 } });
    await vi.advanceTimersByTimeAsync(0);
    expect(dispatched.map((a) => a.type)).toEqual(['sent', 'slow', 'answered']);
    expect(state.staff.notice).toEqual({ kind: 'failed' });
  });

  it('runs an effect by its method name with its request, and survives a throwing bridge', async () => {
    const endSession = vi.fn(() => Promise.resolve({ ok: true, value: {} }));
    runEffect({ call: 'endSession', request: { session: SESSION } }, { endSession } as unknown as KioskApi);
    expect(endSession).toHaveBeenCalledWith({ session: SESSION });
    expect(() => runEffect({ call: 'staffLock', request: { staffSession: 'staff_12345678' } }, throwing)).not.toThrow();
    runEffect({ call: 'staffLock', request: { staffSession: 'staff_12345678' } }, null);
    await vi.advanceTimersByTimeAsync(0);
  });
});
