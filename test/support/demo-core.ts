/** The check-in core wired to a demo server by the kiosk's own composition root, with a controllable clock. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAuditLog } from '../../main/core/audit.js';
import type { CheckInSettings } from '../../main/core/checkin/service.js';
import { parseConfig } from '../../main/core/config.js';
import { createKiosk } from '../../main/core/kiosk.js';
import { memorySink } from '../../main/core/log.js';
import { memorySecretStore } from '../../main/core/secrets.js';
import type { DemoServer } from '../../dev/demo-server/index.js';
import { capturingLog, ZONE } from './fixtures.js';

type Settings = Partial<Pick<CheckInSettings, 'targetStatus' | 'opensMinutesBefore' | 'closesMinutesAfter' | 'locationId'>>;

export async function coreFor(server: DemoServer, o: { now: () => Date; settings?: Settings; dataDir?: string; timeoutMs?: number }) {
  const { targetStatus, opensMinutesBefore, closesMinutesAfter, locationId } = o.settings ?? {};
  const config = parseConfig({
    fhir: { baseUrl: server.baseUrl, tokenUrl: server.tokenUrl, clientId: server.clientId, profile: server.profile },
    clinic: { timezone: ZONE, ...(locationId ? { locationId } : {}) },
    checkIn: { targetStatus, opensMinutesBefore, closesMinutesAfter },
    kiosk: { id: 'test-kiosk' },
  });
  // Fault tests use sub-second timeouts, which the schema rightly refuses for a real kiosk.
  config.fhir!.timeoutMs = o.timeoutMs ?? 2000;
  const auditSink = memorySink();
  const { log } = capturingLog();
  const dataDir = o.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'kiosk-core-'));
  const kiosk = createKiosk({
    config,
    secrets: memorySecretStore({ 'fhir-client-secret': server.clientSecret }),
    dataDir,
    log,
    mode: 'demo',
    now: o.now,
    audit: createAuditLog('test-kiosk', auditSink, o.now),
  });
  const { checkIn: service, fhir, tokens, outbox, sender, directory } = kiosk.parts!;
  const auditEntries = () => auditSink.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { kiosk, service, fhir, tokens, outbox, sender, directory, auditEntries, auditLines: auditSink.lines, dataDir };
}
