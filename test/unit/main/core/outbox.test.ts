import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { Outbox, OutboxEntry } from '../../../../main/core/outbox.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'kiosk-outbox-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

let n = 0;
const freshDir = () => path.join(root, `box-${++n}`);

function clock(start = '2026-06-15T14:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms), iso: () => new Date(t).toISOString() };
}

const SCHEMA_KEYS = Object.keys(OutboxEntry.shape).sort();

describe('Outbox basics', () => {
  it('starts empty when there is no file, and creates its directory', () => {
    const dir = freshDir();
    const box = new Outbox(dir, 'kiosk-1');
    expect(box.size).toBe(0);
    expect(box.list()).toEqual([]);
    expect(box.due()).toEqual([]);
    expect(existsSync(dir)).toBe(true);
    expect(existsSync(box.file)).toBe(false);
  });

  it('begin() writes a due "sending" entry ahead of the request', () => {
    const c = clock();
    const box = new Outbox(freshDir(), 'lobby-2', c.now);
    const e = box.begin('appt-1', 'checked-in');
    expect(e).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/),
      appointmentId: 'appt-1',
      targetStatus: 'checked-in',
      by: 'patient',
      kioskId: 'lobby-2',
      createdAt: '2026-06-15T14:00:00.000Z',
      state: 'sending',
      attempts: 0,
      nextAttemptAt: '2026-06-15T14:00:00.000Z',
      lastError: null,
    });
    expect(box.size).toBe(1);
    expect(box.find('appt-1')).toEqual(e);
    expect(box.find('appt-2')).toBeUndefined();
    expect(JSON.parse(readFileSync(box.file, 'utf8'))).toEqual([e]);
  });

  it('begin() for the same appointment re-uses its entry (no duplicates), updating the target status', () => {
    const c = clock();
    const box = new Outbox(freshDir(), 'kiosk-1', c.now);
    const first = box.begin('appt-1', 'checked-in');
    box.defer(first.id, 'timeout');
    c.advance(60_000);
    const again = box.begin('appt-1', 'arrived');
    expect(box.size).toBe(1);
    expect(again.id).toBe(first.id);
    expect(again.createdAt).toBe(first.createdAt);
    expect(again.attempts).toBe(1);
    expect(again.state).toBe('sending');
    expect(again.targetStatus).toBe('arrived');
  });

  it('remove() deletes an entry; removing an unknown id changes nothing and does not write', () => {
    const box = new Outbox(freshDir(), 'kiosk-1');
    const a = box.begin('appt-1', 'checked-in');
    const b = box.begin('appt-2', 'checked-in');
    box.remove(a.id);
    expect(box.list().map((e) => e.id)).toEqual([b.id]);
    const before = statSync(box.file).mtimeMs;
    const text = readFileSync(box.file, 'utf8');
    box.remove('no-such-id');
    expect(readFileSync(box.file, 'utf8')).toBe(text);
    expect(statSync(box.file).mtimeMs).toBe(before);
  });
});

