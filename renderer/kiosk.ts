/** Access to main: `window.kiosk` from the preload (or the Chromium host's bridge). Types only from preload. */
import type { KioskApi } from '../preload/api.js';
import type { IpcError, Result } from '../preload/contract.js';

/** Null when the page was opened without a preload (e.g. in a plain browser): shown as "not set up". */
export function kioskApi(): KioskApi | null {
  const api = (window as { kiosk?: KioskApi }).kiosk;
  return api && typeof api === 'object' ? api : null;
}

export function failure(code: IpcError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** The API promises never to throw; a broken bridge still must not leave the kiosk hanging. */
export async function safely<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch {
    return failure('internal', 'The kiosk API threw.');
  }
}
