/**
 * A busy clinic day: 2,000 appointments at one location, loaded through the kiosk's own FhirClient
 * (paging at `_count=100`), then filtered to "today in the clinic zone" with the core's rule.
 */
import { performance } from 'node:perf_hooks';
import type { Appointment } from '@medplum/fhirtypes';
import { startDemoKiosk, DEMO_TIMEZONE } from '../../dev/demo-kiosk.js';
import { seedBusyDay } from '../../dev/demo-server/index.js';
import { isOnClinicToday, searchWindow } from '../../main/core/checkin/clinic-time.js';
import type { Logger } from '../../main/core/log.js';
import { countByCategory, pathCounts, type CategoryCounts } from './round-trips.js';
import { median } from './stats.js';

const FILTER_PASSES = 6;

export interface ScaleResult {
  appointments: number;
  seedMs: number;
  loadMs: number;
  /** The same search with the latency set to 0 (server filtering + paging + client parsing). */
  loadWithoutLatencyMs: number;
  loaded: number;
  requests: number;
  counts: CategoryCounts;
  tokenFetches: number;
  /** Median of the warm passes. */
  filterMs: number;
  /** The first (cold) pass. */
  filterFirstMs: number;
  today: number;
}

export async function measureBusyDay(o: { count: number; latencyMs: number; now: () => Date; log: Logger }): Promise<ScaleResult> {
  const demo = await startDemoKiosk({ server: { seed: false, latencyMs: o.latencyMs }, now: o.now, log: o.log });
  try {
    const parts = demo.kiosk.parts;
    if (!parts) throw new Error('demo kiosk is not configured');
    const seedStarted = performance.now();
    await seedBusyDay(demo.server.repo, { count: o.count, timezone: DEMO_TIMEZONE, now: o.now(), locationId: demo.server.locationId });
    const seedMs = performance.now() - seedStarted;
    await parts.tokens.getToken(); // steady state: the token is already there
    demo.server.resetRequests();

    // What a staff "today's schedule" needs: the clinic's day ±1 (Canvas date search has no zone), one location.
    const { from, to } = searchWindow(o.now(), DEMO_TIMEZONE);
    const started = performance.now();
    const found = await parts.fhir.search<Appointment>('Appointment', {
      date: [`ge${from}`, `le${to}`],
      location: `Location/${demo.server.locationId}`,
      _count: '100',
    });
    const loadMs = performance.now() - started;
    const counts = countByCategory(demo.server.requests);
    const requests = demo.server.requests.length;

    // The first pass includes JIT warm-up of luxon's parsing; the median of the rest is the steady cost.
    const now = o.now();
    const passes: number[] = [];
    let today = 0;
    for (let i = 0; i < FILTER_PASSES; i++) {
      const filterStarted = performance.now();
      today = found.filter(({ resource }) => isOnClinicToday(resource.start, now, DEMO_TIMEZONE)).length;
      passes.push(performance.now() - filterStarted);
    }

    // The same load without injected latency: what the demo server and the client spend themselves.
    demo.server.setLatency(0);
    const bareStarted = performance.now();
    await parts.fhir.search<Appointment>('Appointment', {
      date: [`ge${from}`, `le${to}`],
      location: `Location/${demo.server.locationId}`,
      _count: '100',
    });
    const loadWithoutLatencyMs = performance.now() - bareStarted;

    return {
      appointments: o.count,
      seedMs,
      loadMs,
      loadWithoutLatencyMs,
      loaded: found.length,
      requests,
      counts,
      tokenFetches: pathCounts(counts).tokenFetches,
      filterMs: median(passes.slice(1)),
      filterFirstMs: passes[0]!,
      today,
    };
  } finally {
    await demo.close();
  }
}
