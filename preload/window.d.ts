import type { KioskApi } from './api.js';

declare global {
  interface Window {
    readonly kiosk: KioskApi;
  }
}
export {};
