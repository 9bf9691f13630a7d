/**
 * Patient identification and check-in, decided in main. A patient on today's schedule (an optional
 * in-memory snapshot) is identified with no request; otherwise identification costs two requests
 * (Patient search by birth date, Appointment search), also when a first name is asked for (the
 * candidates wait in main); a check-in costs one guarded PUT on the happy path. Every status change goes through
 * status-change.ts, every decision through eligibility.ts.
 */
import type { Appointment, Patient } from '@medplum/fhirtypes';
import type {
  AppointmentView,
  CheckInOutcome,
  CheckInState,
  CheckInResponse,
  IdentifyRequest,
  IdentifyResponse,
} from '../../../preload/contract.js';
import type { AuditLog } from '../audit.js';
import { auditFieldsOf, FhirError, isTransient, TokenError } from '../fhir/errors.js';
import { operationDeadline, type CallOptions, type FhirClient, type Versioned } from '../fhir/client.js';
import type { Logger } from '../log.js';
import type { Outbox, OutboxEntry } from '../outbox.js';
import { KioskError } from '../errors.js';
import { isOnClinicToday, searchWindow } from './clinic-time.js';
import type { Directory } from './directory.js';
import { eligibility, mayUndo, type Actor, type Eligibility, type WindowRules } from './eligibility.js';
import { familyMatches, givenMatches, greetingName, identityNames } from './names.js';
import { IdentifyLimits, type Attempt, type IdentifyLimitSettings } from './identify-limits.js';
import { newOpaqueId, SessionStore } from './sessions.js';
import { changeStatus } from './status-change.js';
import { visitOf } from './visit.js';

export type TargetStatus = 'checked-in' | 'arrived';
export type UndoOutcome = 'undone' | 'not_checked_in' | 'failed';

export interface CheckInSettings extends WindowRules {
  timezone: string;
  targetStatus: TargetStatus;
  locationId?: string | undefined;
  limits: IdentifyLimitSettings;
  /** One deadline for a whole identification or check-in, all requests and retries included. */
  operationBudgetMs: number;
}

export type { Actor } from './eligibility.js';

interface PatientSession {
  appointments: Map<string, Versioned<Appointment>>;
  /** Who identified: a staff-assisted session may use staff rules (and only through staff channels). */
  by: Actor;
}

/** Candidates waiting for a first name: kept here so the answer costs no second Patient search. */
interface PendingIdentification {
  candidates: Patient[];
  familyName: string;
  birthDate: string;
  by: Actor;
}

/**
 * Today's schedule as identification sees it (main/core/schedule/today-schedule.ts). Its answers are
 * filtered by the same rules as the live search; a miss ([]) falls back to the server, so a booking
 * made a minute ago still works. The appointments carry the guard of their read: a stale snapshot
 * gets 412 on the PUT, and the status-change loop re-reads and decides again.
 */
export interface ScheduleLookup {
  candidates(familyName: string, birthDate: string): Patient[];
  appointments(patientId: string): Array<Versioned<Appointment>>;
}

export interface CheckInDeps {
  schedule?: ScheduleLookup | undefined;
  fhir: FhirClient;
  directory: Directory;
  audit: AuditLog;
  log: Logger;
  outbox: Outbox;
  settings: CheckInSettings;
  now?: () => Date;
}

const SESSION_TTL_MS = 15 * 60_000;
/** Long enough to type a first name; one use. */
const PENDING_TTL_MS = 5 * 60_000;

export class CheckInService {
  private readonly sessions: SessionStore<PatientSession>;
  private readonly pending: SessionStore<PendingIdentification>;
  private readonly limits: IdentifyLimits;
  private readonly now: () => Date;

  constructor(private readonly d: CheckInDeps) {
    this.now = d.now ?? (() => new Date());
    this.sessions = new SessionStore(SESSION_TTL_MS, () => this.now().getTime());
    this.pending = new SessionStore(PENDING_TTL_MS, () => this.now().getTime());
    this.limits = new IdentifyLimits(d.settings.limits);
  }

  /** The kiosk-wide pause after repeated misses, which staff can see and lift. */
  get pause(): { pausedUntil(): number | null; lift(): boolean } {
    return this.limits;
  }

  get activeSessions() {
    return this.sessions.size;
  }

