import type { Appointment } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { FHIR_PROFILES, type Profile } from '../../../../../main/core/fhir/profile.js';

const statusUpdateBody = (read: Appointment, status: Appointment['status'], profile: Profile) =>
  FHIR_PROFILES[profile].statusChangeBody(read, status);

const MEETING = '#appointment-meeting-endpoint-0';

/** An appointment shaped like a Canvas read (reference §5), with every field the safe body must handle. */
function canvasRead(): Appointment {
  return {
    resourceType: 'Appointment',
    id: 'b1c2d3e4-0000-4000-8000-000000000001',
    contained: [
      {
        resourceType: 'Endpoint',
        id: 'appointment-meeting-endpoint-0',
        status: 'active',
        connectionType: { code: 'https' },
        payloadType: [{ coding: [{ code: 'video-call' }] }],
        address: 'https://meet.example.org/room/synthetic-123',
      },
    ],
    extension: [{ url: 'http://schemas.canvasmedical.com/fhir/extensions/note-id', valueId: 'note-synthetic-1' }],
    identifier: [
      {
        id: 'ident-1',
        use: 'usual',
        system: 'https://scheduler.example.org',
        value: 'EXT-0001',
        period: { start: '2026-01-01', end: '2027-01-01' },
      },
      { id: 'ident-2', system: 'https://other.example.org', value: 'EXT-0002' },
    ],
    status: 'booked',
    appointmentType: {
      coding: [
        { system: 'http://snomed.info/sct', code: '448337001', display: 'Telemedicine consultation' },
        { system: 'INTERNAL', code: 'extra' },
      ],
      text: 'Telemedicine',
    },
    reasonCode: [{ text: 'Follow-up', coding: [{ system: 'INTERNAL', code: 'fu', display: 'Follow-up', userSelected: true }] }],
    description: 'Follow-up',
    start: '2026-06-15T14:00:00+00:00',
    end: '2026-06-15T14:20:00+00:00',
    participant: [
      {
        actor: { reference: 'Practitioner/prac-1', type: 'Practitioner', display: 'Dr. Synthetic' },
        status: 'tentative',
        required: 'required',
      },
      { actor: { reference: 'Patient/pat-1', type: 'Patient' }, status: 'accepted', type: [{ text: 'patient' }] },
      { actor: { display: 'A device with no reference' }, status: 'accepted' },
    ],
    supportingInformation: [
      { reference: 'Location/loc-1', type: 'Location', display: 'Main clinic' },
      { reference: MEETING, type: 'Endpoint' },
      { reference: 'Encounter/enc-1', type: 'Encounter' },
      { reference: 'Appointment/old-1', type: 'Appointment', display: 'Previously Rescheduled Appointment' },
    ],
  };
}

