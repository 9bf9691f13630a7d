/**
 * The Chromium-backed fetch, driven here through a small node:http stand-in for Electron's
 * ClientRequest (the Electron runtime cannot run here) against real loopback servers, some hostile.
 * The stand-in does what Electron's does with `redirect: 'manual'`: it emits 'redirect' for a 3xx
 * and fails the request ("Redirect was cancelled") unless followRedirect() is called.
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createNetFetch, type ClientRequestLike, type NetRequestOptions } from '../../../../main/shell/net-fetch.js';

class NodeClientRequest extends EventEmitter {
  private readonly headers: Record<string, string> = {};
  private readonly chunks: Buffer[] = [];
  private req: http.ClientRequest | null = null;
  private followed = false;
  constructor(private readonly options: NetRequestOptions) {
    super();
  }
  setHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  write(chunk: Buffer) {
    this.chunks.push(chunk);
  }
  followRedirect() {
    this.followed = true;
  }
  abort() {
    this.req?.destroy();
  }
  end() {
    this.req = http.request(this.options.url, { method: this.options.method, headers: this.headers }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        this.followed = false;
        this.emit('redirect', status, this.options.method, new URL(res.headers.location, this.options.url).href, res.headers);
        if (!this.followed) {
          res.destroy();
          this.emit('error', new Error('Redirect was cancelled'));
        }
        return;
      }
      this.emit('response', res);
    });
    this.req.on('error', (err) => this.emit('error', err));
    this.req.end(Buffer.concat(this.chunks));
  }
}

const seen: NetRequestOptions[] = [];
const netFetch = createNetFetch((options) => {
  seen.push(options);
  return new NodeClientRequest(options) as unknown as ClientRequestLike;
});

const servers: http.Server[] = [];
afterEach(() => {
  seen.length = 0;
  servers.splice(0).forEach((s) => s.closeAllConnections?.() ?? s.close());
});
async function serve(handler: http.RequestListener): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

describe('createNetFetch', () => {
  it('answers like fetch: status, headers, a streamed body; method, headers and body reach the server', async () => {
    let received = '';
    const { url } = await serve((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received = `${req.method} ${req.headers['authorization']} ${req.headers['content-type']} ${body}`;
        res.writeHead(201, { 'content-type': 'application/fhir+json', etag: 'W/"2"' });
        res.end('{"resourceType":"Appointment"}');
      });
    });
    const res = await netFetch(`${url}/Appointment/1`, {
      method: 'PUT',
      headers: { authorization: 'Bearer t', 'content-type': 'application/fhir+json' },
      body: '{"status":"checked-in"}',
      redirect: 'manual',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('W/"2"');
    expect(res.body).not.toBeNull();
    const reader = res.body!.getReader();
    let text = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) text += Buffer.from(r.value).toString();
    expect(text).toBe('{"resourceType":"Appointment"}');
    expect(received).toBe('PUT Bearer t application/fhir+json {"status":"checked-in"}');
    expect(seen[0]).toMatchObject({ method: 'PUT', redirect: 'manual', credentials: 'omit', useSessionCookies: false, cache: 'no-store' });
  });

  it.each([301, 302, 303, 307, 308])(
    "redirect: 'manual' gives the %i itself (as Node's fetch does), never a network error, and never follows",
    async (status) => {
      const elsewhere = await serve((_req, res) => res.end('attacker'));
      const { url } = await serve((_req, res) => {
        res.writeHead(status, { location: `${elsewhere.url}/steal` });
        res.end();
      });
      const res = await netFetch(`${url}/auth/token/`, { method: 'POST', body: 'client_secret=s', redirect: 'manual' });
      expect(res.status).toBe(status);
      expect(res.headers.get('location')).toBe(`${elsewhere.url}/steal`);
      expect(elsewhere.hits).toEqual([]);
    },
  );

  it("redirect: 'error' rejects without following", async () => {
    const elsewhere = await serve((_req, res) => res.end('x'));
    const { url } = await serve((_req, res) => {
      res.writeHead(302, { location: elsewhere.url });
      res.end();
    });
    await expect(netFetch(url, { redirect: 'error' })).rejects.toThrow(TypeError);
    expect(elsewhere.hits).toEqual([]);
  });

  it('the AbortSignal cancels a request whose server never answers', async () => {
    let closed = false;
    const { url } = await serve((req) => req.socket.on('close', () => (closed = true)));
    const started = Date.now();
    await expect(netFetch(url, { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect.poll(() => closed).toBe(true);
  });

  it('an abort after the head errors the body reader (a slow body cannot outlive the deadline)', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"entry":[');
    });
    const controller = new AbortController();
    const res = await netFetch(url, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toBeDefined();
  });

  it('an already aborted signal sends nothing', async () => {
    const { url, hits } = await serve((_req, res) => res.end());
    await expect(netFetch(url, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(hits).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('a connection failure is TypeError("fetch failed") with the cause, like Node', async () => {
    const { url } = await serve(() => {});
    servers.splice(0).forEach((s) => s.close());
    const error = await netFetch(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe('fetch failed');
    expect((error as TypeError).cause).toBeInstanceOf(Error);
  });

  it('204 and HEAD have no body', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    expect((await netFetch(url)).body).toBeNull();
    expect((await netFetch(url, { method: 'HEAD' })).body).toBeNull();
  });
});
