/**
 * The whole app's screen state in one reducer. Screens only dispatch actions; calls to main are
 * described here as `pending` and run by the App, so every transition (and every guard against a
 * double tap) is plain data that unit tests can drive. Staff mode lives here too: its own screens,
 * its own slice of state (`staff`), and the same one-call-at-a-time rule. Staff can also run the
 * patient's check-in screens for a patient (`mode: 'staff'`): the same screens and transitions, but
 * the calls carry the staff session, and the results lead back to the staff panel, never to welcome.
 */
import type {
  AppointmentView,
  CheckInOutcome,
  CheckInResponse,
  ErrorCode,
  Health,
  IdentifyRequest,
  IdentifyResponse,
  KioskInfo,
  Language,
  Result,
  StaffOverview,
  StaffUndoResponse,
  StaffUnlockResponse,
} from '../preload/contract.js';
import { EMPTY_DOB, deleteDigit, fieldOrder, typeDigit, type DobDraft } from './dob.js';
import { errorAction, toErrorCode } from './errors.js';
import { canSubmitName, deleteLast, finalName, keyCase, typeInto } from './nameEntry.js';
import { allCheckedIn, completeResults, type CheckInResult } from './results.js';

/** Who is at the check-in screens: the patient, or staff helping a patient from the staff panel. */
export type FlowMode = 'patient' | 'staff';
export type UndoOutcome = StaffUndoResponse['outcome'];

export type Message =
  | { kind: 'not_found'; canRetry: boolean }
  | { kind: 'error'; code: ErrorCode; during: 'identify' | 'check-in' | 'undo' }
  | { kind: 'check-in'; results: CheckInResult[] }
  /** Staff mode: what became of the one appointment staff acted on (`key` says which, to name it). */
  | { kind: 'staff-check-in'; key: string; outcome: CheckInOutcome }
  | { kind: 'staff-undo'; key: string; outcome: UndoOutcome };

export type Screen =
  | { name: 'loading' }
  | { name: 'unconfigured'; problem: string | null }
  | { name: 'welcome' }
  | { name: 'last-name' }
  | { name: 'birth-date' }
  | { name: 'first-name' }
  | { name: 'working'; task: 'identify' | 'check-in' | 'undo' }
  /** `confirmUndo`: staff tapped "Undo check-in" on this appointment and the screen waits for Yes / No. */
  | { name: 'appointments'; confirmUndo?: string }
  | { name: 'done' }
  | { name: 'message'; message: Message }
  | { name: 'cooldown'; until: string }
  | { name: 'staff-pin' }
  | { name: 'staff' };

export type ScreenName = Screen['name'];

/** Everything about the person at the kiosk; replaced wholesale on reset. */
export interface Patient {
  familyName: string;
  givenName: string;
  dob: DobDraft;
  /** The submitted birth date, kept (never shown) only while a first name may still be asked for. */
  birthDate: string | null;
  /** Main's token for the candidates awaiting a first name (sent back with it: no second search). */
  identifyToken?: string;
  session: string | null;
  greetingName: string;
  appointments: AppointmentView[];
}

/** What staff are told on the PIN screen or the panel (the words live in the dictionaries). */
export type StaffNotice =
  | { kind: 'wrong_pin'; attemptsLeft: number }
  | { kind: 'locked_out'; until: string }
  | { kind: 'not_provisioned' }
  | { kind: 'retried'; waiting: number }
  | { kind: 'failed' };

/** Everything about staff mode; replaced wholesale on reset, like the patient. */
export interface Staff {
  /** Digits typed on the PIN pad. Emptied the moment they are submitted, and never rendered. */
  pin: string;
  session: string | null;
  overview: StaffOverview | null;
  notice: StaffNotice | null;
  /** "Exit kiosk" was tapped and waits for Yes / No. */
  confirmingExit: boolean;
}

export const NO_STAFF: Staff = Object.freeze({ pin: '', session: null, overview: null, notice: null, confirmingExit: false });

