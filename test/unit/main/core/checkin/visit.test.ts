import type { Appointment } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { visitOf } from '../../../../../main/core/checkin/visit.js';

const base: Appointment = {
  resourceType: 'Appointment',
  id: 'appt-1',
  status: 'booked',
  start: '2026-06-15T14:00:00+00:00',
  end: '2026-06-15T14:20:00+00:00',
  participant: [{ actor: { reference: 'Patient/p1', type: 'Patient' }, status: 'accepted' }],
  supportingInformation: [{ reference: 'Location/5318d49b', type: 'Location' }],
};
const typed = (system: string, code: string, display = ''): Appointment => ({
  ...base,
  appointmentType: { coding: [{ system, code, display }] },
});
/** Canvas's meeting link as read: the Endpoint reference points into `contained`. */
const withMeetingLink = (a: Appointment, id = 'appointment-meeting-endpoint-0'): Appointment => ({
  ...a,
  contained: [
    {
      resourceType: 'Endpoint',
      id,
      status: 'active',
      connectionType: { code: 'https' },
      payloadType: [{ coding: [{ code: 'video-call' }] }],
      address: 'https://meet.example/visit/abc',
    },
  ],
  supportingInformation: [...(a.supportingInformation ?? []), { reference: `#${id}`, type: 'Endpoint' }],
});

describe('visitOf: in person or by video, from the Appointment as Canvas serves it', () => {
  it('an office visit is in person', () => {
    expect(visitOf(typed('http://snomed.info/sct', '308335008', 'Office Visit'))).toBe('in_person');
    expect(visitOf(typed('INTERNAL', 'INIV', 'Initial Visit'))).toBe('in_person');
    expect(visitOf(base)).toBe('in_person');
  });

  it('the Telemedicine note type (SNOMED 448337001) is a video visit, with or without a meeting link', () => {
    // As in Canvas's own search example: the type alone, no Endpoint.
    expect(visitOf(typed('http://snomed.info/sct', '448337001', 'Telemedicine'))).toBe('video');
    expect(visitOf(withMeetingLink(typed('http://snomed.info/sct', '448337001', 'Telemedicine consultation with patient')))).toBe('video');
  });

  it('a meeting link is a video visit whatever the (clinic-configured) note type', () => {
    expect(visitOf(withMeetingLink(typed('INTERNAL', 'video-follow-up', 'Video follow-up')))).toBe('video');
    // The create/update examples name the Endpoint without the "-0".
    expect(visitOf(withMeetingLink(base, 'appointment-meeting-endpoint'))).toBe('video');
  });

  it('needs the real signals, not look-alikes', () => {
    // The code in another system, or the display text alone, is not the SNOMED concept.
    expect(visitOf(typed('INTERNAL', '448337001'))).toBe('in_person');
    expect(visitOf(typed('INTERNAL', 'tele', 'Telemedicine'))).toBe('in_person');
    // An Endpoint reference to nothing contained, or a contained resource that is not an Endpoint.
    expect(visitOf({ ...base, supportingInformation: [{ reference: '#appointment-meeting-endpoint-0', type: 'Endpoint' }] })).toBe(
      'in_person',
    );
    const notEndpoint = withMeetingLink(base);
    notEndpoint.contained = [{ resourceType: 'Location', id: 'appointment-meeting-endpoint-0', name: 'Room 4' }];
    expect(visitOf(notEndpoint)).toBe('in_person');
    // Encounter and rescheduling links are not meeting links.
    expect(visitOf({ ...base, supportingInformation: [{ reference: 'Encounter/e1', type: 'Encounter' }] })).toBe('in_person');
  });
});
