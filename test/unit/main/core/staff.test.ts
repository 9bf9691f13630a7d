/** Staff PIN limiter: atomic under a concurrent burst, backs off, survives a restart, monotonic, fresh PIN. */
import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../main/core/audit.js';
import { memorySecretStore, type SecretStore } from '../../../../main/core/secrets.js';
import { StaffAuth } from '../../../../main/core/staff.js';
import { hashPin } from '../../../../main/core/staff-pin.js';

const PIN = '482913';
let hash = '';
beforeAll(async () => void (hash = await hashPin(PIN)));

function setup(o: { dir?: string; secrets?: SecretStore } = {}) {
  const dir = o.dir ?? mkdtempSync(path.join(os.tmpdir(), 'staff-'));
  const secrets = o.secrets ?? memorySecretStore({ 'staff-pin-hash': hash });
  const audit: AuditEntry[] = [];
  let mono = 1_000_000;
  let wall = Date.UTC(2026, 0, 5, 15);
  const staff = new StaffAuth({
    secrets,
    audit: { record: (e) => void audit.push(e) },
    clock: () => mono,
    now: () => wall,
    stateFile: path.join(dir, 'staff-lockout.json'),
  });
  return {
    staff,
    dir,
    secrets,
    audit,
    advance: (ms: number) => void (mono += ms),
    stepWall: (ms: number) => void (wall += ms),
  };
}

const count = (outcomes: string[]) => outcomes.reduce<Record<string, number>>((m, o) => ((m[o] = (m[o] ?? 0) + 1), m), {});

