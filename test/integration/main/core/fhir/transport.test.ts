/**
 * The safe transport against a hostile server on loopback: redirects (to another origin, https→http
 * style downgrades, on a PUT), bodies far over the cap with and without Content-Length, and a server
 * that trickles its body past the deadline.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deadline, send, TransportError } from '../../../../../main/core/fhir/transport.js';

interface Listener {
  origin: string;
  hits: Array<{ method: string; url: string; body: string }>;
  close(): Promise<void>;
}

async function listen(handler: http.RequestListener): Promise<Listener> {
  const hits: Listener['hits'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      hits.push({ method: req.method ?? '', url: req.url ?? '', body });
      handler(req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Streams `total` bytes of JSON-ish filler without ever holding them in memory. */
function stream(res: http.ServerResponse, total: number, withLength: boolean) {
  res.writeHead(200, { 'content-type': 'application/json', ...(withLength ? { 'content-length': String(total) } : {}) });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.on('error', () => {});
  pump();
}

describe('transport.send against a hostile server', () => {
  let attacker: Listener;
  let hostile: Listener;
  const MB = 1024 * 1024;

  beforeAll(async () => {
    attacker = await listen((_req, res) => res.end('{"access_token":"stolen"}'));
    hostile = await listen((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const to = `${attacker.origin}/catch${url.pathname}`;
      if (url.pathname.startsWith('/r')) {
        const status = Number(url.pathname.slice(2));
        return void res.writeHead(status, { location: to }).end();
      }
      if (url.pathname === '/huge') return stream(res, 300 * MB, false);
      if (url.pathname === '/declared') return stream(res, 700 * MB, true);
      if (url.pathname === '/trickle') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"a":');
        return; // never ends
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  afterAll(async () => {
    await hostile.close();
    await attacker.close();
  });
  beforeEach(() => {
    attacker.hits.length = 0;
  });

  for (const status of [301, 302, 303, 307, 308]) {
    it(`refuses a ${status} on a POST with a secret: nothing reaches the other origin`, async () => {
      const err = await send(fetch, {
        method: 'POST',
        url: new URL(`${hostile.origin}/r${status}`),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_secret=s3cret',
        maxBytes: 64 * 1024,
        signal: deadline(5_000),
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TransportError);
      expect((err as TransportError).kind).toBe('redirect');
      expect((err as TransportError).status).toBe(status);
      expect(attacker.hits).toHaveLength(0);
    });
  }

  it('refuses a 307 on a PUT: the body is not re-sent and no success is reported', async () => {
    const err = await send(fetch, {
      method: 'PUT',
      url: new URL(`${hostile.origin}/r307`),
      body: '{"resourceType":"Appointment","status":"checked-in"}',
      maxBytes: MB,
    }).catch((e: unknown) => e);
    expect((err as TransportError).kind).toBe('redirect');
    expect(attacker.hits).toHaveLength(0);
  });

  it('stops reading a 300 MB body without Content-Length at the cap', async () => {
    const before = process.memoryUsage().rss;
    const err = await send(fetch, { method: 'GET', url: new URL(`${hostile.origin}/huge`), maxBytes: 4 * MB }).catch((e: unknown) => e);
    expect((err as TransportError).kind).toBe('too_large');
    expect((err as TransportError).status).toBe(200);
    // The cap is what was buffered, not the 300 MB the server offered.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
  });

  it('refuses a declared 700 MB body before reading it', async () => {
    const err = await send(fetch, { method: 'GET', url: new URL(`${hostile.origin}/declared`), maxBytes: 4 * MB }).catch((e: unknown) => e);
    expect((err as TransportError).kind).toBe('too_large');
    expect((err as TransportError).message).toContain(String(700 * MB));
  });

  it('a body that trickles past the deadline is a timeout, not a hang', async () => {
    const err = await send(fetch, { method: 'GET', url: new URL(`${hostile.origin}/trickle`), maxBytes: MB, signal: deadline(300) }).catch(
      (e: unknown) => e,
    );
    expect((err as TransportError).kind).toBe('timeout');
  });

  it('an outer deadline that ends first wins', async () => {
    const outer = new AbortController();
    setTimeout(() => outer.abort(), 100);
    const started = performance.now();
    const err = await send(fetch, {
      method: 'GET',
      url: new URL(`${hostile.origin}/trickle`),
      maxBytes: MB,
      signal: deadline(30_000, outer.signal),
    }).catch((e: unknown) => e);
    expect((err as TransportError).kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a refused connection is a network error', async () => {
    const gone = await listen((_q, r) => r.end());
    const url = new URL(`${gone.origin}/x`);
    await gone.close();
    const err = await send(fetch, { method: 'GET', url, maxBytes: MB }).catch((e: unknown) => e);
    expect((err as TransportError).kind).toBe('network');
  });

  it('an ordinary answer comes back whole', async () => {
    const r = await send(fetch, { method: 'GET', url: new URL(`${hostile.origin}/ok`), maxBytes: MB });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({ ok: true });
  });

  it('treats an opaque redirect (a browser-style fetch with redirect: manual) as a refusal', async () => {
    const opaque = Object.assign(new Response(null, { status: 200 }), {});
    Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
    Object.defineProperty(opaque, 'status', { value: 0 });
    let init: RequestInit | undefined;
    const browserish: typeof fetch = async (_u, i) => {
      init = i;
      return opaque;
    };
    const err = await send(browserish, { method: 'GET', url: new URL('https://fhir.example/x'), maxBytes: MB }).catch((e: unknown) => e);
    expect((err as TransportError).kind).toBe('redirect');
    expect(init?.redirect).toBe('manual');
  });
});
