/**
 * FHIR R4 client for main. The server's dialect (Canvas "fumage" or generic R4) lives in its
 * FhirProfile; whether to try again lives in retry.ts; the wire in transport.ts (redirects refused,
 * bodies capped, one deadline). Every attempt has a timeout inside the operation's deadline; 401 →
 * one token refresh; 429/503 honour Retry-After. Nothing here logs a resource body.
 */
import type { Appointment, Bundle, Resource } from '@medplum/fhirtypes';
import type { Logger } from '../log.js';
import { FhirError, outcomeOf } from './errors.js';
import { FHIR_PROFILES, type FhirProfile, type Guard, type Profile, type Versioned } from './profile.js';
import { retryDecision, type AttemptOutcome, type Idempotency } from './retry.js';
import type { TokenProvider } from './token-provider.js';
import { RateLimitedError, type RateLimiter } from './rate-limit.js';
import { deadline, send, TransportError, type SendResult } from './transport.js';

export type { Guard, Profile, Versioned } from './profile.js';

export interface FhirClientOptions {
  baseUrl: string;
  profile: Profile;
  tokens: Pick<TokenProvider, 'getToken' | 'invalidate'>;
  log: Logger;
  /** Per attempt; an operation's deadline (CallOptions) bounds all its attempts together. */
  timeoutMs?: number;
  maxRetries?: number;
  /** Longest Retry-After we are willing to wait inline (ms); longer ones fail fast. */
  maxRetryWaitMs?: number;
  /** Largest response body read (a search page of 100 appointments is a few hundred kB). */
  maxResponseBytes?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Paces every request that leaves main (a looping renderer or a bug must not flood the EHR). */
  pacer?: RateLimiter;
}

/** One deadline for a whole operation (an identification, a check-in), shared by all its requests and retries. */
export interface Deadline {
  signal: AbortSignal;
  /** performance.now() value when it ends. */
  endsAt: number;
}
export function operationDeadline(ms: number): Deadline {
  return { signal: AbortSignal.timeout(ms), endsAt: performance.now() + ms };
}
export interface CallOptions {
  deadline?: Deadline | undefined;
}

export const MAX_PAGE_SIZE = 100;
const MAX_PAGES = 100;

interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

interface RequestOptions extends CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  idempotency: Idempotency;
}

type Attempt = { ok: true; response: RawResponse } | { ok: false; outcome: AttemptOutcome; error: FhirError; log: Record<string, unknown> };

export class FhirClient {
  readonly base: URL;
  private readonly profile: FhirProfile;

  constructor(private readonly o: FhirClientOptions) {
    this.base = new URL(o.baseUrl.endsWith('/') ? o.baseUrl : o.baseUrl + '/');
    this.profile = FHIR_PROFILES[o.profile];
  }

  async read<T extends Resource>(type: T['resourceType'], id: string, call: CallOptions = {}): Promise<Versioned<T>> {
    const res = await this.request('GET', this.url(`${type}/${encodeURIComponent(id)}`), { ...call, idempotency: 'safe' });
    const resource = expectResource<T>(res.body, type);
    return { resource, guard: this.profile.guardFrom(res.headers, resource) };
  }