/** The contract accepts 4 to 12 digits. */
export const PIN_MIN = 4;
export const PIN_MAX = 12;

export type CheckInRequest = { session: string; keys: string[] };
/** A staff-assisted call is the patient's request plus the staff session: main then applies staff rules. */
type WithStaff<T> = T & { staffSession: string };
export type UndoRequest = WithStaff<{ session: string; key: string }>;
type StaffCall = 'staffOverview' | 'staffRetryOutbox' | 'staffExit';
export type Pending =
  | { id: number; slow: boolean; call: 'identify'; request: IdentifyRequest }
  | { id: number; slow: boolean; call: 'checkIn'; request: CheckInRequest }
  | { id: number; slow: boolean; call: 'staffIdentify'; request: WithStaff<IdentifyRequest> }
  | { id: number; slow: boolean; call: 'staffCheckIn'; request: WithStaff<CheckInRequest> }
  | { id: number; slow: boolean; call: 'staffUndo'; request: UndoRequest }
  /** `pin` is blanked by `call-sent` as soon as the App has handed it to main. */
  | { id: number; slow: boolean; call: 'staffUnlock'; pin: string }
  | { id: number; slow: boolean; call: StaffCall; staffSession: string };
/** Omit applied to each member of a union (plain Omit would keep only the keys they share). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A call as the reducer asks for it; the id and the slow flag are added by `withCall`. */
type CallRequest = OmitEach<Pending, 'id' | 'slow'>;

export interface State {
  info: KioskInfo | null;
  health: Health | null;
  lang: Language;
  largeText: boolean;
  /** Bumped on every reset; the App keys the patient tree on it so nothing old survives in the DOM. */
  generation: number;
  screen: Screen;
  /** 'staff' while staff run the check-in screens for a patient; back to 'patient' on leaving them or a reset. */
  mode: FlowMode;
  patient: Patient;
  staff: Staff;
  pending: Pending | null;
  nextId: number;
}

export type NameField = 'familyName' | 'givenName';

export type Action =
  | { type: 'info-loaded'; info: KioskInfo }
  | { type: 'info-failed'; message: string }
  | { type: 'health'; health: Health }
  | { type: 'set-lang'; lang: Language }
  | { type: 'toggle-large-text' }
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
  | { type: 'slow'; id: number }
  | { type: 'identified'; id: number; result: Result<IdentifyResponse> }
  | { type: 'checked-in'; id: number; result: Result<CheckInResponse> }
  | { type: 'try-again' }
  | { type: 'reset' }
  /** The hidden corner gesture. */
  | { type: 'staff-open' }
  | { type: 'pin-digit'; digit: string }
  | { type: 'pin-delete' }
  | { type: 'pin-clear' }
  | { type: 'staff-unlock' }
  /** The App passed the PIN to main: it is dropped from `pending` too. */
  | { type: 'call-sent'; id: number }
  | { type: 'staff-unlocked'; id: number; result: Result<StaffUnlockResponse> }
  | { type: 'staff-refresh' }
  | { type: 'staff-retry' }
  | { type: 'staff-overview'; id: number; result: Result<StaffOverview> }
  | { type: 'staff-exit-ask' }
  | { type: 'staff-exit-cancel' }
  | { type: 'staff-exit-confirm' }
  | { type: 'staff-exited'; id: number; result: Result<Record<string, never>> }
  /** "Help a patient check in" on the staff panel. */
  | { type: 'assist-start' }
  /** "Back to staff panel" from any screen of the staff-assisted visit. */
  | { type: 'assist-exit' }
  | { type: 'undo-ask'; key: string }
  | { type: 'undo-cancel' }
  | { type: 'undo-confirm' }
  | { type: 'undone'; id: number; result: Result<StaffUndoResponse> };

export const EMPTY_PATIENT: Patient = Object.freeze({
  familyName: '',
  givenName: '',
  dob: EMPTY_DOB,
  birthDate: null,
  session: null,
  greetingName: '',
  appointments: [],
});

