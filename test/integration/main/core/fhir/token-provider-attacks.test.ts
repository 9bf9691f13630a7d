/**
 * The token endpoint under attack: redirects, huge bodies, a config pointing the secret elsewhere, and
 * the start-up warm-up race. Hostile servers are real HTTP listeners on 127.0.0.1 that count requests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBoundSecret } from '../../../../../main/core/fhir/client-binding.js';
import { TokenProvider } from '../../../../../main/core/fhir/token-provider.js';
import { memorySecretStore } from '../../../../../main/core/secrets.js';
import type { DemoServer } from '../../../../../dev/demo-server/index.js';
import { capturingLog, demoServer } from '../../../../support/fixtures.js';

interface Hostile {
  url: string;
  requests: number;
  bodies: string[];
  close(): Promise<void>;
}

async function hostile(handler: (req: IncomingMessage, res: ServerResponse) => void = (_q, s) => s.end('{}')): Promise<Hostile> {
  const h: Hostile = { url: '', requests: 0, bodies: [], close: async () => {} };
  const server = createServer((req, res) => {
    h.requests++;
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      h.bodies.push(body);
      handler(req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  h.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  h.close = () => new Promise((r) => (server.closeAllConnections(), server.close(() => r())));
  return h;
}

describe('token endpoint attacks', () => {
  let server: DemoServer;
  let sink: Hostile;
  beforeAll(async () => {
    server = await demoServer({ seed: false });
    sink = await hostile();
  });
  afterAll(async () => {
    await server.close();
    await sink.close();
  });
  const tokenRequests = () => server.requests.filter((r) => r.tokenRequest).length;
  const bound = (fhirBaseUrl = server.baseUrl) =>
    encodeBoundSecret(server.clientSecret, { tokenUrl: server.tokenUrl, clientId: server.clientId, fhirBaseUrl });
  const provider = (tokenUrl: string, secret: string, extra: Partial<ConstructorParameters<typeof TokenProvider>[0]> = {}) => {
    const { log, lines } = capturingLog();
    const secrets = memorySecretStore({ 'fhir-client-secret': secret });
    return { tokens: new TokenProvider({ tokenUrl, clientId: server.clientId, secrets, log, timeoutMs: 3000, ...extra }), lines, secrets };
  };

  it('start-up race: warm-up and a concurrent caller with a valid cached token make NO token request', async () => {
    const first = provider(server.tokenUrl, server.clientSecret);
    await first.tokens.getToken();
    server.resetRequests();
    const restarted = new TokenProvider({
      tokenUrl: server.tokenUrl,
      clientId: server.clientId,
      secrets: first.secrets,
      log: capturingLog().log,
    });
    restarted.startBackgroundRefresh(); // what start-up does, with the health check at the same time:
    const [a, b] = await Promise.all([restarted.getToken(), restarted.getToken()]);
    expect(a).toBe(b);
    expect(tokenRequests()).toBe(0);
    restarted.stop();
  });

  it('a 307 to another origin is refused: the secret never reaches the other listener', async () => {
    const redirector = await hostile((_q, s) => s.writeHead(307, { location: `${sink.url}/steal` }).end());
    const before = sink.requests;
    const { tokens, lines } = provider(`${redirector.url}/auth/token/`, server.clientSecret);
    await expect(tokens.getToken()).rejects.toMatchObject({ name: 'TokenError', kind: 'server' });
    expect(sink.requests - before).toBe(0);
    expect(redirector.requests).toBe(1); // refused, not retried
    expect(lines.some((l) => l.includes('token.redirect_refused'))).toBe(true);
    await redirector.close();
  });

  it('a 308 to plain http elsewhere is refused the same way', async () => {
    const redirector = await hostile((_q, s) =>
      s.writeHead(308, { location: `${sink.url.replace('127.0.0.1', 'localhost')}/clear` }).end(),
    );
    const before = sink.requests;
    const { tokens } = provider(`${redirector.url}/auth/token/`, server.clientSecret);
    await expect(tokens.getToken()).rejects.toMatchObject({ kind: 'server' });
    expect(sink.requests - before).toBe(0);
    await redirector.close();
  });

  it('a huge token body is cut at the cap, with or without Content-Length', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    const streamed = await hostile((_q, s) => {
      s.writeHead(200, { 'content-type': 'application/json' });
      let sent = 0;
      const pump = () => {
        while (sent < 400 && s.write(chunk)) sent++;
        if (sent < 400) s.once('drain', pump);
        else s.end();
      };
      s.write('{"access_token":"');
      pump();
    });
    const declared = await hostile((_q, s) => s.writeHead(200, { 'content-length': String(50 * 1024 * 1024) }).write('{'));
    for (const h of [streamed, declared]) {
      const { tokens, lines } = provider(`${h.url}/auth/token/`, server.clientSecret);
      await expect(tokens.getToken()).rejects.toMatchObject({ kind: 'server' });
      expect(lines.some((l) => l.includes('token.too_large'))).toBe(true);
      await h.close();
    }
  });

  it('a config pointing tokenUrl at a hostile listener: the bound secret is not sent (0 requests)', async () => {
    const before = sink.requests;
    const { tokens, lines } = provider(`${sink.url}/auth/token/`, bound(), { fhirBaseUrl: server.baseUrl });
    await expect(tokens.getToken()).rejects.toMatchObject({ kind: 'not_provisioned' });
    expect(sink.requests - before).toBe(0);
    expect(lines.join('\n')).toContain('token_origin');
    expect(lines.join('\n')).not.toContain(server.clientSecret);
  });

  it('another client id or another FHIR origin is refused too; a cached token is not handed to another FHIR origin', async () => {
    const wrongClient = provider(server.tokenUrl, bound(), { clientId: 'someone-else' });
    await expect(wrongClient.tokens.getToken()).rejects.toMatchObject({ kind: 'not_provisioned' });

    const good = provider(server.tokenUrl, bound(), { fhirBaseUrl: server.baseUrl });
    await good.tokens.getToken();
    server.resetRequests();
    const elsewhere = new TokenProvider({
      tokenUrl: server.tokenUrl,
      clientId: server.clientId,
      fhirBaseUrl: `${sink.url}/fhir`,
      secrets: good.secrets,
      log: capturingLog().log,
    });
    await expect(elsewhere.getToken()).rejects.toMatchObject({ kind: 'not_provisioned' });
    expect(tokenRequests()).toBe(0);
  });

  it('an unbound (bare) secret only goes to this machine, never to a remote token URL', async () => {
    const { tokens } = provider('https://auth.example.invalid/auth/token/', server.clientSecret);
    await expect(tokens.getToken()).rejects.toMatchObject({ kind: 'not_provisioned' });
  });
});
