/**
 * Idle load: a real kiosk (token warm-up and background refresh, health probe, outbox sender) with
 * its renderer open on the welcome screen, against its own demo server, so the server's request log
 * holds nothing but what an idle kiosk sends. Started first and read last: it runs while the other
 * measures do. The health probe is today's schedule refresh (every 120 s by default); the window
 * starts once the first load of the day is done (a once-a-day cost, reported as start-up).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { ChromiumHost } from '../../dev/chromium-host.js';
import { DEMO_CLINIC, DEMO_TIMEZONE } from '../../dev/demo-kiosk.js';
import { startDemoServer, type DemoServer } from '../../dev/demo-server/index.js';
import { parseConfig } from '../../main/core/config.js';
import { createKiosk, type Kiosk } from '../../main/core/kiosk.js';
import type { Logger } from '../../main/core/log.js';
import { memorySecretStore } from '../../main/core/secrets.js';
import { openInstrumentedKiosk } from './host.js';
import { countByCategory, type CategoryCounts } from './round-trips.js';

export interface IdleResult {
  /** Health interval the kiosk ran with (ms). */
  healthIntervalMs: number;
  /** The counted window: after start-up, a whole number of health periods. */
  windowMs: number;
  periods: number;
  /** Requests in the window, by category. */
  counts: CategoryCounts;
  total: number;
  /** total × (3600 s / window), scaled to the 60 s default interval when a shorter one was injected. */
  perHour: number;
  /** Requests of the start-up (token fetch, the first load of the day), not part of the steady rate. */
  startup: number;
  /** How long the start-up took (ms). */
  startupMs: number;
  /** Seconds between consecutive schedule refreshes (their first Appointment page) seen in the log. */
  healthGapsSeconds: number[];
}

export interface IdleRun {
  /** Resolves when the window has been observed. */
  result: Promise<IdleResult>;
  stop(): Promise<void>;
}

/** The schedule refresh (= health probe) interval a kiosk runs with by default (`kiosk.scheduleRefreshSeconds`). */
export const DEFAULT_HEALTH_MS = 120_000;

export async function startIdleKiosk(o: {
  browser: Browser;
  log: Logger;
  latencyMs: number;
  periods: number;
  healthIntervalMs?: number;
}): Promise<IdleRun> {
  const healthIntervalMs = o.healthIntervalMs ?? DEFAULT_HEALTH_MS;
  const server: DemoServer = await startDemoServer({ timezone: DEMO_TIMEZONE, latencyMs: o.latencyMs });
  const config = parseConfig({
    fhir: { baseUrl: server.baseUrl, tokenUrl: server.tokenUrl, clientId: server.clientId, profile: server.profile },
    clinic: { name: DEMO_CLINIC, timezone: DEMO_TIMEZONE },
    kiosk: { id: 'bench-idle-kiosk' },
  });
  const kiosk: Kiosk = createKiosk({
    config,
    secrets: memorySecretStore({ 'fhir-client-secret': server.clientSecret }),
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-idle-')),
    log: o.log,
    mode: 'demo',
    healthIntervalMs,
  });
  const host: ChromiumHost = await openInstrumentedKiosk({ kiosk, log: o.log, browser: o.browser, clinicName: DEMO_CLINIC });
  server.resetRequests(); // page loads cost no FHIR requests; start from a clean log
  const started = Date.now();
  kiosk.start();
  // The first load of the day (pages + one read per patient) is over when the snapshot is ready.
  while (!kiosk.info().offlineIdentification) await new Promise((r) => setTimeout(r, 50));
  const from = Date.now() + 100;
  // Half-open window [from, from + k·interval): exactly one periodic tick per interval falls inside.
  const windowMs = o.periods * healthIntervalMs;
  const to = from + windowMs;
  const result = new Promise<IdleResult>((resolve) => {
    setTimeout(
      () => {
        const log = server.requests;
        const inside = log.filter((r) => r.at >= from && r.at < to);
        const counts = countByCategory(inside);
        const total = inside.length;
        // A refresh starts with page 1 of today's Appointment search (no _offset).
        const health = log
          .filter((r) => r.method === 'GET' && r.path === '/Appointment' && !/[?&]_offset=/.test(`?${r.query ?? ''}`))
          .map((r) => r.at);
        const scale = healthIntervalMs / DEFAULT_HEALTH_MS;
        resolve({
          healthIntervalMs,
          windowMs,
          periods: o.periods,
          counts,
          total,
          perHour: total * (3_600_000 / windowMs) * scale,
          startup: log.filter((r) => r.at < from).length,
          startupMs: from - started,
          healthGapsSeconds: health.slice(1).map((at, i) => (at - health[i]!) / 1000),
        });
      },
      to - Date.now() + 200,
    );
  });
  return {
    result,
    async stop() {
      kiosk.stop();
      await host.close();
      await server.close();
    },
  };
}