/** Screens where a patient may have left something behind: the idle warning applies here. */
const PATIENT_SCREENS: ReadonlySet<ScreenName> = new Set<ScreenName>([
  'last-name',
  'birth-date',
  'first-name',
  'working',
  'appointments',
  'done',
  'message',
  'cooldown',
]);

export function isPatientScreen(name: ScreenName): boolean {
  return PATIENT_SCREENS.has(name);
}

export function isStaffScreen(name: ScreenName): boolean {
  return name === 'staff-pin' || name === 'staff';
}

/** Staff mode is on: its own screens, or the patient screens run by staff (idle then relocks it). */
export function isStaffMode(s: State): boolean {
  return s.mode === 'staff' || isStaffScreen(s.screen.name);
}

/** The gesture works on any screen, but never in the middle of a call to main (its answer would be lost). */
export function canOpenStaff(s: State): boolean {
  return s.pending === null && !isStaffMode(s);
}

/** Where a patient screen sits in the visit, for the "Step n of 3" indicator (first name is part of step 2). */
const STEPS: Partial<Record<ScreenName, number>> = { 'last-name': 1, 'birth-date': 2, 'first-name': 2, appointments: 3 };
export const TOTAL_STEPS = 3;

export function stepOf(name: ScreenName): number | null {
  return STEPS[name] ?? null;
}

export function initialState(): State {
  return {
    info: null,
    health: null,
    lang: 'en',
    largeText: false,
    generation: 0,
    screen: { name: 'loading' },
    mode: 'patient',
    patient: EMPTY_PATIENT,
    staff: NO_STAFF,
    pending: null,
    nextId: 1,
  };
}

export function defaultLang(info: KioskInfo | null): Language {
  if (!info || info.languages.includes('en')) return 'en';
  return info.languages[0] ?? 'en';
}

function homeScreen(info: KioskInfo): Screen {
  return info.mode === 'unconfigured' ? { name: 'unconfigured', problem: info.configProblem } : { name: 'welcome' };
}

/** A fresh start for the next person: only kiosk-level facts survive. */
export function resetState(s: State): State {
  return {
    ...initialState(),
    info: s.info,
    health: s.health,
    lang: defaultLang(s.info),
    generation: s.generation + 1,
    nextId: s.nextId,
    screen: s.info ? homeScreen(s.info) : s.screen.name === 'unconfigured' ? s.screen : { name: 'loading' },
  };
}

function withCall(s: State, request: CallRequest): State {
  return { ...s, pending: { ...request, id: s.nextId, slow: false } as Pending, nextId: s.nextId + 1 };
}

function call(s: State, request: CallRequest, screen: Screen, patient: Patient): State {
  return withCall({ ...s, screen, patient }, request);
}

function nameFieldOf(screen: ScreenName): NameField | null {
  return screen === 'last-name' ? 'familyName' : screen === 'first-name' ? 'givenName' : null;
}

/** The identify call for whoever is at the screens; null when staff mode has somehow lost its session. */
function identifyCall(s: State, request: IdentifyRequest): CallRequest | null {
  if (s.mode === 'patient') return { call: 'identify', request };
  return s.staff.session ? { call: 'staffIdentify', request: { ...request, staffSession: s.staff.session } } : null;
}

