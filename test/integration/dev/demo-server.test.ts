import type { Appointment, Bundle, CapabilityStatement, OperationOutcome, Patient, Practitioner, Resource } from '@medplum/fhirtypes';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBusyDay, startDemoServer, type DemoScenarios, type DemoServer } from '../../../dev/demo-server/index.js';

const ZONE = 'America/Chicago';
/** A fixed clinic morning, deliberately not the real date, so seeding must follow `now`. */
const CLINIC_NOW = DateTime.fromObject({ year: 2025, month: 6, day: 2, hour: 10 }, { zone: ZONE });
const MEETING_LINK = '#appointment-meeting-endpoint-0';

async function getToken(server: DemoServer): Promise<string> {
  const res = await postForm(server.tokenUrl, {
    grant_type: 'client_credentials',
    client_id: server.clientId,
    client_secret: server.clientSecret,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

function postForm(url: string, form: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
}

/** A fetch bound to one server and token; `path` may be a relative Canvas link. */
function client(server: DemoServer, token: () => string) {
  const call = (path: string, init: RequestInit = {}) =>
    fetch(server.baseUrl + path, {
      ...init,
      headers: { authorization: `Bearer ${token()}`, accept: 'application/json', ...(init.headers as Record<string, string>) },
    });
  return {
    call,
    json: async <T>(path: string): Promise<T> => {
      const res = await call(path);
      expect(res.status, `GET ${path}`).toBe(200);
      return (await res.json()) as T;
    },
    put: (path: string, body: unknown, headers: Record<string, string> = {}) =>
      call(path, { method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } }),
    post: (path: string, body: unknown) =>
      call(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  };
}

/** The minimal safe status-change body from the Canvas reference (§5): echo identifiers, drop reason and extras. */
function statusChange(appointment: Appointment, status: Appointment['status']): Appointment {
  return {
    resourceType: 'Appointment',
    id: appointment.id,
    status,
    start: appointment.start,
    end: appointment.end,
    identifier: appointment.identifier,
    appointmentType: { coding: appointment.appointmentType?.coding?.map(({ system, code }) => ({ system, code })) },
    participant: (appointment.participant ?? []).map((p) => ({
      actor: { reference: p.actor?.reference, type: p.actor?.type },
      status: 'accepted' as const,
    })),
    supportingInformation: (appointment.supportingInformation ?? []).filter(
      (ref) => ref.reference?.startsWith('Location/') || ref.reference === MEETING_LINK,
    ),
    ...(appointment.contained ? { contained: appointment.contained } : {}),
  };
}

const issueOf = async (res: Response) => ((await res.json()) as OperationOutcome).issue[0];
const entries = <T extends Resource>(bundle: Bundle<T>): T[] => (bundle.entry ?? []).map((e) => e.resource as T);
const localDay = (instant: string | undefined, days = 0) =>
  DateTime.fromISO(instant ?? '', { zone: ZONE }).hasSame(CLINIC_NOW.plus({ days }), 'day');
const minutesFromNow = (instant: string | undefined) => DateTime.fromISO(instant ?? '').diff(CLINIC_NOW, 'minutes').minutes;

describe('demo server, canvas profile', () => {
  let server: DemoServer;
  let scenarios: DemoScenarios;
  let token = '';
  let api: ReturnType<typeof client>;
  const readAppointment = (id: string | undefined) => api.json<Appointment>(`/Appointment/${id}`);

  beforeAll(async () => {
    server = await startDemoServer({ timezone: ZONE, now: () => CLINIC_NOW.toJSDate() });
    scenarios = server.scenarios as DemoScenarios;
    token = await getToken(server);
    api = client(server, () => token);
  });
  afterAll(() => server.close());

  describe('token endpoint', () => {
    it('issues a Canvas-shaped bearer token for good client credentials', async () => {
      const res = await postForm(server.tokenUrl, {
        grant_type: 'client_credentials',
        client_id: server.clientId,
        client_secret: server.clientSecret,
        scope: 'system/Appointment.* system/Patient.read',
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        access_token: expect.any(String),
        expires_in: 36000,
        token_type: 'Bearer',
        scope: 'system/Appointment.* system/Patient.read',
      });
      expect(server.tokenUrl).toBe(`${server.baseUrl}/auth/token/`);
    });

    it('rejects bad credentials, grant types and content types', async () => {
      const bad = await postForm(server.tokenUrl, { grant_type: 'client_credentials', client_id: 'demo-kiosk', client_secret: 'nope' });
      expect([bad.status, await bad.json()]).toEqual([401, { error: 'invalid_client' }]);
      const grant = await postForm(server.tokenUrl, { grant_type: 'password', client_id: 'demo-kiosk', client_secret: 'demo-secret' });
      expect([grant.status, await grant.json()]).toEqual([400, { error: 'unsupported_grant_type' }]);
      const json = await fetch(server.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials' }),
      });
      expect([json.status, await json.json()]).toEqual([400, { error: 'invalid_request' }]);
    });
  });

  describe('authentication and headers', () => {
    it.each([
      ['no token', {}],
      ['an unknown token', { authorization: 'Bearer not-a-real-token' }],
    ])('answers 401 OperationOutcome for %s', async (_label, headers: Record<string, string>) => {
      const res = await fetch(`${server.baseUrl}/Patient?_count=1`, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'unknown', details: { text: 'Authentication failed' } }],
      });
    });

    it('sends a fresh fumage-correlation-id and a Date header on every response', async () => {
      const [a, b] = await Promise.all([api.call('/Patient?_count=1'), fetch(`${server.baseUrl}/Patient`)]);
      const ids = [a, b].map((res) => res.headers.get('fumage-correlation-id'));
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(ids[0]).not.toBe(ids[1]);
      expect(Date.parse(a.headers.get('date') ?? '')).not.toBeNaN();
      expect(a.headers.get('etag')).toBeNull();
    });

    it('serves a CapabilityStatement at /metadata without a token', async () => {
      const res = await fetch(`${server.baseUrl}/metadata`);
      const statement = (await res.json()) as CapabilityStatement;
      expect(statement).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
    });

    it('revokeAllTokens makes the next call 401 until a new token is fetched', async () => {
      server.revokeAllTokens();
      expect((await api.call('/Patient?_count=1')).status).toBe(401);
      token = await getToken(server);
      expect((await api.call('/Patient?_count=1')).status).toBe(200);
    });
  });

  describe('search', () => {
    it('finds patients by birthdate and active, without meta', async () => {
      const { birthDate, sameFamily, otherFamily } = scenarios.sharedBirthDate;
      const bundle = await api.json<Bundle<Patient>>(`/Patient?birthdate=${birthDate}&active=true`);
      expect(bundle.total).toBe(3);
      expect(
        entries(bundle)
          .map((p) => p.id)
          .sort(),
      ).toEqual([...sameFamily, otherFamily].map((p) => p.patientId).sort());
      expect(entries(bundle).every((p) => p.meta === undefined)).toBe(true);
      const nguyens = await api.json<Bundle<Patient>>(`/Patient?birthdate=${birthDate}&family=Nguyen&active=true`);
      expect(nguyens.total).toBe(2);
    });

    it('returns an empty result with total 0 and no entry or link keys', async () => {
      const { birthDate } = scenarios.inactive;
      const bundle = await api.json<Bundle>(`/Patient?birthdate=${birthDate}&active=true`);
      expect(bundle).toEqual({ resourceType: 'Bundle', type: 'searchset', total: 0 });
    });

    it('pages appointments with relative self/first/next/last links', async () => {
      const from = CLINIC_NOW.minus({ days: 1 }).toISODate();
      const to = CLINIC_NOW.plus({ days: 1 }).toISODate();
      let next: string | undefined = `/Appointment?location=Location/${server.locationId}&date=ge${from}&date=le${to}&_sort=date&_count=10`;
      const seen: Appointment[] = [];
      let pages = 0;
      let total = 0;
      while (next) {
        const bundle: Bundle<Appointment> = await api.json<Bundle<Appointment>>(next);
        total = bundle.total ?? 0;
        const links = Object.fromEntries((bundle.link ?? []).map((l) => [l.relation, l.url]));
        expect(Object.keys(links)).toEqual(expect.arrayContaining(['self', 'first', 'last']));
        for (const url of Object.values(links)) expect(url).toMatch(/^\/Appointment\?location=Location%2F.*&_count=10&_offset=\d+$/);
        seen.push(...entries(bundle));
        next = links.next;
        pages++;
      }
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(seen).toHaveLength(total);
      expect(new Set(seen.map((a) => a.id)).size).toBe(total);
      const starts = seen.map((a) => a.start ?? '');
      expect(starts).toEqual([...starts].sort());
      expect(starts.every((s) => s.endsWith('+00:00'))).toBe(true);
      expect(seen.some((a) => localDay(a.start, -1)) && seen.some((a) => localDay(a.start, 1))).toBe(true);
    });

    it('caps _count at 100', async () => {
      const bundle = await api.json<Bundle>('/Appointment?_count=500');
      expect(bundle.total).toBeGreaterThan(60);
      expect(bundle.entry).toHaveLength(Math.min(100, bundle.total ?? 0));
      expect(bundle.link?.find((l) => l.relation === 'self')?.url).toBe('/Appointment?_count=100&_offset=0');
    });

    it('filters appointments by patient and a single status, and rejects what Canvas does not support', async () => {
      const { patientId, appointmentIds } = scenarios.twoToday;
      const bundle = await api.json<Bundle<Appointment>>(`/Appointment?patient=Patient/${patientId}&status=booked`);
      expect(
        entries(bundle)
          .map((a) => a.id)
          .sort(),
      ).toEqual([...appointmentIds].sort());
      const comma = await api.call(`/Appointment?patient=Patient/${patientId}&status=booked,arrived`);
      expect([comma.status, (await issueOf(comma))?.code]).toEqual([400, 'invalid']);
      const unknown = await api.call('/Patient?birthDate=1970-04-15');
      expect(unknown.status).toBe(400);
    });
  });

  describe('read and unsupported operations', () => {
    it('reads Practitioner and Location by id and 404s unknown ids', async () => {
      const appointment = await readAppointment(scenarios.openNow.appointmentIds[0]);
      const practitionerRef = appointment.participant?.find((p) => p.actor?.type === 'Practitioner')?.actor?.reference;
      const practitioner = await api.json<Practitioner>(`/${practitionerRef}`);
      expect(practitioner.name?.[0]?.text).toMatch(/^Dr\. /);
      expect(practitioner.id).toMatch(/^[0-9a-f]{32}$/);
      const location = await api.json<{ name: string }>(`/Location/${server.locationId}`);
      expect(location.name).toBe('Riverside Family Medicine');
      const missing = await api.call('/Appointment/00000000-0000-4000-8000-000000000000');
      expect([missing.status, (await issueOf(missing))?.code]).toEqual([404, 'not-found']);
    });

    it('answers 405 not-supported for DELETE and for PUT on Patient', async () => {
      const del = await api.call(`/Appointment/${scenarios.openNow.appointmentIds[0]}`, { method: 'DELETE' });
      expect([del.status, (await issueOf(del))?.code]).toEqual([405, 'not-supported']);
      const put = await api.put(`/Patient/${scenarios.openNow.patientId}`, { resourceType: 'Patient' });
      expect(put.status).toBe(405);
    });
  });

  describe('create and update', () => {
    it('PUT returns a literal null body, changes the status and keeps omitted fields', async () => {
      const id = scenarios.openNow.appointmentIds[0];
      const before = await readAppointment(id);
      const res = await api.put(`/Appointment/${id}`, statusChange(before, 'arrived'));
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('null');
      const after = await readAppointment(id);
      expect(after).toEqual({ ...before, status: 'arrived' });
      expect(server.sideEffects).toEqual([]);
    });

    it('POST returns 201, a null body and a Location header with the new id', async () => {
      const template = await readAppointment(scenarios.tooEarly.appointmentIds[0]);
      const res = await api.post('/Appointment', { ...statusChange(template, 'booked'), id: undefined, identifier: undefined });
      expect(res.status).toBe(201);
      expect(await res.text()).toBe('null');
      const location = res.headers.get('location') ?? '';
      const match = new RegExp(`^${server.baseUrl}/Appointment/([0-9a-f-]{36})/_history/1$`).exec(location);
      expect(match).not.toBeNull();
      expect((await readAppointment(match?.[1])).status).toBe('booked');
    });

    it('answers 412 conflict when the appointment changed after If-Unmodified-Since', async () => {
      const id = scenarios.twoWord.appointmentIds[0];
      const before = await readAppointment(id);
      const stored = await server.repo.readResource<Appointment>('Appointment', id ?? '');
      await server.repo.updateResource({ ...stored, description: 'Staff edit' });
      const stale = new Date(Date.now() - 60_000).toUTCString();
      const conflict = await api.put(`/Appointment/${id}`, statusChange(before, 'arrived'), { 'if-unmodified-since': stale });
      expect(conflict.status).toBe(412);
      expect(await issueOf(conflict)).toEqual({
        severity: 'error',
        code: 'conflict',
        details: { text: 'Resource updated since If-Unmodified-Since date' },
      });
      const fresh = await api.call(`/Appointment/${id}`);
      const since = fresh.headers.get('date') ?? '';
      const ok = await api.put(`/Appointment/${id}`, statusChange(before, 'arrived'), { 'if-unmodified-since': since });
      expect(ok.status).toBe(200);
    });

    it('deletes identifiers left out of a PUT and records the side effect', async () => {
      const id = scenarios.hyphenSpace.appointmentIds[0] ?? '';
      const before = await readAppointment(id);
      expect(before.identifier).toHaveLength(1);
      const res = await api.put(`/Appointment/${id}`, { ...statusChange(before, 'arrived'), identifier: undefined });
      expect(res.status).toBe(200);
      expect((await readAppointment(id)).identifier).toBeUndefined();
      expect(server.sideEffects.splice(0)).toEqual([{ kind: 'identifier-deleted', appointmentId: id }]);
    });

    it('records a replaced reason for visit when reasonCode changes', async () => {
      const id = scenarios.apostrophe.appointmentIds[0] ?? '';
      const before = await readAppointment(id);
      const res = await api.put(`/Appointment/${id}`, { ...statusChange(before, 'arrived'), reasonCode: [{ text: 'Checked in' }] });
      expect(res.status).toBe(200);
      expect(server.sideEffects.splice(0)).toEqual([{ kind: 'reason-for-visit-replaced', appointmentId: id }]);
    });

    it('replaces the telehealth link when the meeting endpoint is left out', async () => {
      const id = scenarios.telehealth.appointmentIds[0] ?? '';
      const before = await readAppointment(id);
      expect(before.contained?.[0]?.id).toBe('appointment-meeting-endpoint-0');
      const body = statusChange(before, 'arrived');
      const res = await api.put(`/Appointment/${id}`, {
        ...body,
        contained: undefined,
        supportingInformation: body.supportingInformation?.slice(0, 1),
      });
      expect(res.status).toBe(200);
      expect(server.sideEffects.splice(0)).toEqual([{ kind: 'meeting-link-replaced', appointmentId: id }]);
    });

    it.each<[string, (a: Appointment) => unknown, number, string]>([
      [
        'a participant that is not accepted',
        (a) => ({ ...a, participant: a.participant?.map((p) => ({ ...p, status: 'tentative' })) }),
        422,
        'business-rule',
      ],
      ['a {resource} wrapper', (a) => ({ resource: a }), 400, 'invalid'],
      ['entered-in-error', (a) => ({ ...a, status: 'entered-in-error' }), 422, 'business-rule'],
      ['end before start', (a) => ({ ...a, end: a.start }), 422, 'business-rule'],
      ['no Location reference', (a) => ({ ...a, supportingInformation: [] }), 422, 'business-rule'],
      [
        'a different patient',
        (a) => ({ ...a, participant: [a.participant?.[0], { actor: { reference: 'Patient/abc', type: 'Patient' }, status: 'accepted' }] }),
        422,
        'business-rule',
      ],
      ['a mismatched id', (a) => ({ ...a, id: 'other' }), 422, 'business-rule'],
    ])('rejects a PUT with %s', async (_label, mutate, status, code) => {
      const id = scenarios.tooLate.appointmentIds[0];
      const body = mutate(statusChange(await readAppointment(id), 'arrived'));
      const res = await api.put(`/Appointment/${id}`, body);
      expect([res.status, (await issueOf(res))?.code]).toEqual([status, code]);
      expect((await readAppointment(id)).status).toBe('booked');
    });

    it('refuses to move a cancelled appointment to another status', async () => {
      const id = scenarios.cancelled.appointmentIds[0];
      const res = await api.put(`/Appointment/${id}`, statusChange(await readAppointment(id), 'arrived'));
      expect([res.status, (await issueOf(res))?.code]).toEqual([422, 'business-rule']);
    });

    it('ignores If-Match in the canvas profile', async () => {
      const id = scenarios.tooLate.appointmentIds[0];
      const res = await api.put(`/Appointment/${id}`, statusChange(await readAppointment(id), 'booked'), { 'if-match': 'W/"stale"' });
      expect(res.status).toBe(200);
    });
  });

  describe('faults, latency and request log', () => {
    it('answers an injected status once, with Retry-After and a matching OperationOutcome', async () => {
      server.faults.add({ kind: 'status', status: 503, path: '/Patient', retryAfterSeconds: 7 });
      expect(server.faults.pending()).toBe(1);
      const faulted = await api.call('/Patient?_count=1');
      expect([faulted.status, faulted.headers.get('retry-after'), (await issueOf(faulted))?.code]).toEqual([503, '7', 'exception']);
      expect(server.faults.pending()).toBe(0);
      expect((await api.call('/Patient?_count=1')).status).toBe(200);
    });

    it('can fail the token endpoint', async () => {
      server.faults.add({ kind: 'status', status: 429, path: '/auth/token/', method: 'POST' });
      const res = await postForm(server.tokenUrl, {
        grant_type: 'client_credentials',
        client_id: server.clientId,
        client_secret: server.clientSecret,
      });
      expect([res.status, (await issueOf(res))?.code]).toEqual([429, 'throttled']);
    });

    it('resets the connection and still records the request', async () => {
      server.resetRequests();
      server.faults.add({ kind: 'reset', path: /^\/Appointment\// });
      await expect(api.call(`/Appointment/${scenarios.openNow.appointmentIds[0]}`)).rejects.toThrow();
      expect(server.requests).toEqual([expect.objectContaining({ method: 'GET', status: 0, tokenRequest: false })]);
    });

    it('sends a truncated JSON body for malformed', async () => {
      server.faults.add({ kind: 'malformed' });
      const res = await api.call('/Patient');
      expect(res.status).toBe(200);
      await expect(res.json()).rejects.toThrow();
    });

    it('hangs long enough to trip a client timeout, then answers normally', async () => {
      server.faults.add({ kind: 'hang', hangMs: 400, times: 2 });
      await expect(api.call('/Patient?_count=1', { signal: AbortSignal.timeout(100) })).rejects.toThrow();
      const started = Date.now();
      expect((await api.call('/Patient?_count=1')).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    });

    it('adds latency and logs every request with path, query and status', async () => {
      server.resetRequests();
      server.setLatency(120);
      const started = Date.now();
      await api.call('/Patient?family=Nguyen');
      server.setLatency(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(115);
      expect(server.requests).toEqual([
        {
          method: 'GET',
          path: '/Patient',
          query: 'family=Nguyen',
          status: 200,
          at: expect.any(Number),
          doneAt: expect.any(Number),
          tokenRequest: false,
        },
      ]);
      // The answer time comes after the injected latency: with `at`, concurrency at the server.
      expect(server.requests[0]!.doneAt - server.requests[0]!.at).toBeGreaterThanOrEqual(115);
    });
  });
});

describe('demo server seed', () => {
  let server: DemoServer;
  let scenarios: DemoScenarios;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    server = await startDemoServer({ timezone: ZONE, now: () => CLINIC_NOW.toJSDate() });
    scenarios = server.scenarios as DemoScenarios;
    const token = await getToken(server);
    api = client(server, () => token);
  });
  afterAll(() => server.close());

  const todays = async (patientId: string) => {
    const from = CLINIC_NOW.minus({ days: 1 }).toISODate();
    const to = CLINIC_NOW.plus({ days: 1 }).toISODate();
    const bundle = await api.json<Bundle<Appointment>>(`/Appointment?patient=Patient/${patientId}&date=ge${from}&date=le${to}&_count=100`);
    return entries(bundle).filter((a) => localDay(a.start));
  };

  it('places the window scenarios relative to now, on today in the clinic zone', async () => {
    const offsets = async (patientId: string) => (await todays(patientId)).map((a) => minutesFromNow(a.start)).sort((a, b) => a - b);
    expect(await offsets(scenarios.openNow.patientId)).toEqual([20]);
    expect(await offsets(scenarios.tooEarly.patientId)).toEqual([180]);
    expect(await offsets(scenarios.tooLate.patientId)).toEqual([-120]);
    expect(await offsets(scenarios.twoToday.patientId)).toEqual([10, 40]);
  });

  it('has the name, status and birth-date edge cases', async () => {
    expect(
      [scenarios.accented, scenarios.apostrophe, scenarios.twoWord, scenarios.hyphenSpace].map((s) => `${s.given} ${s.family}`),
    ).toEqual(['María José García-López', "Declan O'Brien", 'Anneke van der Berg', 'Tobias Smith-Jones']);
    const { sameFamily, otherFamily, birthDate } = scenarios.sharedBirthDate;
    expect(sameFamily.map((p) => p.family)).toEqual(['Nguyen', 'Nguyen']);
    expect(sameFamily[0].given).not.toBe(sameFamily[1].given);
    expect(otherFamily.family).not.toBe('Nguyen');
    expect([...sameFamily, otherFamily].every((p) => p.birthDate === birthDate)).toBe(true);

    expect((await todays(scenarios.alreadyCheckedIn.patientId)).map((a) => a.status)).toEqual(['arrived']);
    expect((await todays(scenarios.cancelled.patientId)).map((a) => a.status)).toEqual(['cancelled']);
    expect(await todays(scenarios.noAppointment.patientId)).toEqual([]);
    const tomorrow = await readAll(api, scenarios.noAppointment.appointmentIds);
    expect(tomorrow.every((a) => localDay(a.start, 1))).toBe(true);
    const [telehealth] = await todays(scenarios.telehealth.patientId);
    expect(telehealth?.contained?.[0]).toMatchObject({ resourceType: 'Endpoint', id: 'appointment-meeting-endpoint-0' });
    expect(telehealth?.supportingInformation?.map((r) => r.reference)).toContain(MEETING_LINK);
    const inactive = await api.json<Patient>(`/Patient/${scenarios.inactive.patientId}`);
    expect(inactive.active).toBe(false);
  });

  it('links every scenario appointment to a real Practitioner, Patient and Location', async () => {
    const { sharedBirthDate, ...singles } = scenarios;
    const patients = [...Object.values(singles), ...sharedBirthDate.sameFamily, sharedBirthDate.otherFamily];
    for (const patient of patients) {
      for (const appointment of await readAll(api, patient.appointmentIds)) {
        const refs = [
          ...(appointment.participant ?? []).map((p) => p.actor?.reference),
          appointment.supportingInformation?.find((r) => r.reference?.startsWith('Location/'))?.reference,
        ];
        expect(refs).toContain(`Patient/${patient.patientId}`);
        expect(refs.filter((r) => /^(Practitioner|Location)\//.test(r ?? ''))).toHaveLength(2);
        for (const ref of refs) expect((await api.call(`/${ref}`)).status, ref).toBe(200);
        expect(appointment.participant?.every((p) => p.status === 'accepted')).toBe(true);
      }
    }
  });

  it('spreads a realistic Canvas-shaped day with every status, plus yesterday, tomorrow and a near-midnight visit', async () => {
    const from = CLINIC_NOW.minus({ days: 1 }).toISODate();
    const to = CLINIC_NOW.plus({ days: 1 }).toISODate();
    const all = entries(await api.json<Bundle<Appointment>>(`/Appointment?date=ge${from}&date=le${to}&_count=100`));
    const today = all.filter((a) => localDay(a.start));
    expect(new Set(today.map((a) => a.status))).toEqual(
      new Set(['proposed', 'pending', 'booked', 'arrived', 'checked-in', 'fulfilled', 'noshow', 'cancelled']),
    );
    expect(today.length).toBeGreaterThanOrEqual(55);
    expect(all.some((a) => localDay(a.start, -1) && DateTime.fromISO(a.start ?? '', { zone: ZONE }).hour === 23)).toBe(true);
    const sample = today.find((a) => a.participant?.some((p) => p.actor?.type === 'Patient'));
    expect(sample).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      appointmentType: { coding: [{ system: expect.any(String), code: expect.any(String), display: expect.any(String) }] },
      reasonCode: [{ text: expect.any(String), coding: [expect.objectContaining({ code: expect.any(String) })] }],
      description: expect.any(String),
      identifier: [
        { id: expect.any(String), use: 'usual', system: expect.any(String), value: expect.any(String), period: expect.any(Object) },
      ],
      extension: [{ url: 'http://schemas.canvasmedical.com/fhir/extensions/note-id', valueId: expect.any(String) }],
    });
    expect(Date.parse(sample?.identifier?.[0]?.period?.end ?? '')).toBeGreaterThan(CLINIC_NOW.toMillis());
    const patients = await api.json<Bundle>('/Patient?_count=1');
    expect(patients.total).toBeGreaterThanOrEqual(40);
  });

  it('is deterministic and clamps scenarios to today late in the evening', async () => {
    const lateNow = CLINIC_NOW.set({ hour: 23, minute: 50 });
    const late = await startDemoServer({ timezone: ZONE, now: () => lateNow.toJSDate() });
    try {
      expect(late.scenarios?.openNow.patientId).toBe(scenarios.openNow.patientId);
      const stored = await late.repo.readResource<Appointment>('Appointment', late.scenarios?.openNow.appointmentIds[0] ?? '');
      const start = DateTime.fromISO(stored.start ?? '', { zone: ZONE });
      expect(start.hasSame(lateNow, 'day')).toBe(true);
      expect(DateTime.fromISO(stored.end ?? '', { zone: ZONE }).hasSame(lateNow, 'day')).toBe(true);
    } finally {
      await late.close();
    }
  });

  it('seeds a 2000-appointment busy day and still pages it', async () => {
    const busy = await startDemoServer({ timezone: ZONE, now: () => CLINIC_NOW.toJSDate(), seed: false });
    try {
      // How fast is measured by `npm run bench` (busy day), not asserted here on a shared machine.
      const { appointmentIds } = await seedBusyDay(busy.repo, {
        count: 2000,
        timezone: ZONE,
        now: CLINIC_NOW.toJSDate(),
        locationId: busy.locationId,
      });
      expect(appointmentIds).toHaveLength(2000);
      const token = await getToken(busy);
      const busyApi = client(busy, () => token);
      const day = CLINIC_NOW.toISODate();
      const searchStarted = performance.now();
      const page = await busyApi.json<Bundle<Appointment>>(
        `/Appointment?location=Location/${busy.locationId}&date=ge${day}&date=le${day}&_sort=date&_count=100&_offset=1900`,
      );
      expect(performance.now() - searchStarted).toBeLessThan(1000);
      expect(page.total).toBe(2000);
      expect(page.entry).toHaveLength(100);
      expect(page.link?.some((l) => l.relation === 'next')).toBe(false);
    } finally {
      await busy.close();
    }
  });
});

describe('demo server, r4 profile', () => {
  let server: DemoServer;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    server = await startDemoServer({ profile: 'r4', timezone: ZONE, now: () => CLINIC_NOW.toJSDate() });
    const token = await getToken(server);
    api = client(server, () => token);
  });
  afterAll(() => server.close());

  it('sends ETags, honours If-Match and returns resource bodies', async () => {
    const id = server.scenarios?.openNow.appointmentIds[0];
    const read = await api.call(`/Appointment/${id}`);
    const etag = read.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[0-9a-f-]{36}"$/);
    const appointment = (await read.json()) as Appointment;
    expect(appointment.meta?.versionId).toBeDefined();

    const updated = await api.put(`/Appointment/${id}`, { ...appointment, status: 'arrived' }, { 'if-match': etag });
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as Appointment).status).toBe('arrived');
    expect(updated.headers.get('etag')).not.toBe(etag);

    const stale = await api.put(`/Appointment/${id}`, { ...appointment, status: 'fulfilled' }, { 'if-match': etag });
    expect(stale.status).toBe(412);
  });

  it('creates with 201, a Location header and the resource body', async () => {
    const res = await api.post('/Patient', { resourceType: 'Patient', id: 'client-chosen', name: [{ family: 'Synthetic' }] });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Patient;
    expect(created.id).not.toBe('client-chosen');
    expect(res.headers.get('location')).toBe(`${server.baseUrl}/Patient/${created.id}/_history/${created.meta?.versionId}`);
  });

  it('searches with absolute links, fullUrl entries and the standard location parameter', async () => {
    const bundle = await api.json<Bundle<Appointment>>(`/Appointment?location=Location/${server.locationId}&_count=5`);
    expect(bundle.total).toBeGreaterThan(5);
    expect(bundle.link?.find((l) => l.relation === 'next')?.url).toMatch(new RegExp(`^${server.baseUrl}/Appointment\\?`));
    expect(bundle.entry?.[0]?.fullUrl).toMatch(new RegExp(`^${server.baseUrl}/Appointment/`));
  });
});

async function readAll(api: ReturnType<typeof client>, ids: string[]): Promise<Appointment[]> {
  return Promise.all(ids.map((id) => api.json<Appointment>(`/Appointment/${id}`)));
}
