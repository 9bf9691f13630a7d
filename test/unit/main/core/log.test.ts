import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, createRedactor, dailyFileSink, memorySink, type Level } from '../../../../main/core/log.js';

const NOW = new Date('2026-06-15T14:03:04.005Z');

function logged(fields: Record<string, unknown>, setup?: (log: ReturnType<typeof createLogger>) => void) {
  const sink = memorySink();
  const log = createLogger([sink], { now: () => NOW });
  setup?.(log);
  log.info('test.event', fields);
  expect(sink.lines).toHaveLength(1);
  return { line: sink.lines[0]!, parsed: JSON.parse(sink.lines[0]!) as Record<string, unknown> };
}

describe('log line format', () => {
  it('is one JSON object per line with at, level, event, then the fields', () => {
    const { line, parsed } = logged({ appointmentId: 'appt-1', status: 412 });
    expect(line).not.toContain('\n');
    expect(parsed).toEqual({ at: '2026-06-15T14:03:04.005Z', level: 'info', event: 'test.event', appointmentId: 'appt-1', status: 412 });
    expect(Object.keys(parsed).slice(0, 3)).toEqual(['at', 'level', 'event']);
  });

  it('writes each line to every sink', () => {
    const a = memorySink();
    const b = memorySink();
    createLogger([a, b]).warn('x');
    expect(a.lines).toHaveLength(1);
    expect(b.lines).toEqual(a.lines);
  });
});

describe('minLevel', () => {
  const levels: Level[] = ['debug', 'info', 'warn', 'error'];
  it.each<[Level | undefined, Level[]]>([
    [undefined, ['info', 'warn', 'error']],
    ['debug', ['debug', 'info', 'warn', 'error']],
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
  ])('minLevel %s keeps %j', (minLevel, kept) => {
    const sink = memorySink();
    const log = createLogger([sink], minLevel ? { minLevel } : {});
    for (const l of levels) log[l](`e.${l}`);
    expect(sink.lines.map((l) => (JSON.parse(l) as { level: string }).level)).toEqual(kept);
  });
});

describe('redaction of sensitive keys', () => {
  it.each([
    'token',
    'access_token',
    'accessToken',
    'clientSecret',
    'client_secret',
    'password',
    'pin',
    'staffPin',
    'authorization',
    'Authorization',
    'cookie',
    'Set-Cookie',
    'name',
    'familyName',
    'given',
    'givenName',
    'family',
    'birthDate',
    'dob',
    'DOB',
    'phone',
    'phoneNumber',
    'email',
    'address',
    'telecom',
  ])('%s is masked at the top level and nested', (key) => {
    const value = 'SYNTHETIC-VALUE-1234';
    const { line, parsed } = logged({ [key]: value, nested: { deeper: { [key]: value } }, list: [{ [key]: value }] });
    expect(line).not.toContain(value);
    expect(parsed[key]).toBe('[redacted]');
    expect(parsed['nested']).toEqual({ deeper: { [key]: '[redacted]' } });
    expect(parsed['list']).toEqual([{ [key]: '[redacted]' }]);
  });

  it('masks a sensitive key whatever its value type', () => {
    const { parsed } = logged({ name: { family: 'Okafor', given: ['Amara'] }, birthDate: 19800229, phone: null });
    expect(parsed).toMatchObject({ name: '[redacted]', birthDate: '[redacted]', phone: '[redacted]' });
  });

  it('leaves operational fields alone', () => {
    const { parsed } = logged({ appointmentId: 'appt-1', status: 503, correlationId: 'corr-9', method: 'PUT', ok: false, ms: 12.5 });
    expect(parsed).toMatchObject({ appointmentId: 'appt-1', status: 503, correlationId: 'corr-9', method: 'PUT', ok: false, ms: 12.5 });
  });

  // Regression (log.ts redact, fixed): past depth 4 an object is returned as is, so its keys are never checked.
  it('masks sensitive keys however deep they are nested', () => {
    const { line } = logged({ a: { b: { c: { d: { e: { token: 'SYNTHETIC-TOKEN-9', familyName: 'Okafor' } } } } } });
    expect(line).not.toContain('SYNTHETIC-TOKEN-9');
    expect(line).not.toContain('Okafor');
  });

  // Regression (log.ts redact, same root cause, fixed): the raw cyclic object reaches JSON.stringify, which throws.
  it('never throws on a circular structure', () => {
    const loop: Record<string, unknown> = { id: 'x' };
    loop['self'] = loop;
    const sink = memorySink();
    const log = createLogger([sink]);
    expect(() => log.error('with.loop', { loop })).not.toThrow();
    expect(sink.lines).toHaveLength(1);
  });

  it('keeps at most 20 array items', () => {
    const { parsed } = logged({ ids: Array.from({ length: 50 }, (_, i) => `id-${i}`) });
    expect(parsed['ids']).toHaveLength(20);
    expect((parsed['ids'] as string[])[19]).toBe('id-19');
  });
});

