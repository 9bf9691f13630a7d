import { deepEquals } from '@medplum/core';
import type { Appointment, AppointmentParticipant, CodeableConcept, Identifier, Reference } from '@medplum/fhirtypes';
import { HttpError } from './responses.js';

/** Something a real Canvas would do to the chart that a check-in kiosk must never trigger. */
export interface SideEffect {
  kind: 'reason-for-visit-replaced' | 'identifier-deleted' | 'meeting-link-replaced';
  appointmentId: string;
}

const MEETING_LINK_REF = '#appointment-meeting-endpoint-0';
const WRITABLE_STATUSES = new Set(['proposed', 'pending', 'booked', 'arrived', 'checked-in', 'fulfilled', 'noshow', 'cancelled']);

const businessRule = (text: string) => new HttpError(422, 'business-rule', text);

/** Canvas stores instants in UTC and returns them with a `+00:00` offset. */
export function withCanvasTimes(appointment: Appointment): Appointment {
  const utc = (value: string | undefined) => new Date(value ?? '').toISOString().replace(/\.\d{3}Z$/, '+00:00');
  return { ...appointment, start: utc(appointment.start), end: utc(appointment.end) };
}

/** The rules Canvas applies to an Appointment body on both create and update. */
export function validateAppointment(body: Appointment): void {
  if (body.status === 'entered-in-error') throw businessRule('Status entered-in-error cannot be set through the API');
  if (!body.status || !WRITABLE_STATUSES.has(body.status)) throw businessRule(`Invalid appointment status: ${body.status}`);
  const start = instantMs(body.start, 'start');
  const end = instantMs(body.end, 'end');
  if (end <= start) throw businessRule('Appointment end must be after start');
  const participants = body.participant ?? [];
  if (!participants.some((p) => p.actor?.reference?.startsWith('Practitioner/'))) {
    throw businessRule('Appointment must have a Practitioner participant');
  }
  for (const participant of participants) {
    if (!participant.actor?.reference) throw businessRule('Every participant needs actor.reference');
    if (participant.status !== 'accepted') throw businessRule('Participant status must be accepted');
  }
  if (!body.supportingInformation?.some((ref) => ref.reference?.startsWith('Location/'))) {
    throw businessRule('supportingInformation must reference a Location');
  }
}

/**
 * Applies a PUT the way Canvas documents it, traps included: omitted optional fields keep their
 * stored values, but omitted identifiers are deleted and a changed reason code replaces the visit reason.
 */
export function mergeAppointmentUpdate(
  stored: Appointment,
  update: Appointment,
  now: Date,
): { merged: Appointment; sideEffects: SideEffect[] } {
  const appointmentId = stored.id ?? '';
  const sideEffects: SideEffect[] = [];
  const note = (kind: SideEffect['kind']) => sideEffects.push({ kind, appointmentId });

  if (stored.status === 'cancelled' && update.status !== 'cancelled') {
    throw businessRule('A cancelled appointment cannot be moved to another status');
  }
  const participant = mergePatient(stored.participant ?? [], update.participant ?? []);

  const reasonCode = update.reasonCode ?? stored.reasonCode;
  if (update.reasonCode && !deepEquals(update.reasonCode, stored.reasonCode)) note('reason-for-visit-replaced');

  const { identifier, deleted } = mergeIdentifiers(stored.identifier ?? [], update.identifier ?? [], now);
  if (deleted) note('identifier-deleted');

  const { supportingInformation, contained, linkReplaced } = mergeSupportingInformation(stored, update);
  if (linkReplaced) note('meeting-link-replaced');

  const merged: Appointment = {
    ...withCanvasTimes(update),
    participant,
    supportingInformation,
    contained,
    identifier: identifier.length ? identifier : undefined,
    reasonCode,
    description: reasonCode?.[0]?.text ?? update.description ?? stored.description,
    appointmentType: mergeAppointmentType(stored.appointmentType, update.appointmentType),
    extension: update.extension ?? stored.extension,
  };
  return { merged, sideEffects };
}

function instantMs(value: string | undefined, field: string): number {
  const ms = value && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw businessRule(`Appointment ${field} must be an instant`);
  return ms;
}

/** Canvas resolves the display from its note-type catalogue, so echoing only system and code keeps it. */
function mergeAppointmentType(stored: CodeableConcept | undefined, update: CodeableConcept | undefined) {
  const key = (type: CodeableConcept | undefined) => `${type?.coding?.[0]?.system}|${type?.coding?.[0]?.code}`;
  return !update || key(update) === key(stored) ? stored : update;
}

const patientOf = (participants: AppointmentParticipant[]) => participants.find((p) => p.actor?.reference?.startsWith('Patient/'));

/** The patient cannot change; leaving the patient out keeps the stored one. */
function mergePatient(stored: AppointmentParticipant[], update: AppointmentParticipant[]): AppointmentParticipant[] {
  const storedPatient = patientOf(stored);
  const updatePatient = patientOf(update);
  if (updatePatient && updatePatient.actor?.reference !== storedPatient?.actor?.reference) {
    throw businessRule('Cannot change patient for an existing appointment');
  }
  return storedPatient && !updatePatient ? [...update, storedPatient] : update;
}

const sameIdentifier = (a: Identifier, b: Identifier) =>
  a.id !== undefined && b.id !== undefined ? a.id === b.id : a.system === b.system && a.value === b.value;

/** Stored identifiers missing from the update are deleted unless their period has already ended. */
function mergeIdentifiers(stored: Identifier[], update: Identifier[], now: Date): { identifier: Identifier[]; deleted: boolean } {
  const expired = (identifier: Identifier) => identifier.period?.end !== undefined && Date.parse(identifier.period.end) <= now.getTime();
  const missing = stored.filter((s) => !update.some((u) => sameIdentifier(s, u)));
  return { identifier: [...update, ...missing.filter(expired)], deleted: missing.some((s) => !expired(s)) };
}

/**
 * Only Location and Endpoint references are writable; Encounter/Appointment links stay as stored.
 * A telehealth visit whose meeting link is left out gets the practitioner's default room instead.
 */
function mergeSupportingInformation(
  stored: Appointment,
  update: Appointment,
): { supportingInformation: Reference[]; contained: Appointment['contained']; linkReplaced: boolean } {
  const writable = (ref: Reference) => ref.reference?.startsWith('Location/') || ref.reference === MEETING_LINK_REF;
  const kept = (stored.supportingInformation ?? []).filter((ref) => !writable(ref));
  const sent = (update.supportingInformation ?? []).filter(writable);
  const storedLink = stored.supportingInformation?.find((ref) => ref.reference === MEETING_LINK_REF);
  const linkSent = sent.some((ref) => ref.reference === MEETING_LINK_REF);
  if (!storedLink || linkSent) {
    return { supportingInformation: [...sent, ...kept], contained: update.contained ?? stored.contained, linkReplaced: false };
  }
  const practitionerId = update.participant?.find((p) => p.actor?.reference?.startsWith('Practitioner/'))?.actor?.reference;
  const contained = stored.contained?.map((resource) =>
    resource.resourceType === 'Endpoint'
      ? { ...resource, address: `https://meet.demo-clinic.example/default-room/${practitionerId?.split('/')[1] ?? ''}` }
      : resource,
  );
  return { supportingInformation: [...sent, storedLink, ...kept], contained, linkReplaced: true };
}
