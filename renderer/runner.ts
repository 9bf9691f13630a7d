/**
 * Runs what the reducer describes, the same way for every KioskApi method: the pending call (its
 * answer, a failure or a timeout all come back as one `answered` action), and fire-and-forget
 * effects. Nothing here knows what any call means: that is the answer table (state/answers.ts).
 */
import type { KioskApi } from '../preload/api.js';
import type { Result } from '../preload/contract.js';
import { failure, safely } from './kiosk.js';
import type { Action, Answered, Effect, Pending } from './state/index.js';

export const SLOW_MS = 4_000;
/** Main has its own timeouts; this only keeps a lost reply from freezing the kiosk. */
export const CALL_TIMEOUT_MS = 60_000;

type Invoker = (request: unknown) => Promise<Result<unknown>>;

function invoker(api: KioskApi | null, method: keyof KioskApi): Invoker | null {
  const fn = api?.[method] as unknown;
  return typeof fn === 'function' ? (fn as Invoker) : null;
}

/**
 * Starts the pending call and reports its outcome exactly once; returns a cleanup for the timers.
 * No API, a missing method, a throw or no answer in time: an error result, never a silent hang.
 */
export function startCall(p: Pending, api: KioskApi | null, dispatch: (a: Action) => void, timeoutMs = CALL_TIMEOUT_MS): () => void {
  let done = false;
  const answer = (result: Result<unknown>) => {
    if (done) return;
    done = true;
    timers.forEach(clearTimeout);
    // The result belongs to `p.call` by construction: the runner invoked exactly that method.
    dispatch({ type: 'answered', id: p.id, call: p.call, result } as Answered);
  };
  const timers = [
    setTimeout(() => dispatch({ type: 'slow', id: p.id }), SLOW_MS),
    setTimeout(() => answer(failure('unavailable', 'No answer from the kiosk service.')), timeoutMs),
  ];
  const invoke = invoker(api, p.call);
  void safely(() => (invoke ? invoke(p.request) : Promise.resolve(failure('unavailable', 'The kiosk service is not available.')))).then(
    answer,
  );
  dispatch({ type: 'sent', id: p.id });
  return () => {
    done = true;
    timers.forEach(clearTimeout);
  };
}

/** Fire-and-forget: nobody waits, and a failure changes nothing on screen (main also times sessions out). */
export function runEffect(e: Effect, api: KioskApi | null): void {
  const invoke = invoker(api, e.call);
  if (invoke) void safely(() => invoke(e.request));
}
