/** The kiosk with today's schedule, through the IPC router, against the demo server (both profiles). */
import type { Appointment } from '@medplum/fhirtypes';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_STAFF_PIN, startDemoKiosk, type DemoKiosk } from '../../../../../dev/demo-kiosk.js';
import { WALK_IN_IDENTIFIER_SYSTEM } from '../../../../../main/core/schedule/walk-in.js';
import { createIpcRouter } from '../../../../../main/core/ipc-router.js';
import { capturingLog, tenAm } from '../../../../support/fixtures.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads loosely typed IPC results
type Call = (channel: string, payload: unknown) => Promise<{ ok: boolean; value?: any; error?: { code: string } }>;
const sender = { url: 'https://kiosk.invalid/index.html', isMainFrame: true, id: 1 };
const fhirRequests = (demo: DemoKiosk) => demo.server.requests.filter((r) => !r.tokenRequest);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

for (const profile of ['canvas', 'r4'] as const) {
  describe(`today's schedule in the kiosk (${profile})`, () => {
    let demo: DemoKiosk;
    let call: Call;
    afterEach(() => demo.close());

    async function start() {
      const { log, lines } = capturingLog();
      demo = await startDemoKiosk({ now: tenAm, log, server: { profile } });
      const dispatch = createIpcRouter(demo.kiosk.handlers, { log, isTrusted: () => true });
      call = (c, p) => dispatch(c, p, sender) as never;
      return lines;
    }
    const staffSession = async () => (await call('staff:unlock', { pin: DEMO_STAFF_PIN })).value.staffSession as string;

    it('a patient on the snapshot is identified with 0 requests; a booking made after the load costs the 2 live ones', async () => {
      await start();
      expect((await call('kiosk:info', {})).value.offlineIdentification).toBe(false);
      await demo.kiosk.checkHealth();
      expect((await call('kiosk:info', {})).value.offlineIdentification).toBe(true);
      const s = demo.server.scenarios!;
      demo.server.resetRequests();
      const hit = await call('patient:identify', { familyName: s.openNow.family, birthDate: s.openNow.birthDate });
      expect(hit.value).toMatchObject({ outcome: 'found', appointments: [{ state: 'open' }] });
      expect(hit.value.appointments[0].clinician).toMatch(/^Dr\. /);
      expect(fhirRequests(demo)).toHaveLength(0);

      // Not on the snapshot (no appointment when it loaded): the live path, two requests.
      const later = s.noAppointment;
      await demo.server.repo.createResource<Appointment>({
        resourceType: 'Appointment',
        status: 'booked',
        start: new Date(tenAm().getTime() + 10 * 60_000).toISOString(),
        end: new Date(tenAm().getTime() + 30 * 60_000).toISOString(),
        participant: [
          { actor: { reference: `Patient/${later.patientId}` }, status: 'accepted' },
          { actor: { reference: `Practitioner/${'2a340faab3b8e39ab403e3d718255ae7'}` }, status: 'accepted' },
        ],
        supportingInformation: [{ reference: `Location/${demo.server.locationId}` }],
      });
      demo.server.resetRequests();
      const miss = await call('patient:identify', { familyName: later.family, birthDate: later.birthDate });
      expect(miss.value).toMatchObject({ outcome: 'found', appointments: [{ state: 'open' }] });
      expect(fhirRequests(demo).map((r) => r.path)).toEqual(['/Patient', '/Appointment']);
    });

    it('server down: a patient on the snapshot is still identified and recorded in the outbox; staff see the name; delivered later', async () => {
      await start();
      await demo.kiosk.checkHealth();
      const s = demo.server.scenarios!.openNow;
      demo.server.faults.add({ kind: 'reset', times: Infinity });
      const found = await call('patient:identify', { familyName: s.family, birthDate: s.birthDate });
      expect(found.value.outcome).toBe('found');
      const done = await call('patient:checkIn', { session: found.value.session, keys: [found.value.appointments[0].key] });
      expect(done.value.results[0].outcome).toBe('recorded_offline');

      const staff = await staffSession();
      const overview = await call('staff:overview', { staffSession: staff });
      expect(overview.value.outbox).toHaveLength(1);
      expect(overview.value.outbox[0].patientName).toBe(`${s.given} ${s.family}`);
      expect(overview.value.outbox[0].appointmentStart).toMatch(/T/);
      const day = await call('staff:schedule', { staffSession: staff });
      expect(day.value.rows.find((r: { patientName: string }) => r.patientName === `${s.given} ${s.family}`).kiosk).toBe('queued');

      demo.server.faults.clear();
      await call('staff:retryOutbox', { staffSession: staff });
      expect((await demo.server.repo.readResource<Appointment>('Appointment', s.appointmentIds[0]!)).status).toBe('checked-in');
      const after = await call('staff:schedule', { staffSession: staff });
      const row = after.value.rows.find((r: { patientName: string }) => r.patientName === `${s.given} ${s.family}`);
      expect(row).toMatchObject({ kiosk: 'checked_in_here', status: 'checked-in' });
    });

    it('staff day view: check in on a patient’s behalf and undo from the list; the snapshot follows at once', async () => {
      await start();
      const staff = await staffSession();
      const day = await call('staff:schedule', { staffSession: staff, refresh: true });
      expect(day.value.ready).toBe(true);
      const s = demo.server.scenarios!.tooEarly; // patients cannot yet; staff may
      const row = day.value.rows.find((r: { patientName: string }) => r.patientName === `${s.given} ${s.family}`);
      expect(row).toMatchObject({ status: 'booked', action: 'check_in', visit: 'in_person' });
      const t = demo.server.scenarios!.telehealth; // staff see who will not come to the lobby
      expect(day.value.rows.find((r: { patientName: string }) => r.patientName === `${t.given} ${t.family}`)?.visit).toBe('video');
      expect((await call('staff:scheduleCheckIn', { staffSession: staff, key: row.key })).value.outcome).toBe('checked_in');
      const after = (await call('staff:schedule', { staffSession: staff })).value.rows.find((r: { key: string }) => r.key === row.key);
      expect(after).toMatchObject({ status: 'checked-in', kiosk: 'checked_in_here', action: 'undo' });
      // Undo changes the EHR: a wrong PIN writes nothing, the right one undoes.
      expect((await call('staff:scheduleUndo', { staffSession: staff, key: row.key, pin: '000000' })).error?.code).toBe('pin_rejected');
      expect((await demo.server.repo.readResource<Appointment>('Appointment', s.appointmentIds[0]!)).status).toBe('checked-in');
      expect((await call('staff:scheduleUndo', { staffSession: staff, key: row.key, pin: DEMO_STAFF_PIN })).value.outcome).toBe('undone');
      expect((await demo.server.repo.readResource<Appointment>('Appointment', s.appointmentIds[0]!)).status).toBe('booked');
      const undone = (await call('staff:schedule', { staffSession: staff })).value.rows.find((r: { key: string }) => r.key === row.key);
      expect(undone).toMatchObject({ status: 'booked', kiosk: null, action: 'check_in' });
      expect((await call('staff:schedule', { staffSession: 'AAAAAAAAAAAAAAAAAAAA' })).error?.code).toBe('staff_locked');
    });

    it('walk-in: find the patient by name and birth date, create the visit the Canvas way, then check it in', async () => {
      await start();
      await demo.kiosk.checkHealth();
      const staff = await staffSession();
      const p = demo.server.scenarios!.noAppointment;
      const options = (await call('staff:walkInOptions', { staffSession: staff })).value;
      expect(options.practitioners.length).toBeGreaterThan(0);
      expect(options.locations.length).toBeGreaterThan(0);
      expect(options.appointmentTypes.length).toBeGreaterThan(0);
      const found = (await call('staff:findPatient', { staffSession: staff, familyName: p.family, birthDate: p.birthDate })).value;
      expect(found.patients).toEqual([{ key: expect.any(String), fullName: `${p.given} ${p.family}`, birthDate: p.birthDate }]);

      demo.server.resetRequests();
      const created = await call('staff:walkIn', {
        staffSession: staff,
        patientKey: found.patients[0].key,
        practitionerKey: options.practitioners[0].key,
        locationKey: options.locations[0].key,
        appointmentTypeKey: options.appointmentTypes[0].key,
        minutes: 15,
      });
      expect(created.value).toMatchObject({
        outcome: 'created',
        row: { patientName: `${p.given} ${p.family}`, status: 'booked', walkIn: true },
      });
      const post = fhirRequests(demo).find((r) => r.method === 'POST')!;
      expect(post.status).toBe(201);
      const [stored] = (await demo.server.repo.searchResources<Appointment>({ resourceType: 'Appointment', filters: [] })).filter((a) =>
        a.identifier?.some((i) => i.system === WALK_IN_IDENTIFIER_SYSTEM),
      );
      expect(stored!.description).toContain('check-in kiosk demo-kiosk');
      expect(stored!.participant.map((x) => x.actor?.reference)).toContain(`Patient/${p.patientId}`);

      // It is on the day view and on the snapshot: the patient is identified without a request and checks in.
      const rows = (await call('staff:schedule', { staffSession: staff })).value.rows;
      expect(rows.some((r: { key: string }) => r.key === created.value.row.key)).toBe(true);
      demo.server.resetRequests();
      const id = await call('patient:identify', { familyName: p.family, birthDate: p.birthDate });
      expect(fhirRequests(demo)).toHaveLength(0);
      const done = await call('patient:checkIn', { session: id.value.session, keys: [id.value.appointments[0].key] });
      expect(done.value.results[0].outcome).toBe('checked_in');
      expect((await demo.server.repo.readResource<Appointment>('Appointment', stored!.id!)).status).toBe('checked-in');
      expect((await call('staff:activity', { staffSession: staff })).value).toMatchObject({ checkIns: 1, walkIns: 1 });
    });

    it('kiosk activity counts failures by reason (no PHI), shows the pause, and staff lift it (audited)', async () => {
      const lines = await start();
      await demo.kiosk.checkHealth();
      const s = demo.server.scenarios!;
      // Ten misses by anyone in ten minutes pause the kiosk (config kiosk.pauseAfterMisses).
      for (let i = 0; i < 10; i++) await call('patient:identify', { familyName: 'Nobody', birthDate: s.openNow.birthDate });
      const paused = await call('patient:identify', { familyName: s.openNow.family, birthDate: s.openNow.birthDate });
      expect(paused.value.outcome).toBe('cooldown');
      const staff = await staffSession();
      const activity = (await call('staff:activity', { staffSession: staff })).value;
      expect(activity.pausedUntil).not.toBeNull();
      expect(activity.failures).toContainEqual({ reason: 'identify:not_found', count: 10 });
      expect(JSON.stringify(activity)).not.toContain(s.openNow.family);
      const lifted = (await call('staff:liftPause', { staffSession: staff })).value;
      expect(lifted).toMatchObject({ lifted: true, activity: { pausedUntil: null, pauseLifts: 1 } });
      expect((await call('patient:identify', { familyName: s.openNow.family, birthDate: s.openNow.birthDate })).value.outcome).toBe(
        'found',
      );
      const audit = filesUnder(path.join(demo.dataDir, 'audit'))
        .map((f) => readFileSync(f, 'utf8'))
        .join('');
      expect(audit).toContain('"event":"staff.lift_pause","outcome":"lifted"');
      // Nothing the kiosk wrote (audit, outbox, logs) holds a name or birth date from the snapshot.
      const written = filesUnder(demo.dataDir)
        .map((f) => readFileSync(f, 'utf8'))
        .join('')
        .concat(lines.join('\n'));
      for (const p of [s.openNow, s.twoToday, s.accented, s.noAppointment]) {
        expect(written).not.toContain(p.family);
        expect(written).not.toContain(p.birthDate);
      }
    });
  });
}
