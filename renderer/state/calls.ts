/**
 * The call protocol between the reducer and main, keyed on the `KioskApi` method names. A reducer
 * case asks for a call with `withCall(s, method, request)`; the App runs it and reports the answer
 * (or a failure, or a timeout, as an error result) with the one `answered` action, which answers.ts
 * routes to that call's entry in the answer table. Every KioskApi method that is neither polled by
 * the App nor fire-and-forget is a `CallName`, so a new method without an answer entry does not compile.
 */
import type { KioskApi } from '../../preload/api.js';
import type { ErrorCode, Result } from '../../preload/contract.js';
import { toErrorCode } from '../errors.js';
import type { State } from './model.js';

type Method = keyof KioskApi;
/** The one argument a method takes (the uniform request field of calls and effects). */
export type RequestFor<M extends Method> = Parameters<KioskApi[M]>[0];
/** What a method resolves to: always a `Result`, never a throw. */
export type AnswerFor<M extends Method> = Awaited<ReturnType<KioskApi[M]>>;

/** Polled by the App on its own timer; kiosk-level news, not a step of any flow. */
export type PolledName = 'info' | 'health';
/** Fire-and-forget: the reducer describes them, the App runs them and nobody waits for the answer. */
export type EffectName = 'endSession' | 'staffLock';
/** Speech: called directly by the audio seam (renderer/audio/speech.ts), never described by the reducer. */
export type SpeechName = 'speak' | 'stopSpeaking';
/** The calls of an API whose answers the reducer must handle. Generic so a type test can grow the API. */
export type CallsOf<Api> = Exclude<keyof Api, PolledName | EffectName | SpeechName>;
export type CallName = CallsOf<KioskApi>;

export type Pending = { [M in CallName]: { id: number; slow: boolean; call: M; request: RequestFor<M> } }[CallName];
export type Effect = { [M in EffectName]: { call: M; request: RequestFor<M> } }[EffectName];
export type Answered = { [M in CallName]: { type: 'answered'; id: number; call: M; result: AnswerFor<M> } }[CallName];

export type ProtocolAction =
  | Answered
  /** The call has been out for a while: the working screen says so. */
  | { type: 'slow'; id: number }
  /** The App handed the request to main: what the call's rule says to forget goes now (the PIN). */
  | { type: 'sent'; id: number }
  /** The App ran the first `count` effects. */
  | { type: 'effects-ran'; count: number };

/** How the reducer handles one call. */
export interface CallRule<M extends CallName> {
  /** The next state once main answered; `result` is an error result for a failure or a timeout too. `pending` is already null. */
  answered(s: State, result: AnswerFor<M>, request: RequestFor<M>): State;
  /** What of the request stays in state once it is sent (default: all of it, for `answered`). */
  sent?(request: RequestFor<M>): RequestFor<M>;
}

/** One rule per call: a missing entry is a compile error. */
export type AnswerTable<Api = KioskApi> = { readonly [M in CallsOf<Api> & CallName]: CallRule<M> } & Record<CallsOf<Api>, unknown>;

/** Ask for a call; one at a time (every tap is ignored while it is out, see index.ts). */
export function withCall<M extends CallName>(s: State, call: M, request: RequestFor<M>): State {
  const pending = { id: s.nextId, slow: false, call, request } as Pending;
  return { ...s, pending, nextId: s.nextId + 1 };
}

export function withEffects(s: State, effects: readonly Effect[]): State {
  return effects.length ? { ...s, effects: [...s.effects, ...effects] } : s;
}

/** Main forgets whatever session is open: the patient's, and staff mode's. */
export function endSessions(s: State): Effect[] {
  const out: Effect[] = [];
  if (s.patient.session) out.push({ call: 'endSession', request: { session: s.patient.session } });
  if (s.staff.session) out.push({ call: 'staffLock', request: { staffSession: s.staff.session } });
  return out;
}

export function endPatientSession(session: string | null): Effect[] {
  return session ? [{ call: 'endSession', request: { session } }] : [];
}

function failedWith<T>(result: Result<T>, code: ErrorCode): boolean {
  return !result.ok && toErrorCode(result.error.code) === code;
}

/** Main relocked staff mode (idle on its side too, or never unlocked): nothing staff-only may stay on screen. */
export const isStaffLocked = <T>(result: Result<T>): boolean => failedWith(result, 'staff_locked');

/** Main refused the PIN typed again for exit or undo (the staff session stays): staff may type it again. */
export const isPinRejected = <T>(result: Result<T>): boolean => failedWith(result, 'pin_rejected');
