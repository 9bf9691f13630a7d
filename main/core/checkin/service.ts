/**
 * Patient identification and check-in, decided in main. Identification costs two requests (Patient
 * search by birth date, Appointment search); a check-in costs one guarded PUT on the happy path.
 */
import type { Appointment, Patient } from '@medplum/fhirtypes';
import type { AppointmentView, CheckInOutcome, CheckInResponse, IdentifyRequest, IdentifyResponse } from '../../../preload/contract.js';
import type { AuditLog } from '../audit.js';
import { FhirError, isTransient, TokenError } from '../fhir/errors.js';
import type { FhirClient, Versioned } from '../fhir/client.js';
import type { Logger } from '../log.js';
import type { Outbox } from '../outbox.js';
import { KioskError } from '../errors.js';
import { isOnClinicToday, searchWindow } from './clinic-time.js';
import type { Directory } from './directory.js';
import { eligibility, type WindowRules } from './eligibility.js';
import { familyMatches, givenMatches, greetingName, identityNames } from './names.js';
import { AttemptLimiter, newOpaqueId, SessionStore } from './sessions.js';
import { statusUpdateBody } from './update-body.js';

export type TargetStatus = 'checked-in' | 'arrived';
export type UndoOutcome = 'undone' | 'not_checked_in' | 'failed';

export interface CheckInSettings extends WindowRules {
  timezone: string;
  targetStatus: TargetStatus;
  locationId?: string | undefined;
  maxIdentifyAttempts: number;
  cooldownSeconds: number;
}

export type Actor = 'patient' | 'staff';

interface PatientSession {
  appointments: Map<string, Versioned<Appointment>>;
  /** Who identified: a staff-assisted session may use staff rules (and only through staff channels). */
  by: Actor;
}

export interface CheckInDeps {
  fhir: FhirClient;
  directory: Directory;
  audit: AuditLog;
  log: Logger;
  outbox: Outbox;
  settings: CheckInSettings;
  now?: () => Date;
}

const SESSION_TTL_MS = 15 * 60_000;
/** Rounds of re-read-and-decide after a 412 before giving up. */
const MAX_CONFLICT_ROUNDS = 3;

export class CheckInService {
  private readonly sessions: SessionStore<PatientSession>;
  private readonly limiter: AttemptLimiter;
  private readonly now: () => Date;

  constructor(private readonly d: CheckInDeps) {
    this.now = d.now ?? (() => new Date());
    this.sessions = new SessionStore(SESSION_TTL_MS, () => this.now().getTime());
    this.limiter = new AttemptLimiter(d.settings.maxIdentifyAttempts, d.settings.cooldownSeconds * 1000, () => this.now().getTime());
  }

  get activeSessions() {
    return this.sessions.size;
  }

  /**
   * Finds the patient and today's appointments. Staff (after their PIN) use the same matching but
   * their misses do not count towards the patients' cooldown, and the window rules do not apply.
   */
  async identify(req: IdentifyRequest, by: Actor = 'patient'): Promise<IdentifyResponse> {
    const cooling = by === 'patient' ? this.limiter.cooldownUntil() : null;
    if (cooling) return { outcome: 'cooldown', until: new Date(cooling).toISOString() };

    const found = await this.unavailableOnFhirError(() =>
      this.d.fhir.search<Patient>('Patient', { birthdate: req.birthDate, active: 'true' }),
    );
    // The server's birthdate search is trusted only as a filter; the exact match is checked here.
    let candidates = found
      .map((v) => v.resource)
      .filter(
        (p) =>
          p.birthDate === req.birthDate &&
          p.active !== false &&
          identityNames(p).some((n) => n.family && familyMatches(req.familyName, n.family)),
      );
    if (candidates.length > 1 && !req.givenName) return { outcome: 'need_first_name' };
    if (candidates.length > 1 && req.givenName)
      candidates = candidates.filter((p) =>
        givenMatches(req.givenName!, identityNames(p).concat((p.name ?? []).filter((n) => n.use === 'nickname'))),
      );
    const patient = candidates.length === 1 ? candidates[0]! : null;
    if (!patient?.id) return this.failedAttempt(by);

    const appointments = await this.unavailableOnFhirError(() => this.todaysAppointments(patient.id!));
    if (by === 'patient') this.limiter.succeed();
    const session: PatientSession = { appointments: new Map(), by };
    const views: AppointmentView[] = [];
    for (const a of appointments) {
      const key = newOpaqueId();
      session.appointments.set(key, a);
      views.push(await this.view(key, a.resource, by));
    }
    this.d.audit.record({ event: 'identify', outcome: views.length ? 'found' : 'found_no_appointment', by });
    return { outcome: 'found', session: this.sessions.create(session), greetingName: greetingName(patient), appointments: views };
  }

