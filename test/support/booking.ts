/** The tests' shorthand for the demo server's booking builder: a fresh patient, one booked appointment at `start`. */
import type { Appointment } from '@medplum/fhirtypes';
import type { DemoServer } from '../../dev/demo-server/index.js';

export async function bookPatient(server: DemoServer, start: Date, extra: Partial<Appointment> = {}) {
  const { family, birthDate, patientId, appointmentIds } = await server.book({ starts: [start], appointment: extra });
  return { family, birthDate, patientId, appointmentId: appointmentIds[0]! };
}
