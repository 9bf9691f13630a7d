import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { faultStatusResponse, MALFORMED_BODY, type FaultQueue } from './faults.js';
import { authenticationFailed, outcomeResponse, type ApiRequest, type ApiResponse } from './responses.js';
import { TOKEN_PATH, type TokenStore } from './tokens.js';

export interface RequestRecord {
  method: string;
  /** Pathname only. */
  path: string;
  /** Raw query string without the leading '?'. */
  query: string;
  /** 0 while in flight and for requests reset unhandled; a lost reply records what the server did. */
  status: number;
  /** Arrival time, epoch ms. */
  at: number;
  /** When the answer was written, epoch ms (0 until then): with `at`, how many were in flight at once. */
  doneAt: number;
  tokenRequest: boolean;
}

export interface HttpLayerOptions {
  port: number;
  handleFhir: (req: ApiRequest) => Promise<ApiResponse>;
  tokens: TokenStore;
  faults: FaultQueue;
  requests: RequestRecord[];
  latencyMs: () => number;
  fhirContentType: string;
  /** FHIR paths served without a bearer token (e.g. /metadata). */
  publicPaths: ReadonlySet<string>;
}

export interface HttpLayer {
  baseUrl: string;
  close(): Promise<void>;
}

interface Outgoing {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** Plumbing shared by both profiles: recording, latency, faults, auth, and Canvas's response headers. */
export async function startHttpLayer(options: HttpLayerOptions): Promise<HttpLayer> {
  // Aborting wakes every pending latency/hang wait so close() never waits on a sleeping request.
  const closing = new AbortController();
  const sleep = (ms: number) => (ms > 0 ? delay(ms, undefined, { signal: closing.signal }) : undefined);
  let baseUrl = '';

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const record: RequestRecord = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search.slice(1),
      status: 0,
      at: Date.now(),
      doneAt: 0,
      tokenRequest: url.pathname === TOKEN_PATH,
    };
    options.requests.push(record);
    const rawBody = await readBody(req);
    await sleep(options.latencyMs());

    const fault = options.faults.take(record.method, record.path);
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'hang') await sleep(fault.hangMs ?? 0);
    if (fault?.kind === 'lost-reply') {
      record.status = (await route(req, url, rawBody)).status;
      req.socket.destroy();
      return;
    }
    const out =
      fault?.kind === 'malformed'
        ? { status: 200, headers: { 'content-type': options.fhirContentType }, text: MALFORMED_BODY }
        : fault?.kind === 'status'
          ? toOutgoing(faultStatusResponse(fault), options.fhirContentType)
          : await route(req, url, rawBody);
    record.status = out.status;
    record.doneAt = Date.now();
    res.writeHead(out.status, { ...out.headers, 'fumage-correlation-id': randomUUID() });
    res.end(out.text);
  }

  async function route(req: http.IncomingMessage, url: URL, rawBody: string): Promise<Outgoing> {
    const path = url.pathname;
    if (path === TOKEN_PATH) {
      const response =
        req.method === 'POST'
          ? options.tokens.issue(req.headers['content-type'], rawBody)
          : { status: 405, body: { error: 'invalid_request' } };
      return toOutgoing(response, 'application/json');
    }
    const fhir = (response: ApiResponse) => toOutgoing(response, options.fhirContentType);
    if (path.startsWith('/auth/')) return fhir(outcomeResponse(404, 'not-found', 'Not found'));
    if (!options.publicPaths.has(path) && !options.tokens.isAuthorized(req.headers.authorization)) {
      return fhir(authenticationFailed());
    }
    let body: unknown;
    try {
      body = rawBody.trim() === '' ? undefined : JSON.parse(rawBody);
    } catch {
      return fhir(outcomeResponse(400, 'invalid', 'Request body is not valid JSON'));
    }
    const request: ApiRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      headers: req.headers,
      body,
      baseUrl,
    };
    return fhir(await options.handleFhir(request));
  }

  const server = http.createServer((req, res) => {
    serve(req, res).catch((err: unknown) => {
      if (!closing.signal.aborted) console.error('[demo-server] request failed', err);
      res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    close: async () => {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function toOutgoing(response: ApiResponse, contentType: string): Outgoing {
  return {
    status: response.status,
    headers: { 'content-type': contentType, ...response.headers },
    text: JSON.stringify(response.body),
  };
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
