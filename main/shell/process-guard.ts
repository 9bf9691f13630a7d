/**
 * Main-process safety net. An unexpected error must not take the lobby kiosk down, so it is logged
 * and the app keeps running; but an error storm means the process state is broken, and logging
 * forever would hide that, so a storm asks for a relaunch.
 */
import type { Logger } from '../core/log.js';

export interface ProcessLike {
  on(event: 'uncaughtException', listener: (error: unknown) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export interface GuardOptions {
  log: Logger;
  /** Called once when `stormCount` errors arrive within `stormWindowMs`. */
  onStorm(): void;
  stormCount?: number;
  stormWindowMs?: number;
  now?: () => number;
}

/**
 * Never the message: it can quote data (JSON.parse errors include the input, FHIR errors can echo a
 * name). The error class, its code and the top stack frames are enough to find the bug.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as NodeJS.ErrnoException).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 5)
    .map((line) => line.trim());
  return { error: error.name, ...(typeof code === 'string' ? { code } : {}), frames };
}

export function guardMainProcess(proc: ProcessLike, o: GuardOptions): void {
  const now = o.now ?? Date.now;
  const stormCount = o.stormCount ?? 20;
  const stormWindowMs = o.stormWindowMs ?? 60_000;
  let recent: number[] = [];
  let stormed = false;
  const record = (kind: string, error: unknown) => {
    o.log.error('shell.unexpected_error', { kind, ...describeError(error) });
    const t = now();
    recent = [...recent.filter((at) => t - at < stormWindowMs), t];
    if (!stormed && recent.length >= stormCount) {
      stormed = true;
      o.log.error('shell.error_storm', { count: recent.length, windowMs: stormWindowMs });
      o.onStorm();
    }
  };
  proc.on('uncaughtException', (error) => record('uncaughtException', error));
  proc.on('unhandledRejection', (reason) => record('unhandledRejection', reason));
}
