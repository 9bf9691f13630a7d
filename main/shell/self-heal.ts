/**
 * Renderer crash and hang recovery. A lobby kiosk has nobody to click "reload": a crashed renderer
 * is reloaded; repeated crashes get a fresh window with exponential backoff; a hung page gets a grace
 * period, then its renderer is killed so the crash path reloads it.
 *
 * Every recovery action runs on a later tick, never inside the Electron event handler: a synchronous
 * reload() from 'render-process-gone' trips a Chromium CHECK and kills main in Electron < 41.8.0
 * (electron/electron#51900), and destroying or crashing a webContents from inside its own event is
 * the same class of re-entrancy. The deferred action re-checks isDestroyed() because the window may
 * be gone by then.
 */
import type { Logger } from '../core/log.js';

export interface RecoveryOptions {
  now?: () => number;
  /** This many crashes inside `crashWindowMs` means reloading is not enough: recreate the window. */
  maxCrashes?: number;
  crashWindowMs?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** After this long without a recreate the backoff starts again from `baseBackoffMs`. */
  stableAfterMs?: number;
  unresponsiveGraceMs?: number;
}

export type Recovery = { action: 'reload' } | { action: 'recreate'; delayMs: number };

/** Pure decision logic with an injectable clock. */
export class RecoveryPolicy {
  readonly unresponsiveGraceMs: number;
  private readonly now: () => number;
  private readonly maxCrashes: number;
  private readonly crashWindowMs: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly stableAfterMs: number;
  private crashes: number[] = [];
  private recreates = 0;
  private lastRecreateAt = Number.NEGATIVE_INFINITY;

  constructor(o: RecoveryOptions = {}) {
    this.now = o.now ?? Date.now;
    this.maxCrashes = o.maxCrashes ?? 3;
    this.crashWindowMs = o.crashWindowMs ?? 60_000;
    this.baseBackoffMs = o.baseBackoffMs ?? 1_000;
    this.maxBackoffMs = o.maxBackoffMs ?? 60_000;
    this.stableAfterMs = o.stableAfterMs ?? 10 * 60_000;
    this.unresponsiveGraceMs = o.unresponsiveGraceMs ?? 10_000;
  }

  /** Called on every 'render-process-gone'. */
  onRendererGone(): Recovery {
    const t = this.now();
    if (t - this.lastRecreateAt >= this.stableAfterMs) this.recreates = 0;
    this.crashes = [...this.crashes.filter((at) => t - at < this.crashWindowMs), t];
    if (this.crashes.length < this.maxCrashes) return { action: 'reload' };
    this.crashes = [];
    const delayMs = Math.min(this.baseBackoffMs * 2 ** this.recreates, this.maxBackoffMs);
    this.recreates += 1;
    this.lastRecreateAt = t;
    return { action: 'recreate', delayMs };
  }
}

type Timer = ReturnType<typeof setTimeout>;
export interface Timers {
  setTimeout(fn: () => void, ms: number): Timer;
  clearTimeout(timer: Timer): void;
}
export const realTimers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (t) => clearTimeout(t) };

export interface HealableWebContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
  on(event: 'unresponsive' | 'responsive' | 'destroyed', listener: () => void): unknown;
  isDestroyed(): boolean;
  reload(): void;
  forcefullyCrashRenderer(): void;
}

export interface SelfHealOptions {
  policy: RecoveryPolicy;
  log: Logger;
  /** Destroy this window and open a new one after `delayMs`. Called on a later tick, never in the handler. */
  recreate(delayMs: number): void;
  timers?: Timers;
}

/** Out of the current event handler: the next macrotask (0 ms timer). */
export const DEFER_MS = 0;

export function attachSelfHeal(contents: HealableWebContents, o: SelfHealOptions): void {
  const timers = o.timers ?? realTimers;
  let hangTimer: Timer | null = null;
  const cancelHang = () => {
    if (hangTimer) timers.clearTimeout(hangTimer);
    hangTimer = null;
  };

  contents.on('render-process-gone', (_event, details) => {
    cancelHang();
    const decision = o.policy.onRendererGone();
    o.log.error('shell.renderer_gone', { reason: details.reason, exitCode: details.exitCode, recovery: decision.action });
    timers.setTimeout(() => {
      // Destroyed meanwhile (staff exit, OS shutdown, a recreate already under way): nothing to heal.
      if (contents.isDestroyed()) return;
      if (decision.action === 'recreate') o.recreate(decision.delayMs);
      else contents.reload();
    }, DEFER_MS);
  });

  contents.on('unresponsive', () => {
    if (hangTimer) return;
    o.log.warn('shell.renderer_unresponsive', { graceMs: o.policy.unresponsiveGraceMs });
    hangTimer = timers.setTimeout(() => {
      hangTimer = null;
      if (contents.isDestroyed()) return;
      o.log.error('shell.renderer_hung', {});
      // Runs from a timer, not from the 'unresponsive' handler. Emits 'render-process-gone' (reason
      // 'killed'), whose deferred reload starts a fresh process and counts toward the recreate threshold.
      contents.forcefullyCrashRenderer();
    }, o.policy.unresponsiveGraceMs);
  });
  contents.on('responsive', cancelHang);
  contents.on('destroyed', cancelHang);
}
