/**
 * Whether a FHIR request is tried again, decided from what the last attempt gave: pure, so every case
 * is unit-tested. A GET may be repeated after anything transient. A guarded PUT is repeated only when
 * the server said it did not act (429, 503): after a lost reply, a timeout, an unreadable success or
 * another 5xx the write may have landed, and the caller must re-read before writing again (the
 * one-second If-Unmodified-Since of Canvas would let a blind retry in: a second write). A POST is
 * never repeated. A 401 earns one token refresh whatever the method (the server did not act).
 */
export type Idempotency = 'safe' | 'guarded' | 'none';

export type AttemptOutcome =
  | { kind: 'network' }
  | { kind: 'timeout' }
  /** A redirect or an oversize body: refused, never worth repeating. */
  | { kind: 'refused' }
  | { kind: 'malformed'; status: number }
  | { kind: 'status'; status: number; retryAfterMs?: number | undefined };

export interface RetryInput {
  idempotency: Idempotency;
  /** 0 for the first attempt. */
  attempt: number;
  outcome: AttemptOutcome;
  /** A token refresh was already spent on this request. */
  authRefreshed: boolean;
  maxRetries: number;
  /** Longest Retry-After we wait inline; longer ones give up at once. */
  maxRetryWaitMs: number;
  /** What is left of the operation's deadline (Infinity when it has none). */
  budgetLeftMs: number;
  /** 0..1, for the backoff jitter. */
  random: number;
}

export type RetryDecision = { action: 'retry'; afterMs: number } | { action: 'refresh-auth' } | { action: 'give-up' };

const GIVE_UP: RetryDecision = { action: 'give-up' };

/** Exponential backoff with full jitter, capped at 2 s. */
export function backoffMs(attempt: number, random: number): number {
  return random * Math.min(2_000, 200 * 2 ** attempt);
}

export function retryDecision(i: RetryInput): RetryDecision {
  const { outcome } = i;
  if (outcome.kind === 'status' && outcome.status === 401) return i.authRefreshed ? GIVE_UP : { action: 'refresh-auth' };
  if (i.attempt >= i.maxRetries || !mayRepeat(i.idempotency, outcome)) return GIVE_UP;
  const wait = outcome.kind === 'status' && outcome.retryAfterMs !== undefined ? outcome.retryAfterMs : backoffMs(i.attempt, i.random);
  if (outcome.kind === 'status' && outcome.retryAfterMs !== undefined && wait > i.maxRetryWaitMs) return GIVE_UP;
  // Waiting past the deadline only to be cut off: answer now instead.
  if (wait >= i.budgetLeftMs) return GIVE_UP;
  return { action: 'retry', afterMs: wait };
}

function mayRepeat(idempotency: Idempotency, outcome: AttemptOutcome): boolean {
  if (idempotency === 'none' || outcome.kind === 'refused') return false;
  const notActedOn = outcome.kind === 'status' && (outcome.status === 429 || outcome.status === 503);
  if (idempotency === 'guarded') return notActedOn;
  if (outcome.kind === 'status') return notActedOn || outcome.status >= 500;
  // A success we cannot read, a timeout or a dropped connection: harmless to repeat a read.
  return outcome.kind === 'network' || outcome.kind === 'timeout' || (outcome.kind === 'malformed' && outcome.status < 400);
}
