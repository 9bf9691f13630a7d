/**
 * The patient's visit: last name → birth date → (first name) → appointments → check in, and every
 * way it ends. The same screens serve staff helping a patient (`mode: 'staff'`): then the calls go
 * through the staff channels with the staff session, and results lead back to the staff panel.
 */
import type { CheckInResponse, ErrorCode, IdentifyRequest, IdentifyResponse, Language, Result } from '../../preload/contract.js';
import { DOB_DIGITS, EMPTY_DOB, deleteDigit, fieldOrder, typeDigit } from '../dob.js';
import { errorAction, toErrorCode } from '../errors.js';
import { canSubmitName, deleteLast, finalName, keyCase, typeInto } from '../nameEntry.js';
import { allCheckedIn, completeResults, isCheckedIn } from '../results.js';
import { isStaffLocked, withCall } from './calls.js';
import { EMPTY_PATIENT, TEXT_SIZES, resetState, type Handlers, type Patient, type Screen, type ScreenName, type State } from './model.js';

export type NameField = 'familyName' | 'givenName';

export type PatientAction =
  | { type: 'set-lang'; lang: Language }
  /** "Larger text": the next size step, back to normal after the largest. */
  | { type: 'next-text-size' }
  | { type: 'toggle-contrast' }
  | { type: 'start' }
  | { type: 'back' }
  /** `onScreenKey`: typed on our keyboard (name-cased) rather than a physical one (kept as typed). */
  | { type: 'type'; ch: string; onScreenKey: boolean }
  | { type: 'delete' }
  | { type: 'dob-digit'; digit: string }
  | { type: 'dob-delete' }
  | { type: 'dob-clear' }
  | { type: 'submit-family-name' }
  | { type: 'submit-birth-date'; birthDate: string }
  | { type: 'submit-given-name' }
  | { type: 'check-in'; keys: string[] }
  | { type: 'try-again' };

function nameFieldOf(screen: ScreenName): NameField | null {
  return screen === 'last-name' ? 'familyName' : screen === 'first-name' ? 'givenName' : null;
}

const WORKING_IDENTIFY: Screen = { name: 'working', task: 'identify' };

/**
 * Identify whoever is at the screens (or, registering a walk-in, find the patient's record); unchanged
 * when staff mode has somehow lost its session.
 */
function identify(s: State, request: IdentifyRequest, patient: Patient): State {
  const next = { ...s, screen: WORKING_IDENTIFY, patient };
  if (s.mode === 'patient') return withCall(next, 'identify', request);
  if (!s.staff.session) return s;
  if (s.staff.walkIn) {
    const { familyName, birthDate, givenName } = request;
    return withCall(next, 'staffFindPatient', {
      staffSession: s.staff.session,
      familyName,
      birthDate,
      ...(givenName ? { givenName } : {}),
    });
  }
  return withCall(next, 'staffIdentify', { ...request, staffSession: s.staff.session });
}

