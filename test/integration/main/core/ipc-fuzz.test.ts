/**
 * Hostile IPC: thousands of generated malformed payloads across every channel, plus unknown channels.
 * Every one gets a validation error, main never crashes, and no state changes (no session, no write,
 * no outbox entry, no prototype pollution).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, contract } from '../../../../preload/contract.js';
import { createIpcRouter, type Dispatch } from '../../../../main/core/ipc-router.js';
import { startDemoKiosk, type DemoKiosk } from '../../../../dev/demo-kiosk.js';
import { prng } from '../../../../dev/demo-server/prng.js';
import { capturingLog, tenAm } from '../../../support/fixtures.js';

const NASTY_STRINGS = [
  '',
  ' ',
  'a'.repeat(1_000_000),
  '\u0000',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Egnirts',
  '\u200B\u200D\uFEFF',
  '👩🏽‍⚕️'.repeat(100),
  'Robert"); DROP TABLE Patient;--',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '1900-13-45',
  '2023-02-30',
  '9999-99-99',
  '__proto__',
  'constructor',
  'Ω≈ç√∫˜µ≤≥÷',
  'null',
];

function generate(rand: () => number, depth = 0): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const kind = Math.floor(rand() * (depth > 3 ? 6 : 10));
  switch (kind) {
    case 0:
      return pick(NASTY_STRINGS);
    case 1:
      return pick([0, -0, -1, 1.5, NaN, Infinity, -Infinity, 1e308, Number.MAX_SAFE_INTEGER + 2]);
    case 2:
      return pick([null, undefined, true, false]);
    case 3:
      return pick([new Date(NaN), new Date(0), new Map([['a', 1]]), new Set([1]), /x/g, new Uint8Array(8), 10n]);
    case 4: {
      let deep: unknown = {};
      for (let i = 0; i < 2000; i++) deep = rand() < 0.5 ? [deep] : { a: deep };
      return deep;
    }
    case 5:
      return JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    case 6:
    case 7: {
      // Right keys, wrong values: the most likely shape of a buggy or malicious renderer.
      const keys = ['familyName', 'birthDate', 'givenName', 'session', 'keys', 'extra'];
      return Object.fromEntries(keys.filter(() => rand() < 0.6).map((k) => [k, generate(rand, depth + 1)]));
    }
    case 8:
      return Array.from({ length: Math.floor(rand() * 30) }, () => generate(rand, depth + 1));
    default:
      return {
        session: 'A'.repeat(Math.floor(rand() * 100)),
        keys: Array.from({ length: Math.floor(rand() * 40) }, () => pick(NASTY_STRINGS)),
      };
  }
}

describe('IPC fuzzing against the real kiosk handlers', () => {
  let demo: DemoKiosk;
  let dispatch: Dispatch;
  const sender = { url: 'https://kiosk.invalid/index.html', isMainFrame: true, id: 1 };
  beforeAll(async () => {
    demo = await startDemoKiosk({ now: tenAm, log: capturingLog().log });
    dispatch = createIpcRouter(demo.kiosk.handlers, { log: capturingLog().log, isTrusted: (s) => s.id === 1 });
  });
  afterAll(() => demo.close());

  it('answers 5,000 malformed payloads across every channel with invalid_request and changes nothing', async () => {
    const rand = prng(20261124);
    demo.server.resetRequests();
    let answered = 0;
    for (let i = 0; i < 5000; i++) {
      const channel = channels[i % channels.length]!;
      const payload = generate(rand);
      if (contract[channel].request.safeParse(payload).success) continue; // by chance valid: not a malformed case
      const res = await dispatch(channel, payload, sender);
      expect(res, `${channel} #${i}`).toEqual({ ok: false, error: { code: 'invalid_request', message: expect.any(String) } });
      answered++;
    }
    expect(answered).toBeGreaterThan(4500);
    expect(demo.server.requests.filter((r) => !r.tokenRequest)).toHaveLength(0);
    expect(demo.kiosk.parts!.checkIn.activeSessions).toBe(0);
    expect(demo.kiosk.parts!.outbox.size).toBe(0);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('unknown and hostile channel names get unknown_channel', async () => {
    for (const channel of [
      'kiosk:exec',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '',
      'patient:identify ',
      'PATIENT:IDENTIFY',
      42,
      null,
      undefined,
      {},
      ['kiosk:info'],
      Symbol.iterator.toString(),
    ]) {
      expect(await dispatch(channel, {}, sender)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('a well-formed request for an unknown session is session_expired, not a crash', async () => {
    expect(await dispatch('patient:checkIn', { session: 'AAAAAAAAAAAAAAAAAAAAAAAA', keys: ['BBBBBBBBBBBB'] }, sender)).toMatchObject({
      ok: false,
      error: { code: 'session_expired' },
    });
  });

  it('a forged key inside a real session is refused without any FHIR write', async () => {
    const s = demo.server.scenarios!.openNow;
    const id = await dispatch('patient:identify', { familyName: s.family, birthDate: s.birthDate }, sender);
    if (!id.ok || (id.value as { outcome: string }).outcome !== 'found') throw new Error('identify failed');
    const session = (id.value as { session: string }).session;
    demo.server.resetRequests();
    expect(await dispatch('patient:checkIn', { session, keys: ['forgedkey1234'] }, sender)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(demo.server.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
    await dispatch('patient:endSession', { session }, sender);
  });
});
