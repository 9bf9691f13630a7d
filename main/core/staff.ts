/**
 * Staff mode authentication: a PIN checked here against the scrypt hash in the keychain, a lockout
 * after repeated failures that backs off and survives a restart, and staff sessions that relock when
 * idle and end after an absolute lifetime. Exit and undo need the PIN again (requireFresh).
 *
 * One PIN check runs at a time, per kiosk: the slot is taken before the first await, so a concurrent
 * burst cannot run more scrypt checks than the lockout allows (and cannot fill libuv's thread pool).
 * Durations use a monotonic clock, so stepping the wall clock back keeps nobody unlocked.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { StaffUnlockResponse } from '../../preload/contract.js';
import type { AuditLog } from './audit.js';
import { KioskError } from './errors.js';
import type { SecretStore } from './secrets.js';
import { MIN_PIN_DIGITS, verifyPin } from './staff-pin.js';

export interface StaffAuthOptions {
  secrets: SecretStore;
  audit: AuditLog;
  /** Monotonic milliseconds for every duration (default performance.now). */
  clock?: () => number;
  /** Wall clock (epoch ms), only to show times to staff and to persist the lockout across restarts. */
  now?: () => number;
  /** Relock after this long without a staff action. */
  idleMs?: number;
  /** A staff session ends this long after the unlock, however busy. */
  lifetimeMs?: number;
  maxFailures?: number;
  /** The first lockout; each further lockout in a row doubles it, up to maxLockoutMs. */
  lockoutMs?: number;
  maxLockoutMs?: number;
  /**
   * Where the lockout state lives across restarts (a 0600 JSON file in the data dir: it holds counts
   * and a time, no secret, and a patient at the touchscreen has no way to reach it). Memory only when absent.
   */
  stateFile?: string;
}

/** What survives a restart. */
interface LockoutState {
  failures: number;
  /** Lockouts in a row (the backoff exponent); reset by a successful unlock. */
  level: number;
  /** Wall-clock end of the current lockout (epoch ms), 0 when none. */
  lockedUntilWall: number;
}

/** How long a concurrent attempt is told to wait while another PIN check is running. */
const BUSY_MS = 1000;

export class StaffAuth {
  private readonly clock: () => number;
  private readonly wall: () => number;
  private readonly idleMs: number;
  private readonly lifetimeMs: number;
  private readonly max: number;
  private readonly sessions = new Map<string, { lastUsed: number; ends: number }>();
  private failures = 0;
  private level = 0;
  /** Monotonic end of the current lockout. */
  private lockedUntil = 0;
  private checking = false;

  constructor(private readonly o: StaffAuthOptions) {
    this.clock = o.clock ?? (() => performance.now());
    this.wall = o.now ?? Date.now;
    this.idleMs = o.idleMs ?? 2 * 60_000;
    this.lifetimeMs = o.lifetimeMs ?? 15 * 60_000;
    this.max = o.maxFailures ?? 5;
    this.restore();
  }

  async unlock(pin: string): Promise<StaffUnlockResponse> {
    const verdict = await this.checkPin(pin);
    if (verdict.outcome !== 'ok') return verdict;
    const short = pin.length < MIN_PIN_DIGITS;
    this.o.audit.record({ event: 'staff.unlock', outcome: short ? 'unlocked_pin_too_short' : 'unlocked', by: 'staff' });
    const staffSession = randomBytes(18).toString('base64url');
    const t = this.clock();
    this.sessions.set(staffSession, { lastUsed: t, ends: t + this.lifetimeMs });
    return { outcome: 'unlocked', staffSession, expiresAt: this.expiresAt(staffSession), ...(short ? { changePin: true as const } : {}) };
  }

  /** Checks a staff session and extends it (sliding idle timeout, within its lifetime); throws staff_locked otherwise. */
  require(token: string): { expiresAt: string } {
    const s = this.live(token);
    if (!s) throw new KioskError('staff_locked', 'Staff mode is locked.');
    s.lastUsed = this.clock();
    return { expiresAt: this.expiresAt(token) };
  }

  /**
   * For consequential staff actions (exit the kiosk, undo a check-in): a live session AND the PIN typed
   * again. A wrong PIN counts toward the same lockout as unlock; reaching it ends every staff session.
   */
  async requireFresh(token: string, pin: string): Promise<{ expiresAt: string }> {
    if (!this.live(token)) throw new KioskError('staff_locked', 'Staff mode is locked.');
    const verdict = await this.checkPin(pin);
    // Only a plain wrong PIN leaves the session open; a lockout has already ended every session.
    if (verdict.outcome === 'wrong_pin') throw new KioskError('pin_rejected', 'Staff PIN not accepted.');
    if (verdict.outcome !== 'ok') throw new KioskError('staff_locked', `Staff PIN not accepted (${verdict.outcome}).`);
    return this.require(token);
  }