  /**
   * Finds the patient and today's appointments. Staff (after their PIN) use the same matching but
   * their misses do not count towards the patients' cooldown, and the window rules do not apply.
   */
  async identify(req: IdentifyRequest, by: Actor = 'patient'): Promise<IdentifyResponse> {
    if (by === 'staff') return this.identifyAs(req, 'staff', null);
    // Reserved here, before any await: a burst gets one admission, never a pass around the count.
    const admission = this.limits.admit(req.visit);
    if (!admission.ok) {
      if (admission.reason === 'busy') throw new KioskError('busy', 'An identification is already running.');
      this.d.audit.record({ event: 'identify', outcome: admission.reason });
      if (admission.reason === 'paused') return { outcome: 'cooldown', until: new Date(admission.until).toISOString() };
      return { outcome: 'not_found', attemptsLeft: 0 };
    }
    try {
      return await this.identifyAs(req, 'patient', admission.attempt);
    } finally {
      admission.attempt.release(); // a no-op when the attempt already counted as a miss or a find
    }
  }

  private async identifyAs(req: IdentifyRequest, by: Actor, attempt: Attempt | null): Promise<IdentifyResponse> {
    const call = this.operation();
    const waiting = req.pending ? this.pending.get(req.pending) : null;
    if (req.pending) this.pending.end(req.pending);
    // The token stands for this person's typed name and birth date only; anything else searches afresh.
    const reuse = waiting && waiting.by === by && waiting.familyName === req.familyName && waiting.birthDate === req.birthDate;
    const scheduled = reuse ? [] : (this.d.schedule?.candidates(req.familyName, req.birthDate) ?? []);
    let candidates = reuse ? waiting.candidates : scheduled.length ? scheduled : await this.candidates(req, call);
    // Several on the schedule but the first name fits none of them: the server may know the person.
    if (scheduled.length > 1 && req.givenName && !scheduled.some((p) => this.givenFits(p, req.givenName!)))
      candidates = await this.candidates(req, call);
    if (candidates.length > 1 && !req.givenName) {
      const pending = this.pending.create({ candidates, familyName: req.familyName, birthDate: req.birthDate, by });
      return { outcome: 'need_first_name', pending };
    }
    if (candidates.length > 1 && req.givenName) candidates = candidates.filter((p) => this.givenFits(p, req.givenName!));
    const patient = candidates.length === 1 ? candidates[0]! : null;
    if (!patient?.id) return this.failedAttempt(attempt);

    const onSchedule = this.d.schedule?.appointments(patient.id) ?? [];
    const appointments = onSchedule.length
      ? onSchedule
      : await this.unavailableOnFhirError(() => this.todaysAppointments(patient.id!, call));
    // One neutral answer for "not a patient" and "no appointment today": a patient is never told
    // that a name and birth date belong to someone the clinic knows.
    if (attempt && appointments.length === 0) {
      this.d.audit.record({ event: 'identify', outcome: 'found_no_appointment', by });
      return this.failedAttempt(attempt, false);
    }
    attempt?.found();
    const session: PatientSession = { appointments: new Map(), by };
    const views: AppointmentView[] = [];
    for (const a of appointments) {
      const key = newOpaqueId();
      session.appointments.set(key, a);
      views.push(await this.view(key, a.resource, by, call));
    }
    this.d.audit.record({ event: 'identify', outcome: views.length ? 'found' : 'found_no_appointment', by });
    return { outcome: 'found', session: this.sessions.create(session), greetingName: greetingName(patient), appointments: views };
  }

  async checkIn(token: string, keys: string[], by: Actor = 'patient'): Promise<CheckInResponse> {
    const session = this.session(token, by);
    const results: CheckInResponse['results'] = [];
    const call = this.operation(); // one deadline for the whole tap, however many appointments
    for (const key of new Set(keys)) {
      const appt = session.appointments.get(key);
      if (!appt) throw new KioskError('invalid_request', 'Unknown appointment.');
      const { outcome, latest, opensAt } = await this.checkInOne(appt, by, call);
      if (latest) session.appointments.set(key, latest);
      results.push({ key, outcome, opensAt: opensAt ?? null });
    }
    return { results };
  }

  /**
   * Staff undo of a check-in (back to `booked`), guarded like a check-in. Only our own target status
   * is undone (never a staff-set `fulfilled`, say); a check-in still waiting in the outbox is withdrawn.
   */
  async undo(token: string, key: string): Promise<UndoOutcome> {
    const session = this.session(token, 'staff');
    const appt = session.appointments.get(key);
    if (!appt) throw new KioskError('invalid_request', 'Unknown appointment.');
    const { outcome, latest } = await this.undoOne(appt);
    if (latest) session.appointments.set(key, latest);
    return outcome;
  }

