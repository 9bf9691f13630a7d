/**
 * `npm run soak [-- --sessions 1000] [--seed N] [--profile canvas|r4] [--no-build]`: consecutive
 * patient sessions through the Chromium host against the demo server while a seeded PRNG injects
 * faults (5xx, 429, connection resets, hangs past the client timeout, malformed bodies, 412, revoked
 * tokens) into PUTs and searches. Each session is a real patient flow by touch (dev/patient-driver)
 * and ends back on the welcome screen.
 *
 * Checked at the end (exit 1 on any violation):
 *  - nothing lost: every session whose screen said "checked in" is `checked-in` on the server; every
 *    "recorded" one is delivered once faults are cleared and the outbox is flushed; the outbox is empty;
 *  - nothing duplicated: no appointment received more than one successful PUT (server request log);
 *  - no leak: renderer JS heap and main RSS growth from after warm-up to the end stay under the bounds.
 *
 * The client timeout is shortened to 1.5 s (production: config `fhir.timeoutMs`, default 10 s) so that
 * a hang costs seconds, not tens of seconds; the retry and outbox logic is the production code.
 * The soak function is also run, shorter, by test/integration/soak.test.ts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as delay } from 'node:timers/promises';
import type { Appointment } from '@medplum/fhirtypes';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../dev/chromium-host.js';
import { DEMO_CLINIC, startDemoKiosk } from '../dev/demo-kiosk.js';
import { DEMO_TIMEZONE, frozenClinicClock, prng, startsOpenAt, type FaultRule, type Profile } from '../dev/demo-server/index.js';
import { playPatient, resetToWelcome, type SessionOutcome } from '../dev/patient-driver.js';
import { createLogger, stderrSink, type Logger } from '../main/core/log.js';
import { buildAll } from './build.mjs';
import { mainMemory, mb, openInstrumentedKiosk, reloadToWelcome, rendererHeap } from './bench/host.js';
import { successfulWrites } from './bench/round-trips.js';

/**
 * Growth allowed from after warm-up to the end of the run.
 * Renderer: every reset remounts the patient tree and the renderer keeps no per-patient state, so its
 * heap should stay flat; 10 MB over a run is ~10 KB per session at 1000 sessions, far above any
 * legitimate cache (Intl formatters, compiled code) and far below a per-session leak of a DOM tree.
 * Main: this process also hosts the demo server, whose in-memory repository and request log grow by
 * design with every new patient, appointment version and request (about 20–40 KB per session);
 * 100 MB leaves room for that at 1000 sessions while still catching a leaked session or response body.
 */
export const DEFAULT_BOUNDS = { rendererHeapMB: 10, mainRssMB: 100 };

/** Client timeout for the soak (see the header). */
export const SOAK_CLIENT_TIMEOUT_MS = 1_500;
const HANG_MS = 2_000; // longer than the client timeout: the request is abandoned and retried
const SLOW_MS = 600; // shorter: just a slow answer

const PUT: Pick<FaultRule, 'method' | 'path'> = { method: 'PUT', path: /^\/Appointment\/[^/]+$/ };
const PATIENT_SEARCH: Pick<FaultRule, 'method' | 'path'> = { method: 'GET', path: '/Patient' };
const APPT_SEARCH: Pick<FaultRule, 'method' | 'path'> = { method: 'GET', path: '/Appointment' };

