/**
 * Structured operational log (JSON lines). Redaction is a layer here, not a habit at call sites:
 * keys that may carry PHI or secrets are masked, registered secret values are scrubbed from every
 * string, and bearer tokens are masked wherever they appear.
 */
import { appendFileSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export type Level = 'debug' | 'info' | 'warn' | 'error';
export type Fields = Record<string, unknown>;
export interface Logger {
  debug(event: string, fields?: Fields): void;
  info(event: string, fields?: Fields): void;
  warn(event: string, fields?: Fields): void;
  error(event: string, fields?: Fields): void;
  /** Registers a secret value (token, client secret) so it is scrubbed from any later line. */
  addSecret(value: string): void;
  /** What a logger that writes somewhere could not write (for the staff panel). */
  stats?(): LoggerStats;
}

const SENSITIVE_KEY = /token|secret|password|pin|authorization|cookie|name|given|family|birth|dob|phone|email|address|telecom/i;
const BEARER = /Bearer\s+[A-Za-z0-9._~+/=-]+/gi;

export function createRedactor() {
  const secrets = new Set<string>();
  const scrub = (s: string): string => {
    let out = s.replace(BEARER, 'Bearer [redacted]');
    for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
    return out;
  };
  const redact = (value: unknown, depth = 0): unknown => {
    if (typeof value === 'string') return scrub(value);
    if (value instanceof Error) return { error: value.name, message: scrub(value.message) };
    if (value === null || typeof value !== 'object') return value;
    // Deeper than any field we log on purpose: never written, so unchecked keys cannot leak.
    if (depth > 4) return '[truncated]';
    if (Array.isArray(value)) return value.slice(0, 20).map((v) => redact(v, depth + 1));
    return Object.fromEntries(
      Object.entries(value as Fields).map(([k, v]) => [k, SENSITIVE_KEY.test(k) ? '[redacted]' : redact(v, depth + 1)]),
    );
  };
  return { redact, addSecret: (s: string) => void (s && secrets.add(s)) };
}

/** Why a line did not reach its file: counted, never thrown (a failing disk must not fail a check-in). */
export type DropReason = 'file_cap' | 'total_cap' | 'buffer_full';

export interface SinkStats {
  written: number;
  /** Appends the disk refused (their lines wait in the buffer, or end up as buffer_full drops). */
  failedWrites: number;
  dropped: Record<DropReason, number>;
  /** The last write error code (e.g. ENOSPC, ENOTDIR), for the staff panel. */
  lastError: string | null;
}

export interface LogSink {
  /** Never throws. */
  write(line: string): void;
  stats?(): SinkStats;
}

export interface DailyFileSinkOptions {
  now?: () => Date;
  /** Largest size of one day's file; later lines that day are dropped (counted) after one marker line. */
  maxFileBytes?: number;
  /** Largest total of this prefix's files; the oldest days are deleted first to stay under it. */
  maxTotalBytes?: number;
  /** Lines kept in memory while the disk refuses them, retried on the next write. */
  maxBufferBytes?: number;
}

const emptyStats = (): SinkStats => ({
  written: 0,
  failedWrites: 0,
  dropped: { file_cap: 0, total_cap: 0, buffer_full: 0 },
  lastError: null,
});

/**
 * Writes to `<dir>/<prefix>-YYYY-MM-DD.jsonl`, one file a day, deleting files older than `retentionDays`
 * and the oldest ones beyond `maxTotalBytes`. Appends stay synchronous (an audit entry is on disk
 * before the patient sees the outcome, and lines keep their order) but can never throw: a line the
 * disk refuses waits in a bounded buffer for the next write, and what cannot be kept is counted.
 */
export function dailyFileSink(
  dir: string,
  prefix: string,
  retentionDays: number,
  opts: DailyFileSinkOptions | (() => Date) = {},
): LogSink & { stats(): SinkStats } {
  const o: DailyFileSinkOptions = typeof opts === 'function' ? { now: opts } : opts;
  const now = o.now ?? (() => new Date());
  const maxFile = o.maxFileBytes ?? 50 * 1024 * 1024;
  const maxTotal = o.maxTotalBytes ?? 500 * 1024 * 1024;
  const maxBuffer = o.maxBufferBytes ?? 256 * 1024;
  const stats = emptyStats();
  let day = '';
  let fileBytes = 0;
  let otherBytes = 0; // the other days' files
  let capMarked = false;
  let pending: string[] = [];
  let pendingBytes = 0;
  const fail = (err: unknown) => void (stats.lastError = (err as NodeJS.ErrnoException)?.code ?? 'error');

  const ensureDir = () => {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      return true;
    } catch (err) {
      fail(err);
      return false;
    }
  };
  ensureDir();

  const startDay = (today: string) => {
    day = today;
    capMarked = false;
    try {
      pruneOld(dir, prefix, retentionDays, now());
      const sizes = dayFiles(dir, prefix);
      fileBytes = sizes.find((f) => f.day === today)?.size ?? 0;
      // Oldest first, never today's: delete until the total fits.
      const others = sizes.filter((f) => f.day !== today);
      otherBytes = others.reduce((n, f) => n + f.size, 0);
      for (const f of others) {
        if (otherBytes + fileBytes <= maxTotal) break;
        unlinkSync(path.join(dir, f.name));
        otherBytes -= f.size;
      }
    } catch (err) {
      fail(err);
    }
  };

  const append = (text: string): boolean => {
    try {
      appendFileSync(path.join(dir, `${prefix}-${day}.jsonl`), text, { mode: 0o600 });
      fileBytes += Buffer.byteLength(text);
      return true;
    } catch (err) {
      fail(err);
      return false;
    }
  };

  return {
    stats: () => ({ ...stats, dropped: { ...stats.dropped } }),
    write(line) {
      const today = now().toISOString().slice(0, 10);
      if (today !== day) {
        ensureDir();
        startDay(today);
      }
      const text = line + '\n';
      const size = Buffer.byteLength(text);
      if (fileBytes + pendingBytes + size > maxFile || otherBytes + fileBytes + pendingBytes + size > maxTotal) {
        const reason = fileBytes + pendingBytes + size > maxFile ? 'file_cap' : 'total_cap';
        stats.dropped[reason]++;
        if (!capMarked && append(JSON.stringify({ at: now().toISOString(), level: 'error', event: 'log.cap_reached', reason }) + '\n')) {
          capMarked = true;
        }
        return;
      }
      pending.push(text);
      pendingBytes += size;
      const batch = pending.join('');
      // A directory deleted (or never created) is recreated once before the line waits in the buffer.
      if (append(batch) || (ensureDir() && append(batch))) {
        stats.written += pending.length;
        pending = [];
        pendingBytes = 0;
        return;
      }
      stats.failedWrites++;
      // Keep the newest lines up to the buffer size; the oldest ones are the drops.
      while (pendingBytes > maxBuffer && pending.length) {
        pendingBytes -= Buffer.byteLength(pending.shift()!);
        stats.dropped.buffer_full++;
      }
    },
  };
}