describe('redaction inside strings', () => {
  it.each([
    ['Authorization: Bearer eyJhbGciOi.synthetic-payload.sig', 'Authorization: Bearer [redacted]'],
    ['bearer abc123~+/=', 'Bearer [redacted]'],
    ['GET /Patient failed (Bearer  tok_SYNTH-1) retrying', 'GET /Patient failed (Bearer [redacted]) retrying'],
    ['two: Bearer aaa and Bearer bbb', 'two: Bearer [redacted] and Bearer [redacted]'],
  ])('%j → %j', (input, expected) => {
    expect(logged({ detail: input }).parsed['detail']).toBe(expected);
  });

  it('scrubs registered secrets inside any string, at any depth', () => {
    const secret = 'synthetic-client-secret-XYZ';
    const { line, parsed } = logged(
      { url: `https://auth.example.org/token?client_secret=${secret}&x=1`, nested: { list: [`prefix${secret}suffix`] } },
      (log) => log.addSecret(secret),
    );
    expect(line).not.toContain(secret);
    expect(parsed['url']).toBe('https://auth.example.org/token?client_secret=[redacted]&x=1');
    expect(parsed['nested']).toEqual({ list: ['prefix[redacted]suffix'] });
  });

  it('applies only to lines written after the secret is registered, and keeps every registered secret', () => {
    const sink = memorySink();
    const log = createLogger([sink]);
    log.info('before', { detail: 'secret-one-AAAA' });
    log.addSecret('secret-one-AAAA');
    log.addSecret('secret-two-BBBB');
    log.info('after', { detail: 'secret-one-AAAA secret-two-BBBB' });
    expect(sink.lines[0]).toContain('secret-one-AAAA');
    expect(JSON.parse(sink.lines[1]!)).toMatchObject({ detail: '[redacted] [redacted]' });
  });

  it('ignores empty and very short registered values (they would mangle every line)', () => {
    const { parsed } = logged({ detail: 'abc status ok' }, (log) => {
      log.addSecret('');
      log.addSecret('abc');
    });
    expect(parsed['detail']).toBe('abc status ok');
  });
});

describe('Error values', () => {
  it('are logged as name and scrubbed message, without the stack', () => {
    const { redact, addSecret } = createRedactor();
    addSecret('synthetic-token-QQQQ');
    const err = new TypeError('fetch failed with synthetic-token-QQQQ and Bearer abc.def');
    expect(redact({ err })).toEqual({ err: { error: 'TypeError', message: 'fetch failed with [redacted] and Bearer [redacted]' } });
    expect(JSON.stringify(redact({ err }))).not.toContain('at ');
  });

  it('in a logger line', () => {
    const { parsed } = logged({ cause: new RangeError('out of range') });
    expect(parsed['cause']).toEqual({ error: 'RangeError', message: 'out of range' });
  });
});

