/**
 * The whole app's screen state in one reducer. Screens only dispatch actions; calls to main are
 * described here as `pending` and run by the App, so every transition (and every guard against a
 * double tap) is plain data that unit tests can drive. New screens (staff mode) extend `Screen`.
 */
import type {
  AppointmentView,
  CheckInResponse,
  ErrorCode,
  Health,
  IdentifyRequest,
  IdentifyResponse,
  KioskInfo,
  Language,
  Result,
} from '../preload/contract.js';
import { EMPTY_DOB, deleteDigit, fieldOrder, typeDigit, type DobDraft } from './dob.js';
import { errorAction, toErrorCode } from './errors.js';
import { canSubmitName, deleteLast, finalName, keyCase, typeInto } from './nameEntry.js';
import { allCheckedIn, completeResults, type CheckInResult } from './results.js';

export type Message =
  | { kind: 'not_found'; canRetry: boolean }
  | { kind: 'error'; code: ErrorCode; during: 'identify' | 'check-in' }
  | { kind: 'check-in'; results: CheckInResult[] };

export type Screen =
  | { name: 'loading' }
  | { name: 'unconfigured'; problem: string | null }
  | { name: 'welcome' }
  | { name: 'last-name' }
  | { name: 'birth-date' }
  | { name: 'first-name' }
  | { name: 'working'; task: 'identify' | 'check-in' }
  | { name: 'appointments' }
  | { name: 'done' }
  | { name: 'message'; message: Message }
  | { name: 'cooldown'; until: string };

export type ScreenName = Screen['name'];

/** Everything about the person at the kiosk; replaced wholesale on reset. */
export interface Patient {
  familyName: string;
  givenName: string;
  dob: DobDraft;
  /** The submitted birth date, kept (never shown) only while a first name may still be asked for. */
  birthDate: string | null;
  session: string | null;
  greetingName: string;
  appointments: AppointmentView[];
}

export type CheckInRequest = { session: string; keys: string[] };
export type Pending =
  | { id: number; slow: boolean; call: 'identify'; request: IdentifyRequest }
  | { id: number; slow: boolean; call: 'checkIn'; request: CheckInRequest };

export interface State {
  info: KioskInfo | null;
  health: Health | null;
  lang: Language;
  largeText: boolean;
  /** Bumped on every reset; the App keys the patient tree on it so nothing old survives in the DOM. */
  generation: number;
  screen: Screen;
  patient: Patient;
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
  | { type: 'reset' };

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
    patient: EMPTY_PATIENT,
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

function call(s: State, pending: Omit<Pending, 'id' | 'slow'>, screen: Screen, patient: Patient): State {
  return { ...s, pending: { ...pending, id: s.nextId, slow: false } as Pending, nextId: s.nextId + 1, screen, patient };
}

function nameFieldOf(screen: ScreenName): NameField | null {
  return screen === 'last-name' ? 'familyName' : screen === 'first-name' ? 'givenName' : null;
}

function onIdentified(s: State, request: IdentifyRequest, result: Result<IdentifyResponse>): State {
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
      if (request.givenName === undefined) return { ...done, screen: { name: 'first-name' } };
      return { ...done, patient: EMPTY_PATIENT, screen: { name: 'message', message: { kind: 'not_found', canRetry: true } } };
    case 'not_found':
      return {
        ...done,
        patient: EMPTY_PATIENT,
        screen: { name: 'message', message: { kind: 'not_found', canRetry: r.attemptsLeft > 0 } },
      };
    case 'cooldown':
      return { ...done, patient: EMPTY_PATIENT, screen: { name: 'cooldown', until: r.until } };
  }
}

function onCheckedIn(s: State, request: CheckInRequest, result: Result<CheckInResponse>): State {
  const done = { ...s, pending: null };
  if (!result.ok) {
    const code = toErrorCode(result.error.code);
    const patient = code === 'session_expired' ? EMPTY_PATIENT : s.patient;
    return { ...done, patient, screen: { name: 'message', message: { kind: 'error', code, during: 'check-in' } } };
  }
  const results = completeResults(request.keys, result.value.results);
  if (allCheckedIn(results)) return { ...done, screen: { name: 'done' } };
  return { ...done, screen: { name: 'message', message: { kind: 'check-in', results } } };
}

export function reduce(s: State, a: Action): State {
  // While main is working, only its answer (or kiosk-level news) gets through: no double taps.
  if (s.pending && !['slow', 'identified', 'checked-in', 'health', 'info-loaded', 'reset'].includes(a.type)) return s;
  const p = s.patient;
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
      if (s.screen.name === 'last-name') return { ...s, patient: EMPTY_PATIENT, screen: { name: 'welcome' } };
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
      const request = { familyName: finalName(p.familyName), birthDate: a.birthDate };
      // The keypad digits go now: the birth date is never shown again after it is submitted.
      return call(
        s,
        { call: 'identify', request },
        { name: 'working', task: 'identify' },
        { ...p, dob: EMPTY_DOB, birthDate: a.birthDate },
      );
    }
    case 'submit-given-name': {
      if (s.screen.name !== 'first-name' || !canSubmitName(p.givenName) || !p.birthDate) return s;
      const request = { familyName: finalName(p.familyName), birthDate: p.birthDate, givenName: finalName(p.givenName) };
      return call(s, { call: 'identify', request }, { name: 'working', task: 'identify' }, p);
    }
    case 'check-in': {
      const open = new Set(p.appointments.filter((x) => x.state === 'open').map((x) => x.key));
      const keys = [...new Set(a.keys)];
      if (s.screen.name !== 'appointments' || !p.session || !keys.length || !keys.every((k) => open.has(k))) return s;
      return call(s, { call: 'checkIn', request: { session: p.session, keys } }, { name: 'working', task: 'check-in' }, p);
    }
    case 'slow':
      return s.pending?.id === a.id ? { ...s, pending: { ...s.pending, slow: true } } : s;
    case 'identified':
      // A late answer to a call we already gave up on (or reset away from) is ignored.
      if (s.pending?.id !== a.id || s.pending.call !== 'identify') return s;
      return onIdentified(s, s.pending.request, a.result);
    case 'checked-in':
      if (s.pending?.id !== a.id || s.pending.call !== 'checkIn') return s;
      return onCheckedIn(s, s.pending.request, a.result);
    case 'try-again': {
      if (s.screen.name !== 'message') return s;
      const m = s.screen.message;
      if (m.kind === 'not_found') return m.canRetry ? { ...s, patient: EMPTY_PATIENT, screen: { name: 'last-name' } } : s;
      if (m.kind !== 'error' || errorAction(m.code) !== 'retry') return s;
      if (m.during === 'check-in' && p.session) return { ...s, screen: { name: 'appointments' } };
      return { ...s, patient: EMPTY_PATIENT, screen: { name: 'last-name' } };
    }
    case 'reset':
      return resetState(s);
  }
}
