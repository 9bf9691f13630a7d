/** Shared test fixtures: real demo server over HTTP, real core objects, a log that tests can scan. */
import type { Logger } from '../../main/core/log.js';
import { memorySecretStore, type SecretStore } from '../../main/core/secrets.js';
import { TokenProvider } from '../../main/core/fhir/token-provider.js';
import { FhirClient, type Profile } from '../../main/core/fhir/client.js';
import { DEMO_TIMEZONE, frozenClinicClock, startDemoServer, type DemoServer, type DemoServerOptions } from '../../dev/demo-server/index.js';
import { capturingLog } from './capturing-log.js';

export { capturingLog } from './capturing-log.js';

export const ZONE = DEMO_TIMEZONE;
/** 10:00 today in the demo clinic zone: every scenario's state is deterministic at this instant. */
export const tenAm = frozenClinicClock(ZONE);

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
