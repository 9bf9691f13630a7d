/**
 * Staff mode: the hidden corner gesture, the PIN screen, and the staff panel (outbox, retry, exit).
 * Exit and undo ask for the PIN again (main checks it): the same pad and digits as unlocking.
 */
import type { Result, StaffOverview, StaffUnlockResponse } from '../../preload/contract.js';
import { endSessions, isPinRejected, isStaffLocked, withCall, withEffects } from './calls.js';
import { NO_STAFF, canOpenStaff, resetState, type Handlers, type Staff, type StaffNotice, type State } from './model.js';

/** The contract accepts 4 to 12 digits. */
export const PIN_MIN = 4;
export const PIN_MAX = 12;

/** Where the PIN pad is up: the unlock screen, or a step that needs the PIN again (exit, undo). */
export function pinPadOpen(s: State): boolean {
  switch (s.screen.name) {
    case 'staff-pin':
      return true;
    case 'staff':
      return s.staff.confirmingExit;
    case 'appointments':
      return s.mode === 'staff' && s.screen.confirmUndo !== undefined;
    case 'staff-day':
      return s.screen.confirmUndo !== undefined;
    default:
      return false;
  }
}

/** Take the typed PIN for a call: out of state at once (the call's `sent` rule drops its copy too). */
export function takePin(s: State): { s: State; pin: string } | null {
  if (s.staff.pin.length < PIN_MIN) return null;
  return { s: { ...s, staff: { ...s.staff, pin: '', notice: null } }, pin: s.staff.pin };
}

export type StaffAction =
  /** The hidden corner gesture. */
  | { type: 'staff-open' }
  | { type: 'pin-digit'; digit: string }
  | { type: 'pin-delete' }
  | { type: 'pin-clear' }
  | { type: 'staff-unlock' }
  | { type: 'staff-refresh' }
  | { type: 'staff-retry' }
  | { type: 'staff-lift-pause' }
  | { type: 'staff-exit-ask' }
  | { type: 'staff-exit-cancel' }
  | { type: 'staff-exit-confirm' };

const overviewCall = (s: State, retry: boolean, session: string) =>
  withCall({ ...s, staff: { ...s.staff, notice: null } }, retry ? 'staffRetryOutbox' : 'staffOverview', { staffSession: session });

export const staffTaps: Handlers<StaffAction> = {
  // Like a reset (nothing of a patient survives, main forgets the session), then the PIN screen instead of welcome.
  'staff-open': (s) => (canOpenStaff(s) ? withEffects({ ...resetState(s), screen: { name: 'staff-pin' } }, endSessions(s)) : s),
  'pin-digit': (s, a) => {
    if (!pinPadOpen(s) || !/^[0-9]$/.test(a.digit) || s.staff.pin.length >= PIN_MAX) return s;
    return { ...s, staff: { ...s.staff, pin: s.staff.pin + a.digit } };
  },
  'pin-delete': (s) => (pinPadOpen(s) ? { ...s, staff: { ...s.staff, pin: s.staff.pin.slice(0, -1) } } : s),
  'pin-clear': (s) => (pinPadOpen(s) ? { ...s, staff: { ...s.staff, pin: '' } } : s),
  'staff-unlock': (s) => {
    const taken = s.screen.name === 'staff-pin' ? takePin(s) : null;
    return taken ? withCall(taken.s, 'staffUnlock', { pin: taken.pin }) : s;
  },
  'staff-refresh': (s) =>
    s.screen.name === 'staff' && s.staff.session && !s.staff.confirmingExit ? overviewCall(s, false, s.staff.session) : s,
  'staff-retry': (s) =>
    s.screen.name === 'staff' && s.staff.session && !s.staff.confirmingExit ? overviewCall(s, true, s.staff.session) : s,
  'staff-lift-pause': (s) =>
    (s.screen.name === 'staff' || s.screen.name === 'staff-activity') && s.staff.session && !s.staff.confirmingExit
      ? withCall({ ...s, staff: { ...s.staff, notice: null } }, 'staffLiftPause', { staffSession: s.staff.session })
      : s,
  'staff-exit-ask': (s) =>
    s.screen.name === 'staff' && s.staff.session ? { ...s, staff: { ...s.staff, confirmingExit: true, notice: null } } : s,
  'staff-exit-cancel': (s) =>
    s.screen.name === 'staff' ? { ...s, staff: { ...s.staff, confirmingExit: false, pin: '', notice: null } } : s,
  'staff-exit-confirm': (s) => {
    if (s.screen.name !== 'staff' || !s.staff.session || !s.staff.confirmingExit) return s;
    const taken = takePin(s);
    return taken ? withCall(taken.s, 'staffExit', { staffSession: s.staff.session, pin: taken.pin }) : s;
  },
};

export function staffNotice(s: State, notice: StaffNotice | null, more: Partial<Staff> = {}): State {
  return { ...s, staff: { ...s.staff, ...more, notice } };
}

/** A staff call that failed: staff mode relocked in main → a fresh start; anything else → say so and stay. */
export function staffCallFailed(s: State, result: Result<unknown>): State {
  return isStaffLocked(result) ? resetState(s) : staffNotice(s, { kind: 'failed' });
}

export function onUnlocked(s: State, result: Result<StaffUnlockResponse>): State {
  if (!result.ok) return staffNotice(s, { kind: 'failed' });
  const r = result.value;
  switch (r.outcome) {
    case 'unlocked': {
      // Straight on to the panel, which fetches what it shows right away.
      const panel: State = { ...s, screen: { name: 'staff' }, staff: { ...NO_STAFF, session: r.staffSession } };
      return withCall(panel, 'staffOverview', { staffSession: r.staffSession });
    }
    case 'wrong_pin':
      return staffNotice(s, { kind: 'wrong_pin', attemptsLeft: r.attemptsLeft });
    case 'locked_out':
      return staffNotice(s, { kind: 'locked_out', until: r.until });
    case 'not_provisioned':
      return staffNotice(s, { kind: 'not_provisioned' });
  }
}

export function onOverview(s: State, retried: boolean, result: Result<StaffOverview>): State {
  if (!result.ok) return staffCallFailed(s, result);
  const notice = retried ? { kind: 'retried' as const, waiting: result.value.outbox.length } : null;
  return staffNotice(s, notice, { overview: result.value });
}

export function onExited(s: State, result: Result<Record<string, never>>): State {
  // Main closes the app (the Electron shell); until it does, or where there is no shell, back to the start.
  if (result.ok || isStaffLocked(result)) return resetState(s);
  if (isPinRejected(result)) return staffNotice(s, { kind: 'pin_rejected' });
  return staffNotice(s, { kind: 'failed' }, { confirmingExit: false });
}

/** The pause is lifted (or had already ended): show the panel as main now sees it. */
export function onPauseLifted(s: State, result: Result<unknown>): State {
  if (!result.ok) return staffCallFailed(s, result);
  return s.staff.session ? overviewCall(s, false, s.staff.session) : s;
}
