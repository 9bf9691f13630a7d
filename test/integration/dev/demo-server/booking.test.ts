/** The demo server's booking builder, over the real demo server: what tests, bench and soak book with. */
import type { Appointment, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frozenClinicClock, startDemoServer, startsOpenAt, type DemoServer } from '../../../../dev/demo-server/index.js';

const now = frozenClinicClock();

describe('server.book', () => {
  let canvas: DemoServer;
  let r4: DemoServer;
  beforeAll(async () => {
    canvas = await startDemoServer({ now });
    r4 = await startDemoServer({ now, profile: 'r4', seed: false });
  });
  afterAll(async () => {
    await canvas.close();
    await r4.close();
  });

  it('creates one patient with one booked appointment per start, at the server location, Canvas-shaped', async () => {
    const starts = startsOpenAt(now(), 2);
    const b = await canvas.book({ starts });
    const patient = await canvas.repo.readResource<Patient>('Patient', b.patientId);
    expect(patient.name?.[0]).toMatchObject({ family: b.family, given: [b.given] });
    expect(patient.birthDate).toBe(b.birthDate);
    expect(b.appointmentIds).toHaveLength(2);
    for (const [i, id] of b.appointmentIds.entries()) {
      const a = await canvas.repo.readResource<Appointment>('Appointment', id);
      expect(a.status).toBe('booked');
      expect(Date.parse(a.start!)).toBe(starts[i]!.getTime());
      expect(a.participant?.map((p) => p.actor?.reference)).toContain(`Patient/${b.patientId}`);
      expect(a.supportingInformation?.[0]?.reference).toBe(`Location/${canvas.locationId}`);
      expect(a.identifier?.[0]?.value).toMatch(/^SCH-\d+$/);
      expect(a.participant?.some((p) => p.actor?.type === 'Location')).toBe(false);
    }
  });

  it('lists the Location as a participant on the r4 profile, like the seeded day', async () => {
    const b = await r4.book({ starts: startsOpenAt(now()) });
    const a = await r4.repo.readResource<Appointment>('Appointment', b.appointmentIds[0]!);
    expect(a.participant?.map((p) => p.actor?.reference)).toContain(`Location/${r4.locationId}`);
  });

  it('applies appointment overrides, e.g. a pending appointment', async () => {
    const b = await canvas.book({ starts: startsOpenAt(now()), appointment: { status: 'pending' } });
    expect((await canvas.repo.readResource<Appointment>('Appointment', b.appointmentIds[0]!)).status).toBe('pending');
  });

  it('gives a concurrent burst distinct names and ids, none shared with the seeded day or its birth dates', async () => {
    const scenarios = canvas.scenarios!;
    const seededDates = new Set(Object.values(scenarios).map((s) => s.birthDate));
    const burst = await Promise.all(Array.from({ length: 30 }, () => canvas.book({ starts: startsOpenAt(now()) })));
    expect(new Set(burst.map((b) => b.family.toLowerCase())).size).toBe(30);
    expect(new Set(burst.map((b) => b.patientId)).size).toBe(30);
    for (const b of burst) expect(seededDates.has(b.birthDate)).toBe(false);
    const seededIds = new Set([...Object.values(scenarios).flatMap((s) => ('patientId' in s ? [s.patientId] : []))]);
    for (const b of burst) expect(seededIds.has(b.patientId)).toBe(false);
  });
});