describe('dailyFileSink', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kiosk-log-test-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes one file a day and starts a new one when the day changes', () => {
    const dir = path.join(root, 'daily');
    let now = new Date('2026-06-15T23:59:59.000Z');
    const sink = dailyFileSink(dir, 'kiosk', 30, () => now);
    sink.write('{"n":1}');
    sink.write('{"n":2}');
    now = new Date('2026-06-16T00:00:00.000Z');
    sink.write('{"n":3}');
    expect(readdirSync(dir).sort()).toEqual(['kiosk-2026-06-15.jsonl', 'kiosk-2026-06-16.jsonl']);
    expect(readFileSync(path.join(dir, 'kiosk-2026-06-15.jsonl'), 'utf8')).toBe('{"n":1}\n{"n":2}\n');
    expect(readFileSync(path.join(dir, 'kiosk-2026-06-16.jsonl'), 'utf8')).toBe('{"n":3}\n');
  });

  it.skipIf(process.platform === 'win32')('creates the directory 0700 and files 0600', () => {
    const dir = path.join(root, 'modes');
    const sink = dailyFileSink(dir, 'kiosk', 30, () => NOW);
    sink.write('x');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, 'kiosk-2026-06-15.jsonl')).mode & 0o777).toBe(0o600);
  });

  it('deletes its own files older than the retention, on start and when the day changes, and nothing else', () => {
    const dir = path.join(root, 'prune');
    mkdirSync(dir, { recursive: true });
    const files = [
      'kiosk-2026-06-01.jsonl',
      'kiosk-2026-06-11.jsonl',
      'kiosk-2026-06-12.jsonl',
      'kiosk-2026-06-14.jsonl',
      'audit-2026-06-01.jsonl',
      'kiosk-2026-06-01.jsonl.bak',
      'notes.txt',
    ];
    for (const f of files) writeFileSync(path.join(dir, f), 'old\n');
    let now = new Date('2026-06-15T08:00:00.000Z');
    const sink = dailyFileSink(dir, 'kiosk', 3, () => now);
    sink.write('today');
    // cutoff is 2026-06-12: older days go, the cutoff day and later stay.
    expect(readdirSync(dir).sort()).toEqual(
      [
        'audit-2026-06-01.jsonl',
        'kiosk-2026-06-01.jsonl.bak',
        'kiosk-2026-06-12.jsonl',
        'kiosk-2026-06-14.jsonl',
        'kiosk-2026-06-15.jsonl',
        'notes.txt',
      ].sort(),
    );
    now = new Date('2026-06-16T08:00:00.000Z');
    sink.write('tomorrow');
    expect(existsSync(path.join(dir, 'kiosk-2026-06-12.jsonl'))).toBe(false);
    expect(existsSync(path.join(dir, 'kiosk-2026-06-13.jsonl'))).toBe(false);
    expect(existsSync(path.join(dir, 'kiosk-2026-06-14.jsonl'))).toBe(true);
    expect(existsSync(path.join(dir, 'audit-2026-06-01.jsonl'))).toBe(true);
  });

  it('works as a logger sink', () => {
    const dir = path.join(root, 'logger');
    const log = createLogger([dailyFileSink(dir, 'kiosk', 7, () => NOW)], { now: () => NOW });
    log.addSecret('synthetic-secret-777');
    log.warn('fhir.failed', { status: 503, familyName: 'Okafor', detail: 'key synthetic-secret-777' });
    const text = readFileSync(path.join(dir, 'kiosk-2026-06-15.jsonl'), 'utf8');
    expect(text).not.toContain('Okafor');
    expect(text).not.toContain('synthetic-secret-777');
    expect(JSON.parse(text)).toMatchObject({ level: 'warn', event: 'fhir.failed', status: 503, familyName: '[redacted]' });
  });
});

