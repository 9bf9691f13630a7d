/**
 * A failing disk never breaks a check-in: the audit file on a full disk (/dev/full → ENOSPC), the log on
 * a full disk, and a data directory whose audit folder was replaced by a file. Real files, real kiosk core.
 */
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileAuditLog } from '../../../../main/core/audit.js';
import { parseConfig } from '../../../../main/core/config.js';
import { createIpcRouter } from '../../../../main/core/ipc-router.js';
import { createKiosk, type Kiosk } from '../../../../main/core/kiosk.js';
import { createLogger, dailyFileSink, type Logger } from '../../../../main/core/log.js';
import { memorySecretStore } from '../../../../main/core/secrets.js';
import { hashPin } from '../../../../main/core/staff-pin.js';
import type { DemoServer } from '../../../../dev/demo-server/index.js';
import { demoServer, tenAm, ZONE } from '../../../support/fixtures.js';

const full = existsSync('/dev/full');
const today = () => new Date().toISOString().slice(0, 10);

describe.skipIf(!full)('a failing disk', () => {
  let server: DemoServer | undefined;
  let kiosk: Kiosk | undefined;
  afterEach(async () => {
    kiosk?.stop();
    await server?.close();
  });

  async function identifyWith(o: { dataDir: string; log?: Logger; audit?: ReturnType<typeof fileAuditLog> }) {
    server = await demoServer();
    const config = parseConfig({
      fhir: { baseUrl: server.baseUrl, tokenUrl: server.tokenUrl, clientId: server.clientId, profile: server.profile, timeoutMs: 3000 },
      clinic: { timezone: ZONE },
      kiosk: { id: 'disk-kiosk' },
    });
    kiosk = createKiosk({
      config,
      secrets: memorySecretStore({ 'fhir-client-secret': server.clientSecret, 'staff-pin-hash': await hashPin('246810') }),
      dataDir: o.dataDir,
      log: o.log ?? createLogger([]),
      mode: 'demo',
      now: tenAm,
      ...(o.audit ? { audit: o.audit } : {}),
    });
    const dispatch = createIpcRouter(kiosk.handlers, { log: createLogger([]), isTrusted: () => true });
    const sender = { url: 'app://k/', isMainFrame: true, id: 1 };
    const s = server.scenarios!.openNow;
    const identified = (await dispatch('patient:identify', { familyName: s.family, birthDate: s.birthDate }, sender)) as {
      ok: boolean;
      value?: { outcome: string };
    };
    /** What the staff panel says about the log and the audit trail. */
    const records = async () => {
      const unlocked = (await dispatch('staff:unlock', { pin: '246810' }, sender)) as { value: { staffSession: string } };
      const o = (await dispatch('staff:overview', { staffSession: unlocked.value.staffSession }, sender)) as {
        value: { records: Array<{ sink: string; dropped: number; failedWrites: number; lastError: string | null }> };
      };
      return o.value.records;
    };
    return Object.assign(identified, { records });
  }

  it('the audit file on a full disk (ENOSPC): identify still finds the patient, and the failure is counted', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'disk-audit-'));
    mkdirSync(path.join(dataDir, 'audit'));
    symlinkSync('/dev/full', path.join(dataDir, 'audit', `audit-${today()}.jsonl`));
    const audit = fileAuditLog('disk-kiosk', path.join(dataDir, 'audit'), 30);
    const r = await identifyWith({ dataDir, audit });
    expect(r).toMatchObject({ ok: true, value: { outcome: 'found' } });
    expect(audit.stats().failedWrites).toBeGreaterThan(0);
    expect(audit.stats().lastError).toBe('ENOSPC');
    // Staff see it: the audit trail's trouble, and nothing about the log, which wrote everything.
    const shown = await r.records();
    expect(shown).toEqual([expect.objectContaining({ sink: 'audit', lastError: 'ENOSPC' })]);
    expect(shown[0]!.failedWrites).toBeGreaterThan(0);
  });

  it('the log on a full disk: the token fetch and identify still succeed', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'disk-log-'));
    const logs = path.join(dataDir, 'logs');
    mkdirSync(logs);
    symlinkSync('/dev/full', path.join(logs, `kiosk-${today()}.jsonl`));
    const sink = dailyFileSink(logs, 'kiosk', 30);
    const r = await identifyWith({ dataDir, log: createLogger([sink], { minLevel: 'debug' }) });
    expect(r).toMatchObject({ ok: true, value: { outcome: 'found' } });
    expect(sink.stats().failedWrites).toBeGreaterThan(0);
    expect(await r.records()).toContainEqual(expect.objectContaining({ sink: 'log', lastError: 'ENOSPC' }));
  });

  it('the audit directory replaced by a file: the kiosk starts and identify still succeeds', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'disk-notdir-'));
    writeFileSync(path.join(dataDir, 'audit'), 'not a directory');
    const r = await identifyWith({ dataDir });
    expect(r).toMatchObject({ ok: true, value: { outcome: 'found' } });
  });
});
