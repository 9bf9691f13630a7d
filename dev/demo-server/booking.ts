/**
 * Books a fresh synthetic patient with booked appointment(s) straight into the demo server's
 * repository: the one booking builder of the tests, the bench and the soak run. It uses the same
 * factory as the seeded day, so a booking looks like any other Canvas appointment.
 */
import type { FhirRepository } from '@medplum/fhir-router';
import type { Appointment } from '@medplum/fhirtypes';
import { DateTime } from 'luxon';
import { syntheticBirthDate, syntheticGivenName, syntheticName } from './people.js';
import type { Rand } from './prng.js';
import { cycle, PATIENT_VISIT_TYPES, REASONS, type ResourceFactory } from './resources.js';
import { DEMO_PRACTITIONERS } from './seed.js';

export interface BookingRequest {
  /** One booked appointment per start. */
  starts: Date[];
  /** Draws the name and birth date; default the server's own seeded stream. Pass one to make a run reproducible from its seed. */
  rand?: Rand;
  /** Overrides for every appointment, e.g. `{ status: 'pending' }`. */
  appointment?: Partial<Appointment>;
}

export interface Booking {
  patientId: string;
  /** Unique on this server; sometimes with an accent, hyphen or apostrophe (all typeable on the kiosk). */
  family: string;
  given: string;
  birthDate: string;
  /** In the order of `starts`. */
  appointmentIds: string[];
}

/** `count` starts 5, 25, 45… minutes after `now`: each open for check-in at `now` (the window opens 60 min before). */
export function startsOpenAt(now: Date, count = 1): Date[] {
  return Array.from({ length: count }, (_, i) => new Date(now.getTime() + (5 + i * 20) * 60_000));
}

export function createBooker(
  repo: FhirRepository,
  factory: ResourceFactory,
  o: { rand: Rand; locationId: string; reservedBirthDates: ReadonlySet<string> },
): (request: BookingRequest) => Promise<Booking> {
  let n = 0;
  return async (request) => {
    const k = n++; // taken before the first await: a concurrent burst of bookings still gets distinct names
    const rand = request.rand ?? o.rand;
    const family = syntheticName(rand, k);
    const given = syntheticGivenName(rand);
    const birthDate = syntheticBirthDate(rand, o.reservedBirthDates);
    const gender = rand() < 0.5 ? 'female' : 'male';
    const patient = await repo.createResource(factory.patient({ family, given, birthDate, gender }));
    const appointmentIds: string[] = [];
    for (const [i, start] of request.starts.entries()) {
      const appointment = factory.appointment({
        patientId: patient.id,
        practitionerId: cycle(DEMO_PRACTITIONERS, k + i).id,
        locationId: o.locationId,
        start: DateTime.fromJSDate(start),
        status: 'booked',
        type: cycle(PATIENT_VISIT_TYPES, k),
        reason: cycle(REASONS, k),
      });
      appointmentIds.push((await repo.createResource({ ...appointment, ...request.appointment })).id);
    }
    return { patientId: patient.id, family, given, birthDate, appointmentIds };
  };
}
