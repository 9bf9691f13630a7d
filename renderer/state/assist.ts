/**
 * Staff helping a patient check in from the staff panel: the patient's screens in `mode: 'staff'`
 * (patient.ts sends their calls through the staff channels), plus what only staff may do there:
 * undo a check-in, and go back to the panel.
 */
import type { Result, StaffUndoResponse } from '../../preload/contract.js';
import { toErrorCode } from '../errors.js';
import { endPatientSession, isPinRejected, withCall, withEffects } from './calls.js';
import { EMPTY_PATIENT, resetState, type Handlers, type State } from './model.js';
import { callFailed } from './patient.js';
import { takePin } from './staff.js';

export type AssistAction =
  /** "Help a patient check in" on the staff panel. */
  | { type: 'assist-start' }
  /** "Back to staff panel" from any screen of the staff-assisted visit. */
  | { type: 'assist-exit' }
  /** "Help the next patient" after an assisted check-in: fresh check-in screens, still in staff mode. */
  | { type: 'assist-next' }
  | { type: 'undo-ask'; key: string }
  | { type: 'undo-cancel' }
  | { type: 'undo-confirm' };

export const assistTaps: Handlers<AssistAction> = {
  'assist-start': (s) => {
    if (s.screen.name !== 'staff' || !s.staff.session) return s;
    // The patient's screens from the start, fresh; the staff slice (session, last list) waits for the way back.
    return {
      ...s,
      mode: 'staff',
      patient: EMPTY_PATIENT,
      screen: { name: 'last-name' },
      staff: { ...s.staff, notice: null, confirmingExit: false },
    };
  },
  'assist-exit': (s) => {
    if (s.mode !== 'staff' || !s.staff.session) return s;
    // Nothing of the patient comes back to the panel: dropped (main forgets the session), and the tree
    // remounted as on a reset. The panel asks again for its list: a check-in recorded offline just now belongs on it.
    const panel: State = {
      ...s,
      mode: 'patient',
      patient: EMPTY_PATIENT,
      screen: { name: 'staff' },
      generation: s.generation + 1,
      staff: { ...s.staff, walkIn: null },
    };
    return withEffects(withCall(panel, 'staffOverview', { staffSession: s.staff.session }), endPatientSession(s.patient.session));
  },
  'assist-next': (s) => {
    if (s.mode !== 'staff' || !s.staff.session || s.screen.name !== 'message') return s;
    const next: State = { ...s, patient: EMPTY_PATIENT, screen: { name: 'last-name' }, generation: s.generation + 1 };
    return withEffects(next, endPatientSession(s.patient.session));
  },
  'undo-ask': (s, a) => {
    if (s.mode !== 'staff' || s.screen.name !== 'appointments') return s;
    const target = s.patient.appointments.find((x) => x.key === a.key);
    return target?.state === 'checked_in' ? { ...s, screen: { name: 'appointments', confirmUndo: a.key } } : s;
  },
  'undo-cancel': (s) =>
    s.screen.name === 'appointments' && s.screen.confirmUndo
      ? { ...s, screen: { name: 'appointments' }, staff: { ...s.staff, pin: '', notice: null } }
      : s,
  'undo-confirm': (s) => {
    if (s.screen.name !== 'appointments' || !s.screen.confirmUndo || !s.patient.session || !s.staff.session) return s;
    const taken = takePin(s);
    if (!taken) return s;
    const request = { staffSession: s.staff.session, session: s.patient.session, key: s.screen.confirmUndo, pin: taken.pin };
    return withCall({ ...taken.s, screen: { name: 'working', task: 'undo' } }, 'staffUndo', request);
  },
};

/**
 * Staff mode locked in main in the middle of a staff-assisted visit: everything is dropped, and main
 * is told to end the patient's session, which it would otherwise keep until its own timeout.
 */
export function droppedByStaffLock(s: State, session: string): State {
  return withEffects(resetState(s), endPatientSession(session));
}

export function onUndone(s: State, key: string, result: Result<StaffUndoResponse>): State {
  // A wrong PIN: back to the same question, saying so.
  if (isPinRejected(result))
    return { ...s, screen: { name: 'appointments', confirmUndo: key }, staff: { ...s.staff, notice: { kind: 'pin_rejected' } } };
  if (!result.ok) return callFailed(s, toErrorCode(result.error.code), 'undo');
  // The list is not refreshed: staff read the result, then go back to the panel (or retry a failure).
  return { ...s, screen: { name: 'message', message: { kind: 'staff-undo', key, outcome: result.value.outcome } } };
}
