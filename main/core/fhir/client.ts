/**
 * FHIR R4 client for main. Speaks Canvas ("fumage") by default and generic R4 with the `r4` profile.
 * Every request has a timeout; 401 → one token refresh and one retry; 429/503 honour Retry-After;
 * only idempotent requests (GET, guarded PUT) are retried. Nothing here logs a resource body.
 */
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { Logger } from '../log.js';
import { FhirError, outcomeOf } from './errors.js';
import type { TokenProvider } from './token-provider.js';

export type Profile = 'canvas' | 'r4';
/** Concurrency guard for an update: Canvas uses If-Unmodified-Since, R4 servers If-Match. */
export interface Guard {
  ifUnmodifiedSince?: string;
  etag?: string;
}
export interface Versioned<T> {
  resource: T;
  guard: Guard;
}

export interface FhirClientOptions {
  baseUrl: string;
  profile: Profile;
  tokens: Pick<TokenProvider, 'getToken' | 'invalidate'>;
  log: Logger;
  timeoutMs?: number;
  maxRetries?: number;
  /** Longest Retry-After we are willing to wait inline (ms); longer ones fail fast. */
  maxRetryWaitMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export const MAX_PAGE_SIZE = 100;
const MAX_PAGES = 100;

interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export class FhirClient {
  readonly base: URL;
  /** Requests sent, by method (benchmarks and tests). */
  readonly sent = { GET: 0, PUT: 0, POST: 0 } as Record<string, number>;

  constructor(private readonly o: FhirClientOptions) {
    this.base = new URL(o.baseUrl.endsWith('/') ? o.baseUrl : o.baseUrl + '/');
  }

  get profile(): Profile {
    return this.o.profile;
  }

  async read<T extends Resource>(type: T['resourceType'], id: string): Promise<Versioned<T>> {
    const res = await this.request('GET', this.url(`${type}/${encodeURIComponent(id)}`), { idempotent: true });
    const resource = expectResource<T>(res.body, type);
    return { resource, guard: this.guardFrom(res.headers, resource) };
  }

  /** Searches and follows `link[next]` (relative on Canvas) until the last page. */
  async search<T extends Resource>(type: T['resourceType'], params: Record<string, string | string[]>): Promise<Array<Versioned<T>>> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) query.append(k, one);
    const count = Math.min(Number(query.get('_count') ?? MAX_PAGE_SIZE) || MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    query.set('_count', String(count));
    let next: URL | null = this.url(`${type}?${query}`);
    const out: Array<Versioned<T>> = [];
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const res = await this.request('GET', next, { idempotent: true });
      const bundle = res.body as Bundle | null;
      if (!bundle || bundle.resourceType !== 'Bundle') throw new FhirError('malformed', `Search ${type}: response is not a Bundle`);
      for (const entry of bundle.entry ?? []) {
        const r = entry.resource as T | undefined;
        if (r?.resourceType === type) out.push({ resource: r, guard: this.guardFrom(res.headers, r) });
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
  ): Promise<{ entries: Array<Versioned<T>>; total: number | undefined; next: string | undefined }> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) query.append(k, one);
    const count = Math.min(Number(query.get('_count') ?? MAX_PAGE_SIZE) || MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    query.set('_count', String(count));
    const url = nextLink ? this.followLink(nextLink) : this.url(`${type}?${query}`);
    const res = await this.request('GET', url, { idempotent: true });
    const bundle = res.body as Bundle | null;
    if (!bundle || bundle.resourceType !== 'Bundle') throw new FhirError('malformed', `Search ${type}: response is not a Bundle`);
    const entries: Array<Versioned<T>> = [];
    for (const entry of bundle.entry ?? []) {
      const r = entry.resource as T | undefined;
      if (r?.resourceType === type) entries.push({ resource: r, guard: this.guardFrom(res.headers, r) });
    }
    const total = typeof bundle.total === 'number' && Number.isInteger(bundle.total) && bundle.total >= 0 ? bundle.total : undefined;
    return { entries, total, next: bundle.link?.find((l) => l.relation === 'next')?.url };
  }

  /** PUT with a guard. Returns the stored resource when the server sends it (R4), else null (Canvas). */
  async update<T extends Resource & { id?: string }>(resource: T, guard: Guard): Promise<T | null> {
    if (!resource.id) throw new FhirError('config', 'update needs a resource id');
    const headers: Record<string, string> = {};
    if (this.o.profile === 'canvas' && guard.ifUnmodifiedSince) headers['if-unmodified-since'] = guard.ifUnmodifiedSince;
    if (this.o.profile === 'r4' && guard.etag) headers['if-match'] = guard.etag;
    const guarded = Object.keys(headers).length > 0;
    const res = await this.request('PUT', this.url(`${resource.resourceType}/${encodeURIComponent(resource.id)}`), {
      body: resource,
      headers,
      idempotent: guarded,
    });
    rejectOutcomeBody(res.body);
    return res.body && typeof res.body === 'object' ? (res.body as T) : null;
  }

