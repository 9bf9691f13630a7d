/**
 * Delivers queued check-ins in the background, through the same status-change loop as the patient
 * path: it reads the appointment first and decides with the check-in rule of whoever asked, at
 * delivery time (eligibility.ts deliveryEligibility): already checked in → done; no longer eligible
 * or its window closed → dropped with an audit entry; otherwise one guarded PUT.
 */
import type { AuditLog } from './audit.js';
import { deliveryEligibility, type DeliveryRules, type Eligibility } from './checkin/eligibility.js';
import { changeStatus } from './checkin/status-change.js';
import type { FhirClient } from './fhir/client.js';
import { auditFieldsOf, FhirError, isTransient } from './fhir/errors.js';
import type { Logger } from './log.js';
import type { Outbox, OutboxEntry } from './outbox.js';

export interface OutboxSenderDeps {
  outbox: Outbox;
  fhir: FhirClient;
  audit: AuditLog;
  log: Logger;
  rules: DeliveryRules;
  now?: () => Date;
}

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
    const now = () => (this.d.now ?? (() => new Date()))();
    type Event = 'outbox.delivered' | 'outbox.dropped' | 'outbox.retry' | 'checkin.unknown_outcome';
    const record = (event: Event, outcome: string, err?: unknown) =>
      audit.record({ event, outcome, appointmentId: entry.appointmentId, by: 'outbox', ...auditFieldsOf(err) });
    const result = await changeStatus<Eligibility>(this.d.fhir, {
      appointmentId: entry.appointmentId,
      current: null,
      decide: (a) => {
        const e = deliveryEligibility(a, now(), this.d.rules, { by: entry.by, at: entry.createdAt });
        return e.state === 'open' ? { write: entry.targetStatus } : { stop: e };
      },
      onUnknownOutcome: (landed) => record('checkin.unknown_outcome', landed ? 'landed' : 'not_landed'),
    });
    if (result.kind === 'written') {
      outbox.remove(entry.id);
      return record('outbox.delivered', 'checked_in');
    }
    if (result.kind === 'stopped') {
      outbox.remove(entry.id);
      const { state } = result.reason;
      if (state === 'checked_in') return record('outbox.delivered', 'already_checked_in');
      return record(
        'outbox.dropped',
        state === 'not_eligible' ? `no_longer_eligible:${result.latest.resource.status}` : `window_closed:${state}`,
      );
    }
    const err = result.error;
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
