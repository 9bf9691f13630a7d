/**
 * The one way the kiosk changes an appointment's status (patient check-in, staff check-in, undo,
 * outbox delivery): decide on the copy we hold → write-ahead (once) → guarded PUT → on 412 re-read
 * and decide again. After a write whose outcome is unknown (lost reply, timeout, unreadable success)
 * it never writes blindly: it re-reads, reports whether the write landed, and only then decides
 * again. That is what makes it exactly one successful write per status change.
 */
import type { Appointment } from '@medplum/fhirtypes';
import type { CallOptions, FhirClient, Versioned } from '../fhir/client.js';
import { FhirError, isUnknownOutcome } from '../fhir/errors.js';

/** Write this status, or stop with a reason the caller understands. */
export type Decision<R> = { write: Appointment['status'] } | { stop: R };

export type StatusChangeResult<R> =
  | { kind: 'stopped'; reason: R; latest: Versioned<Appointment> }
  | { kind: 'written'; status: Appointment['status']; latest: Versioned<Appointment> }
  /** The server refused, or never answered for sure: `error` says which (isTransient). */
  | { kind: 'error'; error: unknown; latest: Versioned<Appointment> | null };

export interface StatusChange<R> {
  appointmentId: string;
  /** The copy to decide on first (with its guard); null reads it first. */
  current: Versioned<Appointment> | null;
  decide(a: Appointment): Decision<R>;
  /** Runs once, just before the first PUT (the outbox write-ahead); a throw aborts the change. */
  beforeWrite?(): void;
  /** After an unknown outcome, what the re-read showed (for the audit). */
  onUnknownOutcome?(landed: boolean): void;
  call?: CallOptions;
}

/** Rounds of (re-read and) decide before giving up on a status that keeps changing under us. */
export const MAX_ROUNDS = 3;

type Fhir = Pick<FhirClient, 'read' | 'updateStatus'>;

export async function changeStatus<R>(fhir: Fhir, c: StatusChange<R>): Promise<StatusChangeResult<R>> {
  let current = c.current;
  let wroteAhead = false;
  let lastError: unknown = new FhirError('http', 'conflict persisted', { status: 412 });
  const reread = () => fhir.read<Appointment>('Appointment', c.appointmentId, c.call);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (!current) {
      try {
        current = await reread();
      } catch (error) {
        return { kind: 'error', error, latest: null };
      }
    }
    const decision = c.decide(current.resource);
    if ('stop' in decision) return { kind: 'stopped', reason: decision.stop, latest: current };
    if (!wroteAhead) c.beforeWrite?.();
    wroteAhead = true;
    const status = decision.write;
    try {
      await fhir.updateStatus(current, status, c.call);
      return { kind: 'written', status, latest: { ...current, resource: { ...current.resource, status } } };
    } catch (err) {
      lastError = err;
      if (err instanceof FhirError && err.status === 412) {
        current = null; // someone changed it since our read: read again and decide again
        continue;
      }
      if (!isUnknownOutcome(err)) return { kind: 'error', error: err, latest: current };
    }
    // The write may have landed. Only the server knows: ask it before anything else.
    try {
      current = await reread();
    } catch {
      return { kind: 'error', error: lastError, latest: current };
    }
    const landed = current.resource.status === status;
    c.onUnknownOutcome?.(landed);
    if (landed) return { kind: 'written', status, latest: current };
  }
  return { kind: 'error', error: lastError, latest: current };
}
