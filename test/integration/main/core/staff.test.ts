/** Staff mode in main: PIN against the keychain hash, lockout, idle relock, outbox view/retry, exit. */
import type { Appointment } from '@medplum/fhirtypes';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIpcRouter } from '../../../../main/core/ipc-router.js';
import { startDemoKiosk, DEMO_STAFF_PIN, type DemoKiosk } from '../../../../dev/demo-kiosk.js';
import { capturingLog, tenAm } from '../../../support/fixtures.js';

describe('staff mode', () => {
  let demo: DemoKiosk;
  let clock = tenAm().getTime();
  const exits: string[] = [];
  const sender = { url: 'https://kiosk.invalid/index.html', isMainFrame: true, id: 1 };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads loosely typed IPC results
  let call: (channel: string, payload: unknown) => Promise<{ ok: boolean; value?: any; error?: { code: string } }>;

  beforeAll(async () => {
    demo = await startDemoKiosk({ now: () => new Date(clock), log: capturingLog().log, shell: { requestExit: (r) => void exits.push(r) } });
    const dispatch = createIpcRouter(demo.kiosk.handlers, { log: capturingLog().log, isTrusted: () => true });
    call = (c, p) => dispatch(c, p, sender) as never;
  });
  afterAll(() => demo.close());

  const unlock = async (pin = DEMO_STAFF_PIN) => (await call('staff:unlock', { pin })).value;

  it('the right PIN unlocks; staff calls without a live session are refused', async () => {
    expect(await call('staff:overview', { staffSession: 'AAAAAAAAAAAAAAAAAAAA' })).toMatchObject({
      ok: false,
      error: { code: 'staff_locked' },
    });
    const u = await unlock();
    expect(u.outcome).toBe('unlocked');
    const o = await call('staff:overview', { staffSession: u.staffSession });
    expect(o).toMatchObject({ ok: true, value: { kioskId: 'demo-kiosk', outbox: [] } });
    await call('staff:lock', { staffSession: u.staffSession });
    expect((await call('staff:overview', { staffSession: u.staffSession })).error?.code).toBe('staff_locked');
  });

  it('relocks by itself after two idle minutes, but each action extends it', async () => {
    const { staffSession } = await unlock();
    clock += 90_000;
    expect((await call('staff:overview', { staffSession })).ok).toBe(true);
    clock += 90_000; // 3 min after unlock, 1.5 min after the last action
    expect((await call('staff:overview', { staffSession })).ok).toBe(true);
    clock += 121_000;
    expect((await call('staff:overview', { staffSession })).error?.code).toBe('staff_locked');
  });

  it('wrong PINs count down, then lock staff mode out (even for the right PIN) until the lockout ends', async () => {
    for (let left = 4; left >= 1; left--) expect(await unlock('0000')).toEqual({ outcome: 'wrong_pin', attemptsLeft: left });
    expect((await unlock('0000')).outcome).toBe('locked_out');
    expect((await unlock()).outcome).toBe('locked_out');
    clock += 5 * 60_000 + 1000;
    expect((await unlock()).outcome).toBe('unlocked');
  });

  it('shows queued check-ins without PHI and retries them on demand', async () => {
    const s = demo.server.scenarios!.openNow;
    demo.server.faults.add({ method: 'PUT', path: /^\/Appointment\//, kind: 'reset', times: Infinity });
    const id = (await call('patient:identify', { familyName: s.family, birthDate: s.birthDate })).value;
    const res = (await call('patient:checkIn', { session: id.session, keys: [id.appointments[0].key] })).value;
    expect(res.results[0].outcome).toBe('recorded_offline');
    const { staffSession } = await unlock();
    const before = (await call('staff:overview', { staffSession })).value;
    expect(before.outbox).toHaveLength(1);
    expect(before.outbox[0].appointmentRef).toBe(s.appointmentIds[0]!.slice(-8));
    expect(JSON.stringify(before)).not.toContain(s.family);
    demo.server.faults.clear();
    const after = (await call('staff:retryOutbox', { staffSession })).value;
    expect(after.outbox).toEqual([]);
    expect((await demo.server.repo.readResource<Appointment>('Appointment', s.appointmentIds[0]!)).status).toBe('checked-in');
  });

  it('exit asks the host to quit, only with a staff session and the PIN typed again', async () => {
    expect((await call('staff:exit', { staffSession: 'BBBBBBBBBBBBBBBBBBBB', pin: DEMO_STAFF_PIN })).error?.code).toBe('staff_locked');
    const { staffSession } = await unlock();
    expect((await call('staff:exit', { staffSession })).error?.code).toBe('invalid_request');
    // A wrong PIN is refused, and the session stays open for the right one.
    expect((await call('staff:exit', { staffSession, pin: '000000' })).error?.code).toBe('pin_rejected');
    expect(exits).toEqual([]);
    expect((await call('staff:overview', { staffSession })).ok).toBe(true);
    expect((await call('staff:exit', { staffSession, pin: DEMO_STAFF_PIN })).ok).toBe(true);
    expect(exits).toEqual(['staff']);
  });

  it('everything staff do is in the audit log', async () => {
    const dir = path.join(demo.dataDir, 'audit');
    const text = readdirSync(dir)
      .map((f) => readFileSync(path.join(dir, f), 'utf8'))
      .join('');
    for (const event of ['staff.unlock', 'staff.lock', 'staff.outbox_retry', 'staff.exit']) expect(text).toContain(`"event":"${event}"`);
    expect(text).toContain('"outcome":"wrong_pin"');
    expect(text).not.toContain(DEMO_STAFF_PIN);
  });
});

describe('staff helping a patient', () => {
  let demo: DemoKiosk;
  const clock = tenAm().getTime();
  const sender = { url: 'https://kiosk.invalid/index.html', isMainFrame: true, id: 1 };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads loosely typed IPC results
  let call: (channel: string, payload: unknown) => Promise<{ ok: boolean; value?: any; error?: { code: string } }>;
  let staffSession: string;

  beforeAll(async () => {
    demo = await startDemoKiosk({ now: () => new Date(clock), log: capturingLog().log });
    const dispatch = createIpcRouter(demo.kiosk.handlers, { log: capturingLog().log, isTrusted: () => true });
    call = (c, p) => dispatch(c, p, sender) as never;
    staffSession = (await call('staff:unlock', { pin: DEMO_STAFF_PIN })).value.staffSession;
  });
  afterAll(() => demo.close());

  const statusOf = async (id: string) => (await demo.server.repo.readResource<Appointment>('Appointment', id)).status;

  it("checks in a too-early appointment on the patient's behalf (window rules overridden)", async () => {
    const p = demo.server.scenarios!.tooEarly;
    const patientView = (await call('patient:identify', { familyName: p.family, birthDate: p.birthDate })).value;
    expect(patientView.appointments[0].state).toBe('too_early');
    const r = (await call('staff:identify', { staffSession, familyName: p.family, birthDate: p.birthDate })).value;
    expect(r.appointments[0].state).toBe('open');
    const res = (await call('staff:checkIn', { staffSession, session: r.session, keys: [r.appointments[0].key] })).value;
    expect(res.results[0].outcome).toBe('checked_in');
    expect(await statusOf(p.appointmentIds[0]!)).toBe('checked-in');
  });

  it('undoes a check-in (back to booked), and a second undo changes nothing', async () => {
    const p = demo.server.scenarios!.openNow;
    const mine = (await call('patient:identify', { familyName: p.family, birthDate: p.birthDate })).value;
    await call('patient:checkIn', { session: mine.session, keys: [mine.appointments[0].key] });
    expect(await statusOf(p.appointmentIds[0]!)).toBe('checked-in');
    const r = (await call('staff:identify', { staffSession, familyName: p.family, birthDate: p.birthDate })).value;
    expect(r.appointments[0].state).toBe('checked_in');
    expect((await call('staff:undo', { staffSession, session: r.session, key: r.appointments[0].key, pin: DEMO_STAFF_PIN })).value).toEqual(
      {
        outcome: 'undone',
      },
    );
    expect(await statusOf(p.appointmentIds[0]!)).toBe('booked');
    expect((await call('staff:undo', { staffSession, session: r.session, key: r.appointments[0].key, pin: DEMO_STAFF_PIN })).value).toEqual(
      {
        outcome: 'not_checked_in',
      },
    );
  });

  it('never undoes a status staff set in the EHR (e.g. fulfilled)', async () => {
    const p = demo.server.scenarios!.alreadyCheckedIn; // seeded as arrived
    const r = (await call('staff:identify', { staffSession, familyName: p.family, birthDate: p.birthDate })).value;
    const before = await statusOf(p.appointmentIds[0]!);
    const undo = (await call('staff:undo', { staffSession, session: r.session, key: r.appointments[0].key, pin: DEMO_STAFF_PIN })).value;
    expect(undo.outcome).toBe(before === 'checked-in' ? 'undone' : 'not_checked_in');
    if (before !== 'checked-in') expect(await statusOf(p.appointmentIds[0]!)).toBe(before);
  });

  it("staff misses do not start the patients' cooldown; patient sessions cannot be used on staff channels", async () => {
    for (let i = 0; i < 5; i++)
      expect((await call('staff:identify', { staffSession, familyName: 'Nobody', birthDate: '1990-01-01' })).value.outcome).toBe(
        'not_found',
      );
    const p = demo.server.scenarios!.twoWord;
    const mine = (await call('patient:identify', { familyName: p.family, birthDate: p.birthDate })).value;
    expect(mine.outcome).toBe('found');
    expect(
      (await call('staff:undo', { staffSession, session: mine.session, key: mine.appointments[0].key, pin: DEMO_STAFF_PIN })).error?.code,
    ).toBe('session_expired');
    expect(
      (await call('staff:checkIn', { staffSession: 'CCCCCCCCCCCCCCCCCCCC', session: mine.session, keys: [mine.appointments[0].key] })).error
        ?.code,
    ).toBe('staff_locked');
  });
});
