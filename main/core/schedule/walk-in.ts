/**
 * A walk-in: an Appointment created at the kiosk for an existing patient, starting now. Canvas create
 * (reference §2, §5): POST a bare resource; 201 with a `null` body and the id in the Location header;
 * the same required fields as an update (status, start/end instants, an `accepted` Practitioner and
 * Patient, a Location in supportingInformation); an appointment type the server offers. We re-read
 * it to confirm, as the reference advises. The record says where it came from in two ways Canvas
 * keeps: `description` (the visit text staff read) and an `identifier` (searchable since 2025-05).
 * A POST is never retried; after an unknown outcome we look for our identifier before saying it failed.
 */
import { randomUUID } from 'node:crypto';
import type { Appointment, Coding } from '@medplum/fhirtypes';
import type { FhirClient, Profile, Versioned } from '../fhir/client.js';
import { isTransient } from '../fhir/errors.js';

export const WALK_IN_IDENTIFIER_SYSTEM = 'urn:clinic-checkin-kiosk:walk-in';

export interface WalkInSpec {
  patientId: string;
  practitionerId: string;
  locationId: string;
  appointmentType: Coding;
  minutes: number;
  kioskId: string;
  now: Date;
}

export function walkInBody(s: WalkInSpec, profile: Profile): Appointment {
  const start = new Date(Math.floor(s.now.getTime() / 60_000) * 60_000);
  const end = new Date(start.getTime() + s.minutes * 60_000);
  return {
    resourceType: 'Appointment',
    status: 'booked',
    appointmentType: { coding: [{ system: s.appointmentType.system, code: s.appointmentType.code }] },
    description: `Walk-in registered at check-in kiosk ${s.kioskId}`,
    identifier: [{ system: WALK_IN_IDENTIFIER_SYSTEM, value: `${s.kioskId}/${randomUUID()}` }],
    start: start.toISOString(),
    end: end.toISOString(),
    participant: [
      { actor: { reference: `Patient/${s.patientId}`, type: 'Patient' }, status: 'accepted' },
      { actor: { reference: `Practitioner/${s.practitionerId}`, type: 'Practitioner' }, status: 'accepted' },
      // Generic R4 lists the place as a participant; Canvas reads it from supportingInformation only.
      ...(profile === 'r4' ? [{ actor: { reference: `Location/${s.locationId}` }, status: 'accepted' as const }] : []),
    ],
    supportingInformation: [{ reference: `Location/${s.locationId}`, type: 'Location' }],
  };
}

export function isWalkIn(a: Appointment): boolean {
  return (a.identifier ?? []).some((i) => i.system === WALK_IN_IDENTIFIER_SYSTEM);
}

export type CreateResult = { ok: true; appointment: Versioned<Appointment> } | { ok: false; reason: 'refused' | 'unavailable' };

export async function createWalkIn(fhir: Pick<FhirClient, 'create' | 'read' | 'search'>, body: Appointment): Promise<CreateResult> {
  let id: string;
  try {
    id = (await fhir.create(body)).id;
  } catch (err) {
    if (!isTransient(err)) return { ok: false, reason: 'refused' };
    // The server may have created it before the connection broke: our identifier says.
    const mark = body.identifier![0]!;
    try {
      const found = await fhir.search<Appointment>('Appointment', { identifier: `${mark.system}|${mark.value}` });
      if (found.length !== 1) return { ok: false, reason: 'unavailable' };
      return { ok: true, appointment: found[0]! };
    } catch {
      return { ok: false, reason: 'unavailable' };
    }
  }
  try {
    return { ok: true, appointment: await fhir.read<Appointment>('Appointment', id) };
  } catch {
    // Created (the server gave its id) but not re-read: show it as sent; the next load confirms it.
    // Saying "failed" here would invite a second, duplicate walk-in.
    return { ok: true, appointment: { resource: { ...body, id }, guard: { ifUnmodifiedSince: new Date().toUTCString() } } };
  }
}