  /** Searches and follows `link[next]` (relative on Canvas) until the last page. */
  async search<T extends Resource>(
    type: T['resourceType'],
    params: Record<string, string | string[]>,
    call: CallOptions = {},
  ): Promise<Array<Versioned<T>>> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) query.append(k, one);
    const count = Math.min(Number(query.get('_count') ?? MAX_PAGE_SIZE) || MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    query.set('_count', String(count));
    let next: URL | null = this.url(`${type}?${query}`);
    const out: Array<Versioned<T>> = [];
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const res = await this.request('GET', next, { ...call, idempotency: 'safe' });
      const bundle = res.body as Bundle | null;
      if (!bundle || bundle.resourceType !== 'Bundle') throw new FhirError('malformed', `Search ${type}: response is not a Bundle`);
      for (const entry of bundle.entry ?? []) {
        const r = entry.resource as T | undefined;
        if (r?.resourceType === type) out.push({ resource: r, guard: this.profile.guardFrom(res.headers, r) });
      }
      const link = bundle.link?.find((l) => l.relation === 'next')?.url;
      next = link ? this.followLink(link) : null;
    }
    return out;
  }

  /**
   * One page of a search, with the Bundle's `total` when the server sends it (Canvas does), so a
   * caller can fetch the remaining pages in parallel by `_offset`. `next` is the page's `link[next]`;
   * pass it back as `nextLink` (it is origin-checked like every paging link) where `total` is absent.
   */
  async searchPage<T extends Resource>(
    type: T['resourceType'],
    params: Record<string, string | string[]>,
    nextLink?: string,
    call: CallOptions = {},
  ): Promise<{ entries: Array<Versioned<T>>; total: number | undefined; next: string | undefined }> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) query.append(k, one);
    const count = Math.min(Number(query.get('_count') ?? MAX_PAGE_SIZE) || MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    query.set('_count', String(count));
    const url = nextLink ? this.followLink(nextLink) : this.url(`${type}?${query}`);
    const res = await this.request('GET', url, { ...call, idempotency: 'safe' });
    const bundle = res.body as Bundle | null;
    if (!bundle || bundle.resourceType !== 'Bundle') throw new FhirError('malformed', `Search ${type}: response is not a Bundle`);
    const entries: Array<Versioned<T>> = [];
    for (const entry of bundle.entry ?? []) {
      const r = entry.resource as T | undefined;
      if (r?.resourceType === type) entries.push({ resource: r, guard: this.profile.guardFrom(res.headers, r) });
    }
    const total = typeof bundle.total === 'number' && Number.isInteger(bundle.total) && bundle.total >= 0 ? bundle.total : undefined;
    return { entries, total, next: bundle.link?.find((l) => l.relation === 'next')?.url };
  }

  /** PUT with a guard. Returns the stored resource when the server sends it (R4), else null (Canvas). */
  async update<T extends Resource & { id?: string }>(resource: T, guard: Guard, call: CallOptions = {}): Promise<T | null> {
    if (!resource.id) throw new FhirError('config', 'update needs a resource id');
    const headers = this.profile.guardHeaders(guard);
    const res = await this.request('PUT', this.url(`${resource.resourceType}/${encodeURIComponent(resource.id)}`), {
      ...call,
      body: resource,
      headers,
      idempotency: Object.keys(headers).length > 0 ? 'guarded' : 'none',
    });
    rejectOutcomeBody(res.body);
    return res.body && typeof res.body === 'object' ? (res.body as T) : null;
  }

  /** Changes only the status of an appointment as read, with the body and guard its profile allows. */
  async updateStatus(current: Versioned<Appointment>, status: Appointment['status'], call: CallOptions = {}): Promise<void> {
    await this.update(this.profile.statusChangeBody(current.resource, status), current.guard, call);
  }

  /** POST; the id comes from the Location header (Canvas answers with a `null` body). Never retried. */
  async create<T extends Resource>(resource: T, call: CallOptions = {}): Promise<{ id: string }> {
    const res = await this.request('POST', this.url(resource.resourceType), { ...call, body: resource, idempotency: 'none' });
    rejectOutcomeBody(res.body);
    const loc = res.headers.get('location') ?? '';
    const parts = loc.split('/').filter(Boolean);
    const at = parts.lastIndexOf(resource.resourceType);
    const id = at >= 0 ? parts[at + 1] : (res.body as { id?: string } | null)?.id;
    if (!id) throw new FhirError('malformed', 'Create: no id in the Location header or body');
    return { id };
  }

  private url(pathAndQuery: string): URL {
    return new URL(pathAndQuery, this.base);
  }

  /** Paging links must stay on our server: the bearer token is never sent anywhere else. */
  private followLink(link: string): URL {
    const url = link.startsWith('/') ? new URL(this.base.pathname.replace(/\/$/, '') + link, this.base.origin) : new URL(link, this.base);
    if (url.origin !== this.base.origin) throw new FhirError('malformed', 'Paging link points to another server');
    if (Number(url.searchParams.get('_count') ?? 0) > MAX_PAGE_SIZE) url.searchParams.set('_count', String(MAX_PAGE_SIZE));
    return url;
  }

  /** Attempts until one succeeds or retry.ts says stop; a TokenError propagates as is. */
  private async request(method: 'GET' | 'PUT' | 'POST', url: URL, opts: RequestOptions): Promise<RawResponse> {
    let authRefreshed = false;
    for (let attempt = 0; ; attempt++) {
      const token = await this.o.tokens.getToken();
      const result = await this.attempt(method, url, opts, token);
      if (result.ok) return result.response;
      const decision = retryDecision({
        idempotency: opts.idempotency,
        attempt,
        outcome: result.outcome,
        authRefreshed,
        maxRetries: this.o.maxRetries ?? 2,
        maxRetryWaitMs: this.o.maxRetryWaitMs ?? 5_000,
        budgetLeftMs: opts.deadline ? opts.deadline.endsAt - performance.now() : Infinity,
        random: Math.random(),
      });
      if (decision.action === 'refresh-auth') {
        authRefreshed = true;
        this.o.tokens.invalidate(token);
        attempt--; // the auth retry does not count against the transient-error budget
      } else if (decision.action === 'retry') {
        await this.sleep(decision.afterMs);
      } else {
        this.o.log.warn(result.outcome.kind === 'refused' ? 'fhir.refused' : 'fhir.failed', result.log);
        throw result.error;
      }
    }
  }

  /** One exchange on the wire, mapped to a response or to a typed failure. */
  private async attempt(method: 'GET' | 'PUT' | 'POST', url: URL, opts: RequestOptions, token: string): Promise<Attempt> {
    let res: SendResult;
    try {
      await this.o.pacer?.take(opts.deadline?.signal);
    } catch (err) {
      if (!(err instanceof RateLimitedError))
        return transportFailure(new TransportError('timeout', 'deadline', undefined, { cause: err }), method, url);
      // Never sent: a local 429. Not repeated here; a check-in goes to the outbox (the server never said no).
      this.o.log.warn('fhir.paced', { method, path: url.pathname });
      return {
        ok: false,
        outcome: { kind: 'refused' },
        error: new FhirError('http', `${method} ${url.pathname}: outbound rate limit`, { status: 429 }),
        log: { method, path: url.pathname, kind: 'paced' },
      };
    }
    try {
      res = await send(this.o.fetch ?? globalThis.fetch, {
        method,
        url,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...opts.headers,
        },
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
        maxBytes: this.o.maxResponseBytes ?? 4 * 1024 * 1024,
        signal: deadline(this.o.timeoutMs ?? 10_000, opts.deadline?.signal),
      });
    } catch (err) {
      return transportFailure(err, method, url);
    }
    return toAttempt(res, method, url);
  }

  private sleep(ms: number) {
    return (this.o.sleep ?? ((m: number) => new Promise<void>((r) => setTimeout(r, m))))(ms);
  }
}

