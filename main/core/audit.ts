/**
 * Append-only audit trail (JSON lines, one file a day, retention in days). Its fields are typed so a
 * name, birth date or phone number has nowhere to go.
 */
import { dailyFileSink, type LogSink } from './log.js';

export type AuditEvent =
  | 'identify'
  | 'checkin'
  | 'checkin.queued'
  | 'outbox.delivered'
  | 'outbox.dropped'
  | 'outbox.retry'
  | 'staff.unlock'
  | 'staff.lock'
  | 'staff.outbox_retry'
  | 'staff.undo'
  | 'staff.exit'
  | 'kiosk.start'
  | 'update.check'
  | 'update.download'
  | 'update.install'
  | 'update.outbox_flush';

export interface AuditEntry {
  event: AuditEvent;
  outcome: string;
  appointmentId?: string | undefined;
  correlationId?: string | undefined;
  httpStatus?: number | undefined;
  by?: 'patient' | 'staff' | 'outbox' | 'system';
}

export interface AuditLog {
  record(entry: AuditEntry): void;
}

export function createAuditLog(kioskId: string, sink: LogSink, now: () => Date = () => new Date()): AuditLog {
  return {
    record(e) {
      sink.write(
        JSON.stringify({
          at: now().toISOString(),
          kioskId,
          event: e.event,
          outcome: e.outcome,
          by: e.by ?? 'patient',
          ...(e.appointmentId ? { appointmentId: e.appointmentId } : {}),
          ...(e.httpStatus ? { httpStatus: e.httpStatus } : {}),
          ...(e.correlationId ? { correlationId: e.correlationId } : {}),
        }),
      );
    },
  };
}

export const fileAuditLog = (kioskId: string, dir: string, retentionDays: number) =>
  createAuditLog(kioskId, dailyFileSink(dir, 'audit', retentionDays));
