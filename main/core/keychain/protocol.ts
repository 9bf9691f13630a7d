/**
 * The small JSON protocol between main and the keychain child (child.ts). keytar runs there, not in
 * main: a native crash (libsecret segfaults on a locked collection) or a hang (an unlock prompt nobody
 * answers) then costs a child process, never the kiosk.
 */
export type KeychainOp = 'get' | 'set' | 'delete' | 'probe';

export interface KeychainRequest {
  id: number;
  op: KeychainOp;
  service: string;
  account?: string;
  password?: string;
}

/** Why the keychain cannot be used: told apart so staff see "locked" and not "not set up". */
export type KeychainFailure = 'locked' | 'unavailable' | 'timeout' | 'crashed';

/** What `probe` finds: the canary item present, or an unlocked keychain without it (first use). */
export type ProbeResult = 'ok' | 'no_canary';

export type KeychainResponse =
  { id: number; ok: true; value: string | boolean | null } | { id: number; ok: false; failure: KeychainFailure; message: string };

/** The one item main reads to prove the keychain answers and is unlocked. Holds no secret. */
export const CANARY_ACCOUNT = 'keychain-canary';
export const CANARY_VALUE = 'clinic-kiosk-keychain-canary-v1';
