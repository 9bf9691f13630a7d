/**
 * The front desk's day in staff mode: today's schedule (filter, name search, check in or undo from a
 * row), registering a walk-in (the check-in screens find the patient, then the visit's details), and
 * today's kiosk activity. Main decides what each row allows (`action`); the undo needs the PIN again.
 */
import type {
  Result,
  StaffActivity,
  StaffFindPatientResponse,
  StaffLiftPauseResponse,
  StaffScheduleResponse,
  StaffUndoResponse,
  StaffWalkInResponse,
  WalkInOptions,
} from '../../preload/contract.js';
import type { CheckInOutcome } from '../../preload/contract.js';
import { typeInto, deleteLast } from '../nameEntry.js';
import type { DayFilter } from '../staffDay.js';
import { isPinRejected, isStaffLocked, withCall } from './calls.js';
import { EMPTY_PATIENT, resetState, type Handlers, type State, type WalkInChoice, type WalkInDraft } from './model.js';
import { identifyFailed, keptForRetry } from './patient.js';
import { staffCallFailed, staffNotice, takePin } from './staff.js';

export type DayAction =
  | { type: 'day-open' }
  | { type: 'day-refresh' }
  | { type: 'day-filter'; filter: DayFilter }
  | { type: 'day-search-toggle' }
  | { type: 'day-search-key'; ch: string }
  | { type: 'day-search-delete' }
  | { type: 'day-search-clear' }
  | { type: 'day-check-in'; key: string }
  | { type: 'day-undo-ask'; key: string }
  | { type: 'day-undo-cancel' }
  | { type: 'day-undo-confirm' }
  | { type: 'walk-in-start' }
  | { type: 'walk-in-choose'; field: WalkInChoice; key: string }
  | { type: 'walk-in-minutes'; minutes: number }
  | { type: 'walk-in-create' }
  | { type: 'activity-open' }
  /** From the day view or the activity screen back to the panel (which fetches its overview again). */
  | { type: 'staff-back' };

const onDay = (s: State) => s.screen.name === 'staff-day' && s.screen.confirmUndo === undefined && s.staff.session !== null;
const nameOf = (s: State, key: string) => s.staff.day?.rows.find((r) => r.key === key)?.patientName ?? '';
const scheduleCall = (s: State, refresh = false) =>
  s.staff.session ? withCall(s, 'staffSchedule', { staffSession: s.staff.session, ...(refresh ? { refresh: true } : {}) }) : s;

