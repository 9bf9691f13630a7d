/**
 * Consecutive patient sessions in the Chromium host, each with a fresh synthetic patient, each ending
 * back on the welcome screen; per session, the in-page timings and the round trips the demo server
 * logged inside each phase's window.
 */
import type { Page } from 'playwright-core';
import type { DemoKiosk } from '../../dev/demo-kiosk.js';
import { playPatient, resetToWelcome, type PatientRun } from '../../dev/patient-driver.js';
import { startsOpenAt, type Rand } from '../../dev/demo-server/index.js';
import { countWindow, type PathCounts } from './round-trips.js';

export interface SessionSample {
  run: PatientRun;
  /** Round trips that arrived between the tap on Continue and the rendered result. */
  find: PathCounts;
  /** … between the tap on Check in and the rendered result. */
  checkIn: PathCounts | null;
  /** … from the first tap on welcome to the rendered result. */
  session: PathCounts;
}

export interface SessionLoop {
  demo: DemoKiosk;
  page: Page;
  now: () => Date;
  /** Draws each patient's name and birth date (the server keeps names unique). */
  rand: Rand;
  count: number;
  appointments?: number;
  onSession?: (s: SessionSample, i: number) => void;
}

export async function runSessions(o: SessionLoop): Promise<SessionSample[]> {
  const samples: SessionSample[] = [];
  for (let i = 0; i < o.count; i++) {
    const p = await o.demo.server.book({ starts: startsOpenAt(o.now(), o.appointments ?? 1), rand: o.rand });
    const run = await playPatient(o.page, { familyName: p.family, birthDate: p.birthDate, givenName: p.given });
    const log = o.demo.server.requests;
    const t = run.timings;
    const sample: SessionSample = {
      run,
      find: countWindow(log, t.find),
      checkIn: t.checkIn ? countWindow(log, t.checkIn) : null,
      session: countWindow(log, { from: t.session.from, to: t.session.to }),
    };
    await resetToWelcome(o.page);
    samples.push(sample);
    o.onSession?.(sample, i);
  }
  return samples;
}
