/**
 * Today's schedule (main/core/schedule): what it costs to hold it and what it saves at tap time.
 * Every number is measured against the demo server with injected latency: request counts from the
 * server's log, times from this process (the kiosk core's IPC handlers, as the renderer calls them).
 */
import { performance } from 'node:perf_hooks';
import { DEMO_TIMEZONE, startDemoKiosk } from '../../dev/demo-kiosk.js';
import { seedBusyDay } from '../../dev/demo-server/index.js';
import { createIpcRouter } from '../../main/core/ipc-router.js';
import type { Logger } from '../../main/core/log.js';
import { DEFAULT_REFRESH_MS } from '../../main/core/schedule/today-schedule.js';
import { median } from './stats.js';
import type { Row } from './table.js';

const BUSY_DAY = 2000;
const TYPICAL_DAY = 100;
const TAPS = 15;
const IDLE_TICKS = 5;
const sender = { url: 'https://kiosk.invalid/index.html', isMainFrame: true, id: 1 };

export async function scheduleRows(o: { latencyMs: number; now: () => Date; log: Logger }): Promise<Row[]> {
  const rows: Row[] = [];
  const rtt = o.latencyMs;

  // ---- busy day: first load (pages + one read per patient) and a refresh (pages only)
  {
    const group = `today's schedule: busy day (${BUSY_DAY} appointments, RTT ${rtt} ms)`;
    const demo = await startDemoKiosk({ server: { seed: false, latencyMs: rtt }, now: o.now, log: o.log });
    try {
      const parts = demo.kiosk.parts!;
      await seedBusyDay(demo.server.repo, { count: BUSY_DAY, timezone: DEMO_TIMEZONE, now: o.now(), locationId: demo.server.locationId });
      await parts.tokens.getToken();
      demo.server.resetRequests();
      const coldStarted = performance.now();
      await parts.schedule.refresh();
      const coldMs = performance.now() - coldStarted;
      const cold = demo.server.requests.filter((r) => !r.tokenRequest);
      const coldPages = cold.filter((r) => r.path === '/Appointment').length;
      demo.server.resetRequests();
      const warmStarted = performance.now();
      await parts.schedule.refresh();
      const warmMs = performance.now() - warmStarted;
      const warm = demo.server.requests.filter((r) => !r.tokenRequest).length;
      demo.server.setLatency(0);
      const bareStarted = performance.now();
      await parts.schedule.refresh();
      const bareMs = performance.now() - bareStarted;
      rows.push(
        {
          group,
          measure: 'load the day (refresh: parallel _offset pages, patients cached)',
          value: warmMs,
          unit: 'ms',
          limit: 1000,
          kind: 'target',
          note: `${parts.schedule.size} appointments, 6 pages in flight; the same refresh without latency ${bareMs.toFixed(0)} ms (the demo server's own search work per page, single-threaded); before: serial next links, 4.9 s for 20 requests`,
        },
        {
          group,
          measure: 'requests per refresh',
          value: warm,
          unit: '',
          limit: Math.ceil(BUSY_DAY / 100),
          kind: 'limit',
          note: '_count=100',
        },
        {
          group,
          measure: 'first load of the day (pages + one read per patient)',
          value: coldMs,
          unit: 'ms',
          limit: null,
          kind: 'info',
          note: `${cold.length} requests (${coldPages} pages, ${cold.length - coldPages} Patient reads, 6 at a time); once a day, in the background`,
        },
      );
    } finally {
      await demo.close();
    }
  }

  // ---- the tap path on a typical day: snapshot hit vs miss, and the time in main
  {
    const group = `today's schedule: identification (RTT ${rtt} ms)`;
    const demo = await startDemoKiosk({ server: { latencyMs: rtt }, now: o.now, log: o.log });
    try {
      const dispatch = createIpcRouter(demo.kiosk.handlers, { log: o.log, isTrusted: () => true });
      const call = (c: string, p: unknown) => dispatch(c, p, sender) as Promise<{ ok: boolean; value?: { outcome: string } }>;
      await demo.kiosk.checkHealth(); // the schedule's first load, as at start-up
      const s = demo.server.scenarios!;
      const hitPatients = [s.openNow, s.twoToday, s.accented, s.apostrophe, s.tooEarly];
      const hitMs: number[] = [];
      let hitRequests = 0;
      for (let i = 0; i < TAPS; i++) {
        const p = hitPatients[i % hitPatients.length]!;
        demo.server.resetRequests();
        const started = performance.now();
        const r = await call('patient:identify', { familyName: p.family, birthDate: p.birthDate });
        hitMs.push(performance.now() - started);
        if (r.value?.outcome !== 'found') throw new Error(`bench: expected a snapshot hit, got ${r.value?.outcome}`);
        hitRequests = Math.max(hitRequests, demo.server.requests.filter((x) => !x.tokenRequest).length);
      }
      // A miss: the patient has no appointment on the snapshot, so the live path runs.
      demo.server.resetRequests();
      await call('patient:identify', { familyName: s.noAppointment.family, birthDate: s.noAppointment.birthDate });
      const missRequests = demo.server.requests.filter((x) => !x.tokenRequest).length;
      rows.push(
        { group, measure: 'round trips at tap time, patient on the snapshot', value: hitRequests, unit: '', limit: 0, kind: 'limit' },
        {
          group,
          measure: 'round trips at tap time, not on the snapshot (live search)',
          value: missRequests,
          unit: '',
          limit: 2,
          kind: 'limit',
        },
        {
          group,
          measure: 'tap → appointments answered by main (snapshot hit, median)',
          value: median(hitMs),
          unit: 'ms',
          limit: 60,
          kind: 'target',
          note: `${TAPS} taps through the IPC router; before: 2 round trips ≈ ${2 * rtt} ms + work`,
        },
      );

      // ---- idle load: the refresh timer is the health probe; tick it as the timer would
      demo.server.resetRequests();
      for (let i = 0; i < IDLE_TICKS; i++) await demo.kiosk.checkHealth();
      const perTick = demo.server.requests.filter((x) => !x.tokenRequest).length / IDLE_TICKS;
      rows.push({
        group: `today's schedule: idle (about ${TYPICAL_DAY} appointments)`,
        measure: 'requests per hour (refresh = health probe)',
        value: perTick * (3_600_000 / DEFAULT_REFRESH_MS),
        unit: '/h',
        limit: 61,
        kind: 'target',
        note: `${perTick} request(s) per ${DEFAULT_REFRESH_MS / 1000} s tick over ${IDLE_TICKS} ticks; before: a Location search every 60 s (60/h) and no schedule`,
      });
    } finally {
      await demo.close();
    }
  }
  return rows;
}