describe('defer, due and expedite', () => {
  it('defer() makes an entry wait, records the error, and due() returns it only when its time comes', () => {
    const c = clock();
    const box = new Outbox(freshDir(), 'kiosk-1', c.now);
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const e = box.begin('appt-1', 'checked-in');
    // While this process is sending it, it is not due (the sender must not send it twice) …
    expect(box.due()).toEqual([]);
    // … but after a crash mid-send, the next process finds it due.
    expect(new Outbox(path.dirname(box.file), 'kiosk-1', c.now).due().map((x) => x.id)).toEqual([e.id]);
    const d = box.defer(e.id, 'http 503');
    // attempts 1: 5 s + 0.5 × min(15 min, 10 s × 2¹) = 15 s
    expect(d).toMatchObject({ state: 'waiting', attempts: 1, lastError: 'http 503', nextAttemptAt: '2026-06-15T14:00:15.000Z' });
    expect(box.due()).toEqual([]);
    c.advance(14_999);
    expect(box.due()).toEqual([]);
    c.advance(1);
    expect(box.due().map((x) => x.id)).toEqual([e.id]);
  });

  it('defer() of an unknown id returns undefined and changes nothing', () => {
    const box = new Outbox(freshDir(), 'kiosk-1');
    const e = box.begin('appt-1', 'checked-in');
    expect(box.defer('nope', 'x')).toBeUndefined();
    expect(box.list()).toEqual([e]);
  });

  it('keeps at most 200 characters of the error', () => {
    const box = new Outbox(freshDir(), 'kiosk-1');
    const e = box.begin('appt-1', 'checked-in');
    expect(box.defer(e.id, 'x'.repeat(1000))?.lastError).toHaveLength(200);
  });

  it('backoff grows with each attempt and is capped', () => {
    const c = clock();
    const box = new Outbox(freshDir(), 'kiosk-1', c.now);
    vi.spyOn(Math, 'random').mockReturnValue(0.999999);
    const e = box.begin('appt-1', 'checked-in');
    const delays: number[] = [];
    for (let i = 0; i < 14; i++) {
      const d = box.defer(e.id, 'network')!;
      delays.push(Date.parse(d.nextAttemptAt) - c.now().getTime());
    }
    // Grows…
    for (let i = 1; i < 6; i++) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
    // …up to a cap of 15 min (plus the 5 s floor), reached and held.
    const cap = 5_000 + 15 * 60_000;
    for (const d of delays) expect(d).toBeLessThanOrEqual(cap);
    expect(delays.at(-1)!).toBeGreaterThan(cap - 1_000);
    expect(delays.at(-1)).toBe(delays.at(-2));
  });

  it('backoff always waits at least 5 s, even with zero jitter', () => {
    const c = clock();
    const box = new Outbox(freshDir(), 'kiosk-1', c.now);
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const e = box.begin('appt-1', 'checked-in');
    const d = box.defer(e.id, 'network')!;
    expect(Date.parse(d.nextAttemptAt) - c.now().getTime()).toBe(5_000);
  });

  it('expedite(id) makes one entry due now; expedite() makes all due', () => {
    const c = clock();
    const box = new Outbox(freshDir(), 'kiosk-1', c.now);
    const a = box.begin('appt-1', 'checked-in');
    const b = box.begin('appt-2', 'arrived');
    box.defer(a.id, 'x');
    box.defer(b.id, 'x');
    expect(box.due()).toEqual([]);
    box.expedite(a.id);
    expect(box.due().map((e) => e.id)).toEqual([a.id]);
    box.expedite();
    expect(
      box
        .due()
        .map((e) => e.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    // Expedite only moves the time; the entry is still waiting with its attempts.
    expect(box.find('appt-2')).toMatchObject({ state: 'waiting', attempts: 1, nextAttemptAt: c.iso() });
  });
});

describe('persistence', () => {
  it('a new Outbox on the same directory sees the same entries, and they are due after a restart', () => {
    const dir = freshDir();
    const c = clock();
    const box = new Outbox(dir, 'kiosk-1', c.now);
    const a = box.begin('appt-1', 'checked-in'); // crashed while sending
    const b = box.begin('appt-2', 'arrived');
    const deferred = box.defer(b.id, 'http 502')!;
    const c2 = clock();
    c2.advance(10 * 60_000 + 20 * 60_000);
    const reopened = new Outbox(dir, 'kiosk-1', c2.now);
    expect(reopened.list()).toEqual([a, deferred]);
    expect(
      reopened
        .due()
        .map((e) => e.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
  });

  it('the file holds only the schema fields: no names, birth dates or other PHI', () => {
    const box = new Outbox(freshDir(), 'kiosk-1');
    const e = box.begin('appt-1', 'checked-in');
    box.defer(e.id, 'http 503');
    box.begin('appt-2', 'arrived');
    const saved = JSON.parse(readFileSync(box.file, 'utf8')) as Array<Record<string, unknown>>;
    expect(saved).toHaveLength(2);
    for (const entry of saved) expect(Object.keys(entry).sort()).toEqual(SCHEMA_KEYS);
  });

  it('extra fields in a file written by someone else are dropped on the next write', () => {
    const dir = freshDir();
    const box = new Outbox(dir, 'kiosk-1');
    const e = box.begin('appt-1', 'checked-in');
    writeFileSync(box.file, JSON.stringify([{ ...e, familyName: 'Okafor', birthDate: '1980-01-01' }]));
    const reopened = new Outbox(dir, 'kiosk-1');
    reopened.begin('appt-2', 'checked-in');
    const text = readFileSync(reopened.file, 'utf8');
    expect(text).not.toContain('Okafor');
    expect(text).not.toContain('1980-01-01');
  });

  it.skipIf(process.platform === 'win32')('writes the file with mode 0600 and creates the directory 0700', () => {
    const dir = freshDir();
    const box = new Outbox(dir, 'kiosk-1');
    box.begin('appt-1', 'checked-in');
    expect(statSync(box.file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('leaves no temporary file behind after a write', () => {
    const dir = freshDir();
    const box = new Outbox(dir, 'kiosk-1');
    box.begin('appt-1', 'checked-in');
    box.begin('appt-2', 'checked-in');
    expect(readdirSync(dir)).toEqual(['outbox.json']);
  });

  it('an interrupted write (a stray temp file) does not corrupt the list', () => {
    const dir = freshDir();
    const box = new Outbox(dir, 'kiosk-1');
    const a = box.begin('appt-1', 'checked-in');
    // A crash between writing the temp file and the rename leaves a half-written temp file behind.
    writeFileSync(path.join(dir, `outbox.json.${process.pid}.tmp`), '[{"id":"half-writ');
    writeFileSync(path.join(dir, 'outbox.json.99999.tmp'), 'garbage');
    const reopened = new Outbox(dir, 'kiosk-1');
    expect(reopened.list()).toEqual([a]);
    const b = reopened.begin('appt-2', 'arrived');
    expect(new Outbox(dir, 'kiosk-1').list()).toEqual([a, b]);
  });

  // Issue 10 item 9: a damaged file used to stop start-up (and the shell logged only the error class).
  it('a file that is valid JSON but not a valid outbox is moved aside (0600) and the outbox starts empty', () => {
    const dir = freshDir();
    const c = clock();
    const box = new Outbox(dir, 'kiosk-1', c.now);
    box.begin('appt-1', 'checked-in');
    const damagedText = JSON.stringify([{ id: 'x', appointmentId: 'appt-1', state: 'lost' }]);
    writeFileSync(box.file, damagedText);
    const reopened = new Outbox(dir, 'kiosk-1', c.now);
    expect(reopened.size).toBe(0);
    expect(reopened.damaged).toEqual({ reason: 'invalid_entries', movedTo: expect.stringContaining(`${box.file}.damaged-`), at: c.iso() });
    expect(readFileSync(reopened.damaged!.movedTo, 'utf8')).toBe(damagedText);
    if (process.platform !== 'win32') expect(statSync(reopened.damaged!.movedTo).mode & 0o777).toBe(0o600);
    expect(existsSync(box.file)).toBe(false);
    // The next start is clean: nothing damaged any more, and the new outbox works.
    reopened.begin('appt-2', 'checked-in');
    const again = new Outbox(dir, 'kiosk-1', c.now);
    expect(again.damaged).toBeNull();
    expect(again.list().map((e) => e.appointmentId)).toEqual(['appt-2']);
  });

  // Regression (outbox.ts readEntries, fixed): JSON.parse runs outside the validity check, so a truncated/garbled
  // file throws a bare SyntaxError without the file name or the "move it aside" advice.
  it('a file that is not JSON at all is moved aside the same way', () => {
    const dir = freshDir();
    const box = new Outbox(dir, 'kiosk-1');
    box.begin('appt-1', 'checked-in');
    writeFileSync(box.file, '[{"id":"abc","appointmentId":"appt-');
    const reopened = new Outbox(dir, 'kiosk-1');
    expect(reopened.damaged).toMatchObject({ reason: 'not_json', movedTo: expect.stringContaining(box.file) });
    expect(reopened.size).toBe(0);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'a file that cannot be read at all stops start-up with a safe reason code naming the file',
    () => {
      const dir = freshDir();
      const box = new Outbox(dir, 'kiosk-1');
      box.begin('appt-1', 'checked-in');
      chmodSync(box.file, 0o000);
      try {
        expect(() => new Outbox(dir, 'kiosk-1')).toThrow(expect.objectContaining({ code: 'outbox_unreadable', name: 'OutboxError' }));
        expect(() => new Outbox(dir, 'kiosk-1')).toThrow(box.file);
      } finally {
        chmodSync(box.file, 0o600);
      }
    },
  );

  it('an entry written before `by` existed reads as a patient check-in', () => {
    const dir = freshDir();
    const box = new Outbox(dir, 'kiosk-1');
    const { by: _by, ...old } = box.begin('appt-1', 'checked-in', 'staff');
    writeFileSync(box.file, JSON.stringify([old]));
    expect(new Outbox(dir, 'kiosk-1').list()).toEqual([{ ...old, by: 'patient' }]);
  });

  it('begin() records who asked', () => {
    const box = new Outbox(freshDir(), 'kiosk-1');
    expect(box.begin('appt-1', 'checked-in', 'staff').by).toBe('staff');
    expect(box.begin('appt-2', 'arrived').by).toBe('patient');
  });
});