function dayFiles(dir: string, prefix: string) {
  const re = new RegExp(`^${prefix}-(\\d{4}-\\d{2}-\\d{2})\\.jsonl$`);
  return readdirSync(dir)
    .map((name) => ({ name, day: re.exec(name)?.[1] }))
    .filter((f): f is { name: string; day: string } => !!f.day)
    .sort((a, b) => a.day.localeCompare(b.day))
    .map((f) => ({ ...f, size: statSync(path.join(dir, f.name)).size }));
}

function pruneOld(dir: string, prefix: string, retentionDays: number, now: Date) {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString().slice(0, 10);
  for (const f of dayFiles(dir, prefix)) if (f.day < cutoff) unlinkSync(path.join(dir, f.name));
}

export const stderrSink: LogSink = { write: (line) => process.stderr.write(line + '\n') };
export const memorySink = (lines: string[] = []): LogSink & { lines: string[] } => ({ lines, write: (l) => void lines.push(l) });

export interface LoggerOptions {
  minLevel?: Level;
  now?: () => Date;
  /**
   * Repeats of one warning or error (same event and code) within this window are written once, then
   * summarised as one line with a count when the window ends: a flood of bad requests costs a few lines.
   */
  aggregateMs?: number;
  /** How many lines of one kind a window writes in full before folding the rest (default 5). */
  aggregateAfter?: number;
  /** Monotonic clock for the window (tests). */
  clock?: () => number;
}

