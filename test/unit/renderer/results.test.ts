import { describe, expect, it } from 'vitest';
import { allCheckedIn, completeResults, isCheckedIn, sharedOutcome, type CheckInResult } from '../../../renderer/results.js';

const r = (key: string, outcome: CheckInResult['outcome'], opensAt: string | null = null): CheckInResult => ({ key, outcome, opensAt });

describe('check-in results', () => {
  it('counts only acknowledged outcomes as checked in (never recorded_offline)', () => {
    expect(isCheckedIn('checked_in')).toBe(true);
    expect(isCheckedIn('already_checked_in')).toBe(true);
    for (const o of ['recorded_offline', 'too_early', 'too_late', 'not_eligible', 'failed'] as const) expect(isCheckedIn(o)).toBe(false);
  });

  it('gives one result per requested key, in order, missing ones failed, extras dropped', () => {
    const got = completeResults(['a', 'b', 'c'], [r('c', 'checked_in'), r('a', 'already_checked_in'), r('zzz', 'checked_in')]);
    expect(got).toEqual([r('a', 'already_checked_in'), r('b', 'failed'), r('c', 'checked_in')]);
  });

  it('is all checked in only when every result is', () => {
    expect(allCheckedIn([])).toBe(false);
    expect(allCheckedIn([r('a', 'checked_in'), r('b', 'already_checked_in')])).toBe(true);
    expect(allCheckedIn([r('a', 'checked_in'), r('b', 'recorded_offline')])).toBe(false);
  });

  it('tells one story when outcomes agree, else lists each', () => {
    expect(sharedOutcome([])).toBeNull();
    expect(sharedOutcome([r('a', 'too_late')])).toEqual(r('a', 'too_late'));
    expect(sharedOutcome([r('a', 'failed'), r('b', 'failed')])).toEqual(r('a', 'failed'));
    expect(sharedOutcome([r('a', 'failed'), r('b', 'recorded_offline')])).toBeNull();
    // Different opening times must each be shown.
    expect(sharedOutcome([r('a', 'too_early', 'x'), r('b', 'too_early', 'y')])).toBeNull();
  });
});
