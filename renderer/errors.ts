/**
 * The closed table from IPC error codes to what the patient can do next. The words live in the
 * dictionaries (`errors`), keyed by the same codes, so a new code is a type error in both places.
 */
import type { ErrorCode } from '../preload/contract.js';

export type ErrorAction = 'retry' | 'start_over' | 'none';

const ACTIONS: Readonly<Record<ErrorCode, ErrorAction>> = {
  invalid_request: 'retry',
  unknown_channel: 'none',
  forbidden_sender: 'none',
  not_configured: 'none',
  session_expired: 'start_over',
  staff_locked: 'start_over',
  unavailable: 'retry',
  busy: 'retry',
  pin_rejected: 'retry',
  internal: 'retry',
};

const CODES = Object.keys(ACTIONS) as ErrorCode[];

/** Anything main did not promise (a newer main, a broken transport) is treated as an internal error. */
export function toErrorCode(code: unknown): ErrorCode {
  return CODES.includes(code as ErrorCode) ? (code as ErrorCode) : 'internal';
}

export function errorAction(code: ErrorCode): ErrorAction {
  return ACTIONS[code];
}
