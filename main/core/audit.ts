/**
 * Append-only audit trail (JSON lines, one file a day, retention in days). Its fields are typed so a
 * name, birth date or phone number has nowhere to go.
 */
import { dailyFileSink, type LogSink, type SinkStats } from './log.js';

export type AuditEvent =
  | 'identify'
  | 'identify.paused'
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
  /** What could not be written (for the staff panel), where the log writes somewhere. */
  stats?(): SinkStats;
}

/**
 * Recording never throws into the flow being audited (a full disk must not turn a check-in into an
 * error); what the sink could not write is counted in stats() for the staff panel.
 */
export function createAuditLog(kioskId: string, sink: LogSink, now: () => Date = () => new Date()): AuditLog & { stats(): SinkStats } {
  let unwritable = 0;
  return {
    stats: () => {
      const s = sink.stats?.() ?? { written: 0, failedWrites: 0, dropped: { file_cap: 0, total_cap: 0, buffer_full: 0 }, lastError: null };
      return unwritable ? { ...s, failedWrites: s.failedWrites + unwritable } : s;
    },
    record(e) {
      try {
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
      } catch {
        unwritable++;
      }
    },
  };
}

/** Audit files are capped too (a day of normal use is well under 1 MiB), far above the operational log. */
export const fileAuditLog = (kioskId: string, dir: string, retentionDays: number) =>
  createAuditLog(kioskId, dailyFileSink(dir, 'audit', retentionDays, { maxFileBytes: 64 * 1024 * 1024, maxTotalBytes: 2 * 1024 ** 3 }));
