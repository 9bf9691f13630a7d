/** Shared test fixtures: real demo server over HTTP, real core objects, a log that tests can scan. */
import { DateTime } from 'luxon';
import { createLogger, memorySink, type Logger } from '../../main/core/log.js';
import { memorySecretStore, type SecretStore } from '../../main/core/secrets.js';
import { TokenProvider } from '../../main/core/fhir/token-provider.js';
import { FhirClient, type Profile } from '../../main/core/fhir/client.js';
import { startDemoServer, type DemoServer, type DemoServerOptions } from '../../dev/demo-server/index.js';

export const ZONE = 'America/New_York';
/** 10:00 today in the demo clinic zone: every scenario's state is deterministic at this instant. */
export const tenAm = () => DateTime.now().setZone(ZONE).set({ hour: 10, minute: 0, second: 0, millisecond: 0 }).toJSDate();

export function capturingLog(): { log: Logger; lines: string[] } {
  const sink = memorySink();
  return { log: createLogger([sink], { minLevel: 'debug' }), lines: sink.lines };
}

export async function demoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  return startDemoServer({ timezone: ZONE, now: tenAm, ...opts });
}

export async function clientFor(
  server: DemoServer,
  opts: { log?: Logger; secrets?: SecretStore; timeoutMs?: number; maxRetries?: number; profile?: Profile } = {},
) {
  const log = opts.log ?? capturingLog().log;
  const secrets = opts.secrets ?? memorySecretStore({ 'fhir-client-secret': server.clientSecret });
  const tokens = new TokenProvider({
    tokenUrl: server.tokenUrl,
    clientId: server.clientId,
    secrets,
    log,
    timeoutMs: opts.timeoutMs ?? 3000,
  });
  const fhir = new FhirClient({
    baseUrl: server.baseUrl,
    profile: opts.profile ?? server.profile,
    tokens,
    log,
    timeoutMs: opts.timeoutMs ?? 3000,
    maxRetries: opts.maxRetries ?? 2,
    sleep: async () => {},
  });
  return { tokens, fhir, secrets, log };
}
