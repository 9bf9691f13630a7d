/**
 * OAuth2 client-credentials tokens for the FHIR server. The token is cached in memory and in the
 * keychain (so a restart does not cost a token fetch), refreshed in the background ahead of expiry,
 * and concurrent callers share one keychain read and one in-flight request. It never leaves main.
 *
 * The client secret goes only to the token origin it was bound to at provisioning (client-binding.ts),
 * over the shared transport: a redirect is a refusal, the body is capped, one deadline covers it all.
 */
import type { Logger } from '../log.js';
import type { SecretStore } from '../secrets.js';
import { bindingMismatch, decodeBoundSecret } from './client-binding.js';
import { TokenError } from './errors.js';
import { deadline, send, TransportError, type SendResult } from './transport.js';

/** A token response is a few hundred bytes; anything near this is not a token endpoint. */
export const TOKEN_MAX_BYTES = 64 * 1024;

interface CachedToken {
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
  /** The cache is only valid for the endpoint and client it was issued to. */
  issuer: string;
  /** The FHIR origin the token may be sent to (absent in caches written before binding). */
  audience?: string;
}

export interface TokenProviderOptions {
  tokenUrl: string;
  clientId: string;
  /** The FHIR server the token is for: the secret's binding must name its origin. */
  fhirBaseUrl?: string | undefined;
  scope?: string | undefined;
  secrets: SecretStore;
  log: Logger;
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
  /** Refresh this long before expiry (ms). */
  refreshMarginMs?: number;
}

export class TokenProvider {
  private cached: CachedToken | null = null;
  private inflight: Promise<CachedToken> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** The one keychain read of the cached token, shared by every early caller. */
  private loading: Promise<void> | null = null;
  /** Count of token-endpoint requests (benchmarks and tests). */
  fetchCount = 0;

  constructor(private readonly o: TokenProviderOptions) {}

  private get issuer() {
    return `${this.o.clientId}@${this.o.tokenUrl}`;
  }
  private now() {
    return (this.o.now ?? Date.now)();
  }
  private get audience() {
    return this.o.fhirBaseUrl ? new URL(this.o.fhirBaseUrl).origin : undefined;
  }
  private fresh(t: CachedToken | null): t is CachedToken {
    return (
      !!t &&
      typeof t.accessToken === 'string' &&
      t.issuer === this.issuer &&
      t.audience === this.audience &&
      t.expiresAt - (this.o.refreshMarginMs ?? 5 * 60_000) > this.now()
    );
  }

  /** A valid access token: memory, else keychain cache, else a new one from the token endpoint. */
  async getToken(): Promise<string> {
    if (this.fresh(this.cached)) return this.cached.accessToken;
    // Single-flight: the cache counts as loaded only once the read has finished, for every caller.
    await (this.loading ??= this.loadCached());
    const loaded = this.cached as CachedToken | null; // set by loadCached meanwhile
    if (this.fresh(loaded)) return loaded.accessToken;
    return (await this.refresh()).accessToken;
  }

  private async loadCached(): Promise<void> {
    const stored = await this.o.secrets.get('fhir-access-token').catch(() => null);
    if (!stored) return;
    try {
      const t = JSON.parse(stored) as CachedToken;
      if (this.fresh(t)) {
        this.cached = t;
        this.o.log.addSecret(t.accessToken);
      }
    } catch {
      // A corrupt cache entry is just a miss.
    }
  }

  /** Forget a token the server rejected (401) so the next getToken fetches a new one. */
  invalidate(token: string): void {
    if (this.cached?.accessToken === token) this.cached = null;
  }

  /** One shared request to the token endpoint, however many callers ask at once. */
  refresh(): Promise<CachedToken> {
    this.inflight ??= this.fetchToken().finally(() => (this.inflight = null));
    return this.inflight;
  }

