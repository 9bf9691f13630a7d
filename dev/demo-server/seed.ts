/**
 * Deterministic synthetic data shaped like Canvas's FHIR API. Ids come from a seeded PRNG; times are
 * relative to `now` in the clinic time zone. Every name, date of birth and phone number is made up
 * (phone numbers use the fictional 555-01xx range).
 */
import type { FhirRepository } from '@medplum/fhir-router';
import type { Location, Practitioner } from '@medplum/fhirtypes';
import type { DateTime } from 'luxon';
import { clinicDay } from './clinic-clock.js';
import { prng } from './prng.js';
import {
  APPOINTMENT_TYPES,
  cycle,
  PATIENT_VISIT_TYPES,
  REASONS,
  ResourceFactory,
  VISIT_MINUTES,
  type Gender,
  type PersonSpec,
  type Status,
} from './resources.js';

export interface ScenarioPatient {
  patientId: string;
  family: string;
  given: string;
  birthDate: string;
  appointmentIds: string[];
}

type SingleScenario =
  | 'openNow'
  | 'tooEarly'
  | 'tooLate'
  | 'twoToday'
  | 'accented'
  | 'apostrophe'
  | 'twoWord'
  | 'hyphenSpace'
  | 'alreadyCheckedIn'
  | 'cancelled'
  | 'noAppointment'
  | 'telehealth'
  | 'videoAndInPerson'
  | 'inactive'
  | 'compoundSurname';

export type DemoScenarios = Record<SingleScenario, ScenarioPatient> & {
  /** Same birth date: two share the family name (the first name disambiguates), one does not. */
  sharedBirthDate: { birthDate: string; sameFamily: [ScenarioPatient, ScenarioPatient]; otherFamily: ScenarioPatient };
};

export interface BusyDayOptions {
  count: number;
  timezone: string;
  now: Date;
  locationId: string;
  practitionerIds?: string[];
}

export const DEMO_PRACTITIONERS = [
  { id: '2a340faab3b8e39ab403e3d718255ae7', prefix: 'Dr.', given: 'Maya', family: 'Chen' },
  { id: '0f1b542fff9c46b463f5580e0154a4d1', prefix: 'Dr.', given: 'Samuel', family: 'Okafor' },
  { id: '428a0b6dea747ff4a6005af8bee2b783', prefix: 'Dr.', given: 'Priya', family: 'Natarajan' },
] as const;

export const DEMO_LOCATIONS = [
  { id: '5318d49b-9c05-439d-8f88-05a5fc7a9832', name: 'Riverside Family Medicine', alias: 'Riverside' },
  { id: 'd3b210ef-70a4-4464-81cd-c78b2428b875', name: 'Riverside Family Medicine North', alias: 'Riverside North' },
] as const;

/** All scenario visits are at this location. */
export const MAIN_LOCATION_ID = DEMO_LOCATIONS[0].id;

interface ScenarioVisit {
  minutesFromNow: number;
  days?: number;
  status?: Status;
  telehealth?: boolean;
}

type ScenarioSpec = PersonSpec & { visits: ScenarioVisit[] };

/** The kiosk's check-in window is 60 min before to 15 min after the start; offsets are chosen around it. */
const SCENARIOS: Record<SingleScenario, ScenarioSpec> = {
  openNow: { family: 'Whitfield', given: 'Nora', birthDate: '1984-03-12', gender: 'female', visits: [{ minutesFromNow: 20 }] },
  tooEarly: { family: 'Castellano', given: 'Luis', birthDate: '1979-07-04', gender: 'male', visits: [{ minutesFromNow: 180 }] },
  tooLate: { family: 'Lindqvist', given: 'Erik', birthDate: '1966-11-30', gender: 'male', visits: [{ minutesFromNow: -120 }] },
  twoToday: {
    family: 'Haddad',
    given: 'Samira',
    birthDate: '1990-05-17',
    gender: 'female',
    visits: [{ minutesFromNow: 10 }, { minutesFromNow: 40 }],
  },
  accented: { family: 'García-López', given: 'María José', birthDate: '1988-09-23', gender: 'female', visits: [{ minutesFromNow: 15 }] },
  apostrophe: { family: "O'Brien", given: 'Declan', birthDate: '1975-01-08', gender: 'male', visits: [{ minutesFromNow: 25 }] },
  twoWord: { family: 'van der Berg', given: 'Anneke', birthDate: '1993-12-02', gender: 'female', visits: [{ minutesFromNow: 30 }] },
  hyphenSpace: { family: 'Smith-Jones', given: 'Tobias', birthDate: '1981-06-19', gender: 'male', visits: [{ minutesFromNow: 35 }] },
  alreadyCheckedIn: {
    family: 'Adeyemi',
    given: 'Grace',
    birthDate: '1958-02-14',
    gender: 'female',
    visits: [{ minutesFromNow: -5, status: 'arrived' }],
  },
  cancelled: {
    family: 'Moreau',
    given: 'Camille',
    birthDate: '1995-10-10',
    gender: 'female',
    visits: [{ minutesFromNow: 30, status: 'cancelled' }],
  },
  noAppointment: { family: 'Kowalski', given: 'Piotr', birthDate: '1962-08-08', gender: 'male', visits: [{ minutesFromNow: 0, days: 1 }] },
  telehealth: {
    family: 'Yamamoto',
    given: 'Kenji',
    birthDate: '1986-04-01',
    gender: 'male',
    visits: [{ minutesFromNow: 25, telehealth: true }],
  },
  /** A video visit between two visits at the clinic: "Check in for all" takes the two, never the video one. */
  videoAndInPerson: {
    family: 'Achterberg',
    given: 'Wilma',
    birthDate: '1977-09-14',
    gender: 'female',
    visits: [{ minutesFromNow: 10 }, { minutesFromNow: 30, telehealth: true }, { minutesFromNow: 50 }],
  },
  inactive: {
    family: 'Brennan',
    given: 'Ruth',
    birthDate: '1949-12-24',
    gender: 'female',
    active: false,
    visits: [{ minutesFromNow: 20 }],
  },
  /** Two space-separated surnames: found by either one (or both). */
  compoundSurname: {
    family: 'Hernández Ruiz',
    given: 'Lucía',
    birthDate: '1983-02-27',
    gender: 'female',
    visits: [{ minutesFromNow: 20 }],
  },
};