export const dayTaps: Handlers<DayAction> = {
  'day-open': (s) => {
    if (s.screen.name !== 'staff' || !s.staff.session || s.staff.confirmingExit) return s;
    return scheduleCall({ ...s, screen: { name: 'staff-day' }, staff: { ...s.staff, notice: null, dayFocus: null } });
  },
  'day-refresh': (s) => (onDay(s) ? scheduleCall(staffNotice(s, null), true) : s),
  'day-filter': (s, a) => (onDay(s) ? { ...s, staff: { ...s.staff, dayFilter: a.filter } } : s),
  'day-search-toggle': (s) => (onDay(s) ? { ...s, staff: { ...s.staff, daySearching: !s.staff.daySearching } } : s),
  'day-search-key': (s, a) =>
    onDay(s) && s.staff.daySearching ? { ...s, staff: { ...s.staff, dayName: typeInto(s.staff.dayName, a.ch.toLowerCase()) } } : s,
  'day-search-delete': (s) => (onDay(s) ? { ...s, staff: { ...s.staff, dayName: deleteLast(s.staff.dayName) } } : s),
  'day-search-clear': (s) => (onDay(s) ? { ...s, staff: { ...s.staff, dayName: '' } } : s),
  'day-check-in': (s, a) => {
    const row = s.staff.day?.rows.find((r) => r.key === a.key);
    if (!onDay(s) || row?.action !== 'check_in') return s;
    return withCall(staffNotice(s, null), 'staffScheduleCheckIn', { staffSession: s.staff.session!, key: a.key });
  },
  'day-undo-ask': (s, a) => {
    const row = s.staff.day?.rows.find((r) => r.key === a.key);
    if (!onDay(s) || row?.action !== 'undo') return s;
    return { ...s, screen: { name: 'staff-day', confirmUndo: a.key }, staff: { ...s.staff, notice: null, pin: '' } };
  },
  'day-undo-cancel': (s) =>
    s.screen.name === 'staff-day' && s.screen.confirmUndo
      ? { ...s, screen: { name: 'staff-day' }, staff: { ...s.staff, pin: '', notice: null } }
      : s,
  'day-undo-confirm': (s) => {
    if (s.screen.name !== 'staff-day' || !s.screen.confirmUndo || !s.staff.session) return s;
    const taken = takePin(s);
    if (!taken) return s;
    return withCall({ ...taken.s, screen: { name: 'staff-day' } }, 'staffScheduleUndo', {
      staffSession: s.staff.session,
      key: s.screen.confirmUndo,
      pin: taken.pin,
    });
  },
  'walk-in-start': (s) => {
    const from = s.screen.name === 'staff' || s.screen.name === 'staff-day';
    if (!from || !s.staff.session || s.staff.confirmingExit) return s;
    return withCall(staffNotice(s, null), 'staffWalkInOptions', { staffSession: s.staff.session });
  },
  'walk-in-choose': (s, a) => {
    const w = s.staff.walkIn;
    if (s.screen.name !== 'staff-walk-in' || !w) return s;
    const offered =
      a.field === 'patientKey'
        ? (w.patients ?? [])
        : a.field === 'practitionerKey'
          ? w.options.practitioners
          : a.field === 'locationKey'
            ? w.options.locations
            : w.options.appointmentTypes;
    if (!offered.some((c) => c.key === a.key)) return s;
    return { ...s, staff: { ...s.staff, notice: null, walkIn: { ...w, [a.field]: a.key } } };
  },
  'walk-in-minutes': (s, a) => {
    const w = s.staff.walkIn;
    if (s.screen.name !== 'staff-walk-in' || !w || !w.options.durations.includes(a.minutes)) return s;
    return { ...s, staff: { ...s.staff, walkIn: { ...w, minutes: a.minutes } } };
  },
  'walk-in-create': (s) => {
    const w = s.staff.walkIn;
    if (s.screen.name !== 'staff-walk-in' || !w || !s.staff.session || !walkInComplete(w)) return s;
    return withCall(staffNotice(s, null), 'staffWalkIn', {
      staffSession: s.staff.session,
      patientKey: w.patientKey!,
      practitionerKey: w.practitionerKey!,
      locationKey: w.locationKey!,
      appointmentTypeKey: w.appointmentTypeKey!,
      minutes: w.minutes,
    });
  },
  'activity-open': (s) => {
    const from = s.screen.name === 'staff' || s.screen.name === 'staff-activity';
    if (!from || !s.staff.session || s.staff.confirmingExit) return s;
    return withCall({ ...staffNotice(s, null), screen: { name: 'staff-activity' } }, 'staffActivity', { staffSession: s.staff.session });
  },
  'staff-back': (s) => {
    const from = s.screen.name === 'staff-day' || s.screen.name === 'staff-activity';
    if (!from || !s.staff.session) return s;
    const panel: State = { ...s, screen: { name: 'staff' }, staff: { ...s.staff, notice: null, pin: '' } };
    return withCall(panel, 'staffOverview', { staffSession: s.staff.session });
  },
};

export function walkInComplete(w: WalkInDraft): boolean {
  return !!(w.patientKey && w.practitionerKey && w.locationKey && w.appointmentTypeKey);
}

export function onSchedule(s: State, result: Result<StaffScheduleResponse>): State {
  if (!result.ok) return staffCallFailed(s, result);
  return { ...s, staff: { ...s.staff, day: result.value } };
}