/** What can go wrong in a session; weights are relative. 'revoke' invalidates every token server-side. */
export const FAULTS: ReadonlyArray<{ name: string; weight: number; rules: FaultRule[]; revoke?: boolean }> = [
  { name: 'none', weight: 40, rules: [] },
  { name: 'PUT 500 once', weight: 6, rules: [{ ...PUT, kind: 'status', status: 500 }] },
  { name: 'PUT 503 ×3', weight: 5, rules: [{ ...PUT, kind: 'status', status: 503, times: 3 }] },
  { name: 'PUT 429 Retry-After 1 s', weight: 4, rules: [{ ...PUT, kind: 'status', status: 429, retryAfterSeconds: 1 }] },
  { name: 'PUT 429 Retry-After 10 min', weight: 4, rules: [{ ...PUT, kind: 'status', status: 429, retryAfterSeconds: 600 }] },
  { name: 'PUT 412 once', weight: 3, rules: [{ ...PUT, kind: 'status', status: 412 }] },
  { name: 'PUT reset once', weight: 5, rules: [{ ...PUT, kind: 'reset' }] },
  { name: 'PUT reset ×3', weight: 4, rules: [{ ...PUT, kind: 'reset', times: 3 }] },
  { name: 'PUT hang past timeout once', weight: 4, rules: [{ ...PUT, kind: 'hang', hangMs: HANG_MS }] },
  { name: 'PUT hang past timeout ×3', weight: 2, rules: [{ ...PUT, kind: 'hang', hangMs: HANG_MS, times: 3 }] },
  { name: 'PUT slow', weight: 3, rules: [{ ...PUT, kind: 'hang', hangMs: SLOW_MS }] },
  { name: 'Patient search 503 once', weight: 4, rules: [{ ...PATIENT_SEARCH, kind: 'status', status: 503 }] },
  { name: 'Patient search 500 ×3', weight: 3, rules: [{ ...PATIENT_SEARCH, kind: 'status', status: 500, times: 3 }] },
  { name: 'Patient search hang once', weight: 2, rules: [{ ...PATIENT_SEARCH, kind: 'hang', hangMs: HANG_MS }] },
  { name: 'Appointment search reset once', weight: 3, rules: [{ ...APPT_SEARCH, kind: 'reset' }] },
  { name: 'Appointment search hang once', weight: 3, rules: [{ ...APPT_SEARCH, kind: 'hang', hangMs: HANG_MS }] },
  { name: 'Appointment search malformed once', weight: 3, rules: [{ ...APPT_SEARCH, kind: 'malformed' }] },
  { name: 'Appointment search reset ×3', weight: 2, rules: [{ ...APPT_SEARCH, kind: 'reset', times: 3 }] },
  { name: 'token revoked', weight: 3, rules: [], revoke: true },
];

export interface SoakOptions {
  sessions: number;
  seed?: number;
  profile?: Profile;
  /** Share of sessions with two appointments ("Check in to all"); default 0.1. */
  twoAppointmentShare?: number;
  /** Server latency per response (ms); default 0. */
  latencyMs?: number;
  bounds?: typeof DEFAULT_BOUNDS;
  browser?: Browser;
  log?: Logger;
  progress?: (line: string) => void;
}

export interface SessionRecord {
  n: number;
  fault: string;
  outcome: SessionOutcome | 'driver_error';
  appointmentIds: string[];
  error?: string;
}

export interface SoakReport {
  sessions: number;
  seed: number;
  profile: Profile;
  durationMs: number;
  outcomes: Record<string, number>;
  faults: Record<string, Record<string, number>>;
  /** Entries in the outbox before the final flush, and after it. */
  outboxBeforeFlush: number;
  outboxAfterFlush: number;
  successfulPuts: number;
  memory: {
    start: { rendererHeap: number; rss: number; heapUsed: number };
    end: { rendererHeap: number; rss: number; heapUsed: number };
    growthMB: { rendererHeap: number; rss: number; heapUsed: number };
  };
  bounds: typeof DEFAULT_BOUNDS;
  violations: string[];
}

const WARM_UP = 3;

