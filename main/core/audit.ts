/**
 * Append-only audit trail (JSON lines, one file a day, retention in days). Its fields are typed so a
 * name, birth date or phone number has nowhere to go.
 */
import { dailyFileSink, type LogSink } from './log.js';

export type AuditEvent =
  | 'identify'
  | 'checkin'
  | 'checkin.queued'
  | 'checkin.unknown_outcome'
  | 'outbox.delivered'
  | 'outbox.dropped'
  | 'outbox.retry'
  | 'outbox.damaged'
  | 'staff.unlock'
  | 'staff.lock'
  | 'staff.outbox_retry'
  | 'staff.undo'
  | 'staff.exit'
  | 'staff.walk_in'
  | 'staff.lift_pause'
  | 'kiosk.start';

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