export const patientTaps: Handlers<PatientAction> = {
  'set-lang': (s, a) => {
    if (s.info && !s.info.languages.includes(a.lang)) return s;
    // What was typed stays: the date's fields keep their meaning (a month stays the month), only
    // the order of the keypad's next digits follows the new language.
    return { ...s, lang: a.lang };
  },
  'next-text-size': (s) => ({ ...s, textSize: (s.textSize + 1) % TEXT_SIZES }),
  'toggle-contrast': (s) => ({ ...s, highContrast: !s.highContrast }),
  start: (s) => (s.screen.name === 'welcome' ? { ...s, patient: EMPTY_PATIENT, screen: { name: 'last-name' } } : s),
  back: (s) => {
    // Staff leave by "Back to staff panel"; welcome is no place for a staff-assisted visit.
    if (s.screen.name === 'last-name') return s.mode === 'staff' ? s : { ...s, patient: EMPTY_PATIENT, screen: { name: 'welcome' } };
    if (s.screen.name === 'birth-date') return { ...s, screen: { name: 'last-name' } };
    return s;
  },
  type: (s, a) => {
    const field = nameFieldOf(s.screen.name);
    if (!field) return s;
    const p = s.patient;
    const ch = a.onScreenKey ? keyCase(p[field], a.ch) : a.ch;
    return { ...s, patient: { ...p, [field]: typeInto(p[field], ch) } };
  },
  delete: (s) => {
    const field = nameFieldOf(s.screen.name);
    return field ? { ...s, patient: { ...s.patient, [field]: deleteLast(s.patient[field]) } } : s;
  },
  'dob-digit': (s, a) => {
    if (s.screen.name !== 'birth-date' || !/^[0-9]$/.test(a.digit)) return s;
    const dob = typeDigit(s.patient.dob, fieldOrder(s.lang), a.digit);
    // Every digit pressed, up to a whole date's worth, even past a full draft: "2 5 1 2 1 9 8 0" fills
    // 02/05/1219 after six, and the other reading needs all eight.
    const dobDigits = s.patient.dobDigits.length < DOB_DIGITS ? s.patient.dobDigits + a.digit : s.patient.dobDigits;
    return { ...s, patient: { ...s.patient, dob, dobDigits } };
  },
  'dob-delete': (s) =>
    s.screen.name === 'birth-date'
      ? {
          ...s,
          patient: { ...s.patient, dob: deleteDigit(s.patient.dob, fieldOrder(s.lang)), dobDigits: s.patient.dobDigits.slice(0, -1) },
        }
      : s,
  'dob-clear': (s) => (s.screen.name === 'birth-date' ? { ...s, patient: { ...s.patient, dob: EMPTY_DOB, dobDigits: '' } } : s),
  'submit-family-name': (s) =>
    s.screen.name === 'last-name' && canSubmitName(s.patient.familyName) ? { ...s, screen: { name: 'birth-date' } } : s,
  'submit-birth-date': (s, a) => {
    if (s.screen.name !== 'birth-date' || !/^\d{4}-\d{2}-\d{2}$/.test(a.birthDate)) return s;
    const p = s.patient;
    // The keypad digits go now: the birth date is never shown again after it is submitted.
    // The visit token lets main count this visit's misses ("Try again" stays in the same visit).
    const visit = p.visit ? { visit: p.visit } : {};
    return identify(
      s,
      { familyName: finalName(p.familyName), birthDate: a.birthDate, ...visit },
      { ...p, dob: EMPTY_DOB, dobDigits: '', birthDate: a.birthDate },
    );
  },
  'submit-given-name': (s) => {
    const p = s.patient;
    if (s.screen.name !== 'first-name' || !canSubmitName(p.givenName) || !p.birthDate) return s;
    const pending = p.identifyToken ? { pending: p.identifyToken } : {};
    return identify(s, { familyName: finalName(p.familyName), birthDate: p.birthDate, givenName: finalName(p.givenName), ...pending }, p);
  },
  'check-in': (s, a) => {
    const p = s.patient;
    const open = new Set(p.appointments.filter((x) => x.state === 'open').map((x) => x.key));
    const keys = [...new Set(a.keys)];
    // A patient may also check in a remaining appointment straight from the result screen.
    const fromResults = s.mode === 'patient' && s.screen.name === 'message' && s.screen.message.kind === 'check-in';
    if ((s.screen.name !== 'appointments' && !fromResults) || !p.session || !keys.length || !keys.every((k) => open.has(k))) return s;
    const next: State = { ...s, screen: { name: 'working', task: 'check-in' } };
    if (s.mode === 'patient') return withCall(next, 'checkIn', { session: p.session, keys });
    // Staff act on one appointment at a time, so each result (and any undo after it) is about exactly one.
    if (keys.length !== 1 || !s.staff.session) return s;
    return withCall(next, 'staffCheckIn', { staffSession: s.staff.session, session: p.session, keys });
  },
  'try-again': (s) => {
    if (s.screen.name !== 'message') return s;
    const m = s.screen.message;
    const p = s.patient;
    // The name comes back to be checked; the birth date is typed again (the screen never says which was wrong).
    if (m.kind === 'not_found') return m.canRetry ? { ...s, patient: keptForRetry(p), screen: { name: 'last-name' } } : s;
    // A staff check-in or undo that failed may be tried again on the same list (nothing changed).
    if (m.kind === 'staff-check-in' || m.kind === 'staff-undo')
      return m.outcome === 'failed' && p.session ? { ...s, screen: { name: 'appointments' } } : s;
    if (m.kind !== 'error' || errorAction(m.code) !== 'retry') return s;
    if (m.during !== 'identify' && p.session) return { ...s, screen: { name: 'appointments' } };
    return { ...s, patient: EMPTY_PATIENT, screen: { name: 'last-name' } };
  },
};

