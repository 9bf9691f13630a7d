/**
 * Limits on patient identification, the kiosk's guard against someone walking up with a list of
 * surnames and birth dates. Two levels, as design.md says:
 *  - per visit: a few misses end that visit ("please see the front desk"), fair to the next patient;
 *  - kiosk-wide: misses in a sliding window pause the kiosk. A success does not reset the window, so
 *    identifying as yourself between guesses buys nothing.
 * `admit()` is synchronous and reserves the one identification slot before the caller's first await:
 * a burst of concurrent requests gets one admission and "busy" for the rest, never a free pass past
 * the count. Durations use a monotonic clock: a wall-clock step back does not lift a pause.
 */
import { newOpaqueId } from './sessions.js';

export interface IdentifyLimitSettings {
  /** Misses that end one patient's visit. */
  missesPerVisit: number;
  /** Misses across all visits within `kioskWindowMs` that pause the kiosk. */
  kioskMisses: number;
  kioskWindowMs: number;
  /** How long a kiosk-wide pause lasts unless staff lift it first. */
  pauseMs: number;
}

export interface Clocks {
  /** Monotonic milliseconds (durations). */
  mono: () => number;
  /** Wall-clock epoch milliseconds (only to tell people when something ends). */
  wall: () => number;
}

export type Admission =
  | { ok: true; attempt: Attempt }
  | { ok: false; reason: 'busy' }
  | { ok: false; reason: 'visit_ended' }
  | { ok: false; reason: 'paused'; until: number };

export interface MissResult {
  /** Misses this visit may still make (0: the visit is over). */
  attemptsLeft: number;
  /** The visit token the renderer sends with its next try. */
  visit: string;
  /** Set when this miss paused the kiosk: wall-clock end of the pause. */
  pausedUntil: number | null;
}

/** One admitted identification. Exactly one of `miss` / `found` / `release` ends it; later calls are ignored. */
export interface Attempt {
  miss(): MissResult;
  found(): void;
  /** Ends the attempt without counting it (the server could not be asked). */
  release(): void;
}

const VISIT_TTL_MS = 15 * 60_000;

export class IdentifyLimits {
  private busy = false;
  /** Monotonic times of recent misses, oldest first. */
  private misses: number[] = [];
  private pausedUntilMono = 0;
  private readonly visits = new Map<string, { misses: number; expiresAt: number }>();

  constructor(
    private readonly s: IdentifyLimitSettings,
    private readonly clock: Clocks = { mono: () => performance.now(), wall: Date.now },
  ) {}

  /** The wall-clock end of a kiosk-wide pause, or null when the kiosk is open. */
  pausedUntil(): number | null {
    const left = this.pausedUntilMono - this.clock.mono();
    if (left > 0) return this.clock.wall() + left;
    if (this.pausedUntilMono) {
      this.pausedUntilMono = 0;
      this.misses = [];
    }
    return null;
  }

  /** Staff lifted the pause: the kiosk opens and the miss window starts empty. */
  lift(): boolean {
    const was = this.pausedUntil() !== null;
    this.pausedUntilMono = 0;
    this.misses = [];
    return was;
  }

  /** Reserve the identification slot. Call before any await; end the attempt in a `finally`. */
  admit(visitToken?: string): Admission {
    const until = this.pausedUntil();
    if (until !== null) return { ok: false, reason: 'paused', until };
    if (this.busy) return { ok: false, reason: 'busy' };
    const now = this.clock.mono();
    for (const [k, v] of this.visits) if (v.expiresAt <= now) this.visits.delete(k);
    const known = visitToken ? this.visits.get(visitToken) : undefined;
    if (known && known.misses >= this.s.missesPerVisit) return { ok: false, reason: 'visit_ended' };
    const visit = known && visitToken ? visitToken : newOpaqueId();
    const state = known ?? { misses: 0, expiresAt: 0 };
    state.expiresAt = now + VISIT_TTL_MS;
    this.busy = true;
    let open = true;
    const close = () => {
      const was = open;
      open = false;
      if (was) this.busy = false;
      return was;
    };
    return {
      ok: true,
      attempt: {
        miss: () => {
          if (!close()) return { attemptsLeft: Math.max(0, this.s.missesPerVisit - state.misses), visit, pausedUntil: null };
          state.misses++;
          this.visits.set(visit, state);
          const t = this.clock.mono();
          this.misses.push(t);
          while (this.misses.length && this.misses[0]! <= t - this.s.kioskWindowMs) this.misses.shift();
          let pausedUntil: number | null = null;
          if (this.misses.length >= this.s.kioskMisses) {
            this.pausedUntilMono = t + this.s.pauseMs;
            pausedUntil = this.clock.wall() + this.s.pauseMs;
          }
          return { attemptsLeft: Math.max(0, this.s.missesPerVisit - state.misses), visit, pausedUntil };
        },
        found: () => {
          if (close()) this.visits.delete(visit);
        },
        release: () => void close(),
      },
    };
  }
}
