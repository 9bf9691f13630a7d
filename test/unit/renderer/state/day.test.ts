import { describe, expect, it } from 'vitest';
import { STAFF_SESSION, WALK_IN_OPTIONS, answer, dayView, failure, findingWalkInPatient, panel, pin, row, run } from '../helpers.js';
import { reduce, type State } from '../../../../renderer/state/index.js';

const OPEN = 'appt_open0001';
const DONE = 'appt_done0001';
const day = () => dayView([row(OPEN, 'Luis Castellano'), row(DONE, 'Amara Okafor', { status: 'checked-in', action: 'undo' })]);
const PATIENT = { key: 'pat_00000001', fullName: 'Amara Okafor', birthDate: '1985-03-14' };

describe('the staff day view in the reducer', () => {
  it('opens from the panel and asks main for the snapshot; Refresh asks for a reload', () => {
    const opening = reduce(panel(), { type: 'day-open' });
    expect(opening.screen).toEqual({ name: 'staff-day' });
    expect(opening.pending).toMatchObject({ call: 'staffSchedule', request: { staffSession: STAFF_SESSION } });
    expect(opening.pending!.request).not.toHaveProperty('refresh');
    const d = day();
    expect(d.staff.day?.rows).toHaveLength(2);
    expect(reduce(d, { type: 'day-refresh' }).pending).toMatchObject({ call: 'staffSchedule', request: { refresh: true } });
  });

  it('filters and searches by name with the on-screen keyboard', () => {
    let s = reduce(day(), { type: 'day-filter', filter: 'checked_in' });
    expect(s.staff.dayFilter).toBe('checked_in');
    expect(reduce(s, { type: 'day-search-key', ch: 'o' })).toBe(s); // keyboard closed
    s = run(s, { type: 'day-search-toggle' }, { type: 'day-search-key', ch: 'O' }, { type: 'day-search-key', ch: 'k' });
    expect(s.staff.dayName).toBe('ok');
    expect(run(s, { type: 'day-search-delete' }).staff.dayName).toBe('o');
    expect(run(s, { type: 'day-search-clear' }).staff.dayName).toBe('');
  });

  it('checks in only where main allows it, says whose, and reloads the rows', () => {
    const d = day();
    expect(reduce(d, { type: 'day-check-in', key: DONE })).toBe(d); // main said undo, not check in
    const checking = reduce(d, { type: 'day-check-in', key: OPEN });
    expect(checking.pending).toMatchObject({ call: 'staffScheduleCheckIn', request: { staffSession: STAFF_SESSION, key: OPEN } });
    const done = answer(checking, { ok: true, value: { outcome: 'checked_in' } });
    expect(done.staff.notice).toEqual({ kind: 'day-check-in', outcome: 'checked_in', name: 'Luis Castellano' });
    expect(done.pending).toMatchObject({ call: 'staffSchedule' });
    expect(answer(checking, failure('staff_locked')).screen).toEqual({ name: 'welcome' });
  });

  it('undo needs the PIN again; a wrong one brings the question back', () => {
    const d = day();
    expect(reduce(d, { type: 'day-undo-ask', key: OPEN })).toBe(d);
    const asking = reduce(d, { type: 'day-undo-ask', key: DONE });
    expect(asking.screen).toEqual({ name: 'staff-day', confirmUndo: DONE });
    expect(reduce(asking, { type: 'day-undo-confirm' })).toBe(asking); // no PIN yet
    expect(reduce(asking, { type: 'day-check-in', key: OPEN })).toBe(asking); // the list waits for the answer
    const undoing = run(asking, ...pin('246810'), { type: 'day-undo-confirm' });
    expect(undoing.pending).toMatchObject({ call: 'staffScheduleUndo', request: { key: DONE, pin: '246810' } });
    expect(undoing.staff.pin).toBe('');
    expect(JSON.stringify(reduce(undoing, { type: 'sent', id: undoing.pending!.id }))).not.toContain('246810');
    const wrong = answer(undoing, failure('pin_rejected'));
    expect(wrong.screen).toEqual({ name: 'staff-day', confirmUndo: DONE });
    expect(wrong.staff.notice).toEqual({ kind: 'pin_rejected' });
    const undone = answer(undoing, { ok: true, value: { outcome: 'undone' } });
    expect(undone.staff.notice).toEqual({ kind: 'day-undo', outcome: 'undone', name: 'Amara Okafor' });
    expect(undone.pending).toMatchObject({ call: 'staffSchedule' });
  });
});

