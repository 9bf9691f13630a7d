/**
 * In person or by video: the one rule that tells a video visit from the FHIR Appointment, as Canvas
 * serves it (reference canvas-fhir-api.md §5). Canvas marks a telehealth appointment in two ways,
 * and either is enough:
 * - its note type: `appointmentType` SNOMED 448337001 "Telemedicine consultation with patient"
 *   (Canvas's own read examples show it without a meeting link);
 * - its meeting link: a `supportingInformation` reference of type Endpoint pointing into `contained`
 *   (`#appointment-meeting-endpoint-0` on read), which Canvas keeps for telehealth appointments only.
 * A video visit is never checked in at the lobby kiosk by the patient (eligibility.ts).
 */
import type { Appointment } from '@medplum/fhirtypes';
import type { Visit } from '../../../preload/contract.js';

const SNOMED = 'http://snomed.info/sct';
const TELEMEDICINE = '448337001';

export function visitOf(a: Appointment): Visit {
  const telemedicineType = (a.appointmentType?.coding ?? []).some((c) => c.system === SNOMED && c.code === TELEMEDICINE);
  const endpoints = new Set((a.contained ?? []).filter((r) => r.resourceType === 'Endpoint').map((r) => `#${r.id}`));
  const meetingLink = (a.supportingInformation ?? []).some((s) => s.reference !== undefined && endpoints.has(s.reference));
  return telemedicineType || meetingLink ? 'video' : 'in_person';
}