  /** One undo on main's own copy of the appointment (a staff session's, or today's schedule's). */
  async undoOne(appt: Versioned<Appointment>): Promise<{ outcome: UndoOutcome; latest?: Versioned<Appointment> }> {
    const id = appt.resource.id!;
    const queued = this.d.outbox.find(id);
    const record = (outcome: string, err?: unknown) =>
      this.d.audit.record({ event: 'staff.undo', outcome, appointmentId: id, ...auditFieldsOf(err), by: 'staff' });
    const result = await changeStatus(this.d.fhir, {
      appointmentId: id,
      current: appt,
      call: this.operation(),
      decide: (a) => (mayUndo(a.status, this.d.settings.targetStatus) ? { write: 'booked' } : { stop: 'not_checked_in' as const }),
      onUnknownOutcome: (landed) => this.unknownOutcome(id, landed, 'staff'),
    });
    const latest = result.latest ? { latest: result.latest } : {};
    if (result.kind === 'error') {
      record('failed', result.error);
      return { outcome: 'failed', ...latest };
    }
    // A check-in still waiting in the outbox is withdrawn either way: staff asked for it not to happen.
    if (queued) this.d.outbox.remove(queued.id);
    if (result.kind === 'stopped' && !queued) {
      record('not_checked_in');
      return { outcome: 'not_checked_in', ...latest };
    }
    record(result.kind === 'stopped' ? 'withdrawn_from_outbox' : 'undone');
    return { outcome: 'undone', ...latest };
  }

  /** A live session of the right kind: patient channels cannot use a staff-assisted session, nor the reverse. */
  private session(token: string, by: Actor): PatientSession {
    const session = this.sessions.get(token);
    if (!session || session.by !== by) throw new KioskError('session_expired', 'This check-in session has ended.');
    return session;
  }

  endSession(token: string): void {
    this.sessions.end(token);
  }

  /**
   * One check-in, decided on main's own copy: never the renderer's. Already checked in is success
   * without a write; a failure the server never answered stays in the outbox (written ahead of the
   * PUT) and is reported as such.
   */
  async checkInOne(
    appt: Versioned<Appointment>,
    by: Actor,
    call: CallOptions = this.operation(),
  ): Promise<{ outcome: CheckInOutcome; latest?: Versioned<Appointment>; opensAt?: string | null }> {
    const id = appt.resource.id!;
    const target = this.d.settings.targetStatus;
    const ahead: { entry: OutboxEntry | null } = { entry: null };
    const result = await changeStatus<Eligibility>(this.d.fhir, {
      appointmentId: id,
      current: appt,
      call,
      decide: (a) => {
        const e = eligibility(a, this.now(), this.d.settings, by);
        return e.state === 'open' ? { write: target } : { stop: e };
      },
      beforeWrite: () => void (ahead.entry = this.d.outbox.begin(id, target, by)),
      onUnknownOutcome: (landed) => this.unknownOutcome(id, landed, by),
    });
    if (result.kind === 'error')
      return { ...this.failed(result.error, ahead.entry, id, by), ...(result.latest ? { latest: result.latest } : {}) };
    if (ahead.entry) this.d.outbox.remove(ahead.entry.id);
    const stoppedAt = result.kind === 'stopped' ? (result.reason.state as Exclude<CheckInState, 'open'>) : null;
    const outcome: CheckInOutcome = !stoppedAt ? 'checked_in' : stoppedAt === 'checked_in' ? 'already_checked_in' : stoppedAt;
    this.d.audit.record({ event: 'checkin', outcome, appointmentId: id, by });
    return { outcome, latest: result.latest, opensAt: result.kind === 'stopped' ? result.reason.opensAt : null };
  }

  private unknownOutcome(appointmentId: string, landed: boolean, by: Actor) {
    this.d.audit.record({ event: 'checkin.unknown_outcome', outcome: landed ? 'landed' : 'not_landed', appointmentId, by });
  }

  private operation(): CallOptions {
    return { deadline: operationDeadline(this.d.settings.operationBudgetMs) };
  }

  private failed(err: unknown, entry: OutboxEntry | null, id: string, by: Actor): { outcome: CheckInOutcome } {
    const info = err instanceof FhirError ? err.info : {};
    if (entry && isTransient(err)) {
      this.d.outbox.defer(entry.id, describe(err));
      this.d.audit.record({ event: 'checkin.queued', outcome: 'recorded_offline', appointmentId: id, ...auditFieldsOf(err), by });
      return { outcome: 'recorded_offline' };
    }
    // The server answered no (400/403/404/422...) or we could not even record it: not checked in.
    if (entry) this.d.outbox.remove(entry.id);
    this.d.log.warn('checkin.failed', {
      appointmentId: id,
      status: info.status,
      issueCode: info.issueCode,
      correlationId: info.correlationId,
      kind: (err as FhirError).kind,
    });
    this.d.audit.record({ event: 'checkin', outcome: 'failed', appointmentId: id, ...auditFieldsOf(err), by });
    return { outcome: 'failed' };
  }

