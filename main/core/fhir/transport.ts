/**
 * The one way main speaks HTTP (token endpoint and FHIR alike). Three rules a hostile or broken server
 * cannot bend: a redirect is a refusal (following one would re-send a secret, a bearer token or a
 * check-in body to wherever the server points, and could turn a refused write into a false success);
 * the body is read with a byte cap (Content-Length checked first, then counted while streaming); and
 * the whole exchange, body included, lives inside the caller's deadline.
 */

export type TransportErrorKind = 'redirect' | 'too_large' | 'timeout' | 'network';

export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
    /** The HTTP status when the server answered (a 3xx, or the status of an oversize body). */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface SendOptions {
  method: 'GET' | 'PUT' | 'POST';
  url: URL;
  headers?: Record<string, string>;
  body?: string;
  /** Largest body we read; a larger one is never parsed (and never worth retrying). */
  maxBytes: number;
  /** The operation's deadline: covers connecting, waiting and reading the body. */
  signal?: AbortSignal;
}

export interface SendResult {
  status: number;
  headers: Headers;
  text: string;
}

/** A deadline `ms` from now, tied to an outer one when given (whichever ends first). */
export function deadline(ms: number, outer?: AbortSignal): AbortSignal {
  const own = AbortSignal.timeout(ms);
  return outer ? AbortSignal.any([outer, own]) : own;
}

export async function send(fetchImpl: typeof fetch, o: SendOptions): Promise<SendResult> {
  const what = `${o.method} ${o.url.pathname}`;
  let res: Response;
  try {
    res = await fetchImpl(o.url, {
      method: o.method,
      headers: o.headers ?? {},
      ...(o.body !== undefined ? { body: o.body } : {}),
      redirect: 'manual',
      ...(o.signal ? { signal: o.signal } : {}),
    });
  } catch (err) {
    throw failure(err, o.signal, what);
  }
  // `opaqueredirect` is what a browser-style fetch (Chromium's net stack) hands back for `manual`.
  if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
    await discard(res);
    throw new TransportError('redirect', `${what}: refused a redirect (HTTP ${res.status || 3})`, res.status || undefined);
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > o.maxBytes) {
    await discard(res);
    throw new TransportError('too_large', `${what}: response of ${declared} bytes exceeds ${o.maxBytes}`, res.status);
  }
  try {
    return { status: res.status, headers: res.headers, text: await readCapped(res, o.maxBytes, what) };
  } catch (err) {
    if (err instanceof TransportError) throw err;
    throw failure(err, o.signal, what);
  }
}

async function readCapped(res: Response, maxBytes: number, what: string): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new TransportError('too_large', `${what}: response exceeds ${maxBytes} bytes`, res.status);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

async function discard(res: Response) {
  await res.body?.cancel().catch(() => {});
}

function failure(err: unknown, signal: AbortSignal | undefined, what: string): TransportError {
  const timedOut = signal?.aborted || (err as Error)?.name === 'TimeoutError' || (err as Error)?.name === 'AbortError';
  return timedOut
    ? new TransportError('timeout', `${what}: timed out`, undefined, { cause: err })
    : new TransportError('network', `${what}: network error`, undefined, { cause: err });
}
