/**
 * Today's kiosk activity for staff (check-ins, failures by reason, pauses) and, per appointment, what
 * this kiosk last did with it (the day view's "kiosk result"). Fed where audit records happen, so it
 * counts exactly what the audit trail says and holds nothing the audit may not: outcomes and
 * appointment ids, never a name or a birth date. Memory only; starts over with each clinic day.
 */
import type { AuditEntry, AuditLog } from '../audit.js';
import { clinicDayBounds } from '../checkin/clinic-time.js';

export type KioskResult = 'checked_in_here' | 'queued' | 'failed';

export interface ActivitySummary {
  since: string;
  checkIns: number;
  alreadyCheckedIn: number;
  recordedOffline: number;
  delivered: number;
  walkIns: number;
  pauses: number;
  pauseLifts: number;
  failures: Array<{ reason: string; count: number }>;
}

/** A failure of the patient's attempt, named by the audit's own words ("checkin:too_late"); or null. */
function failureReason(e: AuditEntry): string | null {
  if (e.event === 'identify' && e.outcome !== 'found' && e.outcome !== 'found_no_appointment') return `identify:${e.outcome}`;
  if (e.event === 'checkin' && e.outcome !== 'checked_in' && e.outcome !== 'already_checked_in') return `checkin:${e.outcome}`;
  if (e.event === 'outbox.dropped') return `outbox:${e.outcome.split(':')[0]}`;
  return null;
}

export class KioskActivity {
  private day = -1;
  private counts = new Map<string, number>();
  private failures = new Map<string, number>();
  private results = new Map<string, KioskResult>();

  constructor(
    private readonly timezone: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Never throws: activity counting must not break a patient flow. */
  note(e: AuditEntry): void {
    this.rollDay();
    const count = (k: string) => this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    const id = e.appointmentId;
    if (e.event === 'checkin' && e.outcome === 'checked_in') {
      count('checkIns');
      if (id) this.results.set(id, 'checked_in_here');
    } else if (e.event === 'checkin' && e.outcome === 'already_checked_in') count('alreadyCheckedIn');
    else if (e.event === 'checkin.queued') {
      count('recordedOffline');
      if (id) this.results.set(id, 'queued');
    } else if (e.event === 'outbox.delivered') {
      count('delivered');
      if (id) this.results.set(id, 'checked_in_here');
    } else if (e.event === 'staff.undo' && (e.outcome === 'undone' || e.outcome === 'withdrawn_from_outbox')) {
      if (id) this.results.delete(id);
    } else if (e.event === 'staff.walk_in' && e.outcome === 'created') count('walkIns');
    else if (e.event === 'staff.lift_pause' && e.outcome === 'lifted') count('pauseLifts');
    // One kiosk-wide pause starts with one `identify.paused` (what CheckInService records when the misses reach the limit).
    if (e.event === 'identify.paused') count('pauses');
    const reason = failureReason(e);
    if (reason) {
      this.failures.set(reason, (this.failures.get(reason) ?? 0) + 1);
      if (id && (e.event === 'outbox.dropped' || e.outcome === 'failed')) this.results.set(id, 'failed');
    }
  }

  resultOf(appointmentId: string): KioskResult | null {
    this.rollDay();
    return this.results.get(appointmentId) ?? null;
  }

  summary(): ActivitySummary {
    this.rollDay();
    const n = (k: string) => this.counts.get(k) ?? 0;
    return {
      since: new Date(this.day).toISOString(),
      checkIns: n('checkIns'),
      alreadyCheckedIn: n('alreadyCheckedIn'),
      recordedOffline: n('recordedOffline'),
      delivered: n('delivered'),
      walkIns: n('walkIns'),
      pauses: n('pauses'),
      pauseLifts: n('pauseLifts'),
      failures: [...this.failures].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    };
  }

  private rollDay(): void {
    const day = clinicDayBounds(this.now(), this.timezone).start;
    if (day === this.day) return;
    this.day = day;
    this.counts = new Map();
    this.failures = new Map();
    this.results = new Map();
  }
}

/** An audit log that also tells `listeners` what it recorded; a listener that throws is ignored. */
export function observedAudit(audit: AuditLog, listeners: Array<(e: AuditEntry) => void>): AuditLog {
  return {
    ...(audit.stats ? { stats: () => audit.stats!() } : {}),
    record(e) {
      audit.record(e);
      for (const l of listeners) {
        try {
          l(e);
        } catch {
          // Counting is never worth a failed check-in.
        }
      }
    },
  };
}