export async function runSoak(o: SoakOptions): Promise<SoakReport> {
  const seed = o.seed ?? 1;
  const profile = o.profile ?? 'canvas';
  const bounds = o.bounds ?? DEFAULT_BOUNDS;
  const log = o.log ?? createLogger([stderrSink], { minLevel: 'error' });
  const say = o.progress ?? (() => {});
  const rand = prng(seed);
  const faultRand = prng(seed ^ 0x5eed);
  const now = frozenClinicClock(DEMO_TIMEZONE);
  const started = Date.now();
  const violations: string[] = [];

  // A shorter client timeout, layered over the core's own (the shorter one wins).
  const soakFetch: typeof fetch = (input, init) =>
    fetch(input, {
      ...init,
      signal: init?.signal
        ? AbortSignal.any([init.signal, AbortSignal.timeout(SOAK_CLIENT_TIMEOUT_MS)])
        : AbortSignal.timeout(SOAK_CLIENT_TIMEOUT_MS),
    });
  const demo = await startDemoKiosk({ server: { profile, latencyMs: o.latencyMs ?? 0 }, now, log, fetch: soakFetch });
  const parts = demo.kiosk.parts;
  if (!parts) throw new Error('The demo kiosk is not configured');
  demo.kiosk.start();
  const browser = o.browser ?? (await launchChromium(true));
  const host = await openInstrumentedKiosk({ kiosk: demo.kiosk, log, browser, clinicName: DEMO_CLINIC });
  const page = host.page;
  const records: SessionRecord[] = [];

  const totalWeight = FAULTS.reduce((a, f) => a + f.weight, 0);
  const drawFault = () => {
    let r = faultRand() * totalWeight;
    for (const f of FAULTS) if ((r -= f.weight) < 0) return f;
    return FAULTS[0]!;
  };

  const oneSession = async (n: number, fault: (typeof FAULTS)[number]): Promise<SessionRecord> => {
    const appointments = rand() < (o.twoAppointmentShare ?? 0.1) ? 2 : 1;
    const p = await demo.server.book({ starts: startsOpenAt(now(), appointments), rand });
    const record: SessionRecord = { n, fault: fault.name, outcome: 'unknown', appointmentIds: p.appointmentIds };
    demo.server.faults.clear();
    for (const rule of fault.rules) demo.server.faults.add({ ...rule });
    if (fault.revoke) demo.server.revokeAllTokens();
    try {
      const run = await playPatient(page, { familyName: p.family, birthDate: p.birthDate, givenName: p.given }, { stepTimeoutMs: 30_000 });
      record.outcome = run.outcome === 'mixed' ? (`mixed:${run.outcomes.join('+')}` as SessionOutcome) : run.outcome;
    } catch (err) {
      record.outcome = 'driver_error';
      record.error = (err as Error).message.split('\n')[0];
    } finally {
      demo.server.faults.clear();
    }
    try {
      await resetToWelcome(page, { timeoutMs: 30_000 });
    } catch (err) {
      violations.push(`session ${n}: did not return to welcome (${(err as Error).message.split('\n')[0]}); reloading the page`);
      await reloadToWelcome(page).catch(() => {});
    }
    if (record.outcome === 'driver_error') violations.push(`session ${n} (${fault.name}): the patient flow failed: ${record.error}`);
    return record;
  };

  try {
    for (let i = 0; i < WARM_UP; i++) await oneSession(o.sessions + i, FAULTS[0]!); // numbered after the run's sessions
    const start = { rendererHeap: await rendererHeap(page), ...mainMemory() };
    say(`soak: warm-up done; renderer heap ${mb(start.rendererHeap).toFixed(1)} MB, main RSS ${mb(start.rss).toFixed(0)} MB`);

    for (let i = 0; i < o.sessions; i++) {
      records.push(await oneSession(i, drawFault()));
      if ((i + 1) % 50 === 0 || i + 1 === o.sessions) {
        const tally = countBy(records.map((r) => r.outcome));
        say(
          `soak: ${i + 1}/${o.sessions} sessions in ${((Date.now() - started) / 1000).toFixed(0)} s — ${Object.entries(tally)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
        );
      }
    }

    // Let abandoned (hung) requests land before judging: they must not turn into extra writes.
    await delay(HANG_MS + 500);
    demo.server.faults.clear();
    const outboxBeforeFlush = parts.outbox.size;
    for (let round = 0; round < 5 && parts.outbox.size > 0; round++) {
      parts.outbox.expedite();
      await parts.sender.flush();
    }
    const outboxAfterFlush = parts.outbox.size;
    if (outboxAfterFlush > 0)
      violations.push(
        `${outboxAfterFlush} outbox entr${outboxAfterFlush === 1 ? 'y was' : 'ies were'} not delivered after faults were cleared`,
      );

    // Nothing lost.
    const statusOf = async (id: string) => (await demo.server.repo.readResource<Appointment>('Appointment', id)).status;
    for (const r of records) {
      const statuses = await Promise.all(r.appointmentIds.map(statusOf));
      const inCount = statuses.filter((s) => s === demo.config.checkIn.targetStatus).length;
      const said = saidCheckedIn(r.outcome, r.appointmentIds.length);
      if (said.checkedIn + said.recorded > inCount) {
        violations.push(`session ${r.n} (${r.fault}): screen said ${r.outcome}, but the server has ${statuses.join(', ')}`);
      }
    }

    // Nothing duplicated.
    const writes = successfulWrites(demo.server.requests);
    for (const [p, count] of writes) if (count > 1) violations.push(`${p} received ${count} successful PUTs`);

    // No leak.
    const end = { rendererHeap: await rendererHeap(page), ...mainMemory() };
    const growthMB = {
      rendererHeap: mb(end.rendererHeap - start.rendererHeap),
      rss: mb(end.rss - start.rss),
      heapUsed: mb(end.heapUsed - start.heapUsed),
    };
    if (growthMB.rendererHeap >= bounds.rendererHeapMB)
      violations.push(`renderer heap grew ${growthMB.rendererHeap.toFixed(1)} MB (bound ${bounds.rendererHeapMB} MB)`);
    if (growthMB.rss >= bounds.mainRssMB) violations.push(`main RSS grew ${growthMB.rss.toFixed(1)} MB (bound ${bounds.mainRssMB} MB)`);

    const faults: SoakReport['faults'] = {};
    for (const r of records) {
      const row = (faults[r.fault] ??= {});
      row[r.outcome] = (row[r.outcome] ?? 0) + 1;
    }
    return {
      sessions: o.sessions,
      seed,
      profile,
      durationMs: Date.now() - started,
      outcomes: countBy(records.map((r) => r.outcome)),
      faults,
      outboxBeforeFlush,
      outboxAfterFlush,
      successfulPuts: [...writes.values()].reduce((a, b) => a + b, 0),
      memory: { start, end, growthMB },
      bounds,
      violations,
    };
  } finally {
    await host.close();
    if (!o.browser) await browser.close().catch(() => {});
    await demo.close();
  }
}

/** How many of a session's appointments the screen claimed as checked in, or as recorded for later. */
function saidCheckedIn(outcome: string, appointments: number): { checkedIn: number; recorded: number } {
  if (outcome === 'checked_in') return { checkedIn: appointments, recorded: 0 };
  if (outcome === 'already_checked_in') return { checkedIn: appointments, recorded: 0 };
  if (outcome === 'recorded_offline') return { checkedIn: 0, recorded: appointments };
  if (outcome.startsWith('mixed:')) {
    const parts = outcome.slice('mixed:'.length).split('+');
    return {
      checkedIn: parts.filter((p) => p === 'checked_in' || p === 'already_checked_in').length,
      recorded: parts.filter((p) => p === 'recorded_offline').length,
    };
  }
  return { checkedIn: 0, recorded: 0 };
}

function countBy(items: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[i] = (out[i] ?? 0) + 1;
  return out;
}

/** Plain-text summary for the console. */
export function formatSoakReport(r: SoakReport): string {
  const lines = [
    `soak: ${r.sessions} sessions (${r.profile} profile, seed ${r.seed}) in ${(r.durationMs / 1000).toFixed(0)} s`,
    `outcomes: ${Object.entries(r.outcomes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    'faults → outcomes:',
    ...Object.entries(r.faults).map(
      ([fault, outcomes]) =>
        `  ${fault.padEnd(36)} ${Object.entries(outcomes)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
    ),
    `outbox: ${r.outboxBeforeFlush} waiting before the final flush, ${r.outboxAfterFlush} after; successful PUTs ${r.successfulPuts}`,
    `renderer heap: ${mb(r.memory.start.rendererHeap).toFixed(1)} → ${mb(r.memory.end.rendererHeap).toFixed(1)} MB (growth ${r.memory.growthMB.rendererHeap.toFixed(2)} MB, bound < ${r.bounds.rendererHeapMB} MB)`,
    `main RSS:      ${mb(r.memory.start.rss).toFixed(0)} → ${mb(r.memory.end.rss).toFixed(0)} MB (growth ${r.memory.growthMB.rss.toFixed(1)} MB, bound < ${r.bounds.mainRssMB} MB); heap used ${mb(r.memory.start.heapUsed).toFixed(0)} → ${mb(r.memory.end.heapUsed).toFixed(0)} MB`,
    r.violations.length
      ? `VIOLATIONS (${r.violations.length}):\n${r.violations.map((v) => `  - ${v}`).join('\n')}`
      : 'no violations: nothing lost, nothing duplicated, memory within bounds',
  ];
  return lines.join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      sessions: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      profile: { type: 'string', default: 'canvas' },
      'latency-ms': { type: 'string', default: '0' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const profile = values.profile === 'r4' ? 'r4' : 'canvas';
  if (!values['no-build'] || !existsSync('build/renderer/app.js')) await buildAll();
  const report = await runSoak({
    sessions: Number(values.sessions),
    seed: Number(values.seed),
    profile,
    latencyMs: Number(values['latency-ms']),
    progress: (line) => process.stderr.write(`${line}\n`),
  });
  console.log(formatSoakReport(report));
  process.exit(report.violations.length ? 1 : 0);
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) await main();
