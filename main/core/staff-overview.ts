/** What the staff panel shows: no PHI, only a short appointment reference to find each entry in the EHR. */
import type { Health, SoftwareStatus, StaffOverview } from '../../preload/contract.js';
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
