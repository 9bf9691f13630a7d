/**
 * Every FHIR failure during a check-in has a defined outcome: what the patient is told, what the audit
 * says, and whether the outbox keeps it. No check-in is lost and none is falsely confirmed.
 */
import type { Appointment } from '@medplum/fhirtypes';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoServer, FaultRule } from '../../../../../dev/demo-server/index.js';
import { demoServer, tenAm } from '../../../../support/fixtures.js';
import { coreFor } from '../../../../support/demo-core.js';
import { bookPatient } from '../../../../support/booking.js';

const soon = () => new Date(tenAm().getTime() + 10 * 60_000);
const statusOf = async (server: DemoServer, id: string) => (await server.repo.readResource<Appointment>('Appointment', id)).status;

describe('check-in failure matrix (canvas profile)', () => {
  let server: DemoServer;
  beforeAll(async () => void (server = await demoServer()));
  afterAll(() => server.close());
  beforeEach(() => server.faults.clear());

  async function identified(opts: Parameters<typeof coreFor>[1] = { now: tenAm }) {
    const core = await coreFor(server, opts);
    const booking = await bookPatient(server, soon());
    const r = await core.service.identify({ familyName: booking.family, birthDate: booking.birthDate });
    if (r.outcome !== 'found') throw new Error(r.outcome);
    return { core, booking, session: r.session, key: r.appointments[0]!.key };
  }

  const put = (rule: Omit<FaultRule, 'method' | 'path'>): FaultRule => ({ method: 'PUT', path: /^\/Appointment\//, ...rule });

  const refused: Array<[string, FaultRule]> = [
    ['400 bad request', put({ kind: 'status', status: 400 })],
    ['401 even after a token refresh', put({ kind: 'status', status: 401, times: 2 })],
    ['403 forbidden (permissions)', put({ kind: 'status', status: 403 })],
    ['404 not found', put({ kind: 'status', status: 404 })],
    ['422 business rule', put({ kind: 'status', status: 422 })],
    ['412 that never settles', put({ kind: 'status', status: 412, times: Infinity })],
  ];
  for (const [name, rule] of refused) {
    it(`${name} → "failed" (see the front desk), audited, not queued, nothing written`, async () => {
      const { core, booking, session, key } = await identified();
      server.faults.add(rule);
      const res = await core.service.checkIn(session, [key]);
      expect(res.results[0]!.outcome).toBe('failed');
      expect(core.outbox.size).toBe(0);
      expect(await statusOf(server, booking.appointmentId)).toBe('booked');
      const audit = core.auditEntries().filter((e) => e['event'] === 'checkin');
      expect(audit.at(-1)).toMatchObject({ outcome: 'failed', appointmentId: booking.appointmentId });
    });
  }

  const transient: Array<[string, FaultRule[]]> = [
    ['429 with a long Retry-After', [put({ kind: 'status', status: 429, retryAfterSeconds: 600 })]],
    ['503 with a long Retry-After', [put({ kind: 'status', status: 503, retryAfterSeconds: 900 })]],
    ['500 on every retry', [put({ kind: 'status', status: 500, times: 3 })]],
    ['a hung server (timeout)', [put({ kind: 'hang', hangMs: 2500, times: 3 })]],
    ['connection resets', [put({ kind: 'reset', times: 3 })]],
    ['malformed bodies', [put({ kind: 'malformed', times: 3 })]],
  ];
  for (const [name, rules] of transient) {
    it(`${name} → "recorded_offline", kept in the outbox, delivered once the server is back`, async () => {
      const { core, booking, session, key } = await identified({ now: tenAm, timeoutMs: 400 });
      for (const r of rules) server.faults.add(r);
      const res = await core.service.checkIn(session, [key]);
      expect(res.results[0]!.outcome).toBe('recorded_offline');
      expect(core.outbox.list()).toMatchObject([{ appointmentId: booking.appointmentId, targetStatus: 'checked-in', state: 'waiting' }]);
      expect(core.auditEntries().at(-1)).toMatchObject({ event: 'checkin.queued', outcome: 'recorded_offline' });
      server.faults.clear();
      core.outbox.expedite();
      await core.sender.flush();
      expect(core.outbox.size).toBe(0);
      expect(await statusOf(server, booking.appointmentId)).toBe('checked-in');
      expect(core.auditEntries().at(-1)).toMatchObject({ event: 'outbox.delivered', by: 'outbox' });
    });
  }

  it('a malformed body once is retried (guarded PUT) and succeeds', async () => {
    const { core, booking, session, key } = await identified();
    server.faults.add(put({ kind: 'malformed' }));
    expect((await core.service.checkIn(session, [key])).results[0]!.outcome).toBe('checked_in');
    expect(await statusOf(server, booking.appointmentId)).toBe('checked-in');
  });

  it('DNS failure, TLS failure and connection refused are transient: queued, never confirmed', async () => {
    for (const target of ['http://kiosk-fhir.invalid', `https://${new URL(server.baseUrl).host}`, 'http://127.0.0.1:9']) {
      const { core, booking, session, key } = await identified();
      // Route only the PUT to a broken destination: a real DNS / TLS / refused failure.
      const base = new URL(server.baseUrl);
      const realFetch = globalThis.fetch;
      globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
        const url = new URL(String(input));
        if (init?.method === 'PUT' && url.origin === base.origin) return realFetch(new URL(url.pathname, target), init);
        return realFetch(input, init);
      }) as typeof fetch;
      try {
        expect((await core.service.checkIn(session, [key])).results[0]!.outcome, target).toBe('recorded_offline');
      } finally {
        globalThis.fetch = realFetch;
      }
      expect(core.outbox.size).toBe(1);
      expect(await statusOf(server, booking.appointmentId)).toBe('booked');
    }
  });

  it('token endpoint down during a check-in → queued, not lost', async () => {
    const { core, session, key } = await identified();
    server.revokeAllTokens();
    server.faults.add({ path: '/auth/token/', kind: 'reset', times: Infinity });
    expect((await core.service.checkIn(session, [key])).results[0]!.outcome).toBe('recorded_offline');
    expect(core.outbox.size).toBe(1);
  });

  it('a queued check-in whose appointment was cancelled meanwhile is dropped with an audit entry, not written', async () => {
    const { core, booking, session, key } = await identified({ now: tenAm, timeoutMs: 300 });
    server.faults.add(put({ kind: 'reset', times: 3 }));
    expect((await core.service.checkIn(session, [key])).results[0]!.outcome).toBe('recorded_offline');
    const stored = await server.repo.readResource<Appointment>('Appointment', booking.appointmentId);
    await server.repo.updateResource({ ...stored, status: 'cancelled' });
    core.outbox.expedite();
    await core.sender.flush();
    expect(core.outbox.size).toBe(0);
    expect(await statusOf(server, booking.appointmentId)).toBe('cancelled');
    expect(core.auditEntries().at(-1)).toMatchObject({ event: 'outbox.dropped', outcome: 'no_longer_eligible:cancelled' });
  });

  it('a queued check-in that staff already completed is done without a second write', async () => {
    const { core, booking, session, key } = await identified({ now: tenAm, timeoutMs: 300 });
    server.faults.add(put({ kind: 'reset', times: 3 }));
    await core.service.checkIn(session, [key]);
    const stored = await server.repo.readResource<Appointment>('Appointment', booking.appointmentId);
    await server.repo.updateResource({ ...stored, status: 'arrived' });
    server.resetRequests();
    core.outbox.expedite();
    await core.sender.flush();
    expect(server.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
    expect(await statusOf(server, booking.appointmentId)).toBe('arrived');
    expect(core.auditEntries().at(-1)).toMatchObject({ event: 'outbox.delivered', outcome: 'already_checked_in' });
  });

  // Regression (issue 9 item 1): the outbox re-decided with its own copy of the rule (`status !== 'booked'`),
  // so a staff check-in of a pending appointment was reported as recorded and then silently dropped.
  it('a staff check-in of a pending appointment recorded offline is delivered by the outbox, on staff rules', async () => {
    const core = await coreFor(server, { now: tenAm, timeoutMs: 300 });
    const booking = await bookPatient(server, soon(), { status: 'pending' });
    const r = await core.service.identify({ familyName: booking.family, birthDate: booking.birthDate }, 'staff');
    if (r.outcome !== 'found') throw new Error(r.outcome);
    server.faults.add(put({ kind: 'status', status: 503, times: 3 }));
    expect((await core.service.checkIn(r.session, [r.appointments[0]!.key], 'staff')).results[0]!.outcome).toBe('recorded_offline');
    expect(core.outbox.list()).toMatchObject([{ appointmentId: booking.appointmentId, by: 'staff' }]);
    server.faults.clear();
    core.outbox.expedite();
    await core.sender.flush();
    expect(await statusOf(server, booking.appointmentId)).toBe('checked-in');
    expect(core.outbox.size).toBe(0);
    expect(core.auditEntries().at(-1)).toMatchObject({ event: 'outbox.delivered', outcome: 'checked_in', by: 'outbox' });
  });

  // Regression (issue 10 item 11): delivery had no window check, so a morning check-in was written in the afternoon.
  it('a queued check-in whose window has closed by delivery time is not written (patient and staff)', async () => {
    let t = tenAm().getTime();
    const core = await coreFor(server, { now: () => new Date(t), timeoutMs: 300 });
    const mine = await bookPatient(server, soon());
    const theirs = await bookPatient(server, soon());
    const p = await core.service.identify({ familyName: mine.family, birthDate: mine.birthDate });
    const s = await core.service.identify({ familyName: theirs.family, birthDate: theirs.birthDate }, 'staff');
    if (p.outcome !== 'found' || s.outcome !== 'found') throw new Error('not found');
    server.faults.add(put({ kind: 'status', status: 503, times: 6 }));
    expect((await core.service.checkIn(p.session, [p.appointments[0]!.key])).results[0]!.outcome).toBe('recorded_offline');
    expect((await core.service.checkIn(s.session, [s.appointments[0]!.key], 'staff')).results[0]!.outcome).toBe('recorded_offline');
    server.faults.clear();
    t += 5 * 60 * 60_000; // 15:00: the 10:10 appointment is long over
    server.resetRequests();
    core.outbox.expedite();
    await core.sender.flush();
    expect(server.requests.filter((q) => q.method === 'PUT')).toHaveLength(0);
    expect(await statusOf(server, mine.appointmentId)).toBe('booked');
    expect(await statusOf(server, theirs.appointmentId)).toBe('booked');
    expect(core.outbox.size).toBe(0);
    const dropped = core.auditEntries().filter((e) => e['event'] === 'outbox.dropped');
    expect(dropped.map((e) => [e['appointmentId'], e['outcome']])).toEqual([
      [mine.appointmentId, 'window_closed:too_late'],
      [theirs.appointmentId, 'window_closed:too_late'],
    ]);
  });

  // Regression (issue 10 item 6): the PUT was retried after a reset without a re-read, and the one-second
  // If-Unmodified-Since let the retry in: two writes for one check-in.
  it('a PUT that was applied but whose reply was lost: re-read confirms it, exactly one write', async () => {
    const core = await coreFor(server, { now: tenAm });
    const booking = await bookPatient(server, soon());
    await new Promise((res) => setTimeout(res, 1000 - (Date.now() % 1000))); // identify and PUT in the same second
    const r = await core.service.identify({ familyName: booking.family, birthDate: booking.birthDate });
    if (r.outcome !== 'found') throw new Error(r.outcome);
    server.faults.add(put({ kind: 'lost-reply' }));
    server.resetRequests();
    expect((await core.service.checkIn(r.session, [r.appointments[0]!.key])).results[0]!.outcome).toBe('checked_in');
    const applied = server.requests.filter((q) => q.method === 'PUT' && q.status === 200);
    expect(applied).toHaveLength(1);
    expect(await statusOf(server, booking.appointmentId)).toBe('checked-in');
    expect(core.outbox.size).toBe(0);
    expect(core.auditEntries().filter((e) => e['appointmentId'] === booking.appointmentId)).toMatchObject([
      { event: 'checkin.unknown_outcome', outcome: 'landed' },
      { event: 'checkin', outcome: 'checked_in' },
    ]);
  });

  it('a PUT lost before it was applied: re-read shows it did not land, one more guarded PUT, one write', async () => {
    const core = await coreFor(server, { now: tenAm });
    const booking = await bookPatient(server, soon());
    const r = await core.service.identify({ familyName: booking.family, birthDate: booking.birthDate });
    if (r.outcome !== 'found') throw new Error(r.outcome);
    server.faults.add(put({ kind: 'reset' }));
    server.resetRequests();
    expect((await core.service.checkIn(r.session, [r.appointments[0]!.key])).results[0]!.outcome).toBe('checked_in');
    expect(server.requests.filter((q) => !q.tokenRequest).map((q) => `${q.method} ${q.status}`)).toEqual(['PUT 0', 'GET 200', 'PUT 200']);
    expect(core.auditEntries().filter((e) => e['appointmentId'] === booking.appointmentId)).toMatchObject([
      { event: 'checkin.unknown_outcome', outcome: 'not_landed' },
      { event: 'checkin', outcome: 'checked_in' },
    ]);
  });

  it('a lost reply whose re-read also fails: recorded offline (never confirmed), delivered once later', async () => {
    const core = await coreFor(server, { now: tenAm, timeoutMs: 300 });
    const booking = await bookPatient(server, soon());
    await new Promise((res) => setTimeout(res, 1000 - (Date.now() % 1000)));
    const r = await core.service.identify({ familyName: booking.family, birthDate: booking.birthDate });
    if (r.outcome !== 'found') throw new Error(r.outcome);
    server.faults.add(put({ kind: 'lost-reply' }));
    server.faults.add({ method: 'GET', path: /^\/Appointment\//, kind: 'reset', times: 3 });
    expect((await core.service.checkIn(r.session, [r.appointments[0]!.key])).results[0]!.outcome).toBe('recorded_offline');
    expect(core.outbox.size).toBe(1);
    server.faults.clear();
    core.outbox.expedite();
    await core.sender.flush();
    // The delivery reads first: the write had landed, so nothing is written again.
    expect(server.requests.filter((q) => q.method === 'PUT' && q.path.endsWith(booking.appointmentId) && q.status === 200)).toHaveLength(1);
    expect(core.outbox.size).toBe(0);
    expect(core.auditEntries().at(-1)).toMatchObject({ event: 'outbox.delivered', outcome: 'already_checked_in' });
  });

  it('a staff undo whose reply was lost is confirmed by the re-read, with one write (the same loop)', async () => {
    const core = await coreFor(server, { now: tenAm });
    const booking = await bookPatient(server, soon(), { status: 'checked-in' });
    await new Promise((res) => setTimeout(res, 1000 - (Date.now() % 1000)));
    const r = await core.service.identify({ familyName: booking.family, birthDate: booking.birthDate }, 'staff');
    if (r.outcome !== 'found') throw new Error(r.outcome);
    server.faults.add(put({ kind: 'lost-reply' }));
    server.resetRequests();
    expect(await core.service.undo(r.session, r.appointments[0]!.key)).toBe('undone');
    expect(server.requests.filter((q) => q.method === 'PUT' && q.status === 200)).toHaveLength(1);
    expect(await statusOf(server, booking.appointmentId)).toBe('booked');
    expect(core.auditEntries().slice(-2)).toMatchObject([
      { event: 'checkin.unknown_outcome', outcome: 'landed', by: 'staff' },
      { event: 'staff.undo', outcome: 'undone' },
    ]);
  });

  it('identification during an outage is "unavailable", and does not count as a failed attempt', async () => {
    const core = await coreFor(server, { now: tenAm, timeoutMs: 300 });
    const s = server.scenarios!.openNow;
    server.faults.add({ path: '/Patient', kind: 'status', status: 503, times: Infinity });
    for (let i = 0; i < 4; i++) {
      await expect(core.service.identify({ familyName: s.family, birthDate: s.birthDate })).rejects.toMatchObject({ code: 'unavailable' });
    }
    server.faults.clear();
    expect((await core.service.identify({ familyName: s.family, birthDate: s.birthDate })).outcome).toBe('found');
  });

  it('appointments of the wrong shape (no start, no participants) are skipped, not crashed on', async () => {
    const core = await coreFor(server, { now: tenAm });
    const booking = await bookPatient(server, soon());
    await server.repo.createResource<Appointment>({
      resourceType: 'Appointment',
      status: 'booked',
      participant: [{ actor: { reference: `Patient/${booking.patientId}` }, status: 'accepted' }],
    });
    const r = await core.service.identify({ familyName: booking.family, birthDate: booking.birthDate });
    expect(r.outcome === 'found' && r.appointments.map((a) => a.state)).toEqual(['open']);
  });
});
