/**
 * Electron wiring of the auto-updater: electron-updater's platform updater, the last touch or key in
 * any window, and the outbox flush before a restart. Every decision is in main/core/update.
 *
 * Verified before install: Windows — the installer's Authenticode publisher must match the running
 * app's (electron-updater, `publisherName`); macOS — Squirrel.Mac checks the Developer ID signature;
 * all — the sha512 from the feed's latest*.yml. Linux .deb is notify-only: electron-updater would run
 * dpkg through pkexec/sudo with no signature check, so the kiosk downloads and shows the pending
 * version, and IT installs the GPG-signed package (docs/deploy.md).
 */
import { app, type WebContents } from 'electron';
import electronUpdater, { type AppUpdater } from 'electron-updater';
import type { SoftwareStatus } from '../../preload/contract.js';
import type { KioskConfig } from '../core/config.js';
import type { Kiosk } from '../core/kiosk.js';
import type { Logger } from '../core/log.js';
import { UpdateController } from '../core/update/controller.js';
import { configureForKiosk, electronUpdaterPort } from '../core/update/electron-updater-port.js';

const FLUSH_DEADLINE_MS = 20_000;
/** Slack after the renderer's own idle reset (idle + warning), so the welcome screen is showing. */
const AFTER_RENDERER_RESET_MS = 30_000;

export interface ShellUpdater {
  status(): SoftwareStatus;
  stop(): void;
}

/** `allowExit`: the kiosk window refuses to close unless told; the update's restart must be let through. */
export function startUpdater(o: {
  config: KioskConfig;
  kiosk: Kiosk;
  log: Logger;
  allowExit: (reason: string) => void;
}): ShellUpdater | null {
  const u = o.config.update;
  if (!u.enabled || !app.isPackaged) return null;
  let updater: AppUpdater;
  try {
    updater = electronUpdater.autoUpdater;
  } catch (err) {
    // No updater for this package type: the kiosk runs on; staff see no pending update.
    o.log.warn('update.unavailable', { reason: (err as Error).message?.slice(0, 200) });
    return null;
  }
  updater.logger = null; // its log lines carry URLs with tokens for private feeds; our audit covers the steps
  if (u.feed) updater.setFeedURL(u.feed);
  const pinnedVersion = u.pinnedVersion ?? null;
  configureForKiosk(updater, pinnedVersion);

  let lastInputAt = Date.now();
  const touched = () => void (lastInputAt = Date.now());
  const watch = (contents: WebContents) => contents.on('input-event', touched);
  app.on('web-contents-created', (_e, contents) => watch(contents));

  const { idleSeconds, warningSeconds } = o.config.kiosk;
  const controller = new UpdateController({
    updater: electronUpdaterPort(updater, () => {
      o.allowExit('update');
      updater.quitAndInstall(true, true);
    }),
    audit: o.kiosk.audit,
    log: o.log,
    lastInputAt: () => lastInputAt,
    settings: {
      checkEveryMs: u.checkEveryMinutes * 60_000,
      window: u.maintenanceWindow,
      quietMs: Math.max(u.quietMinutes * 60_000, (idleSeconds + warningSeconds) * 1000 + AFTER_RENDERER_RESET_MS),
      pinnedVersion,
      timezone: o.config.clinic.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      autoInstall: process.platform !== 'linux',
    },
    flushOutbox: async () => {
      const parts = o.kiosk.parts;
      if (!parts) return 0;
      const deadline = new Promise<void>((r) => setTimeout(r, FLUSH_DEADLINE_MS).unref());
      await Promise.race([parts.sender.flush(), deadline]);
      return parts.outbox.size;
    },
  });
  controller.start();
  return { status: () => controller.status(), stop: () => controller.stop() };
}
