/**
 * Everything that differs between the FHIR servers we speak, in one object per profile: how a read
 * yields a concurrency guard, how the guard travels on a write, and what a status-change body may
 * contain. Adding a profile is adding one object here (docs/contributing.md).
 */
import type { Appointment, Resource } from '@medplum/fhirtypes';

export type Profile = 'canvas' | 'r4';
/** Concurrency guard for an update: Canvas uses If-Unmodified-Since, R4 servers If-Match. */
export interface Guard {
  ifUnmodifiedSince?: string;
  etag?: string;
}
export interface Versioned<T> {
  resource: T;
  guard: Guard;
}

export interface FhirProfile {
  readonly name: Profile;
  /** The guard for a resource, from the response that delivered it. */
  guardFrom(headers: Headers, resource: Resource): Guard;
  /** Request headers that make a PUT conditional on the guard ({} when there is nothing to send). */
  guardHeaders(guard: Guard): Record<string, string>;
  /** The PUT body that changes only the status of an appointment as read. */
  statusChangeBody(read: Appointment, status: Appointment['status']): Appointment;
}

/**
 * Canvas ("fumage"): resources carry no lastUpdated, so the guard is the server's Date header of the
 * response that delivered the resource (no clock skew), sent back as If-Unmodified-Since. The body has
 * traps (reference §5): identifiers left out are deleted, a changed reasonCode files a new reason for
 * visit, participants must be `accepted`, Location must be sent, only Location/Endpoint references
 * are writable.
 */
export const canvasProfile: FhirProfile = {
  name: 'canvas',
  guardFrom: (headers) => ({ ifUnmodifiedSince: headers.get('date') ?? new Date().toUTCString() }),
  guardHeaders: (guard): Record<string, string> => (guard.ifUnmodifiedSince ? { 'if-unmodified-since': guard.ifUnmodifiedSince } : {}),
  statusChangeBody(read, status) {
    const telehealthRefs = new Set((read.contained ?? []).map((c) => `#${c.id}`));
    const supportingInformation = (read.supportingInformation ?? []).filter(
      (s) => s.reference?.startsWith('Location/') || (s.reference !== undefined && telehealthRefs.has(s.reference)),
    );
    const body: Appointment = {
      resourceType: 'Appointment',
      id: read.id,
      status,
      start: read.start,
      end: read.end,
      participant: (read.participant ?? [])
        .filter((p) => p.actor?.reference)
        .map((p) => ({
          actor: { reference: p.actor!.reference, ...(p.actor!.type ? { type: p.actor!.type } : {}) },
          status: 'accepted' as const,
        })),
      supportingInformation,
    };
    if (read.identifier) body.identifier = read.identifier;
    const coding = read.appointmentType?.coding?.[0];
    if (coding) body.appointmentType = { coding: [{ system: coding.system, code: coding.code }] };
    const usedContained = (read.contained ?? []).filter((c) => supportingInformation.some((s) => s.reference === `#${c.id}`));
    if (usedContained.length) body.contained = usedContained;
    return body;
  },
};

/** Generic R4: versionId (or the ETag header) as If-Match; the resource goes back as read. */
export const r4Profile: FhirProfile = {
  name: 'r4',
  guardFrom(headers, resource) {
    const version = resource.meta?.versionId;
    const etag = version ? `W/"${version}"` : headers.get('etag');
    return etag ? { etag } : {};
  },
  guardHeaders: (guard): Record<string, string> => (guard.etag ? { 'if-match': guard.etag } : {}),
  statusChangeBody: (read, status) => ({ ...read, status }),
};

export const FHIR_PROFILES: Readonly<Record<Profile, FhirProfile>> = { canvas: canvasProfile, r4: r4Profile };
