/**
 * Owns the one kiosk window over its lifetimes: opens it, trusts its webContents for IPC while it
 * lives, keeps it from being closed outside a staff exit, and recreates it when self-heal asks.
 * Electron-free: `create` is the only thing that touches BrowserWindow.
 */
import type { Logger } from '../core/log.js';
import { attachSelfHeal, realTimers, type HealableWebContents, type RecoveryPolicy, type Timers } from './self-heal.js';

export interface KioskWindowLike {
  readonly webContents: HealableWebContents & { readonly id: number };
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  destroy(): void;
}

export interface WindowHostOptions<W extends KioskWindowLike> {
  /** Builds the BrowserWindow (and anything per-window, e.g. the keyboard filter). */
  create(): W;
  url: string;
  /** Shared with the IPC trust check: ids are added on open and removed on 'closed'. */
  trustedIds: Set<number | string>;
  policy: RecoveryPolicy;
  log: Logger;
  /** False while the kiosk is locked: 'close' (Alt+F4, OS close, app quit) is refused. */
  mayClose(): boolean;
  timers?: Timers;
  /** Backoff between attempts to load the page: base, doubled per failure, capped. */
  loadRetry?: { baseMs: number; maxMs: number };
}

export const DEFAULT_LOAD_RETRY = { baseMs: 1_000, maxMs: 30_000 };

/** Delay before load attempt `attempt + 1` (attempt counts from 1). */
export function loadRetryDelay(attempt: number, retry = DEFAULT_LOAD_RETRY): number {
  return Math.min(retry.baseMs * 2 ** (attempt - 1), retry.maxMs);
}

export interface WindowHost<W> {
  open(): W;
  current(): W | null;
  /** For 'second-instance': bring the existing window back. */
  focus(): void;
  /** True between destroying a window for recovery and opening its replacement. */
  isRecreating(): boolean;
}

export function createWindowHost<W extends KioskWindowLike>(o: WindowHostOptions<W>): WindowHost<W> {
  const timers = o.timers ?? realTimers;
  let win: W | null = null;
  let recreating = false;

  function recreate(delayMs: number) {
    if (recreating) return;
    recreating = true;
    o.log.warn('shell.window_recreate', { delayMs });
    if (win && !win.isDestroyed()) win.destroy(); // destroy() skips 'close', so mayClose() is not consulted
    timers.setTimeout(() => {
      recreating = false;
      open();
    }, delayMs);
  }

  function open(): W {
    const created = o.create();
    const id = created.webContents.id;
    win = created;
    o.trustedIds.add(id);
    created.on('closed', () => {
      o.trustedIds.delete(id);
      if (win === created) win = null;
    });
    created.on('close', (event) => {
      if (!o.mayClose()) event.preventDefault();
    });
    created.once('ready-to-show', () => created.show());
    attachSelfHeal(created.webContents, { policy: o.policy, log: o.log, recreate, timers });
    load(created, 1);
    return created;
  }

  /**
   * A failed load (the protocol handler not answering yet, a transient file error) would leave the
   * lobby on a blank window forever: try again with backoff while this window is still ours.
   */
  function load(target: W, attempt: number): void {
    target.loadURL(o.url).catch((err: unknown) => {
      const delayMs = loadRetryDelay(attempt, o.loadRetry);
      o.log.error('shell.load_failed', { error: (err as Error)?.name, attempt, retryInMs: delayMs });
      timers.setTimeout(() => {
        if (win === target && !target.isDestroyed()) load(target, attempt + 1);
      }, delayMs);
    });
  }

  return {
    open,
    current: () => win,
    focus() {
      if (!win || win.isDestroyed()) return;
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    },
    isRecreating: () => recreating,
  };
}

/** The one way out of a locked kiosk; the core's staff mode calls `requestExit` after a PIN check. */
export interface ExitControl {
  requestExit(reason: string): void;
  /** The OS is shutting down or logging off: let windows close without a staff exit. */
  allowExit(reason: string): void;
  isExiting(): boolean;
}

export function createExitControl(o: { quit(): void; log: Logger }): ExitControl {
  let exiting = false;
  return {
    requestExit(reason) {
      o.log.info('shell.exit_requested', { reason });
      exiting = true;
      o.quit();
    },
    allowExit(reason) {
      o.log.info('shell.exit_allowed', { reason });
      exiting = true;
    },
    isExiting: () => exiting,
  };
}