function onIdentified(s: State, request: IdentifyRequest, result: Result<IdentifyResponse>): State {
  if (isStaffLocked(result)) return resetState(s);
  const done = { ...s, pending: null };
  // Whatever happens next, the typed name and birth date are no longer needed, except to ask for a first name.
  if (!result.ok) {
    const code = toErrorCode(result.error.code);
    return { ...done, patient: EMPTY_PATIENT, screen: { name: 'message', message: { kind: 'error', code, during: 'identify' } } };
  }
  const r = result.value;
  switch (r.outcome) {
    case 'found':
      return {
        ...done,
        patient: { ...EMPTY_PATIENT, session: r.session, greetingName: r.greetingName, appointments: r.appointments },
        screen: { name: 'appointments' },
      };
    case 'need_first_name':
      if (request.givenName === undefined)
        return { ...done, patient: { ...s.patient, ...(r.pending ? { identifyToken: r.pending } : {}) }, screen: { name: 'first-name' } };
      return { ...done, patient: EMPTY_PATIENT, screen: { name: 'message', message: { kind: 'not_found', canRetry: true } } };
    case 'not_found':
      // Staff misses do not count towards the cooldown: staff may always try again.
      return {
        ...done,
        patient: EMPTY_PATIENT,
        screen: { name: 'message', message: { kind: 'not_found', canRetry: s.mode === 'staff' || r.attemptsLeft > 0 } },
      };
    case 'cooldown':
      return { ...done, patient: EMPTY_PATIENT, screen: { name: 'cooldown', until: r.until } };
  }
}

/** A failed check-in or undo: the session (and so the list) survives unless main says it has ended. */
function callFailed(s: State, code: ErrorCode, during: 'check-in' | 'undo'): State {
  const patient = code === 'session_expired' ? EMPTY_PATIENT : s.patient;
  return { ...s, pending: null, patient, screen: { name: 'message', message: { kind: 'error', code, during } } };
}

function onCheckedIn(s: State, request: CheckInRequest, result: Result<CheckInResponse>): State {
  if (isStaffLocked(result)) return resetState(s);
  if (!result.ok) return callFailed(s, toErrorCode(result.error.code), 'check-in');
  const done = { ...s, pending: null };
  const results = completeResults(request.keys, result.value.results);
  const [one] = results;
  // Staff see the result and go back to their panel themselves: no "done" screen that returns to welcome.
  if (s.mode === 'staff' && one)
    return { ...done, screen: { name: 'message', message: { kind: 'staff-check-in', key: one.key, outcome: one.outcome } } };
  if (allCheckedIn(results)) return { ...done, screen: { name: 'done' } };
  return { ...done, screen: { name: 'message', message: { kind: 'check-in', results } } };
}

function onUndone(s: State, key: string, result: Result<StaffUndoResponse>): State {
  if (isStaffLocked(result)) return resetState(s);
  if (!result.ok) return callFailed(s, toErrorCode(result.error.code), 'undo');
  // The list is not refreshed: staff read the result, then go back to the panel (or retry a failure).
  return { ...s, pending: null, screen: { name: 'message', message: { kind: 'staff-undo', key, outcome: result.value.outcome } } };
}

function staffNotice(s: State, notice: StaffNotice | null, more: Partial<Staff> = {}): State {
  return { ...s, pending: null, staff: { ...s.staff, ...more, notice } };
}

function onUnlocked(s: State, result: Result<StaffUnlockResponse>): State {
  if (!result.ok) return staffNotice(s, { kind: 'failed' });
  const r = result.value;
  switch (r.outcome) {
    case 'unlocked': {
      // Straight on to the panel, which fetches what it shows right away.
      const panel: State = { ...s, pending: null, screen: { name: 'staff' }, staff: { ...NO_STAFF, session: r.staffSession } };
      return withCall(panel, { call: 'staffOverview', staffSession: r.staffSession });
    }
    case 'wrong_pin':
      return staffNotice(s, { kind: 'wrong_pin', attemptsLeft: r.attemptsLeft });
    case 'locked_out':
      return staffNotice(s, { kind: 'locked_out', until: r.until });
    case 'not_provisioned':
      return staffNotice(s, { kind: 'not_provisioned' });
  }
}

/** Main relocked staff mode (idle on its side too, or never unlocked): nothing staff-only may stay on screen. */
function isStaffLocked<T>(result: Result<T>): boolean {
  return !result.ok && toErrorCode(result.error.code) === 'staff_locked';
}