const SHARED_BIRTH_DATE = '1970-04-15';
const SHARED: { sameFamily: [ScenarioSpec, ScenarioSpec]; otherFamily: ScenarioSpec } = {
  sameFamily: [
    { family: 'Nguyen', given: 'Linh', birthDate: SHARED_BIRTH_DATE, gender: 'female', visits: [{ minutesFromNow: 5 }] },
    { family: 'Nguyen', given: 'Bao', birthDate: SHARED_BIRTH_DATE, gender: 'male', visits: [{ minutesFromNow: 45 }] },
  ],
  otherFamily: { family: 'Petrov', given: 'Ivan', birthDate: SHARED_BIRTH_DATE, gender: 'male', visits: [{ minutesFromNow: 50 }] },
};

/** "Family Given Sex" for ordinary patients; "Garcia Maria" deliberately resembles the accented scenario. */
const ORDINARY_PEOPLE = parsePeople(`
  Anderson James M, Bishop Olivia F, Carter Marcus M, Dawson Hannah F, Ellison Theo M, Fischer Greta F,
  Garcia Maria F, Holloway Reid M, Iverson Ingrid F, Jensen Mikkel M, Kaplan Rachel F, Larsen Soren M,
  Mendoza Lucia F, Novak Tomas M, Ortega Isabel F, Patel Arjun M, Quinn Fiona F, Russo Marco M, Sato Yuki F,
  Thornton Wesley M, Underwood Clara F, Vasquez Diego M, Walsh Siobhan F, Xu Wei M, Young Harper F,
  Zimmerman Felix M, Abbott Leah F, Becker Jonas M, Chandra Anika F, Delgado Rafael M, Eriksen Maja F,
  Fontaine Julien M, Gallagher Aoife F, Hoffman Lukas M, Ibrahim Amira F, Jovanovic Stefan M, Keller Nina F,
  Lopez Mateo M, Murphy Ciara F, Nakamura Haruto M
`);

/** Cycled over the ordinary appointments so every status occurs today. */
const STATUS_CYCLE: Status[] = [
  'fulfilled',
  'booked',
  'arrived',
  'booked',
  'checked-in',
  'noshow',
  'booked',
  'cancelled',
  'proposed',
  'pending',
];

