/**
 * Canvas-shaped FHIR resources for the demo server: Patients with an MRN and a (fictional 555-01xx)
 * phone, Appointments with Canvas's identifiers, note extension, reason and participants. Every value
 * is synthetic.
 */
import type { Appointment, AppointmentParticipant, Coding, Patient, Reference } from '@medplum/fhirtypes';
import type { DateTime } from 'luxon';
import type { ClinicDay } from './clinic-clock.js';
import { syntheticBirthDate } from './people.js';
import { randomHex, type Rand } from './prng.js';

export type Status = Appointment['status'];
export type Gender = NonNullable<Patient['gender']>;

export const VISIT_MINUTES = 20;

export const APPOINTMENT_TYPES: Record<'office' | 'followUp' | 'physical' | 'telehealth' | 'block', Coding> = {
  office: { system: 'http://snomed.info/sct', code: '308335008', display: 'Office Visit' },
  followUp: { system: 'http://snomed.info/sct', code: '390906007', display: 'Follow-Up Visit' },
  physical: { system: 'INTERNAL', code: 'annual-physical', display: 'Annual Physical' },
  telehealth: { system: 'http://snomed.info/sct', code: '448337001', display: 'Telemedicine' },
  block: { system: 'INTERNAL', code: 'provider-block', display: 'Provider Time Block' },
};
export const PATIENT_VISIT_TYPES = [APPOINTMENT_TYPES.office, APPOINTMENT_TYPES.followUp, APPOINTMENT_TYPES.physical];

export const REASONS = [
  'Blood pressure check',
  'Sore throat',
  'Medication review',
  'Knee pain',
  'Lab results follow-up',
  'Seasonal allergies',
  'Lower back pain',
  'Annual wellness exam',
];

const NOTE_ID_URL = 'http://schemas.canvasmedical.com/fhir/extensions/note-id';
const MEETING_ENDPOINT_ID = 'appointment-meeting-endpoint-0';

export interface PersonSpec {
  family: string;
  given: string;
  birthDate: string;
  gender: Gender;
  active?: boolean;
}

export interface VisitSpec {
  patientId: string;
  practitionerId: string;
  locationId: string;
  start: DateTime;
  status: Status;
  type: Coding;
  reason: string;
  telehealth?: boolean;
  encounter?: boolean;
}

/** The item at `index`, wrapping around: spreads a list over a day's visits deterministically. */
export function cycle<T>(items: readonly T[], index: number): T {
  const item = items[index % items.length];
  if (item === undefined) throw new Error('cycle() over an empty list');
  return item;
}

/**
 * Builds Canvas-shaped resources with ids from a seeded PRNG, so every run produces the same ids: the
 * one builder behind the seeded demo day and every booking made later (tests, bench, soak).
 */
export class ResourceFactory {
  private patients = 0;
  private appointments = 0;

  constructor(
    private readonly rand: Rand,
    readonly day: ClinicDay,
    /** Generic R4 servers list the Location as a participant; Canvas only puts it in supportingInformation. */
    private readonly locationParticipant: boolean,
  ) {}

  patient(spec: PersonSpec): Patient {
    const n = ++this.patients;
    return {
      resourceType: 'Patient',
      id: this.hex(32),
      active: spec.active ?? true,
      identifier: [
        {
          use: 'usual',
          type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
          system: 'http://canvasmedical.com',
          value: String(4000000 + n),
          assigner: { display: 'Canvas Medical' },
        },
      ],
      name: [{ use: 'official', family: spec.family, given: [spec.given] }],
      telecom: [{ id: this.hex(8), system: 'phone', value: `21755501${String(n % 100).padStart(2, '0')}`, use: 'mobile', rank: 1 }],
      gender: spec.gender,
      birthDate: spec.birthDate,
    };
  }

  appointment(visit: VisitSpec): Appointment {
    const n = ++this.appointments;
    const endpoint = visit.telehealth
      ? {
          contained: [
            {
              resourceType: 'Endpoint' as const,
              id: MEETING_ENDPOINT_ID,
              status: 'active' as const,
              connectionType: { system: 'http://terminology.hl7.org/CodeSystem/endpoint-connection-type', code: 'https' },
              payloadType: [{ coding: [{ code: 'video-call' }] }],
              address: `https://meet.demo-clinic.example/visit/${this.hex(12)}`,
            },
          ],
        }
      : {};
    return {
      resourceType: 'Appointment',
      id: this.uuid(),
      ...endpoint,
      extension: [{ url: NOTE_ID_URL, valueId: String(70000 + n) }],
      identifier: [
        {
          id: this.hex(8),
          use: 'usual',
          system: 'https://scheduling.demo-clinic.example/appointment-id',
          value: `SCH-${100000 + n}`,
          period: {
            start: this.day.today.minus({ days: 30 }).toISODate() ?? '',
            end: this.day.today.plus({ years: 1 }).toISODate() ?? '',
          },
        },
      ],
      status: visit.status,
      appointmentType: { coding: [visit.type] },
      reasonCode: [
        {
          text: visit.reason,
          coding: [{ system: 'INTERNAL', code: `RFV-${REASONS.indexOf(visit.reason) + 1}`, display: visit.reason, userSelected: true }],
        },
      ],
      description: visit.reason,
      start: canvasTime(visit.start),
      end: canvasTime(visit.start.plus({ minutes: VISIT_MINUTES })),
      participant: [
        accepted('Practitioner', visit.practitionerId),
        accepted('Patient', visit.patientId),
        ...(this.locationParticipant ? [accepted('Location', visit.locationId)] : []),
      ],
      supportingInformation: [
        ref('Location', visit.locationId),
        ...(visit.telehealth ? [{ reference: `#${MEETING_ENDPOINT_ID}`, type: 'Endpoint' as const }] : []),
        ...(visit.encounter ? [ref('Encounter', this.uuid())] : []),
      ],
    };
  }

  /** A Canvas "other event": no patient participant, so a schedule search without `patient` returns it too. */
  providerBlock(practitionerId: string, locationId: string, start: DateTime, minutes: number): Appointment {
    return {
      resourceType: 'Appointment',
      id: this.uuid(),
      status: 'booked',
      appointmentType: { coding: [APPOINTMENT_TYPES.block] },
      description: 'Lunch',
      start: canvasTime(start),
      end: canvasTime(start.plus({ minutes })),
      participant: [accepted('Practitioner', practitionerId)],
      supportingInformation: [ref('Location', locationId)],
    };
  }

  /** A birth date that avoids `reserved` (e.g. the scenario dates, so their lookups stay unambiguous). */
  birthDate(reserved: ReadonlySet<string> = new Set()): string {
    return syntheticBirthDate(this.rand, reserved);
  }

  private hex(length: number): string {
    return randomHex(this.rand, length);
  }

  /** Version-4 layout: the version nibble is 4 and the variant nibble 8–b. */
  private uuid(): string {
    const h = this.hex(32);
    const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
  }
}

/** Canvas references always carry `type`. */
function ref(type: 'Practitioner' | 'Patient' | 'Location' | 'Encounter', id: string): Reference {
  return { reference: `${type}/${id}`, type };
}

function accepted(type: 'Practitioner' | 'Patient' | 'Location', id: string): AppointmentParticipant {
  return { actor: { reference: `${type}/${id}`, type }, status: 'accepted' };
}

/** Canvas returns instants in UTC with an explicit `+00:00` offset. */
function canvasTime(time: DateTime): string {
  return time.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}
