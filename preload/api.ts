/**
 * Builds the typed `window.kiosk` API from any `invoke(channel, payload)` transport: Electron IPC in
 * production (preload/index.ts), a Playwright binding in the Chromium host (dev/). Type-only import of
 * the contract keeps zod out of the preload and renderer bundles.
 */
import type { Channel, RequestOf, ResponseOf, Result } from './contract.js';

export type Invoke = (channel: Channel, payload: unknown) => Promise<unknown>;

/** Method name → channel. The `satisfies` plus the completeness check below keep this in step with the contract. */
const methods = {
  info: 'kiosk:info',
  health: 'kiosk:health',
  identify: 'patient:identify',
  checkIn: 'patient:checkIn',
  endSession: 'patient:endSession',
  staffUnlock: 'staff:unlock',
  staffLock: 'staff:lock',
  staffOverview: 'staff:overview',
  staffRetryOutbox: 'staff:retryOutbox',
  staffExit: 'staff:exit',
  staffIdentify: 'staff:identify',
  staffCheckIn: 'staff:checkIn',
  staffUndo: 'staff:undo',
  staffSchedule: 'staff:schedule',
  staffScheduleCheckIn: 'staff:scheduleCheckIn',
  staffScheduleUndo: 'staff:scheduleUndo',
  staffWalkInOptions: 'staff:walkInOptions',
  staffFindPatient: 'staff:findPatient',
  staffWalkIn: 'staff:walkIn',
  staffActivity: 'staff:activity',
  staffLiftPause: 'staff:liftPause',
  speak: 'audio:speak',
  stopSpeaking: 'audio:stop',
} as const satisfies Record<string, Channel>;

type Methods = typeof methods;
type MissingChannels = Exclude<Channel, Methods[keyof Methods]>;
// Compile error if a contract channel has no API method.
const complete: MissingChannels extends never ? true : MissingChannels = true;
void complete;

/** Channels whose request is the empty object take no argument. */
type ArgsOf<C extends Channel> = RequestOf<C> extends Record<string, never> ? [] : [payload: RequestOf<C>];

export type KioskApi = {
  readonly [M in keyof Methods]: (...args: ArgsOf<Methods[M]>) => Promise<Result<ResponseOf<Methods[M]>>>;
};

export function buildKioskApi(invoke: Invoke): KioskApi {
  const api: Record<string, (payload?: unknown) => Promise<unknown>> = {};
  for (const [method, channel] of Object.entries(methods)) {
    api[method] = async (payload?: unknown) => {
      try {
        return await invoke(channel, payload ?? {});
      } catch {
        // A broken transport is reported like any other failure: the renderer never sees a throw.
        return { ok: false, error: { code: 'unavailable', message: 'The kiosk service is not responding.' } };
      }
    };
  }
  return Object.freeze(api) as unknown as KioskApi;
}
