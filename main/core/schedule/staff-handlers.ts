/**
 * Staff channels that read today's schedule: the day view (check in or undo from a row), walk-ins,
 * kiosk activity and lifting a kiosk-wide pause. Every call needs a live staff session and is audited
 * (no PHI in the audit: appointment ids and outcomes). The renderer gets opaque keys, never FHIR ids.
 */
import type { Appointment, Coding, Location, Patient, Practitioner } from '@medplum/fhirtypes';
import type { ScheduleRow, StaffActivity } from '../../../preload/contract.js';
import type { AuditEntry, AuditLog } from '../audit.js';
import { practitionerLabel, type Directory } from '../checkin/directory.js';
import { mayCheckIn, mayUndo } from '../checkin/eligibility.js';
import { visitOf } from '../checkin/visit.js';
import { familyMatches, givenMatches, identityNames } from '../checkin/names.js';
import { newOpaqueId } from '../checkin/sessions.js';
import type { CheckInService } from '../checkin/service.js';
import { KioskError } from '../errors.js';
import type { FhirClient, Profile, Versioned } from '../fhir/client.js';
import { FhirError, TokenError } from '../fhir/errors.js';
import type { Handlers } from '../ipc-router.js';
import type { Outbox } from '../outbox.js';
import type { KioskActivity } from './activity.js';
import { fullName, type ScheduleEntry, type TodaySchedule } from './today-schedule.js';
import { createWalkIn, isWalkIn, walkInBody } from './walk-in.js';

/** The kiosk-wide identification pause (main/core/checkin/identify-limits.ts). */
export interface PauseControl {
  pausedUntil(): number | null;
  lift(): boolean;
}

/** The configured core; absent (throws `not_configured`) on a kiosk that is not set up. */
export interface ScheduleParts {
  schedule: TodaySchedule;
  fhir: FhirClient;
  checkIn: Pick<CheckInService, 'checkInOne' | 'undoOne'>;
  directory: Pick<Directory, 'label'>;
  outbox: Pick<Outbox, 'find'>;
}

export interface StaffScheduleDeps {
  parts: () => ScheduleParts;
  profile: Profile;
  audit: AuditLog;
  activity: KioskActivity;
  pause: () => PauseControl | null;
  requireStaff: (staffSession: string) => unknown;
  /** A live staff session and the PIN typed again (undo changes the EHR). */
  requireFreshStaff: (staffSession: string, pin: string) => Promise<unknown>;
  kioskId: string;
  /** The status a check-in writes (config checkIn.targetStatus): only that one is undone. */
  targetStatus: Appointment['status'];
  /** The kiosk's configured location(s); walk-ins are offered only there when set. */
  locationIds: readonly string[];
  now: () => Date;
}

export type StaffScheduleChannels =
  | 'staff:schedule'
  | 'staff:scheduleCheckIn'
  | 'staff:scheduleUndo'
  | 'staff:walkInOptions'
  | 'staff:findPatient'
  | 'staff:walkIn'
  | 'staff:activity'
  | 'staff:liftPause';

export const WALK_IN_DURATIONS = [10, 15, 20, 30, 45, 60];

/** Opaque keys for the renderer, stable while the kiosk runs (an id is never sent to the page). */
class Keys<V> {
  private readonly byValue = new Map<string, string>();
  private readonly byKey = new Map<string, V>();
  key(id: string, value: V): string {
    let k = this.byValue.get(id);
    if (!k) {
      k = newOpaqueId();
      this.byValue.set(id, k);
    }
    this.byKey.set(k, value);
    return k;
  }
  get(key: string): V {
    const v = this.byKey.get(key);
    if (v === undefined) throw new KioskError('invalid_request', 'Unknown item; refresh the list.');
    return v;
  }
}

