/**
 * The answer table: for each call to main (keyed on its KioskApi method), what its answer does to
 * the state. `AnswerTable` requires an entry for every call, so a new KioskApi method cannot be
 * forgotten here; the reducer reaches it only through `answered`, and a timeout or a failure is just
 * an error result, so no call can leave the kiosk on "working".
 */
import { droppedByStaffLock, onUndone } from './assist.js';
import { onActivity, onPatientsFound, onPauseLiftedHere, onRowCheckIn, onRowUndo, onSchedule, onWalkIn, onWalkInOptions } from './day.js';
import { isStaffLocked, type AnswerTable } from './calls.js';
import { resetState } from './model.js';
import { onCheckedIn, onIdentified } from './patient.js';
import { onExited, onOverview, onPauseLifted, onUnlocked } from './staff.js';

/** A request with a PIN in it (exit, undo): once it is sent, the pending copy keeps no digits. */
const withoutPin = <R extends { pin: string }>(request: R): R => ({ ...request, pin: '' });

export const ANSWERS = {
  identify: { answered: (s, result, request) => onIdentified(s, request, result) },
  // No patient session exists until this answers, so a staff_locked here leaves nothing to end.
  staffIdentify: { answered: (s, result, request) => onIdentified(s, request, result) },
  checkIn: { answered: (s, result, request) => (isStaffLocked(result) ? resetState(s) : onCheckedIn(s, request.keys, result)) },
  staffCheckIn: {
    answered: (s, result, request) =>
      isStaffLocked(result) ? droppedByStaffLock(s, request.session) : onCheckedIn(s, request.keys, result),
  },
  staffUndo: {
    answered: (s, result, request) => (isStaffLocked(result) ? droppedByStaffLock(s, request.session) : onUndone(s, request.key, result)),
    sent: withoutPin,
  },
  staffUnlock: {
    answered: (s, result) => onUnlocked(s, result),
    // The PIN is on its way to main: drop it from state now rather than when the answer comes.
    sent: () => ({ pin: '' }),
  },
  staffOverview: { answered: (s, result) => onOverview(s, false, result) },
  staffRetryOutbox: { answered: (s, result) => onOverview(s, true, result) },
  staffExit: { answered: (s, result) => onExited(s, result), sent: withoutPin },
  staffLiftPause: {
    answered: (s, result) => (s.screen.name === 'staff-activity' ? onPauseLiftedHere(s, result) : onPauseLifted(s, result)),
  },
  staffSchedule: { answered: (s, result) => onSchedule(s, result) },
  staffScheduleCheckIn: { answered: (s, result, request) => onRowCheckIn(s, request.key, result) },
  staffScheduleUndo: { answered: (s, result, request) => onRowUndo(s, request.key, result), sent: withoutPin },
  staffWalkInOptions: { answered: (s, result) => onWalkInOptions(s, result) },
  staffFindPatient: { answered: (s, result) => onPatientsFound(s, result) },
  staffWalkIn: { answered: (s, result) => onWalkIn(s, result) },
  staffActivity: { answered: (s, result) => onActivity(s, result) },
} satisfies AnswerTable;