export function onIdentified(s: State, request: IdentifyRequest, result: Result<IdentifyResponse>): State {
  if (isStaffLocked(result)) return resetState(s);
  // Whatever happens next, the typed name and birth date are no longer needed, except to ask for a first name.
  if (!result.ok) return identifyFailed(s, result.error.code);
  const r = result.value;
  switch (r.outcome) {
    case 'found':
      return {
        ...s,
        patient: { ...EMPTY_PATIENT, session: r.session, greetingName: r.greetingName, appointments: r.appointments },
        screen: { name: 'appointments' },
      };
    case 'need_first_name':
      if (request.givenName === undefined)
        return { ...s, patient: { ...s.patient, ...(r.pending ? { identifyToken: r.pending } : {}) }, screen: { name: 'first-name' } };
      return { ...s, patient: keptForRetry(s.patient), screen: { name: 'message', message: { kind: 'not_found', canRetry: true } } };
    case 'not_found':
      // Staff misses do not count towards the cooldown: staff may always try again.
      return {
        ...s,
        patient: { ...keptForRetry(s.patient), ...(r.visit ? { visit: r.visit } : {}) },
        screen: { name: 'message', message: { kind: 'not_found', canRetry: s.mode === 'staff' || r.attemptsLeft > 0 } },
      };
    case 'cooldown':
      return { ...s, patient: EMPTY_PATIENT, screen: { name: 'cooldown', until: r.until } };
  }
}

/** Looking the patient up failed (not a miss): nothing typed is kept, the message says what to do next. */
export function identifyFailed(s: State, code: unknown): State {
  return {
    ...s,
    patient: EMPTY_PATIENT,
    screen: { name: 'message', message: { kind: 'error', code: toErrorCode(code), during: 'identify' } },
  };
}

/** After a miss only the typed last name stays (never shown until "Try again"), to be checked rather than retyped. */
export function keptForRetry(p: Patient): Patient {
  return { ...EMPTY_PATIENT, familyName: p.familyName, ...(p.visit ? { visit: p.visit } : {}) };
}

/** A failed check-in or undo: the session (and so the list) survives unless main says it has ended. */
export function callFailed(s: State, code: ErrorCode, during: 'check-in' | 'undo'): State {
  const patient = code === 'session_expired' ? EMPTY_PATIENT : s.patient;
  return { ...s, patient, screen: { name: 'message', message: { kind: 'error', code, during } } };
}

export function onCheckedIn(s: State, keys: readonly string[], result: Result<CheckInResponse>): State {
  if (!result.ok) return callFailed(s, toErrorCode(result.error.code), 'check-in');
  const results = completeResults(keys, result.value.results);
  const [one] = results;
  // Staff see the result and go back to their panel themselves: no "done" screen that returns to welcome.
  if (s.mode === 'staff' && one)
    return { ...s, screen: { name: 'message', message: { kind: 'staff-check-in', key: one.key, outcome: one.outcome } } };
  // Every appointment of the day stays accounted for: the ones just checked in are marked so, and
  // "done" only when nothing is left to check in (otherwise the result screen offers the rest).
  const acknowledged = new Set(results.filter((r) => isCheckedIn(r.outcome)).map((r) => r.key));
  const appointments = s.patient.appointments.map((a) => (acknowledged.has(a.key) ? { ...a, state: 'checked_in' as const } : a));
  const visit = [...s.patient.results.filter((r) => !keys.includes(r.key)), ...results];
  const next: State = { ...s, patient: { ...s.patient, appointments, results: visit } };
  if (allCheckedIn(results) && !appointments.some((a) => a.state === 'open')) return { ...next, screen: { name: 'done' } };
  return { ...next, screen: { name: 'message', message: { kind: 'check-in', results } } };
}
