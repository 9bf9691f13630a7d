/** Creates a fresh synthetic patient with one booked appointment today (isolated per test case). */
import { randomBytes } from 'node:crypto';
import type { Appointment, Patient } from '@medplum/fhirtypes';
import { DEMO_PRACTITIONERS, type DemoServer } from '../../dev/demo-server/index.js';

let n = 0;
export async function bookPatient(server: DemoServer, start: Date, extra: Partial<Appointment> = {}) {
  n++;
  const family = `Testcase${String.fromCharCode(65 + (n % 26))}${randomBytes(3).toString('hex')}`;
  const birthDate = `19${50 + (n % 49)}-0${1 + (n % 9)}-1${n % 10}`;
  const patient = await server.repo.createResource<Patient>({
    resourceType: 'Patient',
    active: true,
    name: [{ use: 'official', family, given: ['Synthia'] }],
    birthDate,
  });
  const appointment = await server.repo.createResource<Appointment>({
    resourceType: 'Appointment',
    status: 'booked',
    start: start.toISOString(),
    end: new Date(start.getTime() + 20 * 60_000).toISOString(),
    participant: [
      { actor: { reference: `Practitioner/${DEMO_PRACTITIONERS[0].id}`, type: 'Practitioner' }, status: 'accepted' },
      { actor: { reference: `Patient/${patient.id}`, type: 'Patient' }, status: 'accepted' },
    ],
    supportingInformation: [{ reference: `Location/${server.locationId}`, type: 'Location' }],
    ...extra,
  });
  return { family, birthDate, patientId: patient.id!, appointmentId: appointment.id! };
}
