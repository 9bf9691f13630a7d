/**
 * The one place IPC requests enter main, whatever the transport (Electron ipcMain or the Chromium
 * host's binding). Only declared channels, only trusted senders, payloads and responses parsed with
 * the contract's schemas; handlers never throw across the boundary.
 */
import type { z } from 'zod';
import { contract, isChannel, type Channel, type IpcError, type ResponseOf, type Result } from '../../preload/contract.js';
import { KioskError } from './errors.js';
import { originOf } from './origin.js';
import type { Logger } from './log.js';

export type Handlers = {
  [C in Channel]: (request: z.output<(typeof contract)[C]['request']>) => Promise<ResponseOf<C>>;
};

/** What a transport knows about who sent a request. */
export interface SenderInfo {
  /** URL of the frame that sent it. */
  url: string;
  isMainFrame: boolean;
  /** Transport-specific id of the sending page/webContents. */
  id: number | string;
}

export interface TrustPolicy {
  origin: string;
  trustedIds: ReadonlySet<number | string>;
}

/**
 * Our own window, main frame, loaded from our own origin: compared as parsed origins, never substrings
 * (and not with `URL.origin`, which is 'null' for every `app://` URL in Node).
 */
export function isTrustedSender(sender: SenderInfo | null | undefined, policy: TrustPolicy): boolean {
  if (!sender || !sender.isMainFrame || !policy.trustedIds.has(sender.id)) return false;
  return originOf(sender.url) === policy.origin;
}

const fail = (code: IpcError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });

/**
 * Requests one channel may have in flight at once. The renderer never needs more than one or two; a
 * compromised renderer looping on a channel gets `busy` instead of a queue of FHIR calls and scrypt
 * checks in main. Staff unlock is 1: one PIN check at a time.
 */
export const DEFAULT_MAX_IN_FLIGHT = 4;
const MAX_IN_FLIGHT: Partial<Record<Channel, number>> = { 'staff:unlock': 1, 'patient:identify': 2, 'staff:identify': 2 };

export function createIpcRouter(
  handlers: Handlers,
  opts: { log: Logger; isTrusted: (sender: SenderInfo) => boolean; maxInFlight?: Partial<Record<Channel, number>> },
) {
  const inFlight = new Map<Channel, number>();
  const limitOf = (c: Channel) => opts.maxInFlight?.[c] ?? MAX_IN_FLIGHT[c] ?? DEFAULT_MAX_IN_FLIGHT;
  return async function dispatch(channel: unknown, payload: unknown, sender: SenderInfo): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      opts.log.warn('ipc.unknown_channel', { channel: typeof channel === 'string' ? channel.slice(0, 60) : typeof channel });
      return fail('unknown_channel', 'Unknown request.');
    }
    if (!opts.isTrusted(sender)) {
      opts.log.warn('ipc.untrusted_sender', { channel });
      return fail('forbidden_sender', 'Request refused.');
    }
    const spec = contract[channel];
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) {
      // Only paths and codes: the rejected values may be what a patient typed.
      opts.log.warn('ipc.invalid_request', {
        channel,
        issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}:${i.code}`),
      });
      return fail('invalid_request', 'The request was not valid.');
    }
    // Reserved before the handler's first await, released whatever it does.
    const running = inFlight.get(channel) ?? 0;
    if (running >= limitOf(channel)) return fail('busy', 'Another request is still running.');
    inFlight.set(channel, running + 1);
    try {
      const value = await (handlers[channel] as (r: unknown) => Promise<unknown>)(parsed.data);
      const out = spec.response.safeParse(value);
      if (!out.success) {
        opts.log.error('ipc.invalid_response', {
          channel,
          issues: out.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}:${i.code}`),
        });
        return fail('internal', 'Something went wrong.');
      }
      return { ok: true, value: out.data };
    } catch (err) {
      if (err instanceof KioskError) return fail(err.code, err.message);
      opts.log.error('ipc.handler_failed', { channel, error: (err as Error)?.name, message: (err as Error)?.message });
      return fail('internal', 'Something went wrong.');
    } finally {
      inFlight.set(channel, (inFlight.get(channel) ?? 1) - 1);
    }
  };
}
export type Dispatch = ReturnType<typeof createIpcRouter>;
