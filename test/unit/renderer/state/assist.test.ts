import { describe, expect, it } from 'vitest';
import { SESSION, STAFF_SESSION, answer, appt as apptAt, failure, panel, pin, run, typed, welcome } from '../helpers.js';
import type { AppointmentView, CheckInOutcome } from '../../../../preload/contract.js';
import {
  EMPTY_PATIENT,
  NO_STAFF,
  canOpenStaff,
  isStaffMode,
  reduce,
  type State,
  type UndoOutcome,
} from '../../../../renderer/state/index.js';

const OPEN = 'appt_open0001';
const OPEN_2 = 'appt_open0002';
const DONE = 'appt_done0001';
const CLOSED = 'appt_closed01';
const appt = (key: string, state: AppointmentView['state']) => apptAt(key, state, '2025-11-24T19:00:00Z');
const LIST = [appt(OPEN, 'open'), appt(OPEN_2, 'open'), appt(DONE, 'checked_in'), appt(CLOSED, 'not_eligible')];

/** "Help a patient check in", last name typed and the birth date submitted: the staff identify call is pending. */
const identifying = () =>
  run(
    panel(),
    { type: 'assist-start' },
    ...typed('castellano'),
    { type: 'submit-family-name' },
    { type: 'submit-birth-date', birthDate: '1979-07-04' },
  );
const found = (appointments = LIST) =>
  answer(identifying(), { ok: true, value: { outcome: 'found', session: SESSION, greetingName: 'Luis C.', appointments } });
const checkingIn = (key = OPEN) => reduce(found(), { type: 'check-in', keys: [key] });
const checkedIn = (outcome: CheckInOutcome) =>
  answer(checkingIn(), { ok: true, value: { results: [{ key: OPEN, outcome, opensAt: null }] } });
const undoing = () => run(found(), { type: 'undo-ask', key: DONE }, ...pin('246810'), { type: 'undo-confirm' });
const undone = (outcome: UndoOutcome) => answer(undoing(), { ok: true, value: { outcome } });

/** Welcome with nothing of the patient, the staff session or the assisted visit left. */
function expectDroppedToWelcome(s: State, before: State) {
  expect(s.screen).toEqual({ name: 'welcome' });
  expect(s.mode).toBe('patient');
  expect(s.patient).toEqual(EMPTY_PATIENT);
  expect(s.staff).toEqual(NO_STAFF);
  expect(s.pending).toBeNull();
  expect(s.generation).toBe(before.generation + 1);
}