function transportFailure(err: unknown, method: string, url: URL): Attempt {
  const where = `${method} ${url.pathname}`;
  if (!(err instanceof TransportError)) throw err;
  const log = { method, path: url.pathname, kind: err.kind, status: err.status, cause: causeCode(err) };
  if (err.kind === 'redirect' || err.kind === 'too_large') {
    const message = err.kind === 'redirect' ? `${where}: refused a redirect` : `${where}: response too large`;
    return {
      ok: false,
      outcome: { kind: 'refused' },
      error: new FhirError(err.kind, message, err.status ? { status: err.status } : {}),
      log,
    };
  }
  const timedOut = err.kind === 'timeout';
  return {
    ok: false,
    outcome: { kind: err.kind },
    error: new FhirError(err.kind, `${where}: ${timedOut ? 'timed out' : 'network error'}`),
    log,
  };
}

function toAttempt(res: SendResult, method: string, url: URL): Attempt {
  const where = `${method} ${url.pathname}`;
  const ok = res.status >= 200 && res.status < 300;
  const correlationId = res.headers.get('fumage-correlation-id') ?? res.headers.get('x-request-id') ?? undefined;
  const ids = correlationId ? { correlationId } : {};
  const parsed = parseJson(res.text);
  if (ok && parsed === MALFORMED) {
    // A success we cannot read: the request may or may not have taken effect (retry.ts decides).
    return {
      ok: false,
      outcome: { kind: 'malformed', status: res.status },
      error: new FhirError('malformed', `${where}: malformed response body`, { status: res.status, ...ids }),
      log: { method, path: url.pathname, kind: 'malformed', status: res.status, correlationId },
    };
  }
  // An error page that is not JSON (a proxy, a firewall) is still the status it says.
  const body = parsed === MALFORMED ? null : parsed;
  if (ok) return { ok: true, response: { status: res.status, headers: res.headers, body } };
  const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
  const info = { status: res.status, ...outcomeOf(body), ...ids, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  const kind = res.status === 401 || res.status === 403 ? 'auth' : 'http';
  return {
    ok: false,
    outcome: { kind: 'status', status: res.status, retryAfterMs },
    error: new FhirError(kind, `${where}: HTTP ${res.status}`, info),
    log: { method, path: url.pathname, status: res.status, issueCode: info.issueCode, correlationId },
  };
}

const MALFORMED = Symbol('malformed');
function parseJson(text: string): unknown {
  try {
    return text.trim() === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return MALFORMED;
  }
}

function expectResource<T extends Resource>(body: unknown, type: string): T {
  if (!body || typeof body !== 'object' || (body as Resource).resourceType !== type) {
    throw new FhirError('malformed', `Expected a ${type}`);
  }
  return body as T;
}

/** Some servers answer an update with 200 and an OperationOutcome: that is a failure, not success. */
function rejectOutcomeBody(body: unknown) {
  const b = body as { resourceType?: string; issue?: Array<{ severity?: string }> } | null;
  if (b?.resourceType === 'OperationOutcome' && b.issue?.some((i) => i.severity === 'error' || i.severity === 'fatal')) {
    throw new FhirError('http', 'Server returned an error OperationOutcome with a success status', { status: 200, ...outcomeOf(b) });
  }
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  // Only an HTTP-date (IMF-fixdate): V8's Date.parse accepts far too much ('1.5', 'tomorrow 12').
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value.trim())) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function causeCode(err: unknown): string | undefined {
  // fetch wraps the socket error: TransportError → TypeError('fetch failed') → { code: 'ECONNRESET' }.
  const cause = (err as { cause?: { code?: string; cause?: { code?: string } } }).cause;
  return cause?.code ?? cause?.cause?.code;
}
