/** Kiosk info as main sends it, shared by the renderer's reducer tests. */
import type { KioskInfo } from '../../../preload/contract.js';

export const info: KioskInfo = {
  clinicName: 'Riverside',
  timezone: 'America/Chicago',
  languages: ['en', 'es'],
  mode: 'demo',
  kioskId: 'k1',
  idleSeconds: 60,
  warningSeconds: 20,
  configProblem: null,
  health: { state: 'ok', checkedAt: null },
};
