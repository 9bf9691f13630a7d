/**
 * Delivers queued check-ins in the background. Before each attempt it re-reads the appointment:
 * already checked in → done; no longer eligible (cancelled, moved to another day) → dropped with an
 * audit entry; otherwise one guarded PUT.
 */
import type { Appointment } from '@medplum/fhirtypes';
import type { AuditLog } from './audit.js';
import { isOnClinicToday } from './checkin/clinic-time.js';
import { statusUpdateBody } from './checkin/update-body.js';
import type { FhirClient } from './fhir/client.js';
import { FhirError, isTransient } from './fhir/errors.js';
import type { Logger } from './log.js';
import type { Outbox, OutboxEntry } from './outbox.js';

export interface OutboxSenderDeps {
  outbox: Outbox;
  fhir: FhirClient;
  audit: AuditLog;
  log: Logger;
  timezone: string;
  now?: () => Date;
}

const DELIVERED = new Set(['arrived', 'checked-in', 'fulfilled']);

export class OutboxSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  constructor(private readonly d: OutboxSenderDeps) {}

  start(intervalMs = 15_000): void {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
    void this.flush();
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Attempts every due entry once; concurrent calls share one pass. */
  flush(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass() {
    for (const entry of this.d.outbox.due()) await this.deliver(entry);
  }

  private async deliver(entry: OutboxEntry) {
    const { outbox, audit } = this.d;
    const now = (this.d.now ?? (() => new Date()))();
    const record = (event: 'outbox.delivered' | 'outbox.dropped' | 'outbox.retry', outcome: string, err?: FhirError) =>
      audit.record({
        event,
        outcome,
        appointmentId: entry.appointmentId,
        by: 'outbox',
        httpStatus: err?.status,
        correlationId: err?.info.correlationId,
      });
    try {
      const { resource, guard } = await this.d.fhir.read<Appointment>('Appointment', entry.appointmentId);
      if (DELIVERED.has(resource.status)) {
        outbox.remove(entry.id);
        return record('outbox.delivered', 'already_checked_in');
      }
      if (resource.status !== 'booked' || !isOnClinicToday(resource.start, now, this.d.timezone)) {
        outbox.remove(entry.id);
        return record('outbox.dropped', `no_longer_eligible:${resource.status}`);
      }
      await this.d.fhir.update(statusUpdateBody(resource, entry.targetStatus, this.d.fhir.profile), guard);
      outbox.remove(entry.id);
      record('outbox.delivered', 'checked_in');
    } catch (err) {
      const e = err instanceof FhirError ? err : new FhirError('network', (err as Error)?.message ?? 'error');
      if (isTransient(e) || e.status === 412 || e.kind === 'auth') {
        // Keep it: the server never said no to this check-in (auth problems are ours to fix).
        outbox.defer(entry.id, `${e.kind}${e.status ? ` ${e.status}` : ''}`);
        return record('outbox.retry', e.kind, e);
      }
      outbox.remove(entry.id);
      this.d.log.warn('outbox.dropped', { appointmentId: entry.appointmentId, status: e.status, issueCode: e.info.issueCode });
      record('outbox.dropped', `refused:${e.status ?? e.kind}`, e);
    }
  }
}
