/**
 * Outbound pacing for FHIR traffic (GCRA, a token bucket without a timer): a steady rate with a small
 * burst. A kiosk never needs more than a handful of requests a second; a renderer bug or an attacker
 * looping on a channel must not become a flood against the clinic's EHR (and its 429s). The slot is
 * reserved synchronously, before any await, so a concurrent burst is paced exactly.
 */
export interface RateLimitSettings {
  /** Sustained requests per second. */
  perSecond: number;
  /** Requests allowed back to back before pacing starts. */
  burst: number;
  /** Longest wait we accept for a slot; beyond it the request fails at once. */
  maxWaitMs: number;
}

export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
}

export class RateLimiter {
  /** Theoretical arrival time of the next request (monotonic ms). */
  private tat = 0;
  private readonly interval: number;

  constructor(
    private readonly s: RateLimitSettings,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.interval = 1000 / s.perSecond;
  }

  /** Milliseconds the caller must wait before sending; throws when that is longer than `maxWaitMs`. */
  reserve(): number {
    const t = this.now();
    const tat = Math.max(this.tat, t);
    const wait = Math.max(0, tat - (this.s.burst - 1) * this.interval - t);
    if (wait > this.s.maxWaitMs) throw new RateLimitedError(`outbound rate limit: next slot in ${Math.ceil(wait)} ms`);
    this.tat = tat + this.interval;
    return wait;
  }

  /** Waits for a slot (reserved before the wait); an aborted signal ends the wait. */
  async take(signal?: AbortSignal): Promise<void> {
    const wait = this.reserve();
    if (wait <= 0) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(done, wait);
      function done() {
        signal?.removeEventListener('abort', abort);
        resolve();
      }
      function abort() {
        clearTimeout(timer);
        reject(signal?.reason ?? new Error('aborted'));
      }
      signal?.addEventListener('abort', abort, { once: true });
    });
  }
}
