import { describe, expect, it } from 'vitest';
import { backoffMs, retryDecision, type AttemptOutcome, type Idempotency, type RetryInput } from '../../../../../main/core/fhir/retry.js';

const input = (idempotency: Idempotency, outcome: AttemptOutcome, over: Partial<RetryInput> = {}): RetryInput => ({
  idempotency,
  attempt: 0,
  outcome,
  authRefreshed: false,
  maxRetries: 2,
  maxRetryWaitMs: 5_000,
  budgetLeftMs: Infinity,
  random: 0.5,
  ...over,
});
const status = (s: number, retryAfterMs?: number): AttemptOutcome => ({ kind: 'status', status: s, retryAfterMs });
const action = (i: RetryInput) => retryDecision(i).action;

describe('retryDecision: which outcomes are repeated, per kind of request', () => {
  const outcomes: Array<[string, AttemptOutcome, Record<Idempotency, 'retry' | 'give-up'>]> = [
    ['connection reset', { kind: 'network' }, { safe: 'retry', guarded: 'give-up', none: 'give-up' }],
    ['timeout', { kind: 'timeout' }, { safe: 'retry', guarded: 'give-up', none: 'give-up' }],
    ['unreadable success', { kind: 'malformed', status: 200 }, { safe: 'retry', guarded: 'give-up', none: 'give-up' }],
    ['redirect / oversize (refused)', { kind: 'refused' }, { safe: 'give-up', guarded: 'give-up', none: 'give-up' }],
    ['429', status(429), { safe: 'retry', guarded: 'retry', none: 'give-up' }],
    ['503', status(503), { safe: 'retry', guarded: 'retry', none: 'give-up' }],
    ['500', status(500), { safe: 'retry', guarded: 'give-up', none: 'give-up' }],
    ['502', status(502), { safe: 'retry', guarded: 'give-up', none: 'give-up' }],
    ['400', status(400), { safe: 'give-up', guarded: 'give-up', none: 'give-up' }],
    ['403', status(403), { safe: 'give-up', guarded: 'give-up', none: 'give-up' }],
    ['404', status(404), { safe: 'give-up', guarded: 'give-up', none: 'give-up' }],
    ['412', status(412), { safe: 'give-up', guarded: 'give-up', none: 'give-up' }],
    ['422', status(422), { safe: 'give-up', guarded: 'give-up', none: 'give-up' }],
  ];
  for (const [name, outcome, want] of outcomes) {
    it.each(['safe', 'guarded', 'none'] as const)(`${name}, %s → as listed`, (idem) => {
      expect(action(input(idem, outcome))).toBe(want[idem]);
    });
  }
});

describe('retryDecision: auth, budget, Retry-After, deadline', () => {
  it('401 refreshes the token once for any method, then gives up', () => {
    for (const idem of ['safe', 'guarded', 'none'] as const) {
      expect(action(input(idem, status(401)))).toBe('refresh-auth');
      expect(action(input(idem, status(401), { authRefreshed: true }))).toBe('give-up');
      expect(action(input(idem, status(401), { attempt: 5 }))).toBe('refresh-auth');
    }
  });

  it('stops when the retry budget is spent', () => {
    expect(action(input('safe', { kind: 'network' }, { attempt: 1 }))).toBe('retry');
    expect(action(input('safe', { kind: 'network' }, { attempt: 2 }))).toBe('give-up');
    expect(action(input('safe', { kind: 'network' }, { maxRetries: 0 }))).toBe('give-up');
  });

  it('honours Retry-After up to the inline limit, and waits exactly that long', () => {
    expect(retryDecision(input('guarded', status(503, 1_500)))).toEqual({ action: 'retry', afterMs: 1_500 });
    expect(retryDecision(input('safe', status(429, 0)))).toEqual({ action: 'retry', afterMs: 0 });
    expect(action(input('guarded', status(503, 5_001)))).toBe('give-up');
    expect(action(input('safe', status(429, 600_000)))).toBe('give-up');
  });

  it('without Retry-After, backs off exponentially with full jitter (capped at 2 s)', () => {
    expect(retryDecision(input('safe', { kind: 'network' }, { random: 1 }))).toEqual({ action: 'retry', afterMs: 200 });
    expect(retryDecision(input('safe', { kind: 'network' }, { attempt: 1, random: 1, maxRetries: 9 }))).toEqual({
      action: 'retry',
      afterMs: 400,
    });
    expect(backoffMs(10, 1)).toBe(2_000);
    expect(backoffMs(3, 0)).toBe(0);
    expect(backoffMs(2, 0.5)).toBe(400);
  });

  it("gives up rather than wait past the operation's deadline", () => {
    expect(action(input('safe', status(503, 1_000), { budgetLeftMs: 999 }))).toBe('give-up');
    expect(action(input('safe', status(503, 1_000), { budgetLeftMs: 1_001 }))).toBe('retry');
    expect(action(input('safe', { kind: 'timeout' }, { budgetLeftMs: 0 }))).toBe('give-up');
  });
});