/** Practitioners and Locations: always present, even when the demo day is not seeded. */
export async function seedReferenceData(repo: FhirRepository): Promise<void> {
  for (const p of DEMO_PRACTITIONERS) {
    await repo.createResource<Practitioner>({
      resourceType: 'Practitioner',
      id: p.id,
      active: true,
      name: [{ use: 'usual', text: `${p.prefix} ${p.given} ${p.family}`, family: p.family, given: [p.given], prefix: [p.prefix] }],
    });
  }
  for (const [i, l] of DEMO_LOCATIONS.entries()) {
    await repo.createResource<Location>({
      resourceType: 'Location',
      id: l.id,
      status: 'active',
      name: l.name,
      alias: [l.alias],
      description: `Riverside Health Group: ${l.name}`,
      address: { line: [`${100 + i * 300} Example Avenue`], city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US' },
    });
  }
}

/** Birth dates the scenarios rely on being unambiguous: nothing else seeded or booked gets them. */
export const SCENARIO_BIRTH_DATES: ReadonlySet<string> = new Set([SHARED_BIRTH_DATE, ...Object.values(SCENARIOS).map((s) => s.birthDate)]);

/**
 * Seeds today's scenario and ordinary patients with the server's factory (whose stream later bookings
 * continue, so ids never collide); returns the scenarios so tests need no hard-coded ids.
 */
export async function seedDemoDay(repo: FhirRepository, factory: ResourceFactory): Promise<DemoScenarios> {
  const clock = factory.day;
  let visitIndex = 0;

  const seedScenario = async (spec: ScenarioSpec): Promise<ScenarioPatient> => {
    const patient = await repo.createResource(factory.patient(spec));
    const appointmentIds: string[] = [];
    for (const visit of spec.visits) {
      const index = visitIndex++;
      const appointment = factory.appointment({
        patientId: patient.id,
        practitionerId: cycle(DEMO_PRACTITIONERS, index).id,
        locationId: MAIN_LOCATION_ID,
        start: clock.fromNow(visit.minutesFromNow, visit.days ?? 0),
        status: visit.status ?? 'booked',
        type: visit.telehealth ? APPOINTMENT_TYPES.telehealth : cycle(PATIENT_VISIT_TYPES, index),
        reason: cycle(REASONS, index),
        telehealth: visit.telehealth,
        encounter: visit.status === 'arrived',
      });
      appointmentIds.push((await repo.createResource(appointment)).id);
    }
    return { patientId: patient.id, family: spec.family, given: spec.given, birthDate: spec.birthDate, appointmentIds };
  };

  const singles = {} as Record<SingleScenario, ScenarioPatient>;
  for (const [name, spec] of Object.entries(SCENARIOS) as [SingleScenario, ScenarioSpec][]) {
    singles[name] = await seedScenario(spec);
  }
  const sharedBirthDate = {
    birthDate: SHARED_BIRTH_DATE,
    sameFamily: [await seedScenario(SHARED.sameFamily[0]), await seedScenario(SHARED.sameFamily[1])] as [ScenarioPatient, ScenarioPatient],
    otherFamily: await seedScenario(SHARED.otherFamily),
  };
  await seedOrdinaryDay(repo, factory);
  return { ...singles, sharedBirthDate };
}

/** ~40 unremarkable patients so the schedule looks like a real day, plus yesterday/tomorrow noise. */
async function seedOrdinaryDay(repo: FhirRepository, factory: ResourceFactory): Promise<void> {
  const clock = factory.day;
  const reserved = SCENARIO_BIRTH_DATES;
  for (const [i, [family, given, gender]] of ORDINARY_PEOPLE.entries()) {
    const birthDate = factory.birthDate(reserved);
    const patient = await repo.createResource(factory.patient({ family, given, birthDate, gender }));
    const visit = (start: DateTime, status: Status) =>
      factory.appointment({
        patientId: patient.id,
        practitionerId: cycle(DEMO_PRACTITIONERS, i).id,
        locationId: DEMO_LOCATIONS[i % 5 === 4 ? 1 : 0].id,
        start,
        status,
        type: cycle(PATIENT_VISIT_TYPES, i),
        reason: cycle(REASONS, i),
        encounter: i % 2 === 0,
      });
    const slot = clock.at(0, 8, 15 * i);
    await repo.createResource(visit(slot, cycle(STATUS_CYCLE, i)));
    if (i % 4 === 0) await repo.createResource(visit(slot.minus({ days: 1 }), 'fulfilled'));
    if (i % 4 === 1) await repo.createResource(visit(slot.plus({ days: 1 }), 'booked'));
    // Late last night locally, but already "today" in UTC for zones west of Greenwich.
    if (i === 2) await repo.createResource(visit(clock.at(-1, 23, 30), 'booked'));
  }
  for (const practitioner of DEMO_PRACTITIONERS.slice(0, 2)) {
    await repo.createResource(factory.providerBlock(practitioner.id, MAIN_LOCATION_ID, clock.at(0, 12, 0), 60));
  }
}

/** Benchmark data: `count` patients, each with one appointment spread over 07:00–19:00 today at one location. */
export async function seedBusyDay(
  repo: FhirRepository,
  options: BusyDayOptions,
): Promise<{ patientIds: string[]; appointmentIds: string[] }> {
  const clock = clinicDay(options.now, options.timezone, VISIT_MINUTES);
  const factory = new ResourceFactory(prng(2), clock, false);
  const practitionerIds = options.practitionerIds ?? DEMO_PRACTITIONERS.map((p) => p.id);
  const patientIds: string[] = [];
  const appointmentIds: string[] = [];
  for (let i = 0; i < options.count; i++) {
    const [family, given, gender] = cycle(ORDINARY_PEOPLE, i);
    const patient = await repo.createResource(factory.patient({ family, given, gender, birthDate: factory.birthDate() }));
    const appointment = factory.appointment({
      patientId: patient.id,
      practitionerId: cycle(practitionerIds, i),
      locationId: options.locationId,
      start: clock.at(0, 7, Math.floor((i * 12 * 60) / options.count)),
      status: i % 11 === 5 ? 'cancelled' : i % 7 === 3 ? 'arrived' : 'booked',
      type: cycle(PATIENT_VISIT_TYPES, i),
      reason: cycle(REASONS, i),
    });
    patientIds.push(patient.id);
    appointmentIds.push((await repo.createResource(appointment)).id);
  }
  return { patientIds, appointmentIds };
}

function parsePeople(text: string): [family: string, given: string, gender: Gender][] {
  return text.split(',').map((person) => {
    const [family = '', given = '', sex] = person.trim().split(' ');
    return [family, given, sex === 'F' ? 'female' : 'male'];
  });
}
