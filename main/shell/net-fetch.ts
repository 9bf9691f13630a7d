/**
 * A `typeof fetch` over Chromium's network stack for main's FHIR and token calls: the OS trust store
 * (clinic TLS inspection), the system proxy and PAC, unlike Node's fetch (bundled CAs, no proxy,
 * and NODE_EXTRA_CA_CERTS is closed by the production fuses).
 *
 * Built on `net.request` with a dedicated session rather than `session.fetch`, because Electron's
 * fetch turns `redirect: 'manual'` into a rejected promise ("Redirect was cancelled",
 * lib/common/api/net-client-request.ts): the core must see the 3xx as a response, exactly as Node's
 * fetch returns it, so a redirect is refused and logged, never mistaken for a network error and
 * retried. Everything else keeps fetch's contract: the AbortSignal cancels the request and the body
 * stream, the body is a ReadableStream read as it arrives (the core caps the bytes it reads).
 */
import { Readable } from 'node:stream';
import type { ClientRequest, IncomingMessage } from 'electron';

/** Electron's own types, so the production object is type-checked against what this module uses. */
export type ClientRequestLike = Pick<ClientRequest, 'setHeader' | 'on' | 'followRedirect' | 'write' | 'end' | 'abort'>;

export interface NetRequestOptions {
  method: string;
  url: string;
  /** Always 'manual': this module decides, so Electron emits 'redirect' for every 3xx. */
  redirect: 'manual';
  /** No cookies are sent or stored: the FHIR API authenticates with a bearer token only. */
  credentials: 'omit';
  useSessionCookies: false;
  cache: 'no-store';
}

/** `(options) => net.request({ ...options, session })` in production; a node:http stand-in in tests. */
export type NetRequest = (options: NetRequestOptions) => ClientRequestLike;

/** In memory only (no `persist:` prefix) and no HTTP cache: FHIR responses carry PHI. */
export const FHIR_PARTITION = 'kiosk-fhir';
export const FHIR_SESSION_OPTIONS = { cache: false } as const;

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

const abortReason = (signal: AbortSignal): unknown => signal.reason ?? new DOMException('This operation was aborted', 'AbortError');

function headersOf(raw: Record<string, string | string[]>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

export function createNetFetch(request: NetRequest): typeof fetch {
  return async function netFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const req = new Request(input, init);
    const signal = req.signal;
    if (signal.aborted) throw abortReason(signal);
    // Request bodies are small (a token form, one Appointment): read them before sending.
    const body = req.body ? Buffer.from(await req.arrayBuffer()) : null;
    if (signal.aborted) throw abortReason(signal);

    return await new Promise<Response>((resolve, reject) => {
      let settled = false;
      let response: Readable | null = null;
      const r = request({
        method: req.method,
        url: req.url,
        redirect: 'manual',
        credentials: 'omit',
        useSessionCookies: false,
        cache: 'no-store',
      });
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        fn();
      };
      const onAbort = () => {
        const reason = abortReason(signal);
        settle(() => reject(reason));
        // After the head: the body stream errors, so a reader waiting on it rejects too.
        response?.destroy(reason instanceof Error ? reason : new Error(String(reason)));
        r.abort();
      };
      signal.addEventListener('abort', onAbort, { once: true });

      req.headers.forEach((value, name) => r.setHeader(name, value));

      r.on('redirect', (statusCode, _method, redirectUrl, headers) => {
        if (req.redirect === 'follow') return r.followRedirect();
        signal.removeEventListener('abort', onAbort);
        r.abort();
        if (req.redirect === 'error') return settle(() => reject(new TypeError('fetch failed: redirect refused')));
        // 'manual': the 3xx itself, as Node's fetch returns it. Its body is never read.
        const head = headersOf(headers as Record<string, string | string[]>);
        head.set('location', redirectUrl);
        settle(() => resolve(new Response(null, { status: statusCode, headers: head })));
      });
      r.on('response', (message: IncomingMessage) => {
        // Electron's IncomingMessage is a Node Readable at run time (typed as an EventEmitter);
        // Electron's own net.fetch converts it the same way.
        const res = message as unknown as Readable & IncomingMessage;
        response = res;
        const nullBody = NULL_BODY_STATUS.has(res.statusCode) || req.method === 'HEAD';
        if (nullBody) res.resume();
        res.on('end', () => signal.removeEventListener('abort', onAbort));
        res.on('error', () => signal.removeEventListener('abort', onAbort));
        const stream = nullBody ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
        settle(() =>
          resolve(
            new Response(stream, {
              status: res.statusCode,
              statusText: res.statusMessage,
              headers: headersOf(res.headers as Record<string, string | string[]>),
            }),
          ),
        );
      });
      r.on('error', (error) => {
        signal.removeEventListener('abort', onAbort);
        // Node's fetch reports every network failure as TypeError('fetch failed') with a cause.
        settle(() => reject(new TypeError('fetch failed', { cause: error })));
      });
      if (body) r.write(body);
      r.end();
    });
  };
}