describe('StaffAuth PIN limiter', () => {
  it('a burst of 201 concurrent unlocks (200 wrong, the right one last) unlocks nothing and runs one scrypt check', async () => {
    let hashReads = 0;
    const inner = memorySecretStore({ 'staff-pin-hash': hash });
    const counting = setup({ secrets: { ...inner, get: (n) => (hashReads++, inner.get(n)) } });
    const pins = [...Array.from({ length: 200 }, (_, i) => String(100000 + i)), PIN];
    const results = await Promise.all(pins.map((p) => counting.staff.unlock(p)));
    expect(count(results.map((r) => r.outcome)), `unlocked ${results.at(-1)!.outcome}`).toEqual({ wrong_pin: 1, locked_out: 200 });
    expect(hashReads).toBe(1);
  }, 120_000);

  it('a burst of 50 concurrent fresh-PIN checks (exit/undo; 49 wrong, the right one last) confirms nothing and runs one scrypt check', async () => {
    let hashReads = 0;
    const inner = memorySecretStore({ 'staff-pin-hash': hash });
    const counting = setup({ secrets: { ...inner, get: (n) => (hashReads++, inner.get(n)) } });
    const u = await counting.staff.unlock(PIN);
    if (u.outcome !== 'unlocked') throw new Error(u.outcome);
    hashReads = 0;
    const pins = [...Array.from({ length: 49 }, (_, i) => String(100000 + i)), PIN];
    const settled = await Promise.allSettled(pins.map((p) => counting.staff.requireFresh(u.staffSession, p)));
    const codes = settled.map((r) => (r.status === 'fulfilled' ? 'confirmed' : (r.reason as { code: string }).code));
    // The first check is the only one run (a wrong PIN); the rest are refused while it runs, the right one included.
    expect(count(codes)).toEqual({ pin_rejected: 1, staff_locked: 49 });
    expect(hashReads).toBe(1);
    // Refused as busy, not locked out: the session is still open for the next, single try.
    await expect(counting.staff.requireFresh(u.staffSession, PIN)).resolves.toMatchObject({ expiresAt: expect.any(String) });
  }, 120_000);

  it('five wrong PINs lock out, the right PIN is refused during the lockout, and the lockout doubles', async () => {
    const { staff, advance } = setup();
    for (let left = 4; left >= 1; left--) expect(await staff.unlock('000000')).toEqual({ outcome: 'wrong_pin', attemptsLeft: left });
    expect((await staff.unlock('000000')).outcome).toBe('locked_out');
    expect((await staff.unlock(PIN)).outcome).toBe('locked_out');
    advance(5 * 60_000 + 1);
    for (let i = 0; i < 5; i++) await staff.unlock('000000');
    advance(5 * 60_000 + 1);
    expect((await staff.unlock(PIN)).outcome).toBe('locked_out'); // second lockout is 10 minutes
    advance(5 * 60_000);
    expect((await staff.unlock(PIN)).outcome).toBe('unlocked');
  });

  it('sequential bursts after the lockout: 0 unlocks out of 50', async () => {
    const { staff } = setup();
    for (let i = 0; i < 5; i++) await staff.unlock('000000');
    const results = [];
    for (let i = 0; i < 50; i++) results.push((await staff.unlock(i === 49 ? PIN : '111111')).outcome);
    expect(count(results)).toEqual({ locked_out: 50 });
  });

  it('the lockout and the failure count survive a restart (a 0600 file, no secret in it)', async () => {
    const first = setup();
    for (let i = 0; i < 5; i++) await first.staff.unlock('000000');
    const file = path.join(first.dir, 'staff-lockout.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = setup({ dir: first.dir });
    expect((await second.staff.unlock(PIN)).outcome).toBe('locked_out');

    const third = setup();
    for (let i = 0; i < 3; i++) await third.staff.unlock('000000');
    const restarted = setup({ dir: third.dir });
    expect(await restarted.staff.unlock('000000')).toEqual({ outcome: 'wrong_pin', attemptsLeft: 1 });
  });

  it('a wall-clock step back neither extends a session nor shortens a lockout (monotonic durations)', async () => {
    const { staff, advance, stepWall } = setup();
    const u = await staff.unlock(PIN);
    if (u.outcome !== 'unlocked') throw new Error(u.outcome);
    advance(2 * 60_000 + 1);
    stepWall(-3600_000);
    expect(() => staff.require(u.staffSession)).toThrow(/locked/i);
  });

  it('a staff session has an absolute lifetime of 15 minutes however busy it is', async () => {
    const { staff, advance } = setup();
    const u = await staff.unlock(PIN);
    if (u.outcome !== 'unlocked') throw new Error(u.outcome);
    for (let i = 0; i < 14; i++) {
      advance(60_000);
      staff.require(u.staffSession);
    }
    advance(60_001);
    expect(() => staff.require(u.staffSession)).toThrow(/locked/i);
  });

  it('requireFresh: exit/undo need the PIN again; a wrong one counts toward the lockout', async () => {
    const { staff } = setup();
    const u = await staff.unlock(PIN);
    if (u.outcome !== 'unlocked') throw new Error(u.outcome);
    await expect(staff.requireFresh(u.staffSession, PIN)).resolves.toMatchObject({ expiresAt: expect.any(String) });
    // A wrong PIN: refused with its own code, and the session stays open.
    await expect(staff.requireFresh(u.staffSession, '000000')).rejects.toMatchObject({ code: 'pin_rejected' });
    expect(() => staff.require(u.staffSession)).not.toThrow();
    await expect(staff.requireFresh('nope', PIN)).rejects.toMatchObject({ code: 'staff_locked' });
    for (let i = 0; i < 3; i++) await expect(staff.requireFresh(u.staffSession, '000000')).rejects.toMatchObject({ code: 'pin_rejected' });
    await expect(staff.requireFresh(u.staffSession, '000000')).rejects.toMatchObject({ code: 'staff_locked' });
    // The fifth failure locked staff mode out and ended every staff session.
    expect(() => staff.require(u.staffSession)).toThrow(/locked/i);
    expect((await staff.unlock(PIN)).outcome).toBe('locked_out');
  });

  it('a PIN shorter than 6 digits still unlocks an old hash, with a request to change it', async () => {
    const { staff, audit } = setup({ secrets: memorySecretStore({ 'staff-pin-hash': await hashPin('2468') }) });
    expect(await staff.unlock('2468')).toMatchObject({ outcome: 'unlocked', changePin: true });
    expect(audit.at(-1)).toMatchObject({ event: 'staff.unlock', outcome: 'unlocked_pin_too_short' });
  });
});