export interface LoggerStats {
  /** Warning/error lines folded into a "repeated" summary. */
  aggregated: number;
  /** Lines that could not be serialised at all. */
  unwritable: number;
  sinks: SinkStats[];
}

export function createLogger(sinks: LogSink[], opts: LoggerOptions = {}): Logger & { stats(): LoggerStats; flush(): void } {
  const order: Level[] = ['debug', 'info', 'warn', 'error'];
  const min = order.indexOf(opts.minLevel ?? 'info');
  const now = opts.now ?? (() => new Date());
  const clock = opts.clock ?? (() => performance.now());
  const windowMs = opts.aggregateMs ?? 10_000;
  const inFull = opts.aggregateAfter ?? 5;
  const { redact, addSecret } = createRedactor();
  const windows = new Map<string, { level: Level; event: string; code: string; since: number; written: number; repeats: number }>();
  let aggregated = 0;
  let unwritable = 0;
  let timer: NodeJS.Timeout | null = null;

  const writeLine = (line: string) => {
    for (const s of sinks) {
      try {
        s.write(line);
      } catch {
        // A sink must not throw; if one does anyway, the caller still never sees it.
      }
    }
  };
  const summarise = (key: string) => {
    const w = windows.get(key)!;
    windows.delete(key);
    if (w.repeats) {
      writeLine(
        JSON.stringify({
          at: now().toISOString(),
          level: w.level,
          event: w.event,
          code: w.code || undefined,
          repeated: w.repeats,
          windowMs,
        }),
      );
    }
  };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    for (const key of [...windows.keys()]) summarise(key);
  };
  const schedule = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      const t = clock();
      for (const [key, w] of [...windows]) if (t - w.since >= windowMs) summarise(key);
      if (windows.size) schedule();
    }, windowMs);
    timer.unref?.();
  };

  const emit =
    (level: Level) =>
    (event: string, fields: Fields = {}) => {
      if (order.indexOf(level) < min) return;
      try {
        if (windowMs > 0 && (level === 'warn' || level === 'error')) {
          const code = String(fields['code'] ?? fields['reason'] ?? fields['status'] ?? '');
          const key = `${level}\u0000${event}\u0000${code}`;
          const w = windows.get(key);
          if (w && clock() - w.since < windowMs) {
            if (w.written >= inFull) {
              w.repeats++;
              aggregated++;
              return;
            }
            w.written++;
          } else {
            if (w) summarise(key);
            windows.set(key, { level, event, code, since: clock(), written: 1, repeats: 0 });
            schedule();
          }
        }
        const { at: _a, level: _l, event: _e, ...rest } = redact(fields) as Fields; // the line's own keys win
        writeLine(JSON.stringify({ at: now().toISOString(), level, event, ...rest }));
      } catch {
        unwritable++; // an unserialisable field (e.g. a BigInt): the line is lost, the caller is not
      }
    };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    addSecret,
    flush,
    stats: () => ({ aggregated, unwritable, sinks: sinks.flatMap((s) => (s.stats ? [s.stats()] : [])) }),
  };
}

/** One sink's trouble, summed over a logger's sinks: lines dropped, appends the disk refused, the last error code. */
export function sinkTrouble(stats: readonly SinkStats[]): { dropped: number; failedWrites: number; lastError: string | null } {
  let dropped = 0;
  let failedWrites = 0;
  let lastError: string | null = null;
  for (const s of stats) {
    dropped += s.dropped.file_cap + s.dropped.total_cap + s.dropped.buffer_full;
    failedWrites += s.failedWrites;
    lastError = s.lastError ?? lastError;
  }
  return { dropped, failedWrites, lastError };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, addSecret() {} };