  async checkIn(token: string, keys: string[], by: Actor = 'patient'): Promise<CheckInResponse> {
    const session = this.session(token, by);
    const results: CheckInResponse['results'] = [];
    for (const key of new Set(keys)) {
      const appt = session.appointments.get(key);
      if (!appt) throw new KioskError('invalid_request', 'Unknown appointment.');
      const { outcome, latest } = await this.checkInOne(appt, by);
      if (latest) session.appointments.set(key, latest);
      const e = outcome === 'too_early' ? eligibility(appt.resource, this.now(), this.d.settings) : null;
      results.push({ key, outcome, opensAt: e?.opensAt ?? null });
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
    const id = appt.resource.id!;
    const queued = this.d.outbox.find(id);
    let current = appt;
    for (let round = 0; round < MAX_CONFLICT_ROUNDS; round++) {
      if (current.resource.status !== this.d.settings.targetStatus) {
        if (queued) this.d.outbox.remove(queued.id);
        const outcome = queued ? 'undone' : 'not_checked_in';
        this.d.audit.record({ event: 'staff.undo', outcome: queued ? 'withdrawn_from_outbox' : outcome, appointmentId: id, by: 'staff' });
        return outcome;
      }
      try {
        await this.d.fhir.update(statusUpdateBody(current.resource, 'booked', this.d.fhir.profile), current.guard);
        if (queued) this.d.outbox.remove(queued.id);
        session.appointments.set(key, { ...current, resource: { ...current.resource, status: 'booked' } });
        this.d.audit.record({ event: 'staff.undo', outcome: 'undone', appointmentId: id, by: 'staff' });
        return 'undone';
      } catch (err) {
        if (!(err instanceof FhirError && err.status === 412)) {
          const info = err instanceof FhirError ? err.info : {};
          this.d.audit.record({
            event: 'staff.undo',
            outcome: 'failed',
            appointmentId: id,
            httpStatus: info.status,
            correlationId: info.correlationId,
            by: 'staff',
          });
          return 'failed';
        }
      }
      try {
        current = await this.d.fhir.read<Appointment>('Appointment', id);
        session.appointments.set(key, current);
      } catch {
        this.d.audit.record({ event: 'staff.undo', outcome: 'failed', appointmentId: id, by: 'staff' });
        return 'failed';
      }
    }
    return 'failed';
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
   * without a write; 412 means someone changed it, so re-read and decide again; a failure the server
   * never answered stays in the outbox (written ahead of the PUT) and is reported as such.
   */
  async checkInOne(appt: Versioned<Appointment>, by: Actor): Promise<{ outcome: CheckInOutcome; latest?: Versioned<Appointment> }> {
    const id = appt.resource.id!;
    const target = this.d.settings.targetStatus;
    let current = appt;
    let entry: ReturnType<Outbox['begin']> | null = null;
    for (let round = 0; round < MAX_CONFLICT_ROUNDS; round++) {
      const e = eligibility(current.resource, this.now(), this.d.settings, by);
      if (e.state === 'checked_in') {
        if (entry) this.d.outbox.remove(entry.id);
        this.d.audit.record({ event: 'checkin', outcome: 'already_checked_in', appointmentId: id, by });
        return { outcome: 'already_checked_in', latest: current };
      }
      if (e.state !== 'open') {
        if (entry) this.d.outbox.remove(entry.id);
        this.d.audit.record({ event: 'checkin', outcome: e.state, appointmentId: id, by });
        return { outcome: e.state, latest: current };
      }
      entry ??= this.d.outbox.begin(id, target);
      try {
        await this.d.fhir.update(statusUpdateBody(current.resource, target, this.d.fhir.profile), current.guard);
        this.d.outbox.remove(entry.id);
        this.d.audit.record({ event: 'checkin', outcome: 'checked_in', appointmentId: id, by });
        return { outcome: 'checked_in', latest: { ...current, resource: { ...current.resource, status: target } } };
      } catch (err) {
        if (!(err instanceof FhirError && err.status === 412)) return this.failed(err, entry, id, by);
      }
      // 412: someone changed it since our read. Re-read and decide again.
      try {
        current = await this.d.fhir.read<Appointment>('Appointment', id);
      } catch (err) {
        return this.failed(err, entry, id, by);
      }
    }
    return this.failed(new FhirError('http', 'conflict persisted', { status: 412 }), entry, id, by);
  }

  private failed(err: unknown, entry: ReturnType<Outbox['begin']> | null, id: string, by: Actor): { outcome: CheckInOutcome } {
    const info = err instanceof FhirError ? err.info : {};
    if (entry && isTransient(err)) {
      this.d.outbox.defer(entry.id, describe(err));
      this.d.audit.record({
        event: 'checkin.queued',
        outcome: 'recorded_offline',
        appointmentId: id,
        httpStatus: info.status,
        correlationId: info.correlationId,
        by,
      });
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
    this.d.audit.record({
      event: 'checkin',
      outcome: 'failed',
      appointmentId: id,
      httpStatus: info.status,
      correlationId: info.correlationId,
      by,
    });
    return { outcome: 'failed' };
  }

  /** Appointments of the patient whose start is today in the clinic zone (optionally one location). */
  private async todaysAppointments(patientId: string): Promise<Array<Versioned<Appointment>>> {
    const now = this.now();
    const { from, to } = searchWindow(now, this.d.settings.timezone);
    const found = await this.d.fhir.search<Appointment>('Appointment', {
      patient: `Patient/${patientId}`,
      date: [`ge${from}`, `le${to}`],
    });
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

  private async view(key: string, a: Appointment, by: Actor): Promise<AppointmentView> {
    const e = eligibility(a, this.now(), this.d.settings, by);
    const practitioner = a.participant.find((p) => p.actor?.reference?.startsWith('Practitioner/'))?.actor?.reference;
    const [clinician, location] = await Promise.all([this.d.directory.label(practitioner), this.d.directory.label(locationOf(a))]);
    return { key, start: new Date(a.start!).toISOString(), clinician, location, state: e.state, opensAt: e.opensAt };
  }

  private failedAttempt(by: Actor): IdentifyResponse {
    if (by === 'staff') {
      this.d.audit.record({ event: 'identify', outcome: 'not_found', by });
      return { outcome: 'not_found', attemptsLeft: this.d.settings.maxIdentifyAttempts };
    }
    const { attemptsLeft, cooldownUntil } = this.limiter.fail();
    this.d.audit.record({ event: 'identify', outcome: cooldownUntil ? 'cooldown' : 'not_found' });
    if (cooldownUntil) return { outcome: 'cooldown', until: new Date(cooldownUntil).toISOString() };
    return { outcome: 'not_found', attemptsLeft };
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
