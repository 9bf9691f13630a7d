import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Appointment } from '@medplum/fhirtypes';
import { afterEach, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../../../../dev/demo-server/index.js';
import { fullName } from '../../../../../main/core/schedule/today-schedule.js';
import { demoServer, tenAm } from '../../../../support/fixtures.js';
import { coreFor } from '../../../../support/demo-core.js';
import { maxConcurrency, scheduleFor, seedBusy } from '../../../../support/schedule.js';

const fhirGets = (server: DemoServer, p: string) => server.requests.filter((r) => !r.tokenRequest && r.method === 'GET' && r.path === p);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

for (const profile of ['canvas', 'r4'] as const) {
  describe(`TodaySchedule (${profile}) against the demo server`, () => {
    let server: DemoServer;
    afterEach(() => server.close());

    it('loads a 450-appointment day: page 1, then the other pages in parallel by _offset, each patient read once', async () => {
      server = await demoServer({ profile, seed: false, latencyMs: 20 });
      const seeded = await seedBusy(server, 450);
      const { schedule } = await scheduleFor(server, { pageConcurrency: 3 });
      server.resetRequests();
      await schedule.refresh();

      const pages = fhirGets(server, '/Appointment');
      expect(pages).toHaveLength(5);
      expect(pages.map((r) => new URLSearchParams(r.query).get('_offset') ?? '0').sort()).toEqual(['0', '100', '200', '300', '400']);
      expect(pages.every((r) => new URLSearchParams(r.query).get('location') === `Location/${server.locationId}`)).toBe(true);
      // Page 1 alone first, then never more than the bound at once.
      expect(pages.slice(1).every((r) => r.at >= pages[0]!.doneAt)).toBe(true);
      expect(maxConcurrency(pages.slice(1))).toBeGreaterThan(1);
      expect(maxConcurrency(pages.slice(1))).toBeLessThanOrEqual(3);
      const patientReads = server.requests.filter((r) => r.path.startsWith('/Patient/'));
      expect(patientReads).toHaveLength(new Set(patientReads.map((r) => r.path)).size);
      expect(maxConcurrency(patientReads)).toBeLessThanOrEqual(6);

      const appointments = await Promise.all(seeded.appointmentIds.map((id) => server.repo.readResource<Appointment>('Appointment', id)));
      expect(schedule.size).toBe(appointments.length);
      expect(schedule.list().map((e) => e.startMs)).toEqual([...schedule.list().map((e) => e.startMs)].sort((a, b) => a - b));
    });

    it('refresh reuses the patient cache: a second load costs only the appointment pages', async () => {
      server = await demoServer({ profile, seed: false });
      await seedBusy(server, 150);
      const { schedule } = await scheduleFor(server);
      await schedule.refresh();
      server.resetRequests();
      await schedule.refresh();
      expect(server.requests.filter((r) => !r.tokenRequest).map((r) => r.path)).toEqual(['/Appointment', '/Appointment']);
    });

    it('a patient who cannot be identified (inactive) is read once a day, not on every refresh', async () => {
      server = await demoServer({ profile });
      const { schedule } = await scheduleFor(server);
      await schedule.refresh();
      expect(server.requests.some((r) => r.path === `/Patient/${server.scenarios!.inactive.patientId}`)).toBe(true);
      server.resetRequests();
      await schedule.refresh();
      expect(server.requests.filter((r) => !r.tokenRequest).map((r) => r.path)).toEqual(['/Appointment']);
      expect(schedule.find(server.scenarios!.inactive.family, server.scenarios!.inactive.birthDate).outcome).toBe('miss');
    });

    it('finds a patient on the snapshot with no request, with the live path’s name rules; a stranger is a miss', async () => {
      server = await demoServer({ profile });
      const { schedule } = await scheduleFor(server);
      await schedule.refresh();
      const s = server.scenarios!;
      server.resetRequests();
      const hit = schedule.find('garcia lopez', s.accented.birthDate);
      expect(hit.outcome).toBe('found');
      expect(schedule.find("O'Brien ", s.apostrophe.birthDate).outcome).toBe('found');
      expect(schedule.find('Van Der Berg', s.twoWord.birthDate).outcome).toBe('found');
      const { birthDate, sameFamily } = s.sharedBirthDate;
      expect(schedule.find(sameFamily[0].family, birthDate).outcome).toBe('need_first_name');
      const second = schedule.find(sameFamily[0].family, birthDate, sameFamily[1].given);
      expect(second.outcome === 'found' && fullName(second.patient)).toContain(sameFamily[1].given);
      expect(schedule.find('Nobody', s.openNow.birthDate).outcome).toBe('miss');
      expect(schedule.find(s.noAppointment.family, s.noAppointment.birthDate).outcome).toBe('miss');
      expect(server.requests).toHaveLength(0);
    });

    it('a stale snapshot: someone else checked the patient in after the load → 412 → re-read → already checked in', async () => {
      server = await demoServer({ profile });
      const { schedule } = await scheduleFor(server);
      await schedule.refresh();
      const s = server.scenarios!;
      const hit = schedule.find(s.openNow.family, s.openNow.birthDate);
      if (hit.outcome !== 'found') throw new Error('expected a hit');
      const stale = hit.appointments[0]!.appointment;
      await new Promise((r) => setTimeout(r, 1100)); // If-Unmodified-Since has one-second resolution
      const stored = await server.repo.readResource<Appointment>('Appointment', stale.resource.id!);
      await server.repo.updateResource({ ...stored, status: 'arrived' });

      const { service } = await coreFor(server, { now: tenAm });
      server.resetRequests();
      const { outcome } = await service.checkInOne(stale, 'patient');
      expect(outcome).toBe('already_checked_in');
      expect(server.requests.filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual([412]);
      expect((await server.repo.readResource<Appointment>('Appointment', stale.resource.id!)).status).toBe('arrived');
    });

    it('429 with Retry-After on a page: waits and retries, the load completes', async () => {
      server = await demoServer({ profile, seed: false });
      await seedBusy(server, 250);
      const { schedule } = await scheduleFor(server);
      server.faults.add({ method: 'GET', path: '/Appointment', kind: 'status', status: 429, retryAfterSeconds: 1, times: 2 });
      await schedule.refresh();
      expect(schedule.size).toBe(250); // cancelled ones too: staff see every status
      expect(server.requests.filter((r) => r.status === 429)).toHaveLength(2);
    });

    it('a load that fails keeps the previous snapshot and reports the error (the health probe)', async () => {
      server = await demoServer({ profile });
      const states: unknown[] = [];
      const { schedule } = await scheduleFor(server, { maxRetries: 0, onLoad: (e) => states.push(e) });
      await schedule.refresh();
      const size = schedule.size;
      server.faults.add({ path: '/Appointment', kind: 'status', status: 503, times: 5 });
      await expect(schedule.refresh()).rejects.toThrow();
      expect(schedule.size).toBe(size);
      expect(states[0]).toBeNull();
      expect(states[1]).toBeInstanceOf(Error);
    });

    it('holds PHI in memory only: clear() drops it, and nothing of it reaches the data folder or the log', async () => {
      server = await demoServer({ profile });
      const { dataDir } = await coreFor(server, { now: tenAm });
      const { schedule, logLines } = await scheduleFor(server);
      await schedule.refresh();
      const s = server.scenarios!;
      expect(schedule.find(s.openNow.family, s.openNow.birthDate).outcome).toBe('found');
      const written = filesUnder(dataDir)
        .map((f) => readFileSync(f, 'utf8'))
        .join('\n')
        .concat(logLines.join('\n'));
      for (const p of Object.values(s).filter((x): x is typeof s.openNow => 'family' in x)) {
        expect(written).not.toContain(p.family);
        expect(written).not.toContain(p.birthDate);
      }
      schedule.clear();
      expect(schedule.ready).toBe(false);
      expect(schedule.size).toBe(0);
      expect(schedule.find(s.openNow.family, s.openNow.birthDate).outcome).toBe('miss');
    });
  });
}