  private givenFits(p: Patient, givenName: string): boolean {
    return givenMatches(givenName, identityNames(p).concat((p.name ?? []).filter((n) => n.use === 'nickname')));
  }

  /** Active patients with this exact birth date and a matching family name. */
  private async candidates(req: IdentifyRequest, call: CallOptions): Promise<Patient[]> {
    const found = await this.unavailableOnFhirError(() =>
      this.d.fhir.search<Patient>('Patient', { birthdate: req.birthDate, active: 'true' }, call),
    );
    // The server's birthdate search is trusted only as a filter; the exact match is checked here.
    return found
      .map((v) => v.resource)
      .filter(
        (p) =>
          p.birthDate === req.birthDate &&
          p.active !== false &&
          identityNames(p).some((n) => n.family && familyMatches(req.familyName, n.family)),
      );
  }

  /** Appointments of the patient whose start is today in the clinic zone (optionally one location). */
  private async todaysAppointments(patientId: string, call: CallOptions): Promise<Array<Versioned<Appointment>>> {
    const now = this.now();
    const { from, to } = searchWindow(now, this.d.settings.timezone);
    const found = await this.d.fhir.search<Appointment>(
      'Appointment',
      { patient: `Patient/${patientId}`, date: [`ge${from}`, `le${to}`] },
      call,
    );
    const loc = this.d.settings.locationId ? `Location/${this.d.settings.locationId}` : null;
    return found
      .filter(({ resource: a }) => {
        const wellFormed = !!a.id && !!a.start && Array.isArray(a.participant);
        if (!wellFormed) this.d.log.warn('appointment.skipped_malformed', { appointmentId: a.id });
        return (
          wellFormed &&
          isOnClinicToday(a.start, now, this.d.settings.timezone) &&
          a.participant.some((p) => p.actor?.reference === `Patient/${patientId}`) &&
          (!loc || locationOf(a) === loc)
        );
      })
      .sort((x, y) => Date.parse(x.resource.start!) - Date.parse(y.resource.start!));
  }

  private async view(key: string, a: Appointment, by: Actor, call: CallOptions): Promise<AppointmentView> {
    const e = eligibility(a, this.now(), this.d.settings, by);
    const practitioner = a.participant.find((p) => p.actor?.reference?.startsWith('Practitioner/'))?.actor?.reference;
    const [clinician, location] = await Promise.all([
      this.d.directory.label(practitioner, call),
      this.d.directory.label(locationOf(a), call),
    ]);
    return { key, start: new Date(a.start!).toISOString(), clinician, location, visit: visitOf(a), state: e.state, opensAt: e.opensAt };
  }

  private failedAttempt(attempt: Attempt | null, audit = true): IdentifyResponse {
    if (!attempt) {
      // Staff misses never count towards the patients' limits: staff may always try again.
      this.d.audit.record({ event: 'identify', outcome: 'not_found', by: 'staff' });
      return { outcome: 'not_found', attemptsLeft: this.d.settings.limits.missesPerVisit };
    }
    const { attemptsLeft, visit, pausedUntil } = attempt.miss();
    if (pausedUntil) {
      this.d.audit.record({ event: 'identify.paused', outcome: 'kiosk_paused' });
      this.d.log.warn('identify.kiosk_paused', { until: new Date(pausedUntil).toISOString() });
    }
    if (audit) this.d.audit.record({ event: 'identify', outcome: attemptsLeft === 0 ? 'visit_ended' : 'not_found' });
    if (pausedUntil) return { outcome: 'cooldown', until: new Date(pausedUntil).toISOString() };
    return { outcome: 'not_found', attemptsLeft, visit };
  }

  private async unavailableOnFhirError<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      if (err instanceof FhirError || err instanceof TokenError)
        throw new KioskError('unavailable', 'The clinic system is not reachable right now.', err);
      throw err;
    }
  }
}

export function locationOf(a: Appointment): string | undefined {
  return a.supportingInformation?.find((s) => s.reference?.startsWith('Location/'))?.reference;
}

function describe(err: unknown): string {
  if (err instanceof FhirError) return `${err.kind}${err.status ? ` ${err.status}` : ''}`;
  return (err as Error)?.name ?? 'error';
}
