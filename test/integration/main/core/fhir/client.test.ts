import type { Appointment, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FhirClient, operationDeadline } from '../../../../../main/core/fhir/client.js';
import { FhirError } from '../../../../../main/core/fhir/errors.js';
import { TokenProvider } from '../../../../../main/core/fhir/token-provider.js';
import { memorySecretStore } from '../../../../../main/core/secrets.js';
import type { DemoServer } from '../../../../../dev/demo-server/index.js';
import { capturingLog, demoServer } from '../../../../support/fixtures.js';

/** A client whose every request is recorded with its headers (to prove what goes on the wire). */
function recordingClient(server: DemoServer, opts: { timeoutMs?: number; maxRetries?: number } = {}) {
  const sent: Array<{ method: string; url: URL; headers: Headers }> = [];
  const recordingFetch: typeof fetch = (input, init) => {
    sent.push({ method: init?.method ?? 'GET', url: new URL(String(input)), headers: new Headers(init?.headers) });
    return fetch(input, init);
  };
  const { log, lines } = capturingLog();
  const tokens = new TokenProvider({
    tokenUrl: server.tokenUrl,
    clientId: server.clientId,
    secrets: memorySecretStore({ 'fhir-client-secret': server.clientSecret }),
    log,
  });
  const fhir = new FhirClient({
    baseUrl: server.baseUrl,
    profile: server.profile,
    tokens,
    log,
    fetch: recordingFetch,
    timeoutMs: opts.timeoutMs ?? 3000,
    maxRetries: opts.maxRetries ?? 2,
    sleep: async () => {},
  });
  return { fhir, tokens, sent, lines };
}

