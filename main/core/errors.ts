import type { ErrorCode } from '../../preload/contract.js';

/** An error with a contract error code: the IPC router turns it into `{ok:false, error}`. */
export class KioskError extends Error {
  override name = 'KioskError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}
