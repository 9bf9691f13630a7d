/** The composition root against the demo server: what start-up does with a damaged outbox file. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIpcRouter } from '../../../../main/core/ipc-router.js';
import { DEMO_STAFF_PIN, startDemoKiosk, type DemoKiosk } from '../../../../dev/demo-kiosk.js';
import { capturingLog, tenAm } from '../../../support/fixtures.js';

// Issue 10 item 9: a damaged outbox file used to throw out of createKiosk, so the kiosk never started.
describe('start-up with a damaged outbox file', () => {
  let demo: DemoKiosk;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-damaged-'));
  const damaged = '[{"id":"abc","appointmentId":"appt-';
  const { log, lines } = capturingLog();

  beforeAll(async () => {
    mkdirSync(path.join(dataDir, 'outbox'), { recursive: true });
    writeFileSync(path.join(dataDir, 'outbox', 'outbox.json'), damaged, { mode: 0o644 });
    demo = await startDemoKiosk({ dataDir, now: tenAm, log });
  });
  afterAll(() => demo.close());

  it('starts, keeps the damaged file aside (0600), audits it and alerts staff', async () => {
    const outboxDir = path.join(dataDir, 'outbox');
    const aside = readdirSync(outboxDir).filter((f) => f.startsWith('outbox.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(outboxDir, aside[0]!), 'utf8')).toBe(damaged);
    if (process.platform !== 'win32') expect(statSync(path.join(outboxDir, aside[0]!)).mode & 0o777).toBe(0o600);

    const audit = readdirSync(path.join(dataDir, 'audit'))
      .map((f) => readFileSync(path.join(dataDir, 'audit', f), 'utf8'))
      .join('');
    expect(audit).toContain('"event":"outbox.damaged","outcome":"moved_aside:not_json","by":"system"');
    expect(lines.some((l) => l.includes('outbox.damaged') && l.includes('not_json'))).toBe(true);

    const call = createIpcRouter(demo.kiosk.handlers, { log: capturingLog().log, isTrusted: () => true });
    const sender = { url: 'https://kiosk.invalid/index.html', isMainFrame: true, id: 1 };
    const unlocked = (await call('staff:unlock', { pin: DEMO_STAFF_PIN }, sender)) as { ok: true; value: { staffSession: string } };
    const overview = await call('staff:overview', { staffSession: unlocked.value.staffSession }, sender);
    expect(overview).toMatchObject({ ok: true, value: { alerts: [{ code: 'outbox_damaged', at: tenAm().toISOString() }], outbox: [] } });

    // And the kiosk works: a check-in goes through the new, empty outbox.
    const s = demo.server.scenarios!.openNow;
    const id = (await call('patient:identify', { familyName: s.family, birthDate: s.birthDate }, sender)) as {
      ok: true;
      value: { session: string; appointments: Array<{ key: string }> };
    };
    const res = await call('patient:checkIn', { session: id.value.session, keys: [id.value.appointments[0]!.key] }, sender);
    expect(res).toMatchObject({ ok: true, value: { results: [{ outcome: 'checked_in' }] } });
  });
});
