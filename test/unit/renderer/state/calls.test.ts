import { describe, expect, it } from 'vitest';
import type { KioskApi } from '../../../../preload/api.js';
import type { Result } from '../../../../preload/contract.js';
import { ANSWERS } from '../../../../renderer/state/answers.js';
import type { AnswerTable } from '../../../../renderer/state/calls.js';
import { reduce, type State } from '../../../../renderer/state/index.js';
import { SESSION, STAFF_SESSION, answer, appt, failure, panel, run, typed, welcome } from '../helpers.js';

// Compile-time: the answer table must have an entry for every call. Each line below is a type error
// unless completeness is enforced (then `@ts-expect-error` itself fails the type check).
const { staffExit: _dropped, ...withoutOne } = ANSWERS;
// @ts-expect-error -- a call with no answer entry does not compile
const incomplete: AnswerTable = withoutOne;
void incomplete;
/** A KioskApi grown by one method (a new channel): the table as it is no longer compiles. */
type GrownApi = KioskApi & { staffSomethingNew: (p: { staffSession: string }) => Promise<Result<Record<string, never>>> };
// @ts-expect-error -- a new KioskApi method needs its answer entry
const stale: AnswerTable<GrownApi> = ANSWERS;
void stale;

const foundWith = (s: State) =>
  answer(s, {
    ok: true,
    value: { outcome: 'found', session: SESSION, greetingName: 'Amara O.', appointments: [appt('appt_aaaaaaaa', 'open')] },
  });
const patientIdentifying = () =>
  run(
    welcome(),
    { type: 'start' },
    ...typed('okafor'),
    { type: 'submit-family-name' },
    { type: 'submit-birth-date', birthDate: '1988-03-14' },
  );

describe('the call protocol', () => {
  it('has one rule per call', () => {
    expect(Object.keys(ANSWERS).sort()).toEqual(
      [
        'checkIn',
        'identify',
        'staffCheckIn',
        'staffExit',
        'staffIdentify',
        'staffLiftPause',
        'staffOverview',
        'staffRetryOutbox',
        'staffUndo',
        'staffUnlock',
        'staffSchedule',
        'staffScheduleCheckIn',
        'staffScheduleUndo',
        'staffWalkInOptions',
        'staffFindPatient',
        'staffWalkIn',
        'staffActivity',
      ].sort(),
    );
  });

  it('an answer tagged with another call is ignored, even with the right id', () => {
    const s = patientIdentifying();
    const wrong = reduce(s, { type: 'answered', id: s.pending!.id, call: 'staffExit', result: { ok: true, value: {} } });
    expect(wrong).toBe(s);
  });

  it('a reset asks main to end the patient session and lock staff mode, as effects', () => {
    const patient = foundWith(patientIdentifying());
    expect(reduce(patient, { type: 'reset' }).effects).toEqual([{ call: 'endSession', request: { session: SESSION } }]);
    const staff = reduce(panel(), { type: 'reset' });
    expect(staff.effects).toEqual([{ call: 'staffLock', request: { staffSession: STAFF_SESSION } }]);
    expect(reduce(welcome(), { type: 'reset' }).effects).toEqual([]);
  });

  it('the corner gesture ends a patient session in main; effects-ran drops what the App ran', () => {
    const s = reduce(foundWith(patientIdentifying()), { type: 'staff-open' });
    expect(s.screen.name).toBe('staff-pin');
    expect(s.effects).toEqual([{ call: 'endSession', request: { session: SESSION } }]);
    expect(reduce(s, { type: 'effects-ran', count: 1 }).effects).toEqual([]);
  });

  it('leaving an assisted visit, or staff mode locking in the middle of one, ends the patient session in main', () => {
    const assisted = run(
      panel(),
      { type: 'assist-start' },
      ...typed('castellano'),
      { type: 'submit-family-name' },
      {
        type: 'submit-birth-date',
        birthDate: '1979-07-04',
      },
    );
    const found = foundWith(assisted);
    const end = { call: 'endSession', request: { session: SESSION } };
    expect(reduce(found, { type: 'assist-exit' }).effects).toEqual([end]);
    const checking = reduce(found, { type: 'check-in', keys: ['appt_aaaaaaaa'] });
    const locked = answer(checking, failure('staff_locked'));
    expect(locked.screen.name).toBe('welcome');
    expect(locked.effects).toEqual([end]);
    // Locked before any session existed: nothing to end.
    expect(answer(assisted, failure('staff_locked')).effects).toEqual([]);
  });
});
