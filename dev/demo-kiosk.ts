/**
 * The embedded demo: a Canvas-compatible demo FHIR server plus the real kiosk core configured
 * against it. Used by `npm start`, `npm run smoke`, e2e tests and benchmarks. Never shipped.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, type KioskConfig } from '../main/core/config.js';
import { createKiosk, type Kiosk } from '../main/core/kiosk.js';
import { silentLogger, type Logger } from '../main/core/log.js';
import { memorySecretStore, type SecretStore } from '../main/core/secrets.js';
import { hashPin } from '../main/core/staff-pin.js';
import type { Speaker } from '../main/core/speech/speaker.js';
import { DEMO_TIMEZONE, startDemoServer, type DemoServer, type DemoServerOptions } from './demo-server/index.js';

export interface DemoKioskOptions {
  server?: DemoServerOptions;
  /** Extra config merged over the demo defaults (clinic, checkIn, kiosk sections). */
  config?: Partial<Record<'clinic' | 'checkIn' | 'kiosk' | 'audio', Record<string, unknown>>>;
  dataDir?: string;
  log?: Logger;
  now?: () => Date;
  secrets?: SecretStore;
  fetch?: typeof fetch;
  shell?: { requestExit(reason: string): void };
  /** Audio guidance's speaker (tests record what it is asked to say); default: the OS engine. */
  speaker?: Speaker | null;
}

export interface DemoKiosk {
  server: DemoServer;
  kiosk: Kiosk;
  config: KioskConfig;
  dataDir: string;
  close(): Promise<void>;
}

export const DEMO_CLINIC = 'Riverside Family Clinic';
export { DEMO_TIMEZONE };
/** Synthetic, demo only: a real kiosk's PIN is set with `kiosk-admin set-staff-pin`. */
export const DEMO_STAFF_PIN = '246810';

export async function startDemoKiosk(o: DemoKioskOptions = {}): Promise<DemoKiosk> {
  const timezone = (o.config?.clinic?.['timezone'] as string | undefined) ?? o.server?.timezone ?? DEMO_TIMEZONE;
  const server = await startDemoServer({ timezone, ...(o.now ? { now: o.now } : {}), ...o.server });
  const config = parseConfig({
    fhir: { baseUrl: server.baseUrl, tokenUrl: server.tokenUrl, clientId: server.clientId, profile: server.profile, timeoutMs: 5000 },
    clinic: { name: DEMO_CLINIC, timezone, ...o.config?.clinic },
    checkIn: { ...o.config?.checkIn },
    kiosk: { id: 'demo-kiosk', ...o.config?.kiosk },
    audio: { ...o.config?.audio },
  });
  const dataDir = o.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'kiosk-demo-'));
  const secrets = o.secrets ?? memorySecretStore();
  await secrets.set('fhir-client-secret', server.clientSecret);
  if (!(await secrets.get('staff-pin-hash'))) await secrets.set('staff-pin-hash', await hashPin(DEMO_STAFF_PIN));
  const kiosk = createKiosk({
    config,
    secrets,
    dataDir,
    log: o.log ?? silentLogger,
    mode: 'demo',
    ...(o.now ? { now: o.now } : {}),
    ...(o.fetch ? { fetch: o.fetch } : {}),
    ...(o.shell ? { shell: o.shell } : {}),
    ...(o.speaker !== undefined ? { speaker: o.speaker } : {}),
  });
  return {
    server,
    kiosk,
    config,
    dataDir,
    async close() {
      kiosk.stop();
      await server.close();
    },
  };
}
