/** Making sense of a check-in reply: one result per requested appointment, and whether all went through. */
import type { CheckInOutcome, CheckInResponse } from '../preload/contract.js';

export type CheckInResult = CheckInResponse['results'][number];

/** Only an acknowledged write counts; `recorded_offline` is deliberately not success. */
export function isCheckedIn(outcome: CheckInOutcome): boolean {
  return outcome === 'checked_in' || outcome === 'already_checked_in';
}

/** One result per key we asked for, in our order; a key main did not answer for is a failure. */
export function completeResults(keys: readonly string[], results: readonly CheckInResult[]): CheckInResult[] {
  return keys.map((key) => results.find((r) => r.key === key) ?? { key, outcome: 'failed', opensAt: null });
}

export function allCheckedIn(results: readonly CheckInResult[]): boolean {
  return results.length > 0 && results.every((r) => isCheckedIn(r.outcome));
}

/**
 * The single outcome to explain when the results tell one story (one appointment, or several with the
 * same outcome and nothing per-appointment such as an opening time); null means list each one.
 */
export function sharedOutcome(results: readonly CheckInResult[]): CheckInResult | null {
  const [first] = results;
  if (!first) return null;
  if (results.length === 1) return first;
  const same = results.every((r) => r.outcome === first.outcome);
  return same && first.outcome !== 'too_early' ? first : null;
}