for (const profile of ['canvas', 'r4'] as const) {
  describe(`FhirClient (${profile} profile) against the demo server over HTTP`, () => {
    let server: DemoServer;
    beforeAll(async () => void (server = await demoServer({ profile })));
    afterAll(() => server.close());
    beforeEach(() => server.faults.clear());

    const todayAppointment = () => server.scenarios!.openNow.appointmentIds[0]!;

    it('pages through 3+ pages following next links, never asking for more than 100 a page, bearer on every request', async () => {
      const { fhir, sent } = recordingClient(server);
      const all = await fhir.search<Patient>('Patient', { _count: '15' });
      const pages = sent.filter((s) => s.url.pathname === '/Patient');
      expect(all.length).toBeGreaterThanOrEqual(40);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(new Set(all.map((p) => p.resource.id)).size).toBe(all.length);
      for (const s of sent.filter((x) => !x.url.pathname.startsWith('/auth'))) {
        expect(s.headers.get('authorization')).toMatch(/^Bearer \S+$/);
        expect(Number(s.url.searchParams.get('_count') ?? 0)).toBeLessThanOrEqual(100);
      }
    });

    it('clamps a _count above 100 to 100', async () => {
      const { fhir, sent } = recordingClient(server);
      await fhir.search<Patient>('Patient', { _count: '500' });
      expect(sent.filter((s) => s.url.pathname === '/Patient').every((s) => s.url.searchParams.get('_count') === '100')).toBe(true);
    });

    it('an empty search result (no entry) is an empty list', async () => {
      const { fhir } = recordingClient(server);
      expect(await fhir.search<Patient>('Patient', { birthdate: '1850-01-01' })).toEqual([]);
    });

    it('read → guarded update succeeds (null body on Canvas, resource on R4); a stale guard gets 412', async () => {
      const { fhir, sent } = recordingClient(server);
      const first = await fhir.read<Appointment>('Appointment', todayAppointment());
      if (profile === 'canvas') expect(first.guard.ifUnmodifiedSince).toMatch(/GMT$/);
      else expect(first.guard.etag).toMatch(/^W\/"/);
      // Let a second pass so a whole-second If-Unmodified-Since can tell the writes apart.
      await new Promise((r) => setTimeout(r, 1100));
      const body = { ...first.resource, status: 'booked' as const };
      const result = await fhir.update(body, first.guard);
      if (profile === 'canvas') expect(result).toBeNull();
      else expect(result?.resourceType).toBe('Appointment');
      const put = sent.find((s) => s.method === 'PUT')!;
      expect(put.headers.get(profile === 'canvas' ? 'if-unmodified-since' : 'if-match')).toBeTruthy();
      await expect(fhir.update(body, first.guard)).rejects.toMatchObject({ status: 412 });
    });

    it('401 → one token refresh and one retry', async () => {
      const { fhir, tokens } = recordingClient(server);
      await tokens.getToken();
      server.revokeAllTokens();
      server.resetRequests();
      await fhir.read<Appointment>('Appointment', todayAppointment());
      expect(server.requests.filter((r) => r.tokenRequest)).toHaveLength(1);
      expect(server.requests.filter((r) => r.path.startsWith('/Appointment')).map((r) => r.status)).toEqual([401, 200]);
    });

    it('a second 401 after refreshing is an auth error, not a loop', async () => {
      const { fhir } = recordingClient(server);
      server.faults.add({ path: /^\/Appointment/, kind: 'status', status: 401, times: 2 });
      await expect(fhir.read('Appointment', todayAppointment())).rejects.toMatchObject({ kind: 'auth', status: 401 });
    });

    it('429 with Retry-After is honoured and retried; a long Retry-After fails fast with the wait', async () => {
      const waits: number[] = [];
      const { log } = capturingLog();
      const tokens = new TokenProvider({
        tokenUrl: server.tokenUrl,
        clientId: server.clientId,
        secrets: memorySecretStore({ 'fhir-client-secret': server.clientSecret }),
        log,
      });
      const fhir = new FhirClient({ baseUrl: server.baseUrl, profile, tokens, log, sleep: async (ms) => void waits.push(ms) });
      server.faults.add({ path: /^\/Appointment/, kind: 'status', status: 429, retryAfterSeconds: 2 });
      await fhir.read('Appointment', todayAppointment());
      expect(waits).toEqual([2000]);
      server.faults.add({ path: /^\/Appointment/, kind: 'status', status: 503, retryAfterSeconds: 600 });
      await expect(fhir.read('Appointment', todayAppointment())).rejects.toMatchObject({ status: 503, info: { retryAfterMs: 600_000 } });
    });

    it('5xx on a GET is retried with backoff, then reported with the correlation id', async () => {
      const { fhir, lines } = recordingClient(server);
      server.faults.add({ path: /^\/Appointment/, kind: 'status', status: 502, times: 2 });
      await expect(fhir.read('Appointment', todayAppointment())).resolves.toBeTruthy();
      server.faults.add({ path: /^\/Appointment/, kind: 'status', status: 500, times: Infinity });
      const err = (await fhir.read('Appointment', todayAppointment()).catch((e) => e)) as FhirError;
      expect(err).toBeInstanceOf(FhirError);
      expect(err.status).toBe(500);
      expect(err.info.issueCode).toBeTruthy();
      if (profile === 'canvas') expect(err.info.correlationId).toMatch(/[0-9a-f-]{36}/);
      expect(lines.some((l) => l.includes('fhir.failed'))).toBe(true);
    });

    it('a timeout, a connection reset and a malformed body are typed errors, never crashes', async () => {
      const { fhir } = recordingClient(server, { timeoutMs: 300, maxRetries: 0 });
      server.faults.add({ path: /^\/Appointment/, kind: 'hang', hangMs: 1500 });
      await expect(fhir.read('Appointment', todayAppointment())).rejects.toMatchObject({ kind: 'timeout' });
      server.faults.add({ path: /^\/Appointment/, kind: 'reset' });
      await expect(fhir.read('Appointment', todayAppointment())).rejects.toMatchObject({ kind: 'network' });
      server.faults.add({ path: /^\/Appointment/, kind: 'malformed' });
      await expect(fhir.read('Appointment', todayAppointment())).rejects.toMatchObject({ kind: 'malformed' });
    });

    it('retries a reset on a GET but never retries a POST', async () => {
      const { fhir, sent } = recordingClient(server);
      server.faults.add({ path: /^\/Appointment/, kind: 'reset' });
      await expect(fhir.read('Appointment', todayAppointment())).resolves.toBeTruthy();
      server.faults.add({ method: 'POST', path: '/Appointment', kind: 'reset' });
      const before = sent.filter((s) => s.method === 'POST').length;
      await expect(fhir.create({ resourceType: 'Appointment', status: 'proposed', participant: [] } as Appointment)).rejects.toMatchObject({
        kind: 'network',
      });
      expect(sent.filter((s) => s.method === 'POST').length - before).toBe(1);
    });

    // Issue 10 item 6: a guarded PUT was repeated after a lost reply; the one-second guard let the repeat in.
    it('a guarded PUT is not repeated after a reset, a timeout or an unreadable success; it is after 503', async () => {
      const { fhir, sent } = recordingClient(server, { timeoutMs: 300 });
      const puts = () => sent.filter((x) => x.method === 'PUT').length;
      for (const fault of [{ kind: 'reset' }, { kind: 'hang', hangMs: 1000 }, { kind: 'malformed' }] as const) {
        const r = await fhir.read<Appointment>('Appointment', todayAppointment());
        server.faults.add({ method: 'PUT', path: /^\/Appointment/, ...fault });
        const before = puts();
        await expect(fhir.update(r.resource, r.guard), fault.kind).rejects.toBeInstanceOf(FhirError);
        expect(puts() - before, fault.kind).toBe(1);
      }
      const r = await fhir.read<Appointment>('Appointment', todayAppointment());
      server.faults.add({ method: 'PUT', path: /^\/Appointment/, kind: 'status', status: 503 });
      const before = puts();
      await fhir.update({ ...r.resource, status: 'booked' }, r.guard);
      expect(puts() - before).toBe(2);
    });

    it('create returns the id from the Location header (Canvas body is null)', async () => {
      const { fhir } = recordingClient(server);
      const appt = (await fhir.read<Appointment>('Appointment', todayAppointment())).resource;
      const { id, meta: _meta, ...rest } = appt;
      const { id: newId } = await fhir.create<Appointment>({ ...rest, status: 'proposed', identifier: [] });
      expect(newId).toBeTruthy();
      expect(newId).not.toBe(id);
      expect((await fhir.read<Appointment>('Appointment', newId)).resource.status).toBe('proposed');
    });

    it('4xx errors carry status and issue code: 404, 403, 422', async () => {
      const { fhir } = recordingClient(server);
      await expect(fhir.read('Appointment', '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
      server.faults.add({ path: /^\/Appointment/, kind: 'status', status: 403 });
      await expect(fhir.read('Appointment', todayAppointment())).rejects.toMatchObject({ status: 403, kind: 'auth' });
      server.faults.add({ method: 'PUT', path: /^\/Appointment/, kind: 'status', status: 422 });
      const r = await fhir.read<Appointment>('Appointment', todayAppointment());
      await expect(fhir.update(r.resource, r.guard)).rejects.toMatchObject({ status: 422, info: { issueCode: 'business-rule' } });
    });
  });
}

describe('FhirClient against a hostile server (redirects, oversize bodies, a server that never answers)', () => {
  let hits: string[] = [];
  let answer: (req: http.IncomingMessage, res: http.ServerResponse) => void = () => {};
  let server: http.Server;
  let origin = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      req.resume();
      answer(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  beforeEach(() => void (hits = []));

  const client = (o: { timeoutMs?: number; maxRetries?: number; maxResponseBytes?: number; fetch?: typeof fetch } = {}) => {
    const { log, lines } = capturingLog();
    const fhir = new FhirClient({
      baseUrl: origin,
      profile: 'canvas',
      tokens: { getToken: async () => 'synthetic-token', invalidate: () => {} },
      log,
      sleep: async () => {},
      ...o,
    });
    return { fhir, lines };
  };

  it('a redirect is a refusal: not followed, not retried, logged (GET and PUT)', async () => {
    answer = (_req, res) => res.writeHead(307, { location: 'http://127.0.0.1:9/elsewhere' }).end();
    const { fhir, lines } = client();
    await expect(fhir.read('Appointment', 'a1')).rejects.toMatchObject({ kind: 'redirect', status: 307 });
    expect(hits).toEqual(['GET /Appointment/a1']);
    const appt = { resourceType: 'Appointment', id: 'a1', status: 'arrived', participant: [] } as Appointment;
    await expect(fhir.update(appt, { ifUnmodifiedSince: new Date().toUTCString() })).rejects.toMatchObject({ kind: 'redirect' });
    expect(hits).toEqual(['GET /Appointment/a1', 'PUT /Appointment/a1']);
    expect(lines.some((l) => l.includes('fhir.refused'))).toBe(true);
  });

  it('an oversize body is refused and not retried', async () => {
    answer = (_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'content-length': '99999999' }).end();
    const { fhir } = client({ maxResponseBytes: 1024 });
    await expect(fhir.read('Appointment', 'a1')).rejects.toMatchObject({ kind: 'too_large' });
    expect(hits).toHaveLength(1);
  });

  // Issue 10 item 11: retries × per-request timeout let one identification run for minutes.
  it("all retries of a request share the operation's deadline", async () => {
    answer = () => {}; // never answers
    let attempts = 0;
    const counting: typeof fetch = (input, init) => (attempts++, fetch(input, init));
    const { fhir } = client({ timeoutMs: 300, maxRetries: 5, fetch: counting });
    await expect(fhir.read('Appointment', 'a1')).rejects.toMatchObject({ kind: 'timeout' });
    expect(attempts, 'without a deadline: every retry runs its own timeout').toBe(6);
    attempts = 0;
    await expect(fhir.read('Appointment', 'a1', { deadline: operationDeadline(450) })).rejects.toMatchObject({ kind: 'timeout' });
    // The first attempt times out at 300 ms; a second one (if any time is left) is cut at 450 ms; no third.
    expect(attempts).toBeGreaterThanOrEqual(1);
    expect(attempts).toBeLessThanOrEqual(2);
  });
});