  lock(token: string): void {
    if (this.sessions.has(token)) this.o.audit.record({ event: 'staff.lock', outcome: 'locked', by: 'staff' });
    this.sessions.delete(token);
  }

  /**
   * The one PIN check: lockout, one check in flight, the attempt counted before the first await and
   * refunded only by a verified PIN, the lockout re-checked after verification.
   */
  private async checkPin(pin: string): Promise<StaffUnlockResponse | { outcome: 'ok' }> {
    const locked = this.lockedOut();
    if (locked) return locked;
    // Another check is running: answer at once without running scrypt (the renderer shows "locked until").
    if (this.checking) return { outcome: 'locked_out', until: new Date(this.wall() + BUSY_MS).toISOString() };
    this.checking = true;
    this.failures++; // reserved: a check that never finishes (crash, hang) still counts
    this.persist();
    try {
      const hash = await this.o.secrets.get('staff-pin-hash');
      if (!hash) {
        this.failures--;
        this.persist();
        this.o.audit.record({ event: 'staff.unlock', outcome: 'not_provisioned', by: 'staff' });
        return { outcome: 'not_provisioned' };
      }
      const ok = await verifyPin(pin, hash);
      const lockedMeanwhile = this.lockedOut();
      if (lockedMeanwhile) return lockedMeanwhile;
      if (ok) {
        this.failures = 0;
        this.level = 0;
        this.persist();
        return { outcome: 'ok' };
      }
      if (this.failures >= this.max) {
        this.startLockout();
        this.o.audit.record({ event: 'staff.unlock', outcome: 'locked_out', by: 'staff' });
        return this.lockedOut()!;
      }
      this.o.audit.record({ event: 'staff.unlock', outcome: 'wrong_pin', by: 'staff' });
      return { outcome: 'wrong_pin', attemptsLeft: this.max - this.failures };
    } catch {
      // The keychain failed (the attempt stays counted): staff see "not set up", never a crash.
      this.o.audit.record({ event: 'staff.unlock', outcome: 'keychain_error', by: 'staff' });
      return { outcome: 'not_provisioned' };
    } finally {
      this.checking = false;
    }
  }

  private lockedOut(): StaffUnlockResponse | null {
    const left = this.lockedUntil - this.clock();
    return left > 0 ? { outcome: 'locked_out', until: new Date(this.wall() + left).toISOString() } : null;
  }

  private startLockout() {
    const ms = Math.min((this.o.lockoutMs ?? 5 * 60_000) * 2 ** this.level, this.o.maxLockoutMs ?? 8 * 3600_000);
    this.level++;
    this.failures = 0;
    this.lockedUntil = this.clock() + ms;
    this.sessions.clear(); // a brute force in progress ends any open staff session
    this.persist(ms);
  }

  private live(token: string) {
    const s = this.sessions.get(token);
    const t = this.clock();
    if (!s || t >= s.ends || t - s.lastUsed >= this.idleMs) {
      this.sessions.delete(token);
      return null;
    }
    return s;
  }

  private expiresAt(token: string) {
    const s = this.sessions.get(token)!;
    const end = Math.min(s.lastUsed + this.idleMs, s.ends);
    return new Date(this.wall() + (end - this.clock())).toISOString();
  }

  /** `remainingMs`: the lockout just started; otherwise whatever is left of the current one. */
  private persist(remainingMs = Math.max(0, this.lockedUntil - this.clock())) {
    if (!this.o.stateFile) return;
    const state: LockoutState = {
      failures: this.failures,
      level: this.level,
      lockedUntilWall: remainingMs > 0 ? this.wall() + remainingMs : 0,
    };
    try {
      mkdirSync(path.dirname(this.o.stateFile), { recursive: true, mode: 0o700 });
      const tmp = `${this.o.stateFile}.tmp`;
      writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
      renameSync(tmp, this.o.stateFile);
    } catch {
      // A failing disk keeps the lockout in memory; it must not unlock anything or break staff mode.
    }
  }

  private restore() {
    if (!this.o.stateFile) return;
    let s: Partial<LockoutState>;
    try {
      s = JSON.parse(readFileSync(this.o.stateFile, 'utf8')) as Partial<LockoutState>;
    } catch {
      return; // absent (first start) or unreadable: nothing to restore
    }
    const int = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : 0);
    this.failures = Math.min(int(s.failures), this.max);
    this.level = Math.min(int(s.level), 32);
    // The wall clock only bounds what is left; never longer than the lockout this level could impose.
    const longest = Math.min((this.o.lockoutMs ?? 5 * 60_000) * 2 ** Math.max(0, this.level - 1), this.o.maxLockoutMs ?? 8 * 3600_000);
    const left = Math.min(int(s.lockedUntilWall) - this.wall(), longest);
    if (left > 0) this.lockedUntil = this.clock() + left;
  }
}
