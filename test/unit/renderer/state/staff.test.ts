import { describe, expect, it } from 'vitest';
import { SESSION, STAFF_SESSION, answer, failure, info, overview, panel, pin, run, welcome } from '../helpers.js';
import {
  EMPTY_PATIENT,
  NO_STAFF,
  PIN_MAX,
  canOpenStaff,
  initialState,
  isPatientScreen,
  isStaffScreen,
  reduce,
  type Action,
  type State,
} from '../../../../renderer/state/index.js';

const pinScreen = () => reduce(welcome(), { type: 'staff-open' });
/** PIN typed and submitted: the unlock call is pending. */
const unlocking = (digits = '246810') => run(pinScreen(), ...pin(digits), { type: 'staff-unlock' });
const answerUnlock = (s: State, value: Extract<Action, { call: 'staffUnlock' }>['result']) => answer(s, value);
const onAppointments = (): State => {
  let s = run(welcome(), { type: 'start' });
  s = { ...s, screen: { name: 'appointments' }, patient: { ...EMPTY_PATIENT, session: SESSION, greetingName: 'Amara O.' } };
  return s;
};

describe('staff mode in the reducer', () => {
  it('the gesture opens the PIN screen from welcome, as a fresh start', () => {
    const w = welcome();
    const s = reduce(w, { type: 'staff-open' });
    expect(s.screen).toEqual({ name: 'staff-pin' });
    expect(s.staff).toEqual(NO_STAFF);
    expect(s.generation).toBe(w.generation + 1);
    expect(isStaffScreen('staff-pin')).toBe(true);
    expect(isStaffScreen('staff')).toBe(true);
    expect(isPatientScreen('staff')).toBe(false);
  });

  it('leaving a patient flow for staff mode drops the patient like a reset', () => {
    const s = run({ ...onAppointments(), lang: 'es', textSize: 2, highContrast: true }, { type: 'staff-open' });
    expect(s.screen.name).toBe('staff-pin');
    expect(s.patient).toEqual(EMPTY_PATIENT);
    expect(s.lang).toBe('en');
  });

  it('also opens from the not-set-up screen (staff may need to exit a broken kiosk)', () => {
    const un = run(initialState(), { type: 'info-loaded', info: { ...info, mode: 'unconfigured', configProblem: 'no url' } });
    expect(reduce(un, { type: 'staff-open' }).screen.name).toBe('staff-pin');
  });

  it('does not open during a call to main, nor again from a staff screen', () => {
    const identifying = run(
      welcome(),
      { type: 'start' },
      { type: 'type', ch: 'a', onScreenKey: true },
      { type: 'submit-family-name' },
      {
        type: 'submit-birth-date',
        birthDate: '1988-03-14',
      },
    );
    expect(identifying.pending).not.toBeNull();
    expect(canOpenStaff(identifying)).toBe(false);
    expect(reduce(identifying, { type: 'staff-open' })).toBe(identifying);
    const p = run(pinScreen(), ...pin('12'));
    expect(reduce(p, { type: 'staff-open' })).toBe(p);
    const open = panel();
    expect(reduce(open, { type: 'staff-open' })).toBe(open);
  });

  it('types, deletes and clears PIN digits only on the PIN screen, up to 12 digits', () => {
    let s = run(pinScreen(), ...pin('12a3'));
    expect(s.staff.pin).toBe('123');
    s = reduce(s, { type: 'pin-delete' });
    expect(s.staff.pin).toBe('12');
    s = reduce(s, { type: 'pin-clear' });
    expect(s.staff.pin).toBe('');
    s = run(s, ...pin('1234567890123456'));
    expect(s.staff.pin).toHaveLength(PIN_MAX);
    const w = welcome();
    expect(reduce(w, { type: 'pin-digit', digit: '1' })).toBe(w);
  });

  it('does not submit fewer than 4 digits', () => {
    const s = run(pinScreen(), ...pin('246'));
    expect(reduce(s, { type: 'staff-unlock' })).toBe(s);
  });

  it('clears the PIN from the screen state on submit, and from the call once it is sent', () => {
    const s = unlocking('246810');
    expect(s.staff.pin).toBe('');
    expect(s.pending).toMatchObject({ call: 'staffUnlock', request: { pin: '246810' } });
    const sent = reduce(s, { type: 'sent', id: s.pending!.id });
    expect(sent.pending).toMatchObject({ call: 'staffUnlock', request: { pin: '' } });
    expect(JSON.stringify(sent)).not.toContain('246810');
    // Typing while main checks is ignored (no second PIN queued behind the first).
    expect(reduce(sent, { type: 'pin-digit', digit: '1' })).toBe(sent);
  });

  it('unlocked → the panel, asking main for the overview straight away', () => {
    const s = answerUnlock(unlocking(), { ok: true, value: { outcome: 'unlocked', staffSession: STAFF_SESSION, expiresAt: 'x' } });
    expect(s.screen).toEqual({ name: 'staff' });
    expect(s.staff.session).toBe(STAFF_SESSION);
    expect(s.pending).toMatchObject({ call: 'staffOverview', request: { staffSession: STAFF_SESSION } });
    const shown = reduce(s, { type: 'answered', id: s.pending!.id, call: 'staffOverview', result: { ok: true, value: overview(2) } });
    expect(shown.pending).toBeNull();
    expect(shown.staff.overview?.outbox).toHaveLength(2);
    expect(shown.staff.notice).toBeNull();
  });

  it('wrong PIN, lockout, not provisioned and errors stay on the PIN screen with a notice and an empty PIN', () => {
    const wrong = answerUnlock(unlocking('1357'), { ok: true, value: { outcome: 'wrong_pin', attemptsLeft: 4 } });
    expect(wrong.screen).toEqual({ name: 'staff-pin' });
    expect(wrong.staff).toMatchObject({ pin: '', session: null, notice: { kind: 'wrong_pin', attemptsLeft: 4 } });
    expect(wrong.pending).toBeNull();
    const until = '2025-11-24T16:10:00Z';
    expect(answerUnlock(unlocking(), { ok: true, value: { outcome: 'locked_out', until } }).staff.notice).toEqual({
      kind: 'locked_out',
      until,
    });
    expect(answerUnlock(unlocking(), { ok: true, value: { outcome: 'not_provisioned' } }).staff.notice).toEqual({
      kind: 'not_provisioned',
    });
    const failed = answerUnlock(unlocking(), { ok: false, error: { code: 'unavailable', message: '' } });
    expect(failed.screen.name).toBe('staff-pin');
    expect(failed.staff.notice).toEqual({ kind: 'failed' });
  });

  it('ignores a late unlock answer after cancel', () => {
    const s = unlocking();
    const cancelled = reduce(s, { type: 'reset' });
    expect(cancelled.screen.name).toBe('welcome');
    const late = reduce(cancelled, {
      type: 'answered',
      id: s.pending!.id,
      call: 'staffUnlock',
      result: { ok: true, value: { outcome: 'unlocked', staffSession: STAFF_SESSION, expiresAt: 'x' } },
    });
    expect(late).toBe(cancelled);
  });

  it('Retry now and Refresh ask main with the staff session; the new list replaces the old one', () => {
    const s = panel(1);
    const retrying = reduce(s, { type: 'staff-retry' });
    expect(retrying.pending).toMatchObject({ call: 'staffRetryOutbox', request: { staffSession: STAFF_SESSION } });
    expect(reduce(retrying, { type: 'staff-retry' })).toBe(retrying);
    const retried = answer(retrying, { ok: true, value: overview(0) });
    expect(retried.staff.overview?.outbox).toEqual([]);
    expect(retried.staff.notice).toEqual({ kind: 'retried', waiting: 0 });
    const refreshing = reduce(retried, { type: 'staff-refresh' });
    expect(refreshing.pending).toMatchObject({ call: 'staffOverview' });
    expect(refreshing.staff.notice).toBeNull();
    const down = answer(refreshing, failure('unavailable'));
    expect(down.screen.name).toBe('staff');
    expect(down.staff.notice).toEqual({ kind: 'failed' });
    expect(down.staff.overview?.outbox).toEqual([]); // the last good list stays
  });

  it('staff_locked from main returns to welcome with staff mode dropped', () => {
    const s = reduce(panel(), { type: 'staff-refresh' });
    const locked = answer(s, failure('staff_locked'));
    expect(locked.screen).toEqual({ name: 'welcome' });
    expect(locked.staff).toEqual(NO_STAFF);
    expect(locked.pending).toBeNull();
    expect(locked.generation).toBe(s.generation + 1);
  });

  it('Lock (a reset) returns to welcome and forgets the staff session', () => {
    const s = reduce(panel(), { type: 'reset' });
    expect(s.screen).toEqual({ name: 'welcome' });
    expect(s.staff).toEqual(NO_STAFF);
  });

  it('Exit asks first with the PIN again: No goes back, Yes sends it to main, then welcome', () => {
    const s = panel();
    expect(reduce(s, { type: 'staff-exit-confirm' })).toBe(s); // not without the question
    expect(reduce(s, { type: 'pin-digit', digit: '1' })).toBe(s); // no PIN pad on the panel itself
    const asking = reduce(s, { type: 'staff-exit-ask' });
    expect(asking.staff.confirmingExit).toBe(true);
    expect(reduce(asking, { type: 'staff-retry' })).toBe(asking); // the panel's buttons wait for the answer
    expect(reduce(asking, { type: 'staff-exit-confirm' })).toBe(asking); // not without the PIN
    const typed = run(asking, ...pin('246810'));
    expect(typed.staff.pin).toBe('246810');
    // No forgets the digits with the question.
    expect(reduce(typed, { type: 'staff-exit-cancel' }).staff).toMatchObject({ confirmingExit: false, pin: '' });
    const exiting = reduce(typed, { type: 'staff-exit-confirm' });
    expect(exiting.pending).toMatchObject({ call: 'staffExit', request: { staffSession: STAFF_SESSION, pin: '246810' } });
    expect(exiting.staff.pin).toBe('');
    const sent = reduce(exiting, { type: 'sent', id: exiting.pending!.id });
    expect(JSON.stringify(sent)).not.toContain('246810');
    const exited = answer(exiting, { ok: true, value: {} });
    expect(exited.screen).toEqual({ name: 'welcome' });
    expect(exited.staff).toEqual(NO_STAFF);
  });

  it('a wrong PIN keeps the exit question up, saying so, for another try', () => {
    const exiting = run(panel(), { type: 'staff-exit-ask' }, ...pin('111111'), { type: 'staff-exit-confirm' });
    const wrong = answer(exiting, failure('pin_rejected'));
    expect(wrong.screen.name).toBe('staff');
    expect(wrong.staff).toMatchObject({ confirmingExit: true, pin: '', notice: { kind: 'pin_rejected' }, session: STAFF_SESSION });
    expect(run(wrong, ...pin('246810'), { type: 'staff-exit-confirm' }).pending).toMatchObject({ call: 'staffExit' });
  });

  it('a failed exit stays on the panel with a notice; staff_locked goes to welcome', () => {
    const exiting = run(panel(), { type: 'staff-exit-ask' }, ...pin('246810'), { type: 'staff-exit-confirm' });
    const failed = answer(exiting, failure('internal'));
    expect(failed.screen.name).toBe('staff');
    expect(failed.staff).toMatchObject({ confirmingExit: false, notice: { kind: 'failed' } });
    const locked = answer(exiting, failure('staff_locked'));
    expect(locked.screen.name).toBe('welcome');
  });

  it('staff actions do nothing outside the panel', () => {
    const w = welcome();
    for (const a of [{ type: 'staff-retry' }, { type: 'staff-refresh' }, { type: 'staff-exit-ask' }, { type: 'staff-unlock' }] as Action[])
      expect(reduce(w, a)).toBe(w);
  });

  it('keeps the staff screen when kiosk info is refreshed', () => {
    const s = panel();
    expect(reduce(s, { type: 'info-loaded', info }).screen.name).toBe('staff');
  });
});

