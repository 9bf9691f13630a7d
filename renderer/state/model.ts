/**
 * The shape of the app's state and the facts every part of the reducer shares: which screen is up,
 * who is at it (patient or staff), and a fresh start for the next person. The transitions live by
 * concern next to this file (patient.ts, staff.ts, assist.ts) and the call protocol in calls.ts.
 */
import type { AppointmentView, CheckInOutcome, ErrorCode, Health, KioskInfo, Language, StaffOverview } from '../../preload/contract.js';
import type {
  StaffActivity,
  StaffFindPatientResponse,
  StaffScheduleResponse,
  StaffUndoResponse,
  WalkInOptions,
} from '../../preload/contract.js';
import type { DayFilter } from '../staffDay.js';
import { EMPTY_DOB, type DobDraft } from '../dob.js';
import type { CheckInResult } from '../results.js';
import type { Effect, Pending } from './calls.js';

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
  | { name: 'staff' }
  /** Today's schedule for staff; `confirmUndo`: the row whose undo waits for the PIN and Yes / No. */
  | { name: 'staff-day'; confirmUndo?: string }
  /** A walk-in's patient (found by name + birth date on the check-in screens) and visit details. */
  | { name: 'staff-walk-in' }
  | { name: 'staff-activity' };

export type ScreenName = Screen['name'];

/** Everything about the person at the kiosk; replaced wholesale on reset. */
export interface Patient {
  familyName: string;
  givenName: string;
  dob: DobDraft;
  /** The birth-date digits as pressed, in order (never shown): read the other way round for a "day first?" hint. */
  dobDigits: string;
  /** The submitted birth date, kept (never shown) only while a first name may still be asked for. */
  birthDate: string | null;
  /** Main's token for the candidates awaiting a first name (sent back with it: no second search). */
  identifyToken?: string;
  /** Main's token for this visit's misses (from a `not_found`), sent with the next try. */
  visit?: string;
  session: string | null;
  greetingName: string;
  appointments: AppointmentView[];
  /** This visit's check-in outcomes so far (the done screen names each: "checked in", not "already"). */
  results: CheckInResult[];
}

/** What staff are told on the PIN screen or the panel (the words live in the dictionaries). */
export type StaffNotice =
  | { kind: 'wrong_pin'; attemptsLeft: number }
  /** The PIN typed again for exit or undo was wrong. */
  | { kind: 'pin_rejected' }
  | { kind: 'locked_out'; until: string }
  | { kind: 'not_provisioned' }
  | { kind: 'retried'; waiting: number }
  | { kind: 'failed' }
  /** What became of a check-in or undo from the day view (staff see the patient's name there anyway). */
  | { kind: 'day-check-in'; outcome: CheckInOutcome; name: string }
  | { kind: 'day-undo'; outcome: UndoOutcome; name: string }
  | { kind: 'walk-in-created'; name: string; start: string }
  | { kind: 'walk-in-failed'; reason: 'refused' | 'unavailable' | 'not_found' }
  | { kind: 'pause-lifted'; lifted: boolean };

/** A walk-in being registered: what main offers, the patients it found, and what staff picked. */
export interface WalkInDraft {
  options: WalkInOptions;
  /** Null until the name + birth date search answered. */
  patients: StaffFindPatientResponse['patients'] | null;
  patientKey: string | null;
  practitionerKey: string | null;
  locationKey: string | null;
  appointmentTypeKey: string | null;
  minutes: number;
}
export type WalkInChoice = 'patientKey' | 'practitionerKey' | 'locationKey' | 'appointmentTypeKey';

/** Everything about staff mode; replaced wholesale on reset, like the patient. */
export interface Staff {
  /** Digits typed on the PIN pad (unlock, or exit/undo). Emptied the moment they are submitted, and never rendered. */
  pin: string;
  session: string | null;
  overview: StaffOverview | null;
  notice: StaffNotice | null;
  /** "Exit kiosk" was tapped and waits for Yes / No. */
  confirmingExit: boolean;
  /** The day view: today's schedule as main last sent it, its filter, and the name searched for. */
  day: StaffScheduleResponse | null;
  dayFilter: DayFilter;
  dayName: string;
  /** The name search's keyboard is open. */
  daySearching: boolean;
  /** A row to bring into view (the walk-in just registered). */
  dayFocus: string | null;
  walkIn: WalkInDraft | null;
  activity: StaffActivity | null;
}