function onOverview(s: State, retried: boolean, result: Result<StaffOverview>): State {
  if (isStaffLocked(result)) return resetState(s);
  if (!result.ok) return staffNotice(s, { kind: 'failed' });
  const notice = retried ? { kind: 'retried' as const, waiting: result.value.outbox.length } : null;
  return staffNotice(s, notice, { overview: result.value });
}

function onExited(s: State, result: Result<Record<string, never>>): State {
  // Main closes the app (the Electron shell); until it does, or where there is no shell, back to the start.
  if (result.ok || isStaffLocked(result)) return resetState(s);
  return staffNotice(s, { kind: 'failed' }, { confirmingExit: false });
}

/** Actions that may arrive while a call is in flight: its answer, and kiosk-level news. */
const WHILE_PENDING: ReadonlySet<Action['type']> = new Set<Action['type']>([
  'slow',
  'identified',
  'checked-in',
  'staff-unlocked',
  'staff-overview',
  'staff-exited',
  'undone',
  'call-sent',
  'health',
  'info-loaded',
  'reset',
]);

export function reduce(s: State, a: Action): State {
  // While main is working, only its answer (or kiosk-level news) gets through: no double taps.
  if (s.pending && !WHILE_PENDING.has(a.type)) return s;
  const p = s.patient;
  const st = s.staff;
  switch (a.type) {
    case 'info-loaded': {
      const atHome = ['loading', 'welcome', 'unconfigured'].includes(s.screen.name);
      const lang = a.info.languages.includes(s.lang) ? s.lang : defaultLang(a.info);
      return { ...s, info: a.info, health: a.info.health, lang, screen: atHome ? homeScreen(a.info) : s.screen };
    }
    case 'info-failed':
      if (s.info) return s; // a failed refresh keeps the last good configuration
      return { ...s, screen: { name: 'unconfigured', problem: a.message } };
    case 'health':
      return { ...s, health: a.health };
    case 'set-lang':
      if (s.info && !s.info.languages.includes(a.lang)) return s;
      // The date keypad's field order depends on the language: never reinterpret digits already typed.
      return { ...s, lang: a.lang, patient: { ...p, dob: EMPTY_DOB } };
    case 'toggle-large-text':
      return { ...s, largeText: !s.largeText };
    case 'start':
      return s.screen.name === 'welcome' ? { ...s, patient: EMPTY_PATIENT, screen: { name: 'last-name' } } : s;
    case 'back':
      // Staff leave by "Back to staff panel"; welcome is no place for a staff-assisted visit.
      if (s.screen.name === 'last-name') return s.mode === 'staff' ? s : { ...s, patient: EMPTY_PATIENT, screen: { name: 'welcome' } };
      if (s.screen.name === 'birth-date') return { ...s, screen: { name: 'last-name' } };
      return s;
    case 'type': {
      const field = nameFieldOf(s.screen.name);
      if (!field) return s;
      const ch = a.onScreenKey ? keyCase(p[field], a.ch) : a.ch;
      return { ...s, patient: { ...p, [field]: typeInto(p[field], ch) } };
    }
    case 'delete': {
      const field = nameFieldOf(s.screen.name);
      return field ? { ...s, patient: { ...p, [field]: deleteLast(p[field]) } } : s;
    }
    case 'dob-digit':
      if (s.screen.name !== 'birth-date') return s;
      return { ...s, patient: { ...p, dob: typeDigit(p.dob, fieldOrder(s.lang), a.digit) } };
    case 'dob-delete':
      if (s.screen.name !== 'birth-date') return s;
      return { ...s, patient: { ...p, dob: deleteDigit(p.dob, fieldOrder(s.lang)) } };
    case 'dob-clear':
      return s.screen.name === 'birth-date' ? { ...s, patient: { ...p, dob: EMPTY_DOB } } : s;
    case 'submit-family-name':
      if (s.screen.name !== 'last-name' || !canSubmitName(p.familyName)) return s;
      return { ...s, screen: { name: 'birth-date' } };
    case 'submit-birth-date': {
      if (s.screen.name !== 'birth-date' || !/^\d{4}-\d{2}-\d{2}$/.test(a.birthDate)) return s;
      const request = identifyCall(s, { familyName: finalName(p.familyName), birthDate: a.birthDate });
      if (!request) return s;
      // The keypad digits go now: the birth date is never shown again after it is submitted.
      return call(s, request, { name: 'working', task: 'identify' }, { ...p, dob: EMPTY_DOB, birthDate: a.birthDate });
    }
    case 'submit-given-name': {
      if (s.screen.name !== 'first-name' || !canSubmitName(p.givenName) || !p.birthDate) return s;
      const pending = p.identifyToken ? { pending: p.identifyToken } : {};
      const request = identifyCall(s, {
        familyName: finalName(p.familyName),
        birthDate: p.birthDate,
        givenName: finalName(p.givenName),
        ...pending,
      });
      return request ? call(s, request, { name: 'working', task: 'identify' }, p) : s;
    }
    case 'check-in': {
      const open = new Set(p.appointments.filter((x) => x.state === 'open').map((x) => x.key));
      const keys = [...new Set(a.keys)];
      if (s.screen.name !== 'appointments' || !p.session || !keys.length || !keys.every((k) => open.has(k))) return s;
      const working: Screen = { name: 'working', task: 'check-in' };
      if (s.mode === 'patient') return call(s, { call: 'checkIn', request: { session: p.session, keys } }, working, p);
      // Staff act on one appointment at a time, so each result (and any undo after it) is about exactly one.
      if (keys.length !== 1 || !st.session) return s;
      return call(s, { call: 'staffCheckIn', request: { staffSession: st.session, session: p.session, keys } }, working, p);
    }
    case 'slow':
      return s.pending?.id === a.id ? { ...s, pending: { ...s.pending, slow: true } } : s;
    case 'identified':
      // A late answer to a call we already gave up on (or reset away from) is ignored.
      if (s.pending?.id !== a.id || (s.pending.call !== 'identify' && s.pending.call !== 'staffIdentify')) return s;
      return onIdentified(s, s.pending.request, a.result);
    case 'checked-in':
      if (s.pending?.id !== a.id || (s.pending.call !== 'checkIn' && s.pending.call !== 'staffCheckIn')) return s;
      return onCheckedIn(s, s.pending.request, a.result);
    case 'try-again': {
      if (s.screen.name !== 'message') return s;
      const m = s.screen.message;
      if (m.kind === 'not_found') return m.canRetry ? { ...s, patient: EMPTY_PATIENT, screen: { name: 'last-name' } } : s;
      // A staff check-in or undo that failed may be tried again on the same list (nothing changed).
      if (m.kind === 'staff-check-in' || m.kind === 'staff-undo')
        return m.outcome === 'failed' && p.session ? { ...s, screen: { name: 'appointments' } } : s;
      if (m.kind !== 'error' || errorAction(m.code) !== 'retry') return s;
      if (m.during !== 'identify' && p.session) return { ...s, screen: { name: 'appointments' } };
      return { ...s, patient: EMPTY_PATIENT, screen: { name: 'last-name' } };
    }
    case 'reset':
      return resetState(s);

    case 'staff-open':
      // Like a reset (nothing of a patient survives), then the PIN screen instead of welcome.
      return canOpenStaff(s) ? { ...resetState(s), screen: { name: 'staff-pin' } } : s;
    case 'pin-digit':
      if (s.screen.name !== 'staff-pin' || !/^[0-9]$/.test(a.digit) || st.pin.length >= PIN_MAX) return s;
      return { ...s, staff: { ...st, pin: st.pin + a.digit } };
    case 'pin-delete':
      return s.screen.name === 'staff-pin' ? { ...s, staff: { ...st, pin: st.pin.slice(0, -1) } } : s;
    case 'pin-clear':
      return s.screen.name === 'staff-pin' ? { ...s, staff: { ...st, pin: '' } } : s;
    case 'staff-unlock':
      if (s.screen.name !== 'staff-pin' || st.pin.length < PIN_MIN) return s;
      return withCall({ ...s, staff: { ...st, pin: '', notice: null } }, { call: 'staffUnlock', pin: st.pin });
    case 'call-sent':
      if (s.pending?.id !== a.id || s.pending.call !== 'staffUnlock') return s;
      return { ...s, pending: { ...s.pending, pin: '' } };
    case 'staff-unlocked':
      if (s.pending?.id !== a.id || s.pending.call !== 'staffUnlock') return s;
      return onUnlocked(s, a.result);
    case 'staff-refresh':
    case 'staff-retry': {
      if (s.screen.name !== 'staff' || !st.session || st.confirmingExit) return s;
      const request = { call: a.type === 'staff-retry' ? 'staffRetryOutbox' : 'staffOverview', staffSession: st.session } as const;
      return withCall({ ...s, staff: { ...st, notice: null } }, request);
    }
    case 'staff-overview':
      if (s.pending?.id !== a.id || (s.pending.call !== 'staffOverview' && s.pending.call !== 'staffRetryOutbox')) return s;
      return onOverview(s, s.pending.call === 'staffRetryOutbox', a.result);
    case 'staff-exit-ask':
      return s.screen.name === 'staff' && st.session ? { ...s, staff: { ...st, confirmingExit: true, notice: null } } : s;
    case 'staff-exit-cancel':
      return s.screen.name === 'staff' ? { ...s, staff: { ...st, confirmingExit: false } } : s;
    case 'staff-exit-confirm':
      if (s.screen.name !== 'staff' || !st.session || !st.confirmingExit) return s;
      return withCall(s, { call: 'staffExit', staffSession: st.session });
    case 'staff-exited':
      if (s.pending?.id !== a.id || s.pending.call !== 'staffExit') return s;
      return onExited(s, a.result);

    case 'assist-start':
      if (s.screen.name !== 'staff' || !st.session) return s;
      // The patient's screens from the start, fresh; the staff slice (session, last list) waits for the way back.
      return {
        ...s,
        mode: 'staff',
        patient: EMPTY_PATIENT,
        screen: { name: 'last-name' },
        staff: { ...st, notice: null, confirmingExit: false },
      };
    case 'assist-exit': {
      if (s.mode !== 'staff' || !st.session) return s;
      // Nothing of the patient comes back to the panel: dropped, and the tree remounted as on a reset.
      // The panel asks again for its list: a check-in recorded offline just now belongs on it.
      const panel: State = { ...s, mode: 'patient', patient: EMPTY_PATIENT, screen: { name: 'staff' }, generation: s.generation + 1 };
      return withCall(panel, { call: 'staffOverview', staffSession: st.session });
    }
    case 'undo-ask': {
      if (s.mode !== 'staff' || s.screen.name !== 'appointments') return s;
      const target = p.appointments.find((x) => x.key === a.key);
      return target?.state === 'checked_in' ? { ...s, screen: { name: 'appointments', confirmUndo: a.key } } : s;
    }
    case 'undo-cancel':
      return s.screen.name === 'appointments' && s.screen.confirmUndo ? { ...s, screen: { name: 'appointments' } } : s;
    case 'undo-confirm': {
      if (s.screen.name !== 'appointments' || !s.screen.confirmUndo || !p.session || !st.session) return s;
      const request = { staffSession: st.session, session: p.session, key: s.screen.confirmUndo };
      return call(s, { call: 'staffUndo', request }, { name: 'working', task: 'undo' }, p);
    }
    case 'undone':
      if (s.pending?.id !== a.id || s.pending.call !== 'staffUndo') return s;
      return onUndone(s, s.pending.request.key, a.result);
  }
}
