/**
 * UpdaterPort over electron-updater. electron-updater itself runs in plain Node when given an app
 * adapter and an HTTP executor, so this adapter is tested for real (test/integration/update).
 */
import type { AppUpdater } from 'electron-updater';
import type { UpdaterPort } from './controller.js';

/** Everything is driven by the controller: no download on check, no silent install on quit. */
export function configureForKiosk(u: AppUpdater, pinnedVersion: string | null): void {
  u.autoDownload = false;
  u.autoInstallOnAppQuit = false;
  u.allowPrerelease = false;
  // A pin is also IT's rollback: the feed may then serve an older version.
  u.allowDowngrade = pinnedVersion !== null;
}

export function electronUpdaterPort(u: AppUpdater, install: () => void = () => u.quitAndInstall(true, true)): UpdaterPort {
  return {
    currentVersion: u.currentVersion.version,
    async check() {
      const r = await u.checkForUpdates();
      return r?.isUpdateAvailable ? r.updateInfo.version : null;
    },
    async download() {
      await u.downloadUpdate();
    },
    install,
  };
}