export const NO_STAFF: Staff = Object.freeze({
  pin: '',
  session: null,
  overview: null,
  notice: null,
  confirmingExit: false,
  day: null,
  dayFilter: 'all',
  dayName: '',
  daySearching: false,
  dayFocus: null,
  walkIn: null,
  activity: null,
});

export const EMPTY_PATIENT: Patient = Object.freeze({
  familyName: '',
  givenName: '',
  dob: EMPTY_DOB,
  dobDigits: '',
  birthDate: null,
  session: null,
  greetingName: '',
  appointments: [],
  results: [],
});

export interface State {
  info: KioskInfo | null;
  health: Health | null;
  lang: Language;
  /** Text size step: 0 (normal) … TEXT_SIZES - 1; a class on <html> scales the whole interface. */
  textSize: number;
  highContrast: boolean;
  /** Bumped on every reset; the App keys the patient tree on it so nothing old survives in the DOM. */
  generation: number;
  screen: Screen;
  /** 'staff' while staff run the check-in screens for a patient; back to 'patient' on leaving them or a reset. */
  mode: FlowMode;
  patient: Patient;
  staff: Staff;
  /** The one call to main in flight (its answer is awaited), run by the App. */
  pending: Pending | null;
  /** Fire-and-forget calls to main the reducer decided on, in order; the App runs them and reports `effects-ran`. */
  effects: readonly Effect[];
  nextId: number;
}

/** Normal plus two larger steps. */
export const TEXT_SIZES = 3;

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

const STAFF_SCREENS: ReadonlySet<ScreenName> = new Set<ScreenName>(['staff-pin', 'staff', 'staff-day', 'staff-walk-in', 'staff-activity']);

export function isStaffScreen(name: ScreenName): boolean {
  return STAFF_SCREENS.has(name);
}

/** Staff mode is on: its own screens, or the patient screens run by staff (idle then relocks it). */
export function isStaffMode(s: State): boolean {
  return s.mode === 'staff' || isStaffScreen(s.screen.name);
}

/** The gesture works on any screen, but never in the middle of a call to main (its answer would be lost). */
export function canOpenStaff(s: State): boolean {
  return s.pending === null && !isStaffMode(s);
}

/**
 * Screens that send the patient to the front desk (or have nothing left to do): the patient has
 * likely walked away, so they clear themselves after a short countdown rather than the idle timeout.
 */
export function isDeskBound(s: State): boolean {
  if (s.mode !== 'patient') return false;
  const nothingOpen = !s.patient.appointments.some((a) => a.state === 'open');
  switch (s.screen.name) {
    case 'cooldown':
      return true;
    case 'appointments':
      return nothingOpen;
    case 'message':
      return s.screen.message.kind !== 'check-in' || nothingOpen;
    default:
      return false;
  }
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
    textSize: 0,
    highContrast: false,
    generation: 0,
    screen: { name: 'loading' },
    mode: 'patient',
    patient: EMPTY_PATIENT,
    staff: NO_STAFF,
    pending: null,
    effects: [],
    nextId: 1,
  };
}

export function defaultLang(info: KioskInfo | null): Language {
  if (!info || info.languages.includes('en')) return 'en';
  return info.languages[0] ?? 'en';
}

export function homeScreen(info: KioskInfo): Screen {
  return info.mode === 'unconfigured' ? { name: 'unconfigured', problem: info.configProblem } : { name: 'welcome' };
}

/** A fresh start for the next person: only kiosk-level facts (and effects not yet run) survive. */
export function resetState(s: State): State {
  return {
    ...initialState(),
    info: s.info,
    health: s.health,
    lang: defaultLang(s.info),
    generation: s.generation + 1,
    nextId: s.nextId,
    effects: s.effects,
    screen: s.info ? homeScreen(s.info) : s.screen.name === 'unconfigured' ? s.screen : { name: 'loading' },
  };
}

/** One handler per action type of a group: a missing one is a compile error. */
export type Handlers<A extends { type: string }> = { readonly [T in A['type']]: (s: State, a: Extract<A, { type: T }>) => State };
