/**
 * Structured operational log (JSON lines). Redaction is a layer here, not a habit at call sites:
 * keys that may carry PHI or secrets are masked, registered secret values are scrubbed from every
 * string, and bearer tokens are masked wherever they appear.
 */
import { appendFileSync, mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';

export type Level = 'debug' | 'info' | 'warn' | 'error';
export type Fields = Record<string, unknown>;
export interface Logger {
  debug(event: string, fields?: Fields): void;
  info(event: string, fields?: Fields): void;
  warn(event: string, fields?: Fields): void;
  error(event: string, fields?: Fields): void;
  /** Registers a secret value (token, client secret) so it is scrubbed from any later line. */
  addSecret(value: string): void;
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

export interface LogSink {
  write(line: string): void;
}

/** Writes to `<dir>/<prefix>-YYYY-MM-DD.jsonl`, one file a day, deleting files older than `retentionDays`. */
export function dailyFileSink(dir: string, prefix: string, retentionDays: number, now: () => Date = () => new Date()): LogSink {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let day = '';
  return {
    write(line) {
      const today = now().toISOString().slice(0, 10);
      if (today !== day) {
        day = today;
        pruneOld(dir, prefix, retentionDays, now());
      }
      appendFileSync(path.join(dir, `${prefix}-${today}.jsonl`), line + '\n', { mode: 0o600 });
    },
  };
}

function pruneOld(dir: string, prefix: string, retentionDays: number, now: Date) {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString().slice(0, 10);
  for (const f of readdirSync(dir)) {
    const m = f.match(new RegExp(`^${prefix}-(\\d{4}-\\d{2}-\\d{2})\\.jsonl$`));
    if (m && m[1]! < cutoff) unlinkSync(path.join(dir, f));
  }
}

export const stderrSink: LogSink = { write: (line) => process.stderr.write(line + '\n') };
export const memorySink = (lines: string[] = []): LogSink & { lines: string[] } => ({ lines, write: (l) => void lines.push(l) });

export function createLogger(sinks: LogSink[], opts: { minLevel?: Level; now?: () => Date } = {}): Logger {
  const order: Level[] = ['debug', 'info', 'warn', 'error'];
  const min = order.indexOf(opts.minLevel ?? 'info');
  const now = opts.now ?? (() => new Date());
  const { redact, addSecret } = createRedactor();
  const emit =
    (level: Level) =>
    (event: string, fields: Fields = {}) => {
      if (order.indexOf(level) < min) return;
      const { at: _a, level: _l, event: _e, ...rest } = redact(fields) as Fields; // the line's own keys win
      const line = JSON.stringify({ at: now().toISOString(), level, event, ...rest });
      for (const s of sinks) s.write(line);
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error'), addSecret };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, addSecret() {} };