export function staffScheduleHandlers(d: StaffScheduleDeps): Pick<Handlers, StaffScheduleChannels> {
  const appointments = new Keys<string>();
  const patients = new Keys<Patient>();
  const practitioners = new Keys<string>();
  const locations = new Keys<string>();
  const types = new Keys<Coding>();

  const unavailable = (err: unknown) => {
    if (err instanceof FhirError || err instanceof TokenError)
      return new KioskError('unavailable', 'The clinic system is not reachable right now.', err);
    return err;
  };

  const labels = async (entries: ScheduleEntry[]) => {
    const refs = [...new Set(entries.map((e) => e.practitionerRef).filter((r): r is string => !!r))];
    return new Map(await Promise.all(refs.map(async (r) => [r, await d.parts().directory.label(r)] as const)));
  };
  const kioskResult = (id: string): ScheduleRow['kiosk'] => {
    if (d.parts().outbox.find(id)) return 'queued';
    const r = d.activity.resultOf(id);
    return r === 'queued' ? null : r; // left the outbox without a delivery: undone or dropped
  };
  const row = (e: ScheduleEntry, clinicians: Map<string, string>): ScheduleRow => {
    const patient = d.parts().schedule.patient(e.patientId);
    const kiosk = kioskResult(e.id);
    const status = e.status as ScheduleRow['status'];
    // A check-in still waiting in the outbox can be withdrawn (undoOne takes it out of the outbox).
    const action = kiosk === 'queued' || mayUndo(status, d.targetStatus) ? 'undo' : mayCheckIn(status, 'staff') ? 'check_in' : null;
    return {
      key: appointments.key(e.id, e.id),
      start: new Date(e.startMs).toISOString(),
      patientName: patient ? fullName(patient) : '',
      clinician: (e.practitionerRef && clinicians.get(e.practitionerRef)) || '',
      status,
      kiosk,
      walkIn: isWalkIn(e.appointment.resource),
      visit: visitOf(e.appointment.resource),
      action,
    };
  };
  const entryOf = (key: string) => {
    const e = d.parts().schedule.entry(appointments.get(key));
    if (!e) throw new KioskError('invalid_request', 'That appointment is no longer on today’s schedule.');
    return e;
  };

  const activity = (): StaffActivity => {
    const until = d.pause()?.pausedUntil() ?? null;
    return { ...d.activity.summary(), pausedUntil: until === null ? null : new Date(until).toISOString() };
  };
  const audit = (outcome: string, event: AuditEntry['event'], appointmentId?: string) =>
    d.audit.record({ event, outcome, by: 'staff', ...(appointmentId ? { appointmentId } : {}) });

  return {
    'staff:schedule': async ({ staffSession, refresh }) => {
      d.requireStaff(staffSession);
      if (refresh)
        await d
          .parts()
          .schedule.refresh()
          .catch(() => {}); // a failed refresh still shows the last snapshot
      const entries = d.parts().schedule.list();
      const clinicians = await labels(entries);
      return { ready: d.parts().schedule.ready, loadedAt: d.parts().schedule.loadedAt, rows: entries.map((e) => row(e, clinicians)) };
    },

    'staff:scheduleCheckIn': async ({ staffSession, key }) => {
      d.requireStaff(staffSession);
      const { outcome } = await d.parts().checkIn.checkInOne(entryOf(key).appointment, 'staff');
      return { outcome };
    },

    'staff:scheduleUndo': async ({ staffSession, key, pin }) => {
      await d.requireFreshStaff(staffSession, pin);
      const { outcome } = await d.parts().checkIn.undoOne(entryOf(key).appointment);
      return { outcome };
    },

    'staff:walkInOptions': async ({ staffSession }) => {
      d.requireStaff(staffSession);
      try {
        const [staff, places] = await Promise.all([
          d.parts().fhir.search<Practitioner>('Practitioner', {}),
          d.locationIds.length ? Promise.resolve(null) : d.parts().fhir.search<Location>('Location', {}),
        ]);
        const locationIds = places ? places.map((p) => p.resource.id!).filter(Boolean) : d.locationIds;
        // Canvas serves no list of appointment types (note types); the ones on today's schedule are real and schedulable.
        const seen = new Map<string, Coding & { display?: string }>();
        for (const e of d.parts().schedule.list()) {
          const c = e.appointment.resource.appointmentType?.coding?.[0];
          if (c?.code) seen.set(`${c.system}|${c.code}`, c);
        }
        return {
          practitioners: staff
            .filter((p) => p.resource.id && p.resource.active !== false)
            .slice(0, 200)
            .map((p) => ({ key: practitioners.key(p.resource.id!, p.resource.id!), label: practitionerLabel(p.resource).slice(0, 120) })),
          locations: await Promise.all(
            locationIds
              .slice(0, 50)
              .map(async (id) => ({ key: locations.key(id, id), label: (await d.parts().directory.label(`Location/${id}`)) || id })),
          ),
          appointmentTypes: [...seen]
            .slice(0, 50)
            .map(([k, c]) => ({ key: types.key(k, { system: c.system, code: c.code }), label: (c.display ?? c.code ?? '').slice(0, 120) })),
          durations: WALK_IN_DURATIONS,
        };
      } catch (err) {
        throw unavailable(err);
      }
    },

    'staff:findPatient': async ({ staffSession, familyName, birthDate, givenName }) => {
      d.requireStaff(staffSession);
      let found: Array<Versioned<Patient>>;
      try {
        found = await d.parts().fhir.search<Patient>('Patient', { birthdate: birthDate, active: 'true' });
      } catch (err) {
        throw unavailable(err);
      }
      const matches = found
        .map((v) => v.resource)
        .filter(
          (p) =>
            p.id &&
            p.birthDate === birthDate &&
            p.active !== false &&
            identityNames(p).some((n) => n.family && familyMatches(familyName, n.family)) &&
            (!givenName || givenMatches(givenName, identityNames(p).concat((p.name ?? []).filter((n) => n.use === 'nickname')))),
        )
        .slice(0, 20);
      audit(matches.length ? 'patient_found' : 'patient_not_found', 'staff.walk_in');
      return {
        patients: matches.map((p) => {
          const minimal: Patient = { resourceType: 'Patient', id: p.id!, birthDate: p.birthDate!, active: true, name: p.name ?? [] };
          const n = identityNames(minimal)[0];
          return {
            key: patients.key(p.id!, minimal),
            fullName: [...(n?.given ?? []), n?.family].filter(Boolean).join(' ').slice(0, 120),
            birthDate: p.birthDate!,
          };
        }),
      };
    },

    'staff:walkIn': async (req) => {
      d.requireStaff(req.staffSession);
      const patient = patients.get(req.patientKey);
      const body = walkInBody(
        {
          patientId: patient.id!,
          practitionerId: practitioners.get(req.practitionerKey),
          locationId: locations.get(req.locationKey),
          appointmentType: types.get(req.appointmentTypeKey),
          minutes: req.minutes,
          kioskId: d.kioskId,
          now: d.now(),
        },
        d.profile,
      );
      const result = await createWalkIn(d.parts().fhir, body);
      if (!result.ok) {
        audit(result.reason, 'staff.walk_in');
        return { outcome: 'failed', reason: result.reason };
      }
      const id = result.appointment.resource.id!;
      audit('created', 'staff.walk_in', id);
      const entry = d.parts().schedule.add(result.appointment, patient);
      if (!entry) return { outcome: 'failed', reason: 'not_found' };
      return { outcome: 'created', row: row(entry, await labels([entry])) };
    },

    'staff:activity': async ({ staffSession }) => {
      d.requireStaff(staffSession);
      return activity();
    },

    'staff:liftPause': async ({ staffSession }) => {
      d.requireStaff(staffSession);
      const lifted = d.pause()?.lift() ?? false;
      audit(lifted ? 'lifted' : 'not_paused', 'staff.lift_pause');
      return { lifted, activity: activity() };
    },
  };
}

/** Keeps the snapshot in step with what the kiosk did, at the one place every outcome is recorded. */
export function scheduleFollowsAudit(schedule: TodaySchedule, targetStatus: Appointment['status']) {
  return (e: AuditEntry) => {
    if (!e.appointmentId) return;
    if ((e.event === 'checkin' || e.event === 'outbox.delivered') && e.outcome === 'checked_in')
      schedule.apply(e.appointmentId, targetStatus);
    if (e.event === 'staff.undo' && e.outcome === 'undone') schedule.apply(e.appointmentId, 'booked');
  };
}
