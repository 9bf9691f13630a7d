/**
 * The whole app's screen state in one reducer. Screens only dispatch actions; calls to main are
 * described as `pending` (answered through the answer table) and fire-and-forget calls as `effects`,
 * both run by the App, so every transition (and every guard against a double tap) is plain data that
 * unit tests can drive. The transitions live by concern: patient.ts (the visit), staff.ts (staff
 * mode), assist.ts (staff helping a patient), calls.ts + answers.ts (the call protocol).
 */
import type { KioskInfo } from '../../preload/contract.js';
import { ANSWERS } from './answers.js';
import { type AnswerFor, type CallName, type CallRule, type ProtocolAction, type RequestFor, endSessions, withEffects } from './calls.js';
import { assistTaps, type AssistAction } from './assist.js';
import { dayTaps, type DayAction } from './day.js';
import { defaultLang, homeScreen, resetState, type Handlers, type State } from './model.js';
import { patientTaps, type PatientAction } from './patient.js';
import { staffTaps, type StaffAction } from './staff.js';

export * from './model.js';
export type { Answered, CallName, Effect, Pending, RequestFor, AnswerFor } from './calls.js';
export type { NameField } from './patient.js';
export { PIN_MAX, PIN_MIN } from './staff.js';
export { walkInComplete } from './day.js';

/** Kiosk-level news and the call protocol: accepted whether or not a call is out. */
export type KioskAction =
  | ProtocolAction
  | { type: 'info-loaded'; info: KioskInfo }
  | { type: 'health'; health: State['health'] & object }
  /** Start over, idle expiry, Lock: main forgets every session, and so does the state. */
  | { type: 'reset'; keepLang?: boolean };

/** Taps (and a failed first info load): ignored while a call is out, so a double tap never sends twice. */
export type TapAction = PatientAction | StaffAction | AssistAction | DayAction | { type: 'info-failed'; message: string };

export type Action = KioskAction | TapAction;

const kiosk: Handlers<KioskAction> = {
  answered: (s, a) => {
    // A late answer to a call we already gave up on (or reset away from) is ignored.
    const p = s.pending;
    if (p?.id !== a.id || p.call !== a.call) return s;
    // `call` ties the request, the result and the rule to one method; TS cannot follow that through a union.
    const rule = ANSWERS[p.call] as CallRule<CallName>;
    return rule.answered({ ...s, pending: null }, a.result as AnswerFor<CallName>, p.request as RequestFor<CallName>);
  },
  slow: (s, a) => (s.pending?.id === a.id ? { ...s, pending: { ...s.pending, slow: true } } : s),
  sent: (s, a) => {
    const p = s.pending;
    if (p?.id !== a.id) return s;
    const rule = ANSWERS[p.call] as CallRule<CallName>;
    return rule.sent ? { ...s, pending: { ...p, request: rule.sent(p.request) } as typeof p } : s;
  },
  'effects-ran': (s, a) => ({ ...s, effects: s.effects.slice(a.count) }),
  'info-loaded': (s, a) => {
    const atHome = ['loading', 'welcome', 'unconfigured'].includes(s.screen.name);
    const lang = a.info.languages.includes(s.lang) ? s.lang : defaultLang(a.info);
    return { ...s, info: a.info, health: a.info.health, lang, screen: atHome ? homeScreen(a.info) : s.screen };
  },
  health: (s, a) => ({ ...s, health: a.health }),
  // "Start over" keeps the language the patient chose; every other end of a visit restores the default.
  reset: (s, a) => withEffects({ ...resetState(s), ...(a.keepLang ? { lang: s.lang } : {}) }, endSessions(s)),
};

const taps: Handlers<TapAction> = {
  ...patientTaps,
  ...staffTaps,
  ...assistTaps,
  ...dayTaps,
  // A failed refresh keeps the last good configuration.
  'info-failed': (s, a) => (s.info ? s : { ...s, screen: { name: 'unconfigured', problem: a.message } }),
};

type AnyHandler = (s: State, a: Action) => State;

function isKioskAction(a: Action): a is KioskAction {
  return Object.prototype.hasOwnProperty.call(kiosk, a.type);
}

export function reduce(s: State, a: Action): State {
  if (isKioskAction(a)) return (kiosk[a.type] as AnyHandler)(s, a);
  // While main is working, only its answer (or kiosk-level news) gets through: no double taps.
  if (s.pending) return s;
  return (taps[a.type] as AnyHandler)(s, a);
}