/** A row's check-in or undo answered: say what became of it, then reload the rows (main's snapshot followed at once). */
export function onRowCheckIn(s: State, key: string, result: Result<{ outcome: CheckInOutcome }>): State {
  if (!result.ok) return staffCallFailed(s, result);
  return scheduleCall(staffNotice(s, { kind: 'day-check-in', outcome: result.value.outcome, name: nameOf(s, key) }));
}

export function onRowUndo(s: State, key: string, result: Result<StaffUndoResponse>): State {
  if (isPinRejected(result)) return { ...staffNotice(s, { kind: 'pin_rejected' }), screen: { name: 'staff-day', confirmUndo: key } };
  if (!result.ok) return staffCallFailed(s, result);
  return scheduleCall(staffNotice(s, { kind: 'day-undo', outcome: result.value.outcome, name: nameOf(s, key) }));
}

/** What main offers for a walk-in arrived: find the patient on the check-in screens, run by staff. */
export function onWalkInOptions(s: State, result: Result<WalkInOptions>): State {
  if (!result.ok) return staffCallFailed(s, result);
  const o = result.value;
  const only = <T extends { key: string }>(list: readonly T[]) => (list.length === 1 ? list[0]!.key : null);
  const walkIn: WalkInDraft = {
    options: o,
    patients: null,
    patientKey: null,
    practitionerKey: only(o.practitioners),
    locationKey: only(o.locations),
    appointmentTypeKey: only(o.appointmentTypes),
    minutes: o.durations.includes(15) ? 15 : (o.durations[0] ?? 15),
  };
  return { ...s, mode: 'staff', patient: EMPTY_PATIENT, screen: { name: 'last-name' }, staff: { ...s.staff, notice: null, walkIn } };
}

export function onPatientsFound(s: State, result: Result<StaffFindPatientResponse>): State {
  const w = s.staff.walkIn;
  if (isStaffLocked(result) || !w) return resetState(s);
  if (!result.ok) return identifyFailed(s, result.error.code);
  const found = result.value.patients;
  if (found.length === 0)
    return { ...s, patient: keptForRetry(s.patient), screen: { name: 'message', message: { kind: 'not_found', canRetry: true } } };
  // The typed name and birth date are done with; staff pick among the patients main found.
  const walkIn = { ...w, patients: found, patientKey: found.length === 1 ? found[0]!.key : null };
  return { ...s, patient: EMPTY_PATIENT, screen: { name: 'staff-walk-in' }, staff: { ...s.staff, walkIn } };
}

export function onWalkIn(s: State, result: Result<StaffWalkInResponse>): State {
  if (!result.ok) return staffCallFailed(s, result);
  const r = result.value;
  if (r.outcome === 'failed') return staffNotice(s, { kind: 'walk-in-failed', reason: r.reason });
  // On to the day view, the new row brought into view, ready to be checked in.
  const day: State = {
    ...s,
    mode: 'patient',
    patient: EMPTY_PATIENT,
    generation: s.generation + 1,
    screen: { name: 'staff-day' },
    staff: {
      ...s.staff,
      walkIn: null,
      dayFilter: 'all',
      dayName: '',
      dayFocus: r.row.key,
      notice: { kind: 'walk-in-created', name: r.row.patientName, start: r.row.start },
    },
  };
  return scheduleCall(day);
}

export function onActivity(s: State, result: Result<StaffActivity>): State {
  if (!result.ok) return staffCallFailed(s, result);
  return { ...s, staff: { ...s.staff, activity: result.value } };
}

/** Lifting the pause from the activity screen: its numbers come back with the answer. */
export function onPauseLiftedHere(s: State, result: Result<StaffLiftPauseResponse>): State {
  if (!result.ok) return staffCallFailed(s, result);
  return { ...s, staff: { ...s.staff, activity: result.value.activity, notice: { kind: 'pause-lifted', lifted: result.value.lifted } } };
}