describe('bounded, aggregated, never throwing', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kiosk-log-bounds-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('24,616 invalid IPC requests write a few lines, one of them the count', async () => {
    const { createIpcRouter } = await import('../../../../main/core/ipc-router.js');
    const dir = path.join(root, 'flood');
    const log = createLogger([dailyFileSink(dir, 'kiosk', 30, () => NOW)]);
    const dispatch = createIpcRouter({} as never, { log, isTrusted: () => true });
    const sender = { url: 'app://kiosk/', isMainFrame: true, id: 1 };
    for (let i = 0; i < 24_616; i++) await dispatch('patient:identify', { familyName: i, birthDate: 'x' }, sender);
    (log as { flush?: () => void }).flush?.();
    const text = readFileSync(path.join(dir, 'kiosk-2026-06-15.jsonl'), 'utf8');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Buffer.byteLength(text)).toBeLessThan(4096);
    expect(lines.filter((l) => l['event'] === 'ipc.invalid_request')).toHaveLength(6); // 5 in full, 1 summary
    expect(lines.find((l) => l['repeated'])).toMatchObject({ event: 'ipc.invalid_request', repeated: 24_611 });
  });

  it('a new window writes the event again; different codes are not folded together', () => {
    let t = 0;
    const sink = memorySink();
    const log = createLogger([sink], { clock: () => t, aggregateMs: 1000, aggregateAfter: 1 });
    log.warn('x', { code: 'a' });
    log.warn('x', { code: 'a' });
    log.warn('x', { code: 'b' });
    t = 1500;
    log.warn('x', { code: 'a' });
    expect(sink.lines.map((l) => JSON.parse(l) as Record<string, unknown>).map((l) => [l['code'], l['repeated']])).toEqual([
      ['a', undefined],
      ['b', undefined],
      ['a', 1],
      ['a', undefined],
    ]);
    expect(log.stats().aggregated).toBe(1);
  });

  it('a day file stops at its cap with one marker line; the drops are counted', () => {
    const dir = path.join(root, 'cap');
    const sink = dailyFileSink(dir, 'kiosk', 30, { now: () => NOW, maxFileBytes: 1000 });
    for (let i = 0; i < 100; i++) sink.write(JSON.stringify({ i, pad: 'x'.repeat(80) }));
    const size = statSync(path.join(dir, 'kiosk-2026-06-15.jsonl')).size;
    expect(size).toBeLessThanOrEqual(1000 + 200);
    expect(readFileSync(path.join(dir, 'kiosk-2026-06-15.jsonl'), 'utf8')).toContain('log.cap_reached');
    expect(sink.stats().dropped.file_cap).toBe(100 - sink.stats().written);
    expect(sink.stats().written).toBeGreaterThan(0);
  });

  it('the total cap deletes the oldest days first', () => {
    const dir = path.join(root, 'total');
    mkdirSync(dir, { recursive: true });
    for (const d of ['2026-06-10', '2026-06-11', '2026-06-12']) writeFileSync(path.join(dir, `kiosk-${d}.jsonl`), 'y'.repeat(4000));
    const sink = dailyFileSink(dir, 'kiosk', 30, { now: () => NOW, maxTotalBytes: 10_000 });
    sink.write('{"n":1}');
    expect(readdirSync(dir).sort()).toEqual(['kiosk-2026-06-11.jsonl', 'kiosk-2026-06-12.jsonl', 'kiosk-2026-06-15.jsonl']);
  });

  it('a refused write keeps the line for the next write (bounded), and never throws', () => {
    const dir = path.join(root, 'refused');
    writeFileSync(dir, 'a file where the directory should be');
    const sink = dailyFileSink(dir, 'kiosk', 30, { now: () => NOW, maxBufferBytes: 100 });
    expect(() => {
      for (let i = 0; i < 10; i++) sink.write(JSON.stringify({ i, pad: 'z'.repeat(30) }));
    }).not.toThrow();
    expect(sink.stats()).toMatchObject({ written: 0, failedWrites: 10, lastError: expect.stringMatching(/ENOTDIR|EEXIST/) });
    expect(sink.stats().dropped.buffer_full).toBeGreaterThanOrEqual(8);
    rmSync(dir);
    sink.write('{"back":true}');
    expect(sink.stats().written).toBeGreaterThanOrEqual(2);
    expect(existsSync(path.join(dir, 'kiosk-2026-06-15.jsonl'))).toBe(true);
  });
});
