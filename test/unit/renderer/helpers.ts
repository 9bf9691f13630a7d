/**
 * The renderer reducer tests' one set of builders: kiosk info as main sends it, appointments, the
 * actions a finger produces, and the one way to answer the pending call (`answered`, with its call).
 */
import type {
  AppointmentView,
  ErrorCode,
  KioskInfo,
  Result,
  ScheduleRow,
  StaffOverview,
  WalkInOptions,
} from '../../../preload/contract.js';
import { initialState, reduce, type Action, type Answered, type State } from '../../../renderer/state/index.js';

export const info: KioskInfo = {
  clinicName: 'Riverside',
  timezone: 'America/Chicago',
  languages: ['en', 'es'],
  mode: 'demo',
  kioskId: 'k1',
  idleSeconds: 60,
  warningSeconds: 20,
  configProblem: null,
  health: { state: 'ok', checkedAt: null },
};

export const SESSION = 'sess_12345678';
export const STAFF_SESSION = 'staff_12345678';

export const appt = (
  key: string,
  state: AppointmentView['state'],
  start = '2025-11-24T16:40:00Z',
  visit: AppointmentView['visit'] = 'in_person',
): AppointmentView => ({
  key,
  start,
  clinician: 'Dr. Raman',
  location: 'Room 4',
  visit,
  state,
  opensAt: null,
});

export const overview = (waiting = 0): StaffOverview => ({
  kioskId: 'k1',
  health: { state: 'ok', checkedAt: '2025-11-24T16:00:00Z' },
  expiresAt: '2025-11-24T16:02:00Z',
  outbox: Array.from({ length: waiting }, (_, i) => ({
    id: `entry_0000000${i}`,
    appointmentRef: `ref0000${i}`,
    state: 'waiting' as const,
    attempts: 1,
    lastError: 'network: reset',
    createdAt: '2025-11-24T15:58:00Z',
    nextAttemptAt: '2025-11-24T16:05:00Z',
  })),
});

export const failure = (code: ErrorCode) => ({ ok: false, error: { code, message: '' } }) as const;

export const run = (s: State, ...actions: Action[]) => actions.reduce(reduce, s);
export const typed = (text: string): Action[] => [...text].map((ch) => ({ type: 'type', ch, onScreenKey: true }));
export const digits = (d: string): Action[] => [...d].map((digit) => ({ type: 'dob-digit', digit }));
export const pin = (d: string): Action[] => [...d].map((digit) => ({ type: 'pin-digit', digit }));
export const welcome = () => run(initialState(), { type: 'info-loaded', info });

/** Main's answer to whatever call is pending (the test names the result; the call is the pending one). */
export function answer(s: State, result: Result<unknown>): State {
  if (!s.pending) throw new Error('no call is pending');
  return reduce(s, { type: 'answered', id: s.pending.id, call: s.pending.call, result } as Answered);
}

/** Unlocked with this PIN, on the panel with its first list loaded. */
export function panel(waiting = 0): State {
  const s = run(welcome(), { type: 'staff-open' }, ...pin('246810'), { type: 'staff-unlock' });
  const unlocked = answer(s, { ok: true, value: { outcome: 'unlocked', staffSession: STAFF_SESSION, expiresAt: 'x' } });
  return answer(unlocked, { ok: true, value: overview(waiting) });
}

export const row = (key: string, patientName: string, o: Partial<ScheduleRow> = {}): ScheduleRow => ({
  key,
  start: '2025-11-24T16:40:00Z',
  patientName,
  clinician: 'Dr. Raman',
  status: 'booked',
  kiosk: null,
  walkIn: false,
  visit: 'in_person',
  action: 'check_in',
  ...o,
});

/** The day view with these rows loaded. */
export function dayView(rows: ScheduleRow[]): State {
  const opening = reduce(panel(), { type: 'day-open' });
  return answer(opening, { ok: true, value: { ready: true, loadedAt: '2025-11-24T16:00:00Z', rows } });
}

export const WALK_IN_OPTIONS: WalkInOptions = {
  practitioners: [
    { key: 'prac_00000001', label: 'Dr. Raman' },
    { key: 'prac_00000002', label: 'Dr. Okafor' },
  ],
  locations: [{ key: 'loca_00000001', label: 'Main clinic' }],
  appointmentTypes: [{ key: 'type_00000001', label: 'Office visit' }],
  durations: [10, 15, 30],
};

/** "Register a walk-in" answered, the name and birth date typed: the patient search is pending. */
export function findingWalkInPatient(): State {
  const asked = reduce(panel(), { type: 'walk-in-start' });
  const entering = answer(asked, { ok: true, value: WALK_IN_OPTIONS });
  return run(entering, ...typed('okafor'), { type: 'submit-family-name' }, { type: 'submit-birth-date', birthDate: '1985-03-14' });
}