describe('registering a walk-in in the reducer', () => {
  it('finds the patient on the check-in screens through the walk-in search, not a check-in identify', () => {
    const s = findingWalkInPatient();
    expect(s.mode).toBe('staff');
    expect(s.pending).toMatchObject({
      call: 'staffFindPatient',
      request: { staffSession: STAFF_SESSION, familyName: 'Okafor', birthDate: '1985-03-14' },
    });
    expect(s.staff.walkIn).toMatchObject({
      locationKey: 'loca_00000001',
      appointmentTypeKey: 'type_00000001',
      practitionerKey: null,
      minutes: 15,
    });
  });

  it('no match: the usual "not found" with Try again; one match is picked for staff', () => {
    const none = answer(findingWalkInPatient(), { ok: true, value: { patients: [] } });
    expect(none.screen).toEqual({ name: 'message', message: { kind: 'not_found', canRetry: true } });
    const one = answer(findingWalkInPatient(), { ok: true, value: { patients: [PATIENT] } });
    expect(one.screen).toEqual({ name: 'staff-walk-in' });
    expect(one.staff.walkIn?.patientKey).toBe(PATIENT.key);
    expect(one.patient.birthDate).toBeNull(); // the typed birth date is gone
  });

  it('creates only when every choice is made, then shows the new row in the day view', () => {
    const choosing = answer(findingWalkInPatient(), { ok: true, value: { patients: [PATIENT] } });
    expect(reduce(choosing, { type: 'walk-in-create' })).toBe(choosing); // no clinician yet
    expect(reduce(choosing, { type: 'walk-in-choose', field: 'practitionerKey', key: 'prac_unknown1' })).toBe(choosing);
    expect(reduce(choosing, { type: 'walk-in-minutes', minutes: 17 })).toBe(choosing);
    const ready = run(
      choosing,
      { type: 'walk-in-choose', field: 'practitionerKey', key: WALK_IN_OPTIONS.practitioners[1]!.key },
      { type: 'walk-in-minutes', minutes: 30 },
    );
    const creating = reduce(ready, { type: 'walk-in-create' });
    expect(creating.pending).toMatchObject({
      call: 'staffWalkIn',
      request: {
        patientKey: PATIENT.key,
        practitionerKey: 'prac_00000002',
        locationKey: 'loca_00000001',
        appointmentTypeKey: 'type_00000001',
        minutes: 30,
      },
    });
    const refused = answer(creating, { ok: true, value: { outcome: 'failed', reason: 'refused' } });
    expect(refused.screen).toEqual({ name: 'staff-walk-in' });
    expect(refused.staff.notice).toEqual({ kind: 'walk-in-failed', reason: 'refused' });
    const created: State = answer(creating, {
      ok: true,
      value: { outcome: 'created', row: row('appt_walk0001', 'Amara Okafor', { walkIn: true, start: '2025-11-24T16:05:00Z' }) },
    });
    expect(created).toMatchObject({ mode: 'patient', screen: { name: 'staff-day' } });
    expect(created.staff).toMatchObject({
      walkIn: null,
      dayFocus: 'appt_walk0001',
      notice: { kind: 'walk-in-created', name: 'Amara Okafor' },
    });
    expect(created.pending).toMatchObject({ call: 'staffSchedule' });
  });

  it('Back to staff panel drops the walk-in', () => {
    const choosing = answer(findingWalkInPatient(), { ok: true, value: { patients: [PATIENT] } });
    const s = reduce(choosing, { type: 'assist-exit' });
    expect(s.screen).toEqual({ name: 'staff' });
    expect(s.staff.walkIn).toBeNull();
  });
});

describe('kiosk activity in the reducer', () => {
  const ACTIVITY = {
    since: '2025-11-24T06:00:00Z',
    checkIns: 3,
    alreadyCheckedIn: 1,
    recordedOffline: 0,
    delivered: 0,
    walkIns: 1,
    pauses: 1,
    pauseLifts: 0,
    failures: [{ reason: 'not_found', count: 10 }],
    pausedUntil: '2025-11-24T16:30:00Z',
  };
  it('opens with the counts, and lifting the pause there shows the new counts', () => {
    const opening = reduce(panel(), { type: 'activity-open' });
    expect(opening.pending).toMatchObject({ call: 'staffActivity' });
    const shown = answer(opening, { ok: true, value: ACTIVITY });
    expect(shown.staff.activity).toEqual(ACTIVITY);
    const lifting = reduce(shown, { type: 'staff-lift-pause' });
    expect(lifting.pending).toMatchObject({ call: 'staffLiftPause' });
    const lifted = answer(lifting, { ok: true, value: { lifted: true, activity: { ...ACTIVITY, pausedUntil: null, pauseLifts: 1 } } });
    expect(lifted.screen.name).toBe('staff-activity');
    expect(lifted.staff.activity).toMatchObject({ pausedUntil: null, pauseLifts: 1 });
    expect(lifted.staff.notice).toEqual({ kind: 'pause-lifted', lifted: true });
    expect(
      answer(reduce(lifted, { type: 'staff-back' }), {
        ok: true,
        value: { kioskId: 'k1', health: { state: 'ok', checkedAt: null }, outbox: [], expiresAt: 'x' },
      }).screen,
    ).toEqual({ name: 'staff' });
  });
});