  private async fetchToken(): Promise<CachedToken> {
    const stored = await this.o.secrets.get('fhir-client-secret');
    if (!stored) throw new TokenError('not_provisioned', 'No client secret in the keychain; run `kiosk-admin set-client-secret`.');
    const bound = decodeBoundSecret(stored);
    this.o.log.addSecret(bound.secret);
    const mismatch = bindingMismatch(bound, { tokenUrl: this.o.tokenUrl, clientId: this.o.clientId, fhirBaseUrl: this.o.fhirBaseUrl });
    if (mismatch) {
      // The config no longer matches what IT provisioned: nothing is sent anywhere.
      this.o.log.error('token.binding_refused', { mismatch });
      throw new TokenError(
        'not_provisioned',
        mismatch === 'unbound'
          ? 'The client secret is not bound to a token endpoint; run `kiosk-admin set-client-secret` again.'
          : `The config's ${mismatch.replace('_', ' ')} differs from the one the client secret was provisioned for; ` +
              'run `kiosk-admin set-client-secret` again if the change is intended.',
      );
    }
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: this.o.clientId, client_secret: bound.secret });
    if (this.o.scope) body.set('scope', this.o.scope);
    this.fetchCount++;
    let res: SendResult;
    try {
      res = await send(this.o.fetch ?? fetch, {
        method: 'POST',
        url: new URL(this.o.tokenUrl),
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: body.toString(),
        maxBytes: TOKEN_MAX_BYTES,
        signal: deadline(this.o.timeoutMs ?? 10_000),
      });
    } catch (err) {
      if (err instanceof TransportError && err.kind === 'redirect') {
        this.o.log.error('token.redirect_refused', { status: err.status });
        throw new TokenError('server', `Token endpoint answered with a redirect (HTTP ${err.status ?? '3xx'}); refused.`);
      }
      if (err instanceof TransportError && err.kind === 'too_large') {
        this.o.log.error('token.too_large', { status: err.status, maxBytes: TOKEN_MAX_BYTES });
        throw new TokenError('server', 'Token endpoint response is too large; refused.');
      }
      const kind = err instanceof TransportError ? err.kind : (err as Error).name;
      this.o.log.warn('token.unreachable', { reason: kind });
      throw new TokenError('unreachable', `Token endpoint unreachable (${kind}).`);
    }
    const text = res.text;
    if (res.status === 400 || res.status === 401 || res.status === 403) {
      const code = safeJson(text)?.['error'];
      this.o.log.warn('token.rejected', { status: res.status, code: typeof code === 'string' ? code : undefined });
      throw new TokenError(
        'invalid_client',
        `Token endpoint rejected the client credentials (HTTP ${res.status}${typeof code === 'string' ? `, ${code}` : ''}).`,
      );
    }
    if (res.status < 200 || res.status > 299) throw new TokenError('server', `Token endpoint error (HTTP ${res.status}).`);
    const json = safeJson(text);
    const accessToken = json?.['access_token'];
    const expiresIn = Number(json?.['expires_in']);
    if (typeof accessToken !== 'string' || !accessToken || !Number.isFinite(expiresIn) || expiresIn <= 0) {
      throw new TokenError('server', 'Token endpoint returned an unexpected response.');
    }
    this.o.log.addSecret(accessToken);
    // expires_in is in seconds (a known client bug adds it to Date.now() as if it were ms).
    const token: CachedToken = {
      accessToken,
      expiresAt: this.now() + expiresIn * 1000,
      issuer: this.issuer,
      ...(this.audience ? { audience: this.audience } : {}),
    };
    this.cached = token;
    await this.o.secrets.set('fhir-access-token', JSON.stringify(token)).catch((err: Error) => {
      this.o.log.warn('token.cache_write_failed', { reason: err.name });
    });
    this.o.log.info('token.obtained', { expiresInSeconds: expiresIn });
    this.scheduleRefresh();
    return token;
  }

  /** Keeps token fetches off the patient's critical path: refresh shortly before the margin. */
  private scheduleRefresh() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.autoRefresh || !this.cached) return;
    const margin = this.o.refreshMarginMs ?? 5 * 60_000;
    const due = Math.max(1000, this.cached.expiresAt - margin - this.now() + 1000);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.refresh().catch((err: Error) => {
          this.o.log.warn('token.background_refresh_failed', { reason: err.message });
          // Try again in a minute; the patient path will also try on demand.
          this.timer = setTimeout(() => this.scheduleRefresh(), 60_000);
          this.timer.unref();
        });
      },
      Math.min(due, 2 ** 31 - 1),
    );
    this.timer.unref();
  }

  private autoRefresh = false;
  /** Starts background refresh (the kiosk runtime; tests and the CLI leave it off). */
  startBackgroundRefresh(): void {
    this.autoRefresh = true;
    // Warm the cache now so the first patient does not wait for a token.
    this.getToken().then(
      () => this.scheduleRefresh(),
      (err: Error) => this.o.log.warn('token.warmup_failed', { reason: err.message }),
    );
  }
  stop(): void {
    this.autoRefresh = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

function safeJson(text: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
