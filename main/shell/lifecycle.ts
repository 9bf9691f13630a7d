/**
 * How the kiosk process starts over and how it ends when the OS asks. Electron-free: the entry passes
 * `app.relaunch` / `app.exit` and `process`, so both rules are unit-tested.
 */
import type { Logger } from '../core/log.js';

export interface RelaunchOptionsLike {
  execPath?: string;
  args?: string[];
}

/**
 * From an AppImage, process.execPath lives in the AppImage's FUSE mount, which disappears when this
 * process exits, so a plain app.relaunch() never comes back: relaunch the AppImage file itself
 * (its runtime sets APPIMAGE to that path). Anywhere else Electron's default is right.
 */
export function relaunchOptions(
  env: NodeJS.ProcessEnv,
  argv: readonly string[],
  platform: NodeJS.Platform,
): RelaunchOptionsLike | undefined {
  const appImage = env['APPIMAGE'];
  if (platform !== 'linux' || !appImage) return undefined;
  return { execPath: appImage, args: argv.slice(1) };
}

export const OS_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
export type OsSignal = (typeof OS_SIGNALS)[number];

export interface SignalProcess {
  on(signal: OsSignal, listener: () => void): unknown;
}

export interface SignalExitOptions {
  log: Logger;
  /** Lets the locked window close (the same path as an OS shutdown). */
  allowExit(reason: string): void;
  /** Stops background work (token refresh, health probe, outbox sender). */
  stopKiosk(): void | Promise<void>;
  /** app.exit: ends at once, without a quit the locked window could refuse. */
  exit(code: number): void;
  /** Longest wait for stopKiosk before exiting anyway (under systemd's TimeoutStopSec). */
  stopDeadlineMs?: number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
}

/**
 * `systemctl stop`, Ctrl+C in `npm start`, a closed terminal: the OS session wants the kiosk gone.
 * That is not a patient at the screen, so it is not refused like a quit from the window: stop the
 * background work, then exit 0. The outbox is already on disk (written ahead of every send), so
 * nothing recorded is lost; a send in flight is re-read and resolved on the next start. A second
 * signal, or a stop that hangs past the deadline, exits at once.
 */
export function exitOnOsSignals(proc: SignalProcess, o: SignalExitOptions): void {
  const later = o.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms).unref());
  let ending = false;
  let exited = false;
  const exitOnce = (code: number) => {
    if (exited) return;
    exited = true;
    o.exit(code);
  };
  for (const signal of OS_SIGNALS) {
    proc.on(signal, () => {
      if (ending) {
        o.log.warn('shell.signal_again', { signal });
        exitOnce(1);
        return;
      }
      ending = true;
      o.log.info('shell.signal_exit', { signal });
      o.allowExit(`signal:${signal}`);
      later(() => {
        o.log.warn('shell.stop_deadline', { signal });
        exitOnce(1);
      }, o.stopDeadlineMs ?? 5_000);
      Promise.resolve()
        .then(() => o.stopKiosk())
        .then(
          () => exitOnce(0),
          (err: unknown) => {
            o.log.error('shell.stop_failed', { error: (err as Error)?.name });
            exitOnce(1);
          },
        );
    });
  }
}
