/**
 * Today's schedule, held in main's memory: the clinic day's appointments at the kiosk's location(s)
 * and, per patient on them, only what identification and display need (identity names, birth date).
 * Why: identifying a patient who is on the schedule then costs no round trip at tap time, still works
 * when the clinic system is unreachable, and the staff day view, walk-ins and outbox names read the
 * same data. Never written to disk; dropped when the clinic day ends and on `clear()` (lockdown).
 *
 * Load: page 1, then the other pages in parallel by `_offset` (Canvas sends `total`), or `link[next]`
 * one by one where a server sends no `total`. Patients are read once per id with bounded concurrency
 * and kept across refreshes: the Canvas reference documents `_id` as a single key, not a list, so no
 * multi-id search. Every request goes through the FhirClient (timeouts, 401 refresh, 429 Retry-After).
 */
import type { Appointment, HumanName, Patient } from '@medplum/fhirtypes';
import { clinicDayBounds, isOnClinicToday, searchWindow } from '../checkin/clinic-time.js';
import { familyMatches, givenMatches, greetingName, identityNames } from '../checkin/names.js';
import type { FhirClient, Profile, Versioned } from '../fhir/client.js';
import { FhirError } from '../fhir/errors.js';
import type { Logger } from '../log.js';
import { mapBounded } from './bounded.js';

export interface PatientFacts {
  id: string;
  birthDate: string;
  /** Identity names and nicknames, reduced to use/family/given: what the matching rules read. */
  names: HumanName[];
}

export interface ScheduleEntry {
  id: string;
  /** Epoch ms of the start (sorting and display without re-parsing). */
  startMs: number;
  status: Appointment['status'];
  patientId: string;
  practitionerRef: string | undefined;
  locationRef: string | undefined;
  /** The appointment as read, with the guard of that read: the check-in is still a guarded PUT. */
  appointment: Versioned<Appointment>;
}

export type ScheduleMatch =
  | { outcome: 'found'; patient: PatientFacts; greetingName: string; appointments: ScheduleEntry[] }
  | { outcome: 'need_first_name' }
  /** Not on the snapshot (or no snapshot for today): the caller asks the server. */
  | { outcome: 'miss' };

export interface TodayScheduleOptions {
  fhir: Pick<FhirClient, 'searchPage' | 'read'>;
  /** The server's dialect: on Canvas an omitted field keeps its value, so the snapshot can leave some out. */
  profile: Profile;
  log: Logger;
  timezone: string;
  /** The kiosk's location(s); empty means every location the server returns. */
  locationIds: readonly string[];
  now?: () => Date;
  /** Refresh period; the refresh doubles as the health probe. Default 2 minutes. */
  refreshMs?: number;
  pageConcurrency?: number;
  patientConcurrency?: number;
  /** Called after every load attempt: null on success, the error otherwise (the health state). */
  onLoad?: (error: unknown) => void;
}

export const DEFAULT_REFRESH_MS = 2 * 60_000;
const PAGE_SIZE = 100;
/** 100 pages of 100: far above any clinic day, low enough that a looping server cannot hold us. */
const MAX_PAGES = 100;

export class TodaySchedule {
  private entries = new Map<string, ScheduleEntry>();
  /** Patients on today's snapshot, kept across refreshes of the same day. */
  private patients = new Map<string, PatientFacts>();
  /** Patients read today who cannot be identified (inactive, gone): not read again every refresh. */
  private excluded = new Set<string>();
  private byBirthDate = new Map<string, PatientFacts[]>();
  private day: number | null = null;
  private loadedAtMs: number | null = null;
  private inflight: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private generation = 0;
  private readonly now: () => Date;

  constructor(private readonly o: TodayScheduleOptions) {
    this.now = o.now ?? (() => new Date());
  }

  /** A snapshot of the current clinic day exists (so a patient on it can be identified offline). */
  get ready(): boolean {
    this.dropIfDayEnded();
    return this.day !== null;
  }
  get loadedAt(): string | null {
    return this.loadedAtMs === null ? null : new Date(this.loadedAtMs).toISOString();
  }
  get size(): number {
    return this.entries.size;
  }