describe('staff helping a patient check in', () => {
  it('starts from the panel only: fresh check-in screens in staff mode, the staff session kept', () => {
    const p = panel();
    const s = reduce(p, { type: 'assist-start' });
    expect(s.mode).toBe('staff');
    expect(s.screen).toEqual({ name: 'last-name' });
    expect(s.patient).toEqual(EMPTY_PATIENT);
    expect(s.staff.session).toBe(STAFF_SESSION);
    expect(isStaffMode(s)).toBe(true);
    expect(isStaffMode(p)).toBe(true);
    expect(isStaffMode(welcome())).toBe(false);
    const w = welcome();
    expect(reduce(w, { type: 'assist-start' })).toBe(w);
    const refreshing = reduce(p, { type: 'staff-refresh' });
    expect(reduce(refreshing, { type: 'assist-start' })).toBe(refreshing);
  });

  it('answers an open exit question with No', () => {
    const s = run(panel(), { type: 'staff-exit-ask' }, { type: 'assist-start' });
    expect(s.screen.name).toBe('last-name');
    expect(s.staff.confirmingExit).toBe(false);
  });

  it('identifies through the staff channel, with the staff session', () => {
    const s = identifying();
    expect(s.screen).toEqual({ name: 'working', task: 'identify' });
    expect(s.pending).toMatchObject({
      call: 'staffIdentify',
      request: { familyName: 'Castellano', birthDate: '1979-07-04', staffSession: STAFF_SESSION },
    });
    expect(s.patient.dob).toEqual(EMPTY_PATIENT.dob);
  });

  it('has no Back to welcome from the last name; Back from the birth date still works', () => {
    const s = run(panel(), { type: 'assist-start' }, ...typed('ab'));
    expect(reduce(s, { type: 'back' })).toBe(s);
    const dob = reduce(s, { type: 'submit-family-name' });
    expect(reduce(dob, { type: 'back' }).screen.name).toBe('last-name');
  });

  it('found → the appointments, still in staff mode', () => {
    const s = found();
    expect(s.screen).toEqual({ name: 'appointments' });
    expect(s.mode).toBe('staff');
    expect(s.patient).toMatchObject({ session: SESSION, greetingName: 'Luis C.', familyName: '', birthDate: null });
  });

  it('asks for the first name, then sends it with the staff session', () => {
    const asked = answer(identifying(), { ok: true, value: { outcome: 'need_first_name' } });
    expect(asked.screen.name).toBe('first-name');
    const s = run(asked, ...typed('luis'), { type: 'submit-given-name' });
    expect(s.pending).toMatchObject({
      call: 'staffIdentify',
      request: { familyName: 'Castellano', givenName: 'Luis', birthDate: '1979-07-04', staffSession: STAFF_SESSION },
    });
  });

  it('no match always offers Try again (staff misses do not count), back to the last name as typed', () => {
    const miss = answer(identifying(), { ok: true, value: { outcome: 'not_found', attemptsLeft: 0 } });
    expect(miss.screen).toEqual({ name: 'message', message: { kind: 'not_found', canRetry: true } });
    expect(miss.patient).toEqual({ ...EMPTY_PATIENT, familyName: 'Castellano' });
    const again = reduce(miss, { type: 'try-again' });
    expect(again.screen.name).toBe('last-name');
    expect(again.patient.familyName).toBe('Castellano');
    expect(again.mode).toBe('staff');
  });

  it('checks in one appointment at a time through the staff channel', () => {
    const s = checkingIn();
    expect(s.screen).toEqual({ name: 'working', task: 'check-in' });
    expect(s.pending).toMatchObject({ call: 'staffCheckIn', request: { staffSession: STAFF_SESSION, session: SESSION, keys: [OPEN] } });
    const f = found();
    expect(reduce(f, { type: 'check-in', keys: [OPEN, OPEN_2] })).toBe(f);
    expect(reduce(f, { type: 'check-in', keys: [DONE] })).toBe(f);
    expect(reduce(f, { type: 'check-in', keys: [CLOSED] })).toBe(f);
  });

  it('shows each check-in result to staff, never the patient "done" screen that returns to welcome', () => {
    for (const outcome of ['checked_in', 'already_checked_in', 'recorded_offline', 'failed'] as const) {
      const s = checkedIn(outcome);
      expect(s.screen).toEqual({ name: 'message', message: { kind: 'staff-check-in', key: OPEN, outcome } });
      expect(s.mode).toBe('staff');
      expect(s.pending).toBeNull();
    }
    // A key main did not answer for is a failure, as for patients.
    const missing = answer(checkingIn(), { ok: true, value: { results: [] } });
    expect(missing.screen).toMatchObject({ message: { kind: 'staff-check-in', outcome: 'failed' } });
  });

  it('a failed check-in may be tried again on the same list; a success may not', () => {
    const again = reduce(checkedIn('failed'), { type: 'try-again' });
    expect(again.screen).toEqual({ name: 'appointments' });
    expect(again.patient.session).toBe(SESSION);
    const ok = checkedIn('checked_in');
    expect(reduce(ok, { type: 'try-again' })).toBe(ok);
    const offline = checkedIn('recorded_offline');
    expect(reduce(offline, { type: 'try-again' })).toBe(offline);
  });

  it('undo asks first, only for a checked-in appointment; No keeps everything as it was', () => {
    const f = found();
    expect(reduce(f, { type: 'undo-ask', key: OPEN })).toBe(f);
    expect(reduce(f, { type: 'undo-ask', key: 'appt_unknown1' })).toBe(f);
    expect(reduce(f, { type: 'undo-confirm' })).toBe(f); // not without the question
    const asking = reduce(f, { type: 'undo-ask', key: DONE });
    expect(asking.screen).toEqual({ name: 'appointments', confirmUndo: DONE });
    expect(asking.pending).toBeNull();
    const no = reduce(asking, { type: 'undo-cancel' });
    expect(no.screen).toEqual({ name: 'appointments' });
    expect(no.patient).toBe(f.patient);
  });

  it('Yes undoes through the staff channel with the staff session and the PIN typed again', () => {
    const asking = reduce(found(), { type: 'undo-ask', key: DONE });
    expect(reduce(asking, { type: 'undo-confirm' })).toBe(asking); // not without the PIN
    const s = undoing();
    expect(s.screen).toEqual({ name: 'working', task: 'undo' });
    expect(s.pending).toMatchObject({
      call: 'staffUndo',
      request: { staffSession: STAFF_SESSION, session: SESSION, key: DONE, pin: '246810' },
    });
    expect(s.staff.pin).toBe('');
    expect(reduce(s, { type: 'undo-confirm' })).toBe(s); // no second undo while the first is out
  });

  it('a wrong PIN brings the undo question back, saying so', () => {
    const wrong = answer(undoing(), failure('pin_rejected'));
    expect(wrong.screen).toEqual({ name: 'appointments', confirmUndo: DONE });
    expect(wrong.staff.notice).toEqual({ kind: 'pin_rejected' });
    expect(wrong.patient.session).toBe(SESSION);
  });

  it('shows each undo result; only a failure may be tried again', () => {
    for (const outcome of ['undone', 'not_checked_in', 'failed'] as const) {
      const s = undone(outcome);
      expect(s.screen).toEqual({ name: 'message', message: { kind: 'staff-undo', key: DONE, outcome } });
      expect(s.pending).toBeNull();
    }
    expect(reduce(undone('failed'), { type: 'try-again' }).screen).toEqual({ name: 'appointments' });
    const ok = undone('undone');
    expect(reduce(ok, { type: 'try-again' })).toBe(ok);
  });

  it('an error on check-in or undo keeps the list for a retry, unless the session has ended', () => {
    const down = answer(undoing(), failure('unavailable'));
    expect(down.screen).toEqual({ name: 'message', message: { kind: 'error', code: 'unavailable', during: 'undo' } });
    expect(reduce(down, { type: 'try-again' }).screen).toEqual({ name: 'appointments' });
    const expired = answer(checkingIn(), failure('session_expired'));
    expect(expired.patient).toEqual(EMPTY_PATIENT);
    expect(expired.mode).toBe('staff');
    expect(reduce(expired, { type: 'try-again' })).toBe(expired);
  });

  it('staff_locked on any staff-assisted call drops everything and returns to welcome', () => {
    for (const pending of [identifying(), checkingIn(), undoing()]) {
      expectDroppedToWelcome(answer(pending, failure('staff_locked')), pending);
    }
  });

  it('Back to staff panel drops the patient, remounts, and asks main for the panel list again', () => {
    for (const s of [run(panel(), { type: 'assist-start' }, ...typed('ca')), found(), checkedIn('recorded_offline'), undone('undone')]) {
      const back = reduce(s, { type: 'assist-exit' });
      expect(back.screen).toEqual({ name: 'staff' });
      expect(back.mode).toBe('patient');
      expect(back.patient).toEqual(EMPTY_PATIENT);
      expect(back.generation).toBe(s.generation + 1);
      expect(back.staff.session).toBe(STAFF_SESSION);
      expect(back.pending).toMatchObject({ call: 'staffOverview', request: { staffSession: STAFF_SESSION } });
    }
  });

  it('Back to staff panel does nothing for a patient, nor while a call is out; a late answer after a reset is ignored', () => {
    const w = run(welcome(), { type: 'start' });
    expect(reduce(w, { type: 'assist-exit' })).toBe(w);
    const s = identifying();
    expect(reduce(s, { type: 'assist-exit' })).toBe(s);
    const u = undoing();
    const reset = reduce(u, { type: 'reset' });
    expect(
      reduce(reset, { type: 'answered', id: u.pending!.id, call: 'staffUndo', result: { ok: true, value: { outcome: 'undone' } } }),
    ).toBe(reset);
  });

  it('the undo and staff actions do nothing in a patient visit', () => {
    let s = run(welcome(), { type: 'start' });
    s = { ...s, screen: { name: 'appointments' }, patient: { ...EMPTY_PATIENT, session: SESSION, appointments: LIST } };
    expect(reduce(s, { type: 'undo-ask', key: DONE })).toBe(s);
    // A patient may still check in to several at once, through the patient channel.
    expect(reduce(s, { type: 'check-in', keys: [OPEN, OPEN_2] }).pending).toMatchObject({ call: 'checkIn' });
  });

  it('the corner gesture does nothing during a staff-assisted visit; the idle reset ends it', () => {
    const s = found();
    expect(canOpenStaff(s)).toBe(false);
    expect(reduce(s, { type: 'staff-open' })).toBe(s);
    expectDroppedToWelcome(reduce(s, { type: 'reset' }), s);
  });
});

describe('after an assisted check-in', () => {
  it('"Help the next patient" is one tap: fresh screens, staff mode kept, the last session ended in main', () => {
    const done = checkedIn('checked_in');
    const next = reduce(done, { type: 'assist-next' });
    expect(next.screen).toEqual({ name: 'last-name' });
    expect(next.mode).toBe('staff');
    expect(next.patient).toEqual(EMPTY_PATIENT);
    expect(next.generation).toBe(done.generation + 1);
    expect(next.effects).toEqual([{ call: 'endSession', request: { session: SESSION } }]);
    const w = run(welcome(), { type: 'start' });
    expect(reduce(w, { type: 'assist-next' })).toBe(w);
  });
});
