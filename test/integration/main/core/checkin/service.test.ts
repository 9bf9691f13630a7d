import type { Appointment } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../../../../dev/demo-server/index.js';
import type { IdentifyResponse } from '../../../../../preload/contract.js';
import { demoServer, tenAm } from '../../../../support/fixtures.js';
import { coreFor } from '../../../../support/demo-core.js';

const found = (r: IdentifyResponse) => {
  if (r.outcome !== 'found') throw new Error(`expected found, got ${r.outcome}`);
  return r;
};
const statusOf = async (server: DemoServer, id: string) => (await server.repo.readResource<Appointment>('Appointment', id)).status;
const nextSecond = () => new Promise((r) => setTimeout(r, 1100 - (Date.now() % 1000)));

for (const profile of ['canvas', 'r4'] as const) {
  describe(`check-in service (${profile}) against the demo server`, () => {
    let server: DemoServer;
    beforeAll(async () => void (server = await demoServer({ profile })));
    afterAll(() => server.close());

    it('identifies every hard case in the seed data from what a patient would type', async () => {
      const { service } = await coreFor(server, { now: tenAm });
      const s = server.scenarios!;
      const typed: Array<[string, string, string?]> = [
        ['garcia lopez', s.accented.birthDate],
        ['GARCIA-LOPEZ', s.accented.birthDate],
        ['obrien', s.apostrophe.birthDate],
        ["O'Brien ", s.apostrophe.birthDate],
        ['vanderberg', s.twoWord.birthDate],
        ['Van Der Berg', s.twoWord.birthDate],
        ['smith jones', s.hyphenSpace.birthDate],
        [s.sharedBirthDate.otherFamily.family, s.sharedBirthDate.birthDate],
      ];
      for (const [family, birthDate] of typed) {
        const r = await service.identify({ familyName: family, birthDate });
        expect(r.outcome, `${family}`).toBe('found');
      }
    });

    it('two patients with the same family name and birth date: asks for the first name, then finds the right one', async () => {
      const { service } = await coreFor(server, { now: tenAm });
      const { birthDate, sameFamily } = server.scenarios!.sharedBirthDate;
      expect((await service.identify({ familyName: sameFamily[0].family, birthDate })).outcome).toBe('need_first_name');
      const r = found(
        await service.identify({ familyName: sameFamily[0].family, birthDate, givenName: sameFamily[1].given.toUpperCase() }),
      );
      expect(r.greetingName.startsWith(sameFamily[1].given.split(' ')[0]!)).toBe(true);
      expect((await service.identify({ familyName: sameFamily[0].family, birthDate, givenName: 'Zebedee' })).outcome).toBe('not_found');
    });

    // Regression (issue 9 item 6): the first-name answer re-sent the birth date and main searched Patient again.
    it('the first-name path costs two FHIR requests in all (GET /Patient, GET /Appointment)', async () => {
      const { service, directory } = await coreFor(server, { now: tenAm });
      await directory.warm();
      const { birthDate, sameFamily } = server.scenarios!.sharedBirthDate;
      server.resetRequests();
      const asked = await service.identify({ familyName: sameFamily[0].family, birthDate });
      if (asked.outcome !== 'need_first_name') throw new Error(asked.outcome);
      found(
        await service.identify({ familyName: sameFamily[0].family, birthDate, givenName: sameFamily[1].given, pending: asked.pending }),
      );
      const calls = server.requests.filter((q) => !q.tokenRequest && q.path !== '/Practitioner' && !q.path.startsWith('/Practitioner/'));
      expect(calls.map((q) => `${q.method} ${q.path}`)).toEqual(['GET /Patient', 'GET /Appointment']);
    });

    it("returns only today's appointments in the clinic zone, each with its check-in state and display names", async () => {
      const { service } = await coreFor(server, { now: tenAm });
      const s = server.scenarios!;
      const open = found(await service.identify({ familyName: s.openNow.family, birthDate: s.openNow.birthDate }));
      expect(open.appointments.map((a) => a.state)).toEqual(['open']);
      expect(open.appointments[0]!.clinician).toMatch(/^Dr\. /);
      expect(open.appointments[0]!.location).not.toBe('');
      const two = found(await service.identify({ familyName: s.twoToday.family, birthDate: s.twoToday.birthDate }));
      expect(two.appointments.filter((a) => a.state === 'open')).toHaveLength(2);
      const early = found(await service.identify({ familyName: s.tooEarly.family, birthDate: s.tooEarly.birthDate }));
      expect(early.appointments[0]).toMatchObject({ state: 'too_early' });
      expect(Date.parse(early.appointments[0]!.opensAt!)).toBeGreaterThan(tenAm().getTime());
      const late = found(await service.identify({ familyName: s.tooLate.family, birthDate: s.tooLate.birthDate }));
      expect(late.appointments[0]!.state).toBe('too_late');
      // No appointment today: the same neutral answer as a stranger, no greeting (and it counts as a miss).
      const none = await service.identify({ familyName: s.noAppointment.family, birthDate: s.noAppointment.birthDate });
      expect(none).toMatchObject({ outcome: 'not_found' });
      expect(JSON.stringify(none)).not.toContain(s.noAppointment.given ?? '\u0000');
      const done = found(await service.identify({ familyName: s.alreadyCheckedIn.family, birthDate: s.alreadyCheckedIn.birthDate }));
      expect(done.appointments[0]!.state).toBe('checked_in');
      const cancelled = found(await service.identify({ familyName: s.cancelled.family, birthDate: s.cancelled.birthDate }));
      expect(cancelled.appointments.every((a) => a.state === 'not_eligible')).toBe(true);
    });

    it('an inactive patient is not found; three misses in one visit end it (see the desk), a new visit may try', async () => {
      const { service, auditEntries } = await coreFor(server, { now: tenAm });
      const s = server.scenarios!;
      const first = await service.identify({ familyName: s.inactive.family, birthDate: s.inactive.birthDate });
      expect(first).toMatchObject({ outcome: 'not_found', attemptsLeft: 2, visit: expect.any(String) });
      const visit = (first as { visit: string }).visit;
      expect(await service.identify({ familyName: 'Nobody', birthDate: '1990-01-01', visit })).toMatchObject({ attemptsLeft: 1, visit });
      expect(await service.identify({ familyName: 'Nobody', birthDate: '1990-01-02', visit })).toMatchObject({ attemptsLeft: 0 });
      // The visit is over, even for a correct identification: the next patient starts a new one.
      expect(await service.identify({ familyName: s.openNow.family, birthDate: s.openNow.birthDate, visit })).toEqual({
        outcome: 'not_found',
        attemptsLeft: 0,
      });
      found(await service.identify({ familyName: s.openNow.family, birthDate: s.openNow.birthDate }));
      expect(
        auditEntries()
          .filter((e) => e['event'] === 'identify')
          .map((e) => e['outcome']),
      ).toEqual(['not_found', 'not_found', 'visit_ended', 'visit_ended', 'found']);
    });

    it('attack: 300 concurrent identifications get one admission; the FHIR GETs stay within one identification', async () => {
      const { service } = await coreFor(server, { now: tenAm });
      server.resetRequests();
      const results = await Promise.allSettled(
        Array.from({ length: 300 }, (_, i) =>
          service.identify({ familyName: 'Nobody', birthDate: `1950-01-${String((i % 28) + 1).padStart(2, '0')}` }),
        ),
      );
      const busy = results.filter((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'busy');
      const answered = results.filter((r) => r.status === 'fulfilled');
      expect(answered).toHaveLength(1);
      expect(busy).toHaveLength(299);
      const gets = server.requests.filter((q) => !q.tokenRequest && q.method === 'GET');
      expect(gets.length).toBeLessThanOrEqual(2);
    });

    it('attack: identifying as yourself between guesses does not reset the kiosk-wide count: 10 misses pause the kiosk', async () => {
      const { service, auditEntries } = await coreFor(server, { now: tenAm });
      const s = server.scenarios!;
      let misses = 0;
      let paused = false;
      for (let round = 0; round < 20 && !paused; round++) {
        for (let g = 0; g < 2 && !paused; g++) {
          const r = await service.identify({ familyName: 'Nobody', birthDate: `1960-02-${String(round + 1).padStart(2, '0')}` });
          if (r.outcome === 'not_found') misses++;
          if (r.outcome === 'cooldown') {
            misses++;
            paused = true;
          }
        }
        if (!paused) found(await service.identify({ familyName: s.openNow.family, birthDate: s.openNow.birthDate }));
      }
      expect(misses).toBe(10);
      expect((await service.identify({ familyName: s.openNow.family, birthDate: s.openNow.birthDate })).outcome).toBe('cooldown');
      expect(auditEntries().some((e) => e['event'] === 'identify.paused')).toBe(true);
      expect(service.pause.pausedUntil()).not.toBeNull();
      expect(service.pause.lift()).toBe(true);
      found(await service.identify({ familyName: s.openNow.family, birthDate: s.openNow.birthDate }));
    });

    it('identification is two requests; check-in is one guarded PUT; a second tap writes nothing', async () => {
      const { service, directory } = await coreFor(server, { now: tenAm });
      await directory.warm();
      const s = server.scenarios!;
      // Warm the clinician name cache as a previous patient would have.
      await service.identify({ familyName: s.twoToday.family, birthDate: s.twoToday.birthDate });
      await service.identify({ familyName: s.tooLate.family, birthDate: s.tooLate.birthDate });
      server.resetRequests();
      const r = found(await service.identify({ familyName: s.hyphenSpace.family, birthDate: s.hyphenSpace.birthDate }));
      const fhirCalls = () => server.requests.filter((q) => !q.tokenRequest);
      expect(
        fhirCalls()
          .map((q) => `${q.method} ${q.path}`)
          .filter((c) => !c.includes('Practitioner')),
      ).toEqual(['GET /Patient', 'GET /Appointment']);
      const key = r.appointments.find((a) => a.state === 'open')!.key;
      server.resetRequests();
      expect((await service.checkIn(r.session, [key])).results[0]!.outcome).toBe('checked_in');
      expect(fhirCalls().map((q) => q.method)).toEqual(['PUT']);
      expect(await statusOf(server, s.hyphenSpace.appointmentIds[0]!)).toBe('checked-in');
      server.resetRequests();
      expect((await service.checkIn(r.session, [key])).results[0]!.outcome).toBe('already_checked_in');
      expect(fhirCalls()).toHaveLength(0);
    });

    it('checks in to all open appointments of the day in one step', async () => {
      const { service } = await coreFor(server, { now: tenAm });
      const s = server.scenarios!;
      const r = found(await service.identify({ familyName: s.twoToday.family, birthDate: s.twoToday.birthDate }));
      const res = await service.checkIn(
        r.session,
        r.appointments.map((a) => a.key),
      );
      expect(res.results.map((x) => x.outcome)).toEqual(['checked_in', 'checked_in']);
      for (const id of s.twoToday.appointmentIds) expect(await statusOf(server, id)).toBe('checked-in');
    });

    it('a video visit: shown as one, never open for the patient, and refused even when asked for', async () => {
      const { service } = await coreFor(server, { now: tenAm });
      const s = server.scenarios!;
      const r = found(await service.identify({ familyName: s.telehealth.family, birthDate: s.telehealth.birthDate }));
      expect(r.appointments.map((a) => [a.visit, a.state])).toEqual([['video', 'not_eligible']]);
      server.resetRequests();
      const res = await service.checkIn(r.session, [r.appointments[0]!.key]);
      expect(res.results[0]!.outcome).toBe('not_eligible');
      expect(server.requests.filter((q) => q.method === 'PUT')).toEqual([]);
      expect(await statusOf(server, s.telehealth.appointmentIds[0]!)).toBe('booked');
      // Beside in-person visits: those are open, the video one is not, and asking for all writes only them.
      const mixed = found(await service.identify({ familyName: s.videoAndInPerson.family, birthDate: s.videoAndInPerson.birthDate }));
      expect(mixed.appointments.map((a) => [a.visit, a.state])).toEqual([
        ['in_person', 'open'],
        ['video', 'not_eligible'],
        ['in_person', 'open'],
      ]);
      const all = await service.checkIn(
        mixed.session,
        mixed.appointments.map((a) => a.key),
      );
      expect(all.results.map((x) => x.outcome)).toEqual(['checked_in', 'not_eligible', 'checked_in']);
      const ids = s.videoAndInPerson.appointmentIds;
      expect(await Promise.all(ids.map((id) => statusOf(server, id)))).toEqual(['checked-in', 'booked', 'checked-in']);
    });

    it('two kiosks check in the same appointment at once: exactly one write, both report success', async () => {
      const a = await coreFor(server, { now: tenAm });
      const b = await coreFor(server, { now: tenAm });
      // A video visit, so the Canvas meeting link is in the body: only staff check those in at a kiosk.
      const s = server.scenarios!.telehealth;
      const ra = found(await a.service.identify({ familyName: s.family, birthDate: s.birthDate }, 'staff'));
      const rb = found(await b.service.identify({ familyName: s.family, birthDate: s.birthDate }, 'staff'));
      await nextSecond(); // If-Unmodified-Since has one-second resolution
      server.resetRequests();
      const [xa, xb] = await Promise.all([
        a.service.checkIn(ra.session, [ra.appointments[0]!.key], 'staff'),
        b.service.checkIn(rb.session, [rb.appointments[0]!.key], 'staff'),
      ]);
      const outcomes = [xa.results[0]!.outcome, xb.results[0]!.outcome].sort();
      expect(outcomes).toEqual(['already_checked_in', 'checked_in']);
      expect(server.requests.filter((q) => q.method === 'PUT' && q.status === 200)).toHaveLength(1);
      // Canvas: the telehealth link survives the status change.
      const stored = await server.repo.readResource<Appointment>('Appointment', s.appointmentIds[0]!);
      expect(stored.status).toBe('checked-in');
      expect(stored.contained?.[0]?.id).toBe('appointment-meeting-endpoint-0');
      expect(server.sideEffects).toEqual([]);
    });

    it('a staff change between read and write (412): re-reads and decides again, never overwriting staff', async () => {
      const { service } = await coreFor(server, { now: tenAm });
      const s = server.scenarios!.accented;
      const r = found(await service.identify({ familyName: s.family, birthDate: s.birthDate }));
      await nextSecond();
      const id = s.appointmentIds[0]!;
      const stored = await server.repo.readResource<Appointment>('Appointment', id);
      await server.repo.updateResource({ ...stored, status: 'cancelled' });
      server.resetRequests();
      const res = await service.checkIn(r.session, [r.appointments[0]!.key]);
      expect(res.results[0]!.outcome).toBe('not_eligible');
      expect(server.requests.filter((q) => !q.tokenRequest).map((q) => `${q.method} ${q.status}`)).toEqual(['PUT 412', 'GET 200']);
      expect(await statusOf(server, id)).toBe('cancelled');
    });

    it('targetStatus "arrived" is what gets written', async () => {
      const { service } = await coreFor(server, { now: tenAm, settings: { targetStatus: 'arrived' } });
      const s = server.scenarios!.apostrophe;
      const r = found(await service.identify({ familyName: s.family, birthDate: s.birthDate }));
      expect((await service.checkIn(r.session, [r.appointments[0]!.key])).results[0]!.outcome).toBe('checked_in');
      expect(await statusOf(server, s.appointmentIds[0]!)).toBe('arrived');
    });

    it('the Canvas PUT keeps identifiers and never replaces the reason for visit', async () => {
      const { service } = await coreFor(server, { now: tenAm });
      const s = server.scenarios!.twoWord;
      const before = await server.repo.readResource<Appointment>('Appointment', s.appointmentIds[0]!);
      const r = found(await service.identify({ familyName: s.family, birthDate: s.birthDate }));
      await service.checkIn(r.session, [r.appointments[0]!.key]);
      const after = await server.repo.readResource<Appointment>('Appointment', s.appointmentIds[0]!);
      expect(after.identifier).toEqual(before.identifier);
      expect(after.reasonCode).toEqual(before.reasonCode);
      expect(server.sideEffects).toEqual([]);
    });
  });
}
