/** The check-in core wired to a demo server, as the kiosk wires it, with a controllable clock. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAuditLog } from '../../main/core/audit.js';
import { CheckInService, type CheckInSettings } from '../../main/core/checkin/service.js';
import { Directory } from '../../main/core/checkin/directory.js';
import { memorySink } from '../../main/core/log.js';
import { Outbox } from '../../main/core/outbox.js';
import { OutboxSender } from '../../main/core/outbox-sender.js';
import type { DemoServer } from '../../dev/demo-server/index.js';
import { clientFor, ZONE } from './fixtures.js';

export async function coreFor(
  server: DemoServer,
  o: { now: () => Date; settings?: Partial<CheckInSettings>; dataDir?: string; timeoutMs?: number },
) {
  const { fhir, tokens, log } = await clientFor(server, { timeoutMs: o.timeoutMs ?? 2000 });
  const auditSink = memorySink();
  const audit = createAuditLog('test-kiosk', auditSink, o.now);
  const dataDir = o.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'kiosk-core-'));
  const outbox = new Outbox(path.join(dataDir, 'outbox'), 'test-kiosk', o.now);
  const directory = new Directory(fhir, log);
  const settings: CheckInSettings = {
    timezone: ZONE,
    targetStatus: 'checked-in',
    opensMinutesBefore: 60,
    closesMinutesAfter: 15,
    maxIdentifyAttempts: 3,
    cooldownSeconds: 120,
    ...o.settings,
  };
  const service = new CheckInService({ fhir, directory, audit, log, outbox, settings, now: o.now });
  const sender = new OutboxSender({ outbox, fhir, audit, log, timezone: settings.timezone, now: o.now });
  const auditEntries = () => auditSink.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { service, fhir, tokens, outbox, sender, directory, auditEntries, auditLines: auditSink.lines, dataDir };
}
