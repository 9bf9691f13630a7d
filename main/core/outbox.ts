/**
 * Durable outbox of check-ins. An entry is written *before* the PUT (write-ahead), removed once the
 * server acknowledged or definitively refused, and otherwise kept and retried. Each change rewrites
 * the file atomically (temp file + fsync + rename + directory fsync), so a crash or `kill -9` at any
 * point leaves either the old or the new list. Entries hold no PHI: an appointment id and a status.
 */
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { newOpaqueId } from './checkin/sessions.js';

export const OutboxEntry = z.object({
  id: z.string(),
  appointmentId: z.string(),
  targetStatus: z.enum(['checked-in', 'arrived']),
  /** Who asked: the delivery keeps to their rules. Entries written before this field were patients'. */
  by: z.enum(['patient', 'staff']).default('patient'),
  kioskId: z.string(),
  createdAt: z.string(),
  /** 'sending' was in flight when written; after a restart it is simply due. */
  state: z.enum(['sending', 'waiting']),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** A start-up failure of the outbox, with a reason code safe to log (no paths' contents, no PHI). */
export class OutboxError extends Error {
  override name = 'OutboxError';
  constructor(
    readonly code: 'outbox_unreadable',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An outbox file that could not be used, moved aside so the kiosk can start (staff are alerted). */
export interface DamagedOutbox {
  reason: 'not_json' | 'invalid_entries';
  movedTo: string;
  at: string;
}

export class Outbox {
  private entries: OutboxEntry[];
  private readonly inflight = new Set<string>();
  readonly file: string;
  /** Set when the file found at start-up was damaged and moved aside. */
  readonly damaged: DamagedOutbox | null = null;

  constructor(
    dir: string,
    private readonly kioskId: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.file = path.join(dir, 'outbox.json');
    const read = readEntries(this.file);
    if ('damaged' in read) {
      const at = this.now().toISOString();
      // Kept (0600, like the outbox) for staff to check recent check-ins by hand; never parsed again.
      const movedTo = `${this.file}.damaged-${at.replace(/[:.]/g, '-')}`;
      renameSync(this.file, movedTo);
      chmodSync(movedTo, 0o600);
      this.damaged = { reason: read.damaged, movedTo, at };
    }
    this.entries = 'entries' in read ? read.entries : [];
  }

  list(): readonly OutboxEntry[] {
    return this.entries;
  }
  get size() {
    return this.entries.length;
  }
  /**
   * Entries whose next attempt is due, except those this process is sending right now. An entry
   * found 'sending' at start-up was interrupted by a crash: it is due.
   */
  due(): OutboxEntry[] {
    const t = this.now().toISOString();
    return this.entries.filter((e) => e.nextAttemptAt <= t && !this.inflight.has(e.id));
  }
  find(appointmentId: string): OutboxEntry | undefined {
    return this.entries.find((e) => e.appointmentId === appointmentId);
  }

  /** Write-ahead record of a check-in about to be sent. Re-uses an existing entry for the appointment. */
  begin(appointmentId: string, targetStatus: OutboxEntry['targetStatus'], by: OutboxEntry['by'] = 'patient'): OutboxEntry {
    const existing = this.find(appointmentId);
    const at = this.now().toISOString();
    const entry: OutboxEntry = existing
      ? { ...existing, state: 'sending', targetStatus, by }
      : {
          id: newOpaqueId(),
          appointmentId,
          targetStatus,
          by,
          kioskId: this.kioskId,
          createdAt: at,
          state: 'sending',
          attempts: 0,
          nextAttemptAt: at,
          lastError: null,
        };
    this.save(existing ? this.entries.map((e) => (e.id === entry.id ? entry : e)) : [...this.entries, entry]);
    this.inflight.add(entry.id);
    return entry;
  }

  /** Keep for a later retry with exponential backoff and full jitter (cap 15 min). */
  defer(id: string, error: string): OutboxEntry | undefined {
    this.inflight.delete(id);
    let updated: OutboxEntry | undefined;
    this.save(
      this.entries.map((e) => {
        if (e.id !== id) return e;
        const attempts = e.attempts + 1;
        const delay = 5_000 + Math.random() * Math.min(15 * 60_000, 10_000 * 2 ** Math.min(attempts, 10));
        updated = {
          ...e,
          state: 'waiting',
          attempts,
          lastError: error.slice(0, 200),
          nextAttemptAt: new Date(this.now().getTime() + delay).toISOString(),
        };
        return updated;
      }),
    );
    return updated;
  }

  /** Make an entry due now (staff "retry now"). */
  expedite(id?: string): void {
    const t = this.now().toISOString();
    this.save(this.entries.map((e) => (!id || e.id === id ? { ...e, nextAttemptAt: t } : e)));
  }

  remove(id: string): void {
    this.inflight.delete(id);
    if (this.entries.some((e) => e.id === id)) this.save(this.entries.filter((e) => e.id !== id));
  }

  private save(next: OutboxEntry[]) {
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(next));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
    fsyncDir(path.dirname(this.file));
    this.entries = next;
  }
}

function fsyncDir(dir: string) {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Directory fsync is not supported on every platform (Windows); rename is still atomic there.
  }
}

function readEntries(file: string): { entries: OutboxEntry[] } | { damaged: DamagedOutbox['reason'] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { entries: [] };
    throw new OutboxError('outbox_unreadable', `Outbox file ${file} cannot be read (${code ?? 'error'})`, { cause: err });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { damaged: 'not_json' };
  }
  const parsed = z.array(OutboxEntry).safeParse(raw);
  return parsed.success ? { entries: parsed.data } : { damaged: 'invalid_entries' };
}
