/** What the staff panel shows: no PHI, only a short appointment reference to find each entry in the EHR. */
import type { Health, RecordTrouble, SoftwareStatus, StaffOverview } from '../../preload/contract.js';
import type { OutboxEntry } from './outbox.js';

export type StaffAlert = NonNullable<StaffOverview['alerts']>[number];

export interface StaffOverviewInput {
  kioskId: string;
  health: Health;
  expiresAt: string;
  outbox: readonly OutboxEntry[];
  alerts: readonly StaffAlert[];
  /** Wall-clock end of a kiosk-wide identification pause, or null. */
  pausedUntil?: number | null;
  /** The log's and the audit trail's write trouble (listed only when non-zero). */
  records?: readonly RecordTrouble[];
  /** Version and pending update, where the host has an updater. */
  software?: SoftwareStatus | null;
  /** Staff see whose check-in is waiting and for when (from today's schedule; null when not on it). */
  names?: (appointmentId: string) => { patientName: string | null; appointmentStart: string | null };
}

export function staffOverview(o: StaffOverviewInput): StaffOverview {
  return {
    kioskId: o.kioskId,
    health: o.health,
    expiresAt: o.expiresAt,
    alerts: [...o.alerts],
    pausedUntil: o.pausedUntil ? new Date(o.pausedUntil).toISOString() : null,
    records: (o.records ?? [])
      .filter((r) => r.dropped > 0 || r.failedWrites > 0)
      .map((r) => ({ ...r, lastError: r.lastError?.slice(0, 40) ?? null })),
    ...(o.software ? { software: o.software } : {}),
    outbox: o.outbox.map((e) => ({
      id: e.id,
      appointmentRef: e.appointmentId.slice(-8),
      ...o.names?.(e.appointmentId),
      state: e.state,
      attempts: e.attempts,
      lastError: e.lastError,
      createdAt: e.createdAt,
      nextAttemptAt: e.nextAttemptAt,
    })),
  };
}
