/**
 * Synthetic patients for the benchmarks and the soak run: a fresh patient per session, with a name
 * that can be typed on the kiosk's keyboard (letters, and sometimes an accent, hyphen, apostrophe or
 * space) and one or more booked appointments that are open for check-in at the frozen clinic clock.
 * All names and dates are made up; a seeded PRNG makes every run reproducible.
 */
import type { Appointment, Patient } from '@medplum/fhirtypes';
import { DateTime } from 'luxon';
import { DEMO_PRACTITIONERS, type DemoServer } from '../../dev/demo-server/index.js';

/** mulberry32: small, fast, good enough to pick test cases reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rand: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
};

/** 10:00 today in the clinic zone, fixed for the whole run: every booking below is open at this instant. */
export function frozenClinicClock(timezone: string): () => Date {
  const at = DateTime.now().setZone(timezone).set({ hour: 10, minute: 0, second: 0, millisecond: 0 }).toJSDate();
  return () => at;
}

const SYLLABLES = ['ka', 'lo', 'mer', 'tan', 'vi', 'ros', 'del', 'an', 'bri', 'sol', 'ven', 'tor', 'mi', 'la', 'gre', 'hol', 'par', 'du'];
const GIVEN = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Juno', 'Kai', 'Lena', 'Milo', 'Nia', 'Omar', 'Pia'];
const ACCENTED = ['é', 'ñ', 'ü', 'ó', 'ç', 'á', 'ø'];

export interface SyntheticPatient {
  family: string;
  given: string;
  birthDate: string;
  patientId: string;
  appointmentIds: string[];
}

/**
 * A family name of 6–9 letters, unique within the run (a base-18 counter spelled in syllables), with
 * a touch of variety: about one in six has an accent, one in ten a hyphen or apostrophe.
 */
export function syntheticName(rand: () => number, n: number): string {
  let s = '';
  let k = n + 18; // at least two syllables
  while (k > 0) {
    s += SYLLABLES[k % SYLLABLES.length];
    k = Math.floor(k / SYLLABLES.length);
  }
  const r = rand();
  if (r < 0.16) {
    const i = 1 + Math.floor(rand() * (s.length - 1));
    s = s.slice(0, i) + pick(rand, ACCENTED) + s.slice(i + 1);
  } else if (r < 0.21) s = `${s.slice(0, 2)}-${s.slice(2)}`;
  else if (r < 0.26) s = `O'${s}`;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A birth date 1940–2005 (never the 29th–31st, so every month has it). */
export function syntheticBirthDate(rand: () => number): string {
  const y = 1940 + Math.floor(rand() * 66);
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface BookOptions {
  now: Date;
  rand: () => number;
  /** Sequence number; makes the name unique. */
  n: number;
  /** Appointments today, each open for check-in at `now` (default 1). */
  appointments?: number;
}

/** Creates the patient and booked appointment(s) directly in the demo server's repository. */
export async function bookSyntheticPatient(server: DemoServer, o: BookOptions): Promise<SyntheticPatient> {
  const family = syntheticName(o.rand, o.n);
  const given = pick(o.rand, GIVEN);
  const birthDate = syntheticBirthDate(o.rand);
  const patient = await server.repo.createResource<Patient>({
    resourceType: 'Patient',
    active: true,
    name: [{ use: 'official', family, given: [given] }],
    birthDate,
  });
  const appointmentIds: string[] = [];
  for (let i = 0; i < (o.appointments ?? 1); i++) {
    const start = new Date(o.now.getTime() + (5 + i * 20) * 60_000);
    const practitioner = DEMO_PRACTITIONERS[Math.abs(o.n + i) % DEMO_PRACTITIONERS.length]!;
    const appointment = await server.repo.createResource<Appointment>({
      resourceType: 'Appointment',
      status: 'booked',
      start: start.toISOString(),
      end: new Date(start.getTime() + 20 * 60_000).toISOString(),
      participant: [
        { actor: { reference: `Practitioner/${practitioner.id}`, type: 'Practitioner' }, status: 'accepted' },
        { actor: { reference: `Patient/${patient.id}`, type: 'Patient' }, status: 'accepted' },
        ...(server.profile === 'r4'
          ? [{ actor: { reference: `Location/${server.locationId}`, type: 'Location' as const }, status: 'accepted' as const }]
          : []),
      ],
      supportingInformation: [{ reference: `Location/${server.locationId}`, type: 'Location' }],
    });
    appointmentIds.push(appointment.id!);
  }
  return { family, given, birthDate, patientId: patient.id!, appointmentIds };
}
