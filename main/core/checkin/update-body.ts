/**
 * The body of a status-change PUT. Canvas has traps (reference §5): identifiers left out are deleted,
 * a changed reasonCode files a new reason for visit, participants must be `accepted`, Location must
 * be sent, only Location/Endpoint references are writable. Generic R4 servers get the resource as read.
 */
import type { Appointment } from '@medplum/fhirtypes';
import type { Profile } from '../fhir/client.js';

export function statusUpdateBody(read: Appointment, status: Appointment['status'], profile: Profile): Appointment {
  if (profile === 'r4') return { ...read, status };
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
}
