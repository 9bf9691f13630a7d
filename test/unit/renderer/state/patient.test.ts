import { describe, expect, it } from 'vitest';
import { SESSION, appt, digits, info, run, typed, welcome } from '../helpers.js';
import type { AppointmentView } from '../../../../preload/contract.js';
import { EMPTY_PATIENT, initialState, isDeskBound, reduce, type Action } from '../../../../renderer/state/index.js';
/** Up to the identify call: last name typed, birth date submitted. */
const identifying = () =>
  run(welcome(), { type: 'start' }, ...typed('okafor'), { type: 'submit-family-name' }, ...digits('03141988'), {
    type: 'submit-birth-date',
    birthDate: '1988-03-14',
  });
const found = (appointments: AppointmentView[]) => {
  const s = identifying();
  return reduce(s, {
    type: 'answered',
    id: s.pending!.id,
    call: 'identify',
    result: { ok: true, value: { outcome: 'found', session: SESSION, greetingName: 'Amara O.', appointments } },
  });
};

describe('the patient visit in the reducer', () => {
  it('starts loading, then shows welcome, or the not-set-up screen', () => {
    expect(initialState().screen.name).toBe('loading');
    expect(welcome().screen.name).toBe('welcome');
    const un = run(initialState(), { type: 'info-loaded', info: { ...info, mode: 'unconfigured', configProblem: 'no url' } });
    expect(un.screen).toEqual({ name: 'unconfigured', problem: 'no url' });
    expect(reduce(un, { type: 'start' }).screen.name).toBe('unconfigured');
    expect(run(initialState(), { type: 'info-failed', message: 'down' }).screen).toEqual({ name: 'unconfigured', problem: 'down' });
  });

  it('keeps the last good info when a refresh fails', () => {
    expect(reduce(welcome(), { type: 'info-failed', message: 'down' }).screen.name).toBe('welcome');
  });

  it('walks last name → birth date → identify, dropping the DOB digits at submit', () => {
    let s = run(welcome(), { type: 'start' });
    expect(s.screen.name).toBe('last-name');
    expect(reduce(s, { type: 'submit-family-name' }).screen.name).toBe('last-name'); // nothing typed yet
    s = run(s, ...typed("o'brien"), { type: 'submit-family-name' });
    expect(s.patient.familyName).toBe("O'Brien");
    expect(s.screen.name).toBe('birth-date');
    s = run(s, ...digits('031419889')); // the ninth digit has nowhere to go
    expect(s.patient.dob).toEqual({ month: '03', day: '14', year: '1988' });
    expect(s.patient.dobDigits).toBe('03141988');
    // Past a full draft the digits still count, for reading them day first ("2" cannot start a month).
    const dayFirst = run(s, { type: 'dob-clear' }, ...digits('25121980'));
    expect(dayFirst.patient.dob).toEqual({ month: '02', day: '05', year: '1219' });
    expect(dayFirst.patient.dobDigits).toBe('25121980');
    expect(run(s, { type: 'dob-delete' }).patient.dobDigits).toBe('0314198');
    expect(run(s, { type: 'dob-clear' }).patient.dobDigits).toBe('');
    s = reduce(s, { type: 'submit-birth-date', birthDate: '1988-03-14' });
    expect(s.patient.dobDigits).toBe('');
    expect(s.screen).toEqual({ name: 'working', task: 'identify' });
    expect(s.pending).toMatchObject({ call: 'identify', request: { familyName: "O'Brien", birthDate: '1988-03-14' } });
    expect(s.patient.dob).toEqual({ month: '', day: '', year: '' });
  });

  it('uses the language to order the DOB keypad', () => {
    const s = run(
      welcome(),
      { type: 'set-lang', lang: 'es' },
      { type: 'start' },
      ...typed('ruiz'),
      { type: 'submit-family-name' },
      ...digits('1403'),
    );
    expect(s.patient.dob).toEqual({ day: '14', month: '03', year: '' });
  });

  it('goes back without losing the typed name, and back to welcome clears it', () => {
    let s = run(welcome(), { type: 'start' }, ...typed('okafor'), { type: 'submit-family-name' }, { type: 'back' });
    expect(s.screen.name).toBe('last-name');
    expect(s.patient.familyName).toBe('Okafor');
    s = reduce(s, { type: 'back' });
    expect(s.screen.name).toBe('welcome');
    expect(s.patient).toEqual(EMPTY_PATIENT);
  });

  it('ignores every tap while a call is in flight (no double submit)', () => {
    const s = identifying();
    for (const a of [
      { type: 'start' },
      { type: 'back' },
      { type: 'delete' },
      { type: 'next-text-size' },
      { type: 'toggle-contrast' },
      { type: 'try-again' },
    ] as Action[])
      expect(reduce(s, a)).toBe(s);
  });

  it('found → appointments, with names and birth date dropped', () => {
    const s = found([appt('appt_aaaaaaaa', 'open')]);
    expect(s.screen.name).toBe('appointments');
    expect(s.pending).toBeNull();
    expect(s.patient).toMatchObject({ familyName: '', givenName: '', birthDate: null, session: SESSION, greetingName: 'Amara O.' });
  });

  it('need_first_name asks once, then sends the first name with the same birth date', () => {
    let s = identifying();
    s = reduce(s, { type: 'answered', id: s.pending!.id, call: 'identify', result: { ok: true, value: { outcome: 'need_first_name' } } });
    expect(s.screen.name).toBe('first-name');
    s = run(s, ...typed('amara'), { type: 'submit-given-name' });
    expect(s.pending).toMatchObject({ request: { familyName: 'Okafor', birthDate: '1988-03-14', givenName: 'Amara' } });
    s = reduce(s, { type: 'answered', id: s.pending!.id, call: 'identify', result: { ok: true, value: { outcome: 'need_first_name' } } });
    expect(s.screen).toEqual({ name: 'message', message: { kind: 'not_found', canRetry: true } });
    // Only the last name stays, for "Try again": no first name, no birth date, no session.
    expect(s.patient).toEqual({ ...EMPTY_PATIENT, familyName: 'Okafor' });
  });

  it('not_found offers a retry only while attempts are left', () => {
    const s = identifying();
    const again = reduce(s, {
      type: 'answered',
      id: s.pending!.id,
      call: 'identify',
      result: { ok: true, value: { outcome: 'not_found', attemptsLeft: 2 } },
    });
    expect(again.screen).toEqual({ name: 'message', message: { kind: 'not_found', canRetry: true } });
    expect(again.patient).toEqual({ ...EMPTY_PATIENT, familyName: 'Okafor' });
    // "Try again" keeps the name to check, and the birth date is typed again.
    const retried = reduce(again, { type: 'try-again' });
    expect(retried.screen.name).toBe('last-name');
    expect(retried.patient).toEqual({ ...EMPTY_PATIENT, familyName: 'Okafor' });
    const toDate = run(retried, { type: 'submit-family-name' });
    expect(toDate.screen.name).toBe('birth-date');
    expect(toDate.patient.dob).toEqual(EMPTY_PATIENT.dob);
    const last = reduce(s, {
      type: 'answered',
      id: s.pending!.id,
      call: 'identify',
      result: { ok: true, value: { outcome: 'not_found', attemptsLeft: 0 } },
    });
    expect(reduce(last, { type: 'try-again' })).toBe(last);
  });

  it('cooldown shows the cooldown screen', () => {
    const s = identifying();
    const c = reduce(s, {
      type: 'answered',
      id: s.pending!.id,
      call: 'identify',
      result: { ok: true, value: { outcome: 'cooldown', until: '2025-11-24T17:00:00Z' } },
    });
    expect(c.screen).toEqual({ name: 'cooldown', until: '2025-11-24T17:00:00Z' });
  });

  it('an API error becomes a message; unknown codes are internal', () => {
    const s = identifying();
    const e = reduce(s, {
      type: 'answered',
      id: s.pending!.id,
      call: 'identify',
      result: { ok: false, error: { code: 'bogus' as never, message: '' } },
    });
    expect(e.screen).toEqual({ name: 'message', message: { kind: 'error', code: 'internal', during: 'identify' } });
  });

  it('ignores a late answer to a call it no longer waits for', () => {
    const s = identifying();
    const stale = reduce(s, {
      type: 'answered',
      id: s.pending!.id + 7,
      call: 'identify',
      result: { ok: true, value: { outcome: 'need_first_name' } },
    });
    expect(stale).toBe(s);
    const reset = reduce(s, { type: 'reset' });
    expect(
      reduce(reset, { type: 'answered', id: s.pending!.id, call: 'identify', result: { ok: true, value: { outcome: 'need_first_name' } } }),
    ).toBe(reset);
  });

  it('checks in only open appointments of the session', () => {
    const s = found([appt('appt_aaaaaaaa', 'open'), appt('appt_bbbbbbbb', 'too_early')]);
    expect(reduce(s, { type: 'check-in', keys: ['appt_bbbbbbbb'] })).toBe(s);
    expect(reduce(s, { type: 'check-in', keys: [] })).toBe(s);
    const w = reduce(s, { type: 'check-in', keys: ['appt_aaaaaaaa', 'appt_aaaaaaaa'] });
    expect(w.screen).toEqual({ name: 'working', task: 'check-in' });
    expect(w.pending).toMatchObject({ call: 'checkIn', request: { session: SESSION, keys: ['appt_aaaaaaaa'] } });
    expect(reduce(w, { type: 'check-in', keys: ['appt_aaaaaaaa'] })).toBe(w);
  });

  it('marks a call slow after the App says so', () => {
    const w = identifying();
    expect(reduce(w, { type: 'slow', id: w.pending!.id }).pending?.slow).toBe(true);
  });

  const checkedIn = (outcomes: Record<string, string>) => {
    const keys = Object.keys(outcomes);
    const s = reduce(found(keys.map((k) => appt(k, 'open'))), { type: 'check-in', keys });
    const results = keys.map((key) => ({ key, outcome: outcomes[key] as never, opensAt: null }));
    return reduce(s, { type: 'answered', id: s.pending!.id, call: 'checkIn', result: { ok: true, value: { results } } });
  };

  it('done only when every appointment is acknowledged', () => {
    expect(checkedIn({ appt_aaaaaaaa: 'checked_in', appt_bbbbbbbb: 'already_checked_in' }).screen.name).toBe('done');
    const offline = checkedIn({ appt_aaaaaaaa: 'recorded_offline' });
    expect(offline.screen).toMatchObject({ name: 'message', message: { kind: 'check-in' } });
    const mixed = checkedIn({ appt_aaaaaaaa: 'checked_in', appt_bbbbbbbb: 'failed' });
    expect(mixed.screen).toMatchObject({
      name: 'message',
      message: { kind: 'check-in', results: [{ outcome: 'checked_in' }, { outcome: 'failed' }] },
    });
  });

  it('a check-in error can go back to the appointments; an expired session cannot', () => {
    const s = reduce(found([appt('appt_aaaaaaaa', 'open')]), { type: 'check-in', keys: ['appt_aaaaaaaa'] });
    const down = reduce(s, {
      type: 'answered',
      id: s.pending!.id,
      call: 'checkIn',
      result: { ok: false, error: { code: 'unavailable', message: '' } },
    });
    expect(reduce(down, { type: 'try-again' }).screen.name).toBe('appointments');
    const expired = reduce(s, {
      type: 'answered',
      id: s.pending!.id,
      call: 'checkIn',
      result: { ok: false, error: { code: 'session_expired', message: '' } },
    });
    expect(expired.patient).toEqual(EMPTY_PATIENT);
    expect(reduce(expired, { type: 'try-again' })).toBe(expired);
  });

  it('reset drops all patient data, restores defaults and bumps the generation', () => {
    const s = run(found([appt('appt_aaaaaaaa', 'open')]), { type: 'next-text-size' }, { type: 'toggle-contrast' });
    expect([s.textSize, s.highContrast]).toEqual([1, true]);
    const withLang = { ...s, lang: 'es' as const };
    const r = reduce(withLang, { type: 'reset' });
    expect(r.screen.name).toBe('welcome');
    expect(r.patient).toEqual(EMPTY_PATIENT);
    expect(r.lang).toBe('en');
    expect(r.textSize).toBe(0);
    expect(r.highContrast).toBe(false);
    expect(r.pending).toBeNull();
    expect(r.generation).toBe(s.generation + 1);
    expect(r.info).toBe(s.info);
  });

  it('Larger text steps through two larger sizes and back to normal', () => {
    const sizes = [1, 2, 3, 4].map(
      (n) => run(welcome(), ...Array.from({ length: n }, (): Action => ({ type: 'next-text-size' }))).textSize,
    );
    expect(sizes).toEqual([1, 2, 0, 1]);
  });

  it('switching language keeps what was typed, date digits included; Start over keeps the language, other resets do not', () => {
    let s = run(welcome(), { type: 'start' }, ...typed('ruiz'), { type: 'set-lang', lang: 'es' });
    expect(s.patient.familyName).toBe('Ruiz');
    s = run(s, { type: 'submit-family-name' }, ...digits('1403'), { type: 'set-lang', lang: 'en' });
    expect(s.patient.dob).toEqual({ day: '14', month: '03', year: '' });
    s = run(s, ...digits('1988'));
    expect(s.patient.dob).toEqual({ day: '14', month: '03', year: '1988' });
    const es = reduce(s, { type: 'set-lang', lang: 'es' });
    expect(reduce(es, { type: 'reset', keepLang: true }).lang).toBe('es');
    expect(reduce(es, { type: 'reset' }).lang).toBe('en');
  });

  it('only accepts languages the kiosk offers', () => {
    const only = run(initialState(), { type: 'info-loaded', info: { ...info, languages: ['es'] } });
    expect(only.lang).toBe('es');
    expect(reduce(only, { type: 'set-lang', lang: 'en' }).lang).toBe('es');
  });

  it('checking in one of two appointments accounts for both and offers the other in one tap', () => {
    const A = 'appt_aaaaaaaa';
    const B = 'appt_bbbbbbbb';
    const s = reduce(found([appt(A, 'open'), appt(B, 'open')]), { type: 'check-in', keys: [A] });
    const one = reduce(s, {
      type: 'answered',
      id: s.pending!.id,
      call: 'checkIn',
      result: { ok: true, value: { results: [{ key: A, outcome: 'checked_in', opensAt: null }] } },
    });
    // Not "done" while B is still open: the result screen lists both, A checked in and B still to do.
    expect(one.screen).toEqual({
      name: 'message',
      message: { kind: 'check-in', results: [{ key: A, outcome: 'checked_in', opensAt: null }] },
    });
    expect(one.patient.appointments.map((a) => [a.key, a.state])).toEqual([
      [A, 'checked_in'],
      [B, 'open'],
    ]);
    expect(isDeskBound(one)).toBe(false);
    // One tap on the result screen checks in the other; A cannot be sent twice.
    expect(reduce(one, { type: 'check-in', keys: [A] })).toBe(one);
    const two = reduce(one, { type: 'check-in', keys: [B] });
    expect(two.pending).toMatchObject({ call: 'checkIn', request: { keys: [B] } });
    const all = reduce(two, {
      type: 'answered',
      id: two.pending!.id,
      call: 'checkIn',
      result: { ok: true, value: { results: [{ key: B, outcome: 'checked_in', opensAt: null }] } },
    });
    expect(all.screen.name).toBe('done');
    // The done screen names both as checked in during this visit (not "already checked in").
    expect(all.patient.results.map((r) => [r.key, r.outcome])).toEqual([
      [A, 'checked_in'],
      [B, 'checked_in'],
    ]);
  });

  it('screens that send the patient to the desk are desk-bound; a question or a choice is not', () => {
    const miss = reduce(identifying(), {
      type: 'answered',
      id: identifying().pending!.id,
      call: 'identify',
      result: { ok: true, value: { outcome: 'not_found', attemptsLeft: 2 } },
    });
    expect(isDeskBound(miss)).toBe(true);
    expect(isDeskBound(found([appt('appt_aaaaaaaa', 'too_early')]))).toBe(true);
    expect(isDeskBound(found([appt('appt_aaaaaaaa', 'checked_in')]))).toBe(true);
    expect(isDeskBound(found([]))).toBe(true);
    expect(isDeskBound(found([appt('appt_aaaaaaaa', 'open')]))).toBe(false);
    expect(isDeskBound(identifying())).toBe(false);
    expect(isDeskBound(run(welcome(), { type: 'start' }))).toBe(false);
  });
});
