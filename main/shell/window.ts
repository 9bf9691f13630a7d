/**
 * The kiosk window's construction options. Every security-relevant web preference is stated
 * explicitly, even where it is Electron's default, so a default changing upstream cannot loosen it
 * and the unit test can assert each one.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** Matches the renderer's --bg so the window never flashes another colour while it loads. */
export const WINDOW_BACKGROUND = '#f3f5f7';

export interface WindowChoice {
  preloadPath: string;
  /** Framed, movable window (development / IT troubleshooting) instead of kiosk full screen. */
  windowed: boolean;
  /** Packaged builds never get DevTools. */
  packaged: boolean;
  title?: string;
  /** process.platform: kiosk options differ per OS. */
  platform?: NodeJS.Platform;
}

/**
 * Kiosk presentation per OS. `kiosk: true` enters full screen by itself everywhere; passing
 * `fullscreen: true` with it starts macOS's asynchronous full-screen transition before the kiosk
 * presentation options are set, which leaves the Dock reachable and the app switchable
 * (electron#8426, #8427), so `fullscreen` is never passed with `kiosk`.
 */
export function kioskPresentation(windowed: boolean, platform: NodeJS.Platform): BrowserWindowConstructorOptions {
  if (windowed) return { kiosk: false, fullscreen: false };
  // macOS only: keep the kiosk window out of Mission Control's window overview.
  return platform === 'darwin' ? { kiosk: true, hiddenInMissionControl: true } : { kiosk: true };
}

export function windowOptions({
  preloadPath,
  windowed,
  packaged,
  title,
  platform = process.platform,
}: WindowChoice): BrowserWindowConstructorOptions {
  return {
    title: title ?? 'Clinic Check-in Kiosk',
    width: 1280,
    height: 800,
    ...kioskPresentation(windowed, platform),
    frame: windowed,
    resizable: windowed,
    movable: windowed,
    minimizable: windowed,
    maximizable: windowed,
    autoHideMenuBar: true,
    backgroundColor: WINDOW_BACKGROUND,
    // Shown on 'ready-to-show' so a patient never sees a blank white flash.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      enableWebSQL: false,
      safeDialogs: true,
      // The spellchecker would download dictionaries: the renderer has no network.
      spellcheck: false,
      devTools: !packaged,
    },
  };
}