describe('lifting a kiosk-wide pause', () => {
  it('asks main to lift it, then reloads the panel; a failure says so', () => {
    const asked = reduce(panel(), { type: 'staff-lift-pause' });
    expect(asked.pending).toMatchObject({ call: 'staffLiftPause', request: { staffSession: expect.any(String) } });
    const lifted = reduce(asked, {
      type: 'answered',
      id: asked.pending!.id,
      call: 'staffLiftPause',
      result: {
        ok: true,
        value: {
          lifted: true,
          activity: {
            since: '2026-06-15T13:00:00.000Z',
            checkIns: 0,
            alreadyCheckedIn: 0,
            recordedOffline: 0,
            delivered: 0,
            walkIns: 0,
            pauses: 1,
            pauseLifts: 1,
            failures: [],
            pausedUntil: null,
          },
        },
      },
    } as Action);
    expect(lifted.pending).toMatchObject({ call: 'staffOverview' });
    const again = reduce(panel(), { type: 'staff-lift-pause' });
    const failed = reduce(again, {
      type: 'answered',
      id: again.pending!.id,
      call: 'staffLiftPause',
      result: { ok: false, error: { code: 'unavailable', message: 'x' } },
    });
    expect(failed.staff.notice).toEqual({ kind: 'failed' });
    expect(failed.pending).toBeNull();
  });
});