  start(): void {
    if (this.timer) return;
    void this.refresh().catch(() => {});
    this.timer = setInterval(() => void this.refresh().catch(() => {}), this.o.refreshMs ?? DEFAULT_REFRESH_MS);
    this.timer.unref();
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Drops everything (lockdown, end of day). A load still running is discarded when it lands. */
  clear(): void {
    this.generation++;
    this.entries = new Map();
    this.patients = new Map();
    this.excluded = new Set();
    this.byBirthDate = new Map();
    this.day = null;
    this.loadedAtMs = null;
  }

  /** Loads today's snapshot; concurrent callers share one load. Rejects (keeping the old snapshot) on failure. */
  refresh(): Promise<void> {
    this.inflight ??= this.load().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async load(): Promise<void> {
    const generation = this.generation;
    const now = this.now();
    const day = clinicDayBounds(now, this.o.timezone).start;
    try {
      const lists = await Promise.all((this.o.locationIds.length ? this.o.locationIds : [undefined]).map((loc) => this.fetchDay(now, loc)));
      const entries = new Map<string, ScheduleEntry>();
      for (const v of lists.flat()) {
        const entry = toEntry(v, now, this.o.timezone, this.o.profile === 'canvas');
        if (entry) entries.set(entry.id, entry);
      }
      if (this.day !== day) {
        // A new clinic day starts from nothing.
        this.patients = new Map();
        this.excluded = new Set();
      }
      const missing = [...new Set([...entries.values()].map((e) => e.patientId))].filter(
        (id) => !this.patients.has(id) && !this.excluded.has(id),
      );
      const read = await mapBounded(missing, this.o.patientConcurrency ?? 6, (id) => this.readPatient(id));
      if (generation !== this.generation) return; // cleared (lockdown) while loading: keep nothing
      read.forEach((p, i) => (p ? this.patients.set(p.id, p) : this.excluded.add(missing[i]!)));
      for (const [id, e] of entries) if (!this.patients.has(e.patientId)) entries.delete(id);
      this.entries = entries;
      this.day = day;
      this.loadedAtMs = this.now().getTime();
      this.reindex();
      this.o.onLoad?.(null);
    } catch (err) {
      this.o.log.warn('schedule.load_failed', { kind: (err as FhirError).kind, status: (err as FhirError).status });
      this.o.onLoad?.(err);
      throw err;
    }
  }

  /** Page 1, then the rest in parallel by offset when the server says how many; else `next` links in turn. */
  private async fetchDay(now: Date, locationId: string | undefined): Promise<Array<Versioned<Appointment>>> {
    const { from, to } = searchWindow(now, this.o.timezone);
    const params: Record<string, string | string[]> = {
      date: [`ge${from}`, `le${to}`],
      _sort: 'date',
      _count: String(PAGE_SIZE),
      ...(locationId ? { location: `Location/${locationId}` } : {}),
    };
    const first = await this.o.fhir.searchPage<Appointment>('Appointment', params);
    if (!first.next) return first.entries;
    if (first.total === undefined || first.entries.length === 0) {
      const all = [...first.entries];
      let next: string | undefined = first.next;
      for (let page = 1; next && page < MAX_PAGES; page++) {
        const p: { entries: Array<Versioned<Appointment>>; next: string | undefined } = await this.o.fhir.searchPage<Appointment>(
          'Appointment',
          params,
          next,
        );
        all.push(...p.entries);
        next = p.next;
      }
      return all;
    }
    // The server's page size, not ours: Canvas caps `_count` and says the cap "can change without warning".
    const size = first.entries.length;
    const offsets: number[] = [];
    for (let at = size; at < first.total && offsets.length < MAX_PAGES - 1; at += size) offsets.push(at);
    const pages = await mapBounded(offsets, this.o.pageConcurrency ?? 6, (offset) =>
      this.o.fhir.searchPage<Appointment>('Appointment', { ...params, _offset: String(offset) }),
    );
    return [first, ...pages].flatMap((p) => p.entries);
  }

  private async readPatient(id: string): Promise<PatientFacts | null> {
    try {
      const { resource } = await this.o.fhir.read<Patient>('Patient', id);
      return patientFacts(resource);
    } catch (err) {
      // A patient the server no longer has is left out; anything else fails the load (old snapshot kept).
      if (err instanceof FhirError && err.status === 404) return null;
      throw err;
    }
  }

  /**
   * The live path's rules on the snapshot: exact birth date, any whole part of a family name, the first
   * name only to tell apart several. Anything short of one patient with today's appointments is a miss,
   * and the caller asks the server (a booking made a minute ago still works).
   */
  find(familyName: string, birthDate: string, givenName?: string): ScheduleMatch {
    if (!this.ready) return { outcome: 'miss' };
    let candidates = (this.byBirthDate.get(birthDate) ?? []).filter((p) =>
      identity(p).some((n) => n.family && familyMatches(familyName, n.family)),
    );
    if (candidates.length > 1 && !givenName) return { outcome: 'need_first_name' };
    if (candidates.length > 1 && givenName) candidates = candidates.filter((p) => givenMatches(givenName, p.names));
    const patient = candidates.length === 1 ? candidates[0]! : null;
    if (!patient) return { outcome: 'miss' };
    const appointments = this.appointmentsOf(patient.id);
    if (!appointments.length) return { outcome: 'miss' };
    return { outcome: 'found', patient, greetingName: greetingName(asPatient(patient)), appointments };
  }

  /**
   * The check-in service's lookup (ScheduleLookup): patients on today's snapshot with this birth date
   * and family name, as the live Patient search would filter them; [] is a miss (or no snapshot).
   */
  candidates(familyName: string, birthDate: string): Patient[] {
    if (!this.ready) return [];
    return (this.byBirthDate.get(birthDate) ?? [])
      .filter((p) => identity(p).some((n) => n.family && familyMatches(familyName, n.family)))
      .map(asPatient);
  }
  /** Today's appointments of a patient on the snapshot, as read (with their guards). */
  appointments(patientId: string): Array<Versioned<Appointment>> {
    return this.ready ? this.appointmentsOf(patientId).map((e) => e.appointment) : [];
  }
  /** Practitioners on today's snapshot (their display names are worth loading ahead of the first tap). */
  practitionerRefs(): string[] {
    return [...new Set([...this.entries.values()].map((e) => e.practitionerRef).filter((r): r is string => !!r))];
  }

  appointmentsOf(patientId: string): ScheduleEntry[] {
    return [...this.entries.values()].filter((e) => e.patientId === patientId).sort((a, b) => a.startMs - b.startMs);
  }
  entry(appointmentId: string): ScheduleEntry | undefined {
    return this.entries.get(appointmentId);
  }
  patient(patientId: string): PatientFacts | undefined {
    return this.patients.get(patientId);
  }
  /** Today's entries in start order. */
  list(): ScheduleEntry[] {
    return [...this.entries.values()].sort((a, b) => a.startMs - b.startMs || a.id.localeCompare(b.id));
  }

  /** A check-in or undo that the server acknowledged: the snapshot shows it at once (the guard stays that of our read). */
  apply(appointmentId: string, status: Appointment['status']): void {
    const e = this.entries.get(appointmentId);
    if (!e) return;
    e.status = status;
    e.appointment = { ...e.appointment, resource: { ...e.appointment.resource, status } };
  }

  /** A walk-in created at this kiosk (or any appointment read since the last load). */
  add(appointment: Versioned<Appointment>, patient: Patient): ScheduleEntry | null {
    this.dropIfDayEnded();
    const entry = toEntry(appointment, this.now(), this.o.timezone, this.o.profile === 'canvas');
    const facts = patientFacts(patient);
    if (!entry || !facts || facts.id !== entry.patientId) return null;
    if (!this.patients.has(facts.id)) this.patients.set(facts.id, facts);
    this.entries.set(entry.id, entry);
    this.reindex();
    return entry;
  }

  private dropIfDayEnded(): void {
    if (this.day !== null && clinicDayBounds(this.now(), this.o.timezone).start !== this.day) this.clear();
  }

  private reindex(): void {
    const index = new Map<string, PatientFacts[]>();
    const onToday = new Set([...this.entries.values()].map((e) => e.patientId));
    for (const p of this.patients.values()) {
      if (!onToday.has(p.id)) continue;
      const list = index.get(p.birthDate) ?? [];
      list.push(p);
      index.set(p.birthDate, list);
    }
    this.byBirthDate = index;
  }
}

/** Staff see full names ("Amara Okafor-Bello"); patients never get this string. */
export function fullName(p: PatientFacts): string {
  const n = identity(p)[0];
  return [...(n?.given ?? []), n?.family].filter(Boolean).join(' ').slice(0, 120);
}
export function displayName(p: PatientFacts): string {
  return greetingName(asPatient(p));
}

function identity(p: PatientFacts): HumanName[] {
  return identityNames(asPatient(p));
}
function asPatient(p: PatientFacts): Patient {
  return { resourceType: 'Patient', id: p.id, name: p.names, birthDate: p.birthDate };
}

function patientFacts(p: Patient): PatientFacts | null {
  if (!p.id || !p.birthDate || p.active === false) return null;
  const names = (p.name ?? [])
    .filter((n) => !n.use || n.use === 'official' || n.use === 'usual' || n.use === 'nickname')
    .map((n) => ({
      ...(n.use ? { use: n.use } : {}),
      ...(n.family ? { family: n.family } : {}),
      ...(n.given ? { given: [...n.given] } : {}),
    }));
  return { id: p.id, birthDate: p.birthDate, names };
}

function toEntry(v: Versioned<Appointment>, now: Date, zone: string, canvas: boolean): ScheduleEntry | null {
  const a = v.resource;
  if (!a.id || !a.start || !Array.isArray(a.participant) || !isOnClinicToday(a.start, now, zone)) return null;
  const ref = (prefix: string) => a.participant.find((p) => p.actor?.reference?.startsWith(prefix))?.actor?.reference;
  const patientRef = ref('Patient/');
  // Provider time blocks ("other events") have no patient: nothing to check in.
  if (!patientRef || a.status === 'entered-in-error') return null;
  const locationRef = a.supportingInformation?.find((s) => s.reference?.startsWith('Location/'))?.reference ?? ref('Location/');
  return {
    id: a.id,
    startMs: Date.parse(a.start),
    status: a.status,
    patientId: patientRef.slice('Patient/'.length),
    practitionerRef: ref('Practitioner/'),
    locationRef,
    appointment: { resource: canvas ? withoutClinicalText(a) : a, guard: v.guard },
  };
}

/**
 * The reason for visit is not needed to check in and never sent back (the Canvas FhirProfile in fhir/profile.ts drops it on
 * Canvas, where an omitted field keeps its stored value), so the snapshot does not hold it. Generic R4
 * replaces the whole resource on PUT, so there the appointment is kept as read.
 */
function withoutClinicalText(a: Appointment): Appointment {
  const copy = { ...a };
  delete copy.reasonCode;
  delete copy.description;
  delete copy.comment;
  delete copy.text;
  return copy;
}