  /** POST; the id comes from the Location header (Canvas answers with a `null` body). Never retried. */
  async create<T extends Resource>(resource: T): Promise<{ id: string }> {
    const res = await this.request('POST', this.url(resource.resourceType), { body: resource, idempotent: false });
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

  private guardFrom(headers: Headers, resource: Resource): Guard {
    if (this.o.profile === 'canvas') {
      // Resources carry no lastUpdated on Canvas: the server's Date header of the response that
      // delivered the resource avoids clock skew between kiosk and server.
      return { ifUnmodifiedSince: headers.get('date') ?? new Date().toUTCString() };
    }
    const etag = headers.get('etag');
    const version = resource.meta?.versionId;
    return { etag: version ? `W/"${version}"` : (etag ?? undefined) } as Guard;
  }

  private async request(
    method: 'GET' | 'PUT' | 'POST',
    url: URL,
    opts: { body?: unknown; headers?: Record<string, string>; idempotent: boolean },
  ): Promise<RawResponse> {
    const maxRetries = opts.idempotent ? (this.o.maxRetries ?? 2) : 0;
    let refreshedAuth = false;
    for (let attempt = 0; ; attempt++) {
      const token = await this.o.tokens.getToken(); // a TokenError propagates as is
      let res: Response;
      this.sent[method] = (this.sent[method] ?? 0) + 1;
      try {
        res = await (this.o.fetch ?? fetch)(url, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...opts.headers,
          },
          ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
          signal: AbortSignal.timeout(this.o.timeoutMs ?? 10_000),
        });
      } catch (err) {
        const timedOut = (err as Error).name === 'TimeoutError';
        const error = new FhirError(
          timedOut ? 'timeout' : 'network',
          `${method} ${url.pathname}: ${timedOut ? 'timed out' : 'network error'}`,
        );
        if (attempt < maxRetries) {
          await this.backoff(attempt);
          continue;
        }
        this.o.log.warn('fhir.failed', { method, path: url.pathname, kind: error.kind, cause: causeCode(err) });
        throw error;
      }
      const correlationId = res.headers.get('fumage-correlation-id') ?? res.headers.get('x-request-id') ?? undefined;
      const parsed = await readJson(res);
      if (res.ok && parsed === MALFORMED) {
        // A success we cannot read: the request may or may not have taken effect, so only an
        // idempotent one is repeated (a guarded PUT that did apply then answers 412).
        if (attempt < maxRetries) {
          await this.backoff(attempt);
          continue;
        }
        this.o.log.warn('fhir.failed', { method, path: url.pathname, kind: 'malformed', status: res.status, correlationId });
        throw new FhirError('malformed', `${method} ${url.pathname}: malformed response body`, {
          status: res.status,
          ...(correlationId ? { correlationId } : {}),
        });
      }
      // An error page that is not JSON (a proxy, a firewall) is still the status it says.
      const body = parsed === MALFORMED ? null : parsed;
      if (res.ok) return { status: res.status, headers: res.headers, body };

      if (res.status === 401 && !refreshedAuth) {
        refreshedAuth = true;
        this.o.tokens.invalidate(token);
        attempt--; // the auth retry does not count against the transient-error budget
        continue;
      }
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
      const info = {
        status: res.status,
        ...outcomeOf(body),
        ...(correlationId ? { correlationId } : {}),
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      };
      const transient = res.status === 429 || res.status >= 500;
      const wait = retryAfterMs ?? null;
      if (transient && attempt < maxRetries && (wait === null || wait <= (this.o.maxRetryWaitMs ?? 5_000))) {
        await (wait !== null ? this.sleep(wait) : this.backoff(attempt));
        continue;
      }
      this.o.log.warn('fhir.failed', { method, path: url.pathname, status: res.status, issueCode: info.issueCode, correlationId });
      throw new FhirError(
        res.status === 401 || res.status === 403 ? 'auth' : 'http',
        `${method} ${url.pathname}: HTTP ${res.status}`,
        info,
      );
    }
  }

  private sleep(ms: number) {
    return (this.o.sleep ?? ((m: number) => new Promise<void>((r) => setTimeout(r, m))))(ms);
  }
  /** Exponential backoff with full jitter. */
  private backoff(attempt: number) {
    return this.sleep(Math.random() * Math.min(2_000, 200 * 2 ** attempt));
  }
}

const MALFORMED = Symbol('malformed');
async function readJson(res: Response): Promise<unknown> {
  try {
    const text = await res.text();
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
  const cause = (err as { cause?: { code?: string } }).cause;
  return cause?.code;
}
