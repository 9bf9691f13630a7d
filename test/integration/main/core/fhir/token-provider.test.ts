import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenError } from '../../../../../main/core/fhir/errors.js';
import { TokenProvider } from '../../../../../main/core/fhir/token-provider.js';
import { memorySecretStore } from '../../../../../main/core/secrets.js';
import type { DemoServer } from '../../../../../dev/demo-server/index.js';
import { capturingLog, clientFor, demoServer } from '../../../../support/fixtures.js';

describe('TokenProvider against the demo server', () => {
  let server: DemoServer;
  beforeAll(async () => void (server = await demoServer({ seed: false })));
  afterAll(() => server.close());

  const tokenRequests = () => server.requests.filter((r) => r.tokenRequest).length;

  it('fetches once, then serves from memory; concurrent callers share one request', async () => {
    const { tokens } = await clientFor(server);
    server.resetRequests();
    const all = await Promise.all(Array.from({ length: 10 }, () => tokens.getToken()));
    expect(new Set(all).size).toBe(1);
    expect(await tokens.getToken()).toBe(all[0]);
    expect(tokenRequests()).toBe(1);
  });

  it('sends a form-encoded client-credentials grant and caches the token with its expiry in the secret store', async () => {
    const secrets = memorySecretStore({ 'fhir-client-secret': server.clientSecret });
    const { tokens } = await clientFor(server, { secrets });
    const token = await tokens.getToken();
    const cached = JSON.parse((await secrets.get('fhir-access-token'))!);
    expect(cached.accessToken).toBe(token);
    // expires_in is seconds: 36000 s ≈ 10 h ahead, not 36 s.
    expect(cached.expiresAt - Date.now()).toBeGreaterThan(9.9 * 3600_000);
  });

  it('a new process reuses the cached token from the store without a token request', async () => {
    const secrets = memorySecretStore({ 'fhir-client-secret': server.clientSecret });
    const first = await clientFor(server, { secrets });
    const token = await first.tokens.getToken();
    server.resetRequests();
    const second = new TokenProvider({ tokenUrl: server.tokenUrl, clientId: server.clientId, secrets, log: capturingLog().log });
    expect(await second.getToken()).toBe(token);
    expect(tokenRequests()).toBe(0);
  });

  it('refreshes ahead of expiry: a token inside the margin is replaced', async () => {
    let now = Date.now();
    const secrets = memorySecretStore({ 'fhir-client-secret': server.clientSecret });
    const tokens = new TokenProvider({
      tokenUrl: server.tokenUrl,
      clientId: server.clientId,
      secrets,
      log: capturingLog().log,
      now: () => now,
    });
    const a = await tokens.getToken();
    now += 36_000_000 - 4 * 60_000; // 4 minutes before expiry, inside the 5-minute margin
    const b = await tokens.getToken();
    expect(b).not.toBe(a);
  });

  it('bad client secret → TokenError invalid_client; missing secret → not_provisioned; wrong URL → unreachable', async () => {
    const bad = new TokenProvider({
      tokenUrl: server.tokenUrl,
      clientId: server.clientId,
      secrets: memorySecretStore({ 'fhir-client-secret': 'wrong-secret' }),
      log: capturingLog().log,
    });
    await expect(bad.getToken()).rejects.toMatchObject({ name: 'TokenError', kind: 'invalid_client' });
    const none = new TokenProvider({
      tokenUrl: server.tokenUrl,
      clientId: server.clientId,
      secrets: memorySecretStore(),
      log: capturingLog().log,
    });
    await expect(none.getToken()).rejects.toMatchObject({ kind: 'not_provisioned' });
    const gone = new TokenProvider({
      tokenUrl: 'http://127.0.0.1:9/auth/token/',
      clientId: 'x',
      secrets: memorySecretStore({ 'fhir-client-secret': 'whatever-secret' }),
      log: capturingLog().log,
    });
    await expect(gone.getToken()).rejects.toBeInstanceOf(TokenError);
    await expect(gone.getToken()).rejects.toMatchObject({ kind: 'unreachable' });
  });

  it('token endpoint 5xx → server error, not a credentials error', async () => {
    const { tokens } = await clientFor(server);
    server.faults.add({ path: '/auth/token/', kind: 'status', status: 503 });
    await expect(tokens.getToken()).rejects.toMatchObject({ kind: 'server' });
  });

  it('background refresh warms the cache so a patient never waits for a token', async () => {
    const { tokens } = await clientFor(server);
    server.resetRequests();
    tokens.startBackgroundRefresh();
    await expect.poll(() => tokenRequests()).toBe(1);
    server.resetRequests();
    await tokens.getToken();
    expect(tokenRequests()).toBe(0);
    tokens.stop();
  });
});
