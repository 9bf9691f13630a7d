/**
 * Chromium host only (never shipped): the same `window.kiosk` API as the Electron preload, with a
 * Playwright binding as the transport instead of Electron IPC.
 */
import { buildKioskApi, type Invoke } from '../preload/api.js';

declare global {
  interface Window {
    __kioskInvoke?: Invoke;
  }
}

const invoke = window.__kioskInvoke;
if (invoke) {
  Object.defineProperty(window, 'kiosk', { value: buildKioskApi((c, p) => invoke(c, p)), enumerable: false, writable: false });
}