describe('statusUpdateBody, canvas profile', () => {
  it('builds exactly the Canvas-safe body (reference §5)', () => {
    const read = canvasRead();
    const body = statusUpdateBody(read, 'checked-in', 'canvas');
    expect(body).toEqual({
      resourceType: 'Appointment',
      id: read.id,
      status: 'checked-in',
      start: '2026-06-15T14:00:00+00:00',
      end: '2026-06-15T14:20:00+00:00',
      identifier: read.identifier,
      appointmentType: { coding: [{ system: 'http://snomed.info/sct', code: '448337001' }] },
      participant: [
        { actor: { reference: 'Practitioner/prac-1', type: 'Practitioner' }, status: 'accepted' },
        { actor: { reference: 'Patient/pat-1', type: 'Patient' }, status: 'accepted' },
      ],
      supportingInformation: [
        { reference: 'Location/loc-1', type: 'Location', display: 'Main clinic' },
        { reference: MEETING, type: 'Endpoint' },
      ],
      contained: read.contained,
    });
  });

  it('echoes every identifier with its id, value and period (left-out identifiers are deleted by Canvas)', () => {
    const body = statusUpdateBody(canvasRead(), 'arrived', 'canvas');
    expect(body.identifier?.map((i) => i.id)).toEqual(['ident-1', 'ident-2']);
    expect(body.identifier?.[0]).toEqual({
      id: 'ident-1',
      use: 'usual',
      system: 'https://scheduler.example.org',
      value: 'EXT-0001',
      period: { start: '2026-01-01', end: '2027-01-01' },
    });
  });

  it('leaves out reasonCode, description and extension', () => {
    const body = statusUpdateBody(canvasRead(), 'arrived', 'canvas');
    expect(body).not.toHaveProperty('reasonCode');
    expect(body).not.toHaveProperty('description');
    expect(body).not.toHaveProperty('extension');
    expect(JSON.stringify(body)).not.toContain('note-id');
  });

  it('sends every participant as accepted with only actor.reference and actor.type', () => {
    const body = statusUpdateBody(canvasRead(), 'arrived', 'canvas');
    for (const p of body.participant) {
      expect(Object.keys(p).sort()).toEqual(['actor', 'status']);
      expect(p.status).toBe('accepted');
      expect(Object.keys(p.actor ?? {}).sort()).toEqual(['reference', 'type']);
    }
    expect(JSON.stringify(body.participant)).not.toContain('Dr. Synthetic');
  });

  it('omits actor.type when the read had none', () => {
    const read = canvasRead();
    read.participant = [{ actor: { reference: 'Practitioner/prac-1' }, status: 'needs-action' }];
    expect(statusUpdateBody(read, 'arrived', 'canvas').participant).toEqual([
      { actor: { reference: 'Practitioner/prac-1' }, status: 'accepted' },
    ]);
  });

  it('keeps the Location, drops Encounter and Appointment references', () => {
    const refs = statusUpdateBody(canvasRead(), 'arrived', 'canvas').supportingInformation?.map((s) => s.reference);
    expect(refs).toContain('Location/loc-1');
    expect(refs).not.toContain('Encounter/enc-1');
    expect(refs).not.toContain('Appointment/old-1');
  });

  it('keeps the telehealth Endpoint reference and its contained Endpoint exactly as read', () => {
    const read = canvasRead();
    const body = statusUpdateBody(read, 'arrived', 'canvas');
    expect(body.supportingInformation).toContainEqual({ reference: MEETING, type: 'Endpoint' });
    expect(body.contained).toEqual([
      {
        resourceType: 'Endpoint',
        id: 'appointment-meeting-endpoint-0',
        status: 'active',
        connectionType: { code: 'https' },
        payloadType: [{ coding: [{ code: 'video-call' }] }],
        address: 'https://meet.example.org/room/synthetic-123',
      },
    ]);
  });

  it('an in-person appointment gets no contained and no Endpoint reference', () => {
    const read = canvasRead();
    delete read.contained;
    read.supportingInformation = [
      { reference: 'Location/loc-1', type: 'Location' },
      { reference: 'Encounter/enc-1', type: 'Encounter' },
    ];
    const body = statusUpdateBody(read, 'arrived', 'canvas');
    expect(body).not.toHaveProperty('contained');
    expect(body.supportingInformation).toEqual([{ reference: 'Location/loc-1', type: 'Location' }]);
  });

  it('drops a local reference that does not point into contained, and contained resources nothing references', () => {
    const read = canvasRead();
    read.supportingInformation = [{ reference: 'Location/loc-1' }, { reference: '#not-there' }];
    const body = statusUpdateBody(read, 'arrived', 'canvas');
    expect(body.supportingInformation).toEqual([{ reference: 'Location/loc-1' }]);
    expect(body).not.toHaveProperty('contained');
  });

  it('keeps only system and code of the first appointmentType coding', () => {
    expect(statusUpdateBody(canvasRead(), 'arrived', 'canvas').appointmentType).toEqual({
      coding: [{ system: 'http://snomed.info/sct', code: '448337001' }],
    });
    const read = canvasRead();
    delete read.appointmentType;
    expect(statusUpdateBody(read, 'arrived', 'canvas')).not.toHaveProperty('appointmentType');
  });

  it('sends no identifier key when the read had none', () => {
    const read = canvasRead();
    delete read.identifier;
    expect(statusUpdateBody(read, 'arrived', 'canvas')).not.toHaveProperty('identifier');
  });

  it.each(['checked-in', 'arrived', 'booked'] as const)('sets status %s', (status) => {
    expect(statusUpdateBody(canvasRead(), status, 'canvas').status).toBe(status);
  });
});

describe('statusUpdateBody, r4 profile', () => {
  it('is the resource as read with only the status changed', () => {
    const read = canvasRead();
    const before = structuredClone(read);
    const body = statusUpdateBody(read, 'arrived', 'r4');
    expect(body).toEqual({ ...before, status: 'arrived' });
    expect(body).not.toBe(read);
    expect(read).toEqual(before);
  });
});

describe('statusUpdateBody never mutates its input', () => {
  it.each(['canvas', 'r4'] as const)('%s', (profile) => {
    const read = canvasRead();
    const before = structuredClone(read);
    statusUpdateBody(read, 'checked-in', profile);
    expect(read).toEqual(before);
  });
});

describe('guards', () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  const DATE = 'Mon, 15 Jun 2026 14:00:00 GMT';

  it('canvas: the Date header of the response, sent back as If-Unmodified-Since', () => {
    const guard = FHIR_PROFILES.canvas.guardFrom(headers({ date: DATE, etag: 'W/"9"' }), canvasRead());
    expect(guard).toEqual({ ifUnmodifiedSince: DATE });
    expect(FHIR_PROFILES.canvas.guardHeaders(guard)).toEqual({ 'if-unmodified-since': DATE });
    expect(FHIR_PROFILES.canvas.guardHeaders({ etag: 'W/"9"' })).toEqual({});
  });

  it('canvas: without a Date header, the local time (a guard is always sent)', () => {
    const guard = FHIR_PROFILES.canvas.guardFrom(headers({}), canvasRead());
    expect(Date.parse(guard.ifUnmodifiedSince!)).toBeGreaterThan(Date.now() - 5_000);
  });

  it('r4: meta.versionId first, else the ETag header, sent as If-Match; nothing when there is neither', () => {
    const read = { ...canvasRead(), meta: { versionId: '7' } };
    expect(FHIR_PROFILES.r4.guardFrom(headers({ etag: 'W/"3"' }), read)).toEqual({ etag: 'W/"7"' });
    expect(FHIR_PROFILES.r4.guardFrom(headers({ etag: 'W/"3"' }), canvasRead())).toEqual({ etag: 'W/"3"' });
    expect(FHIR_PROFILES.r4.guardFrom(headers({ date: DATE }), canvasRead())).toEqual({});
    expect(FHIR_PROFILES.r4.guardHeaders({ etag: 'W/"7"' })).toEqual({ 'if-match': 'W/"7"' });
    expect(FHIR_PROFILES.r4.guardHeaders({ ifUnmodifiedSince: DATE })).toEqual({});
  });
});
