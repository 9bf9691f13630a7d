/**
 * Staff mode authentication: a PIN checked here against the scrypt hash in the keychain, a lockout
 * after repeated failures, and short sliding staff sessions that relock by themselves when idle.
 */
import type { StaffUnlockResponse } from '../../preload/contract.js';
import type { AuditLog } from './audit.js';
import { AttemptLimiter, SessionStore } from './checkin/sessions.js';
import { KioskError } from './errors.js';
import type { SecretStore } from './secrets.js';
import { verifyPin } from './staff-pin.js';

export interface StaffAuthOptions {
  secrets: SecretStore;
  audit: AuditLog;
  now?: () => number;
  /** Relock after this long without a staff action. */
  idleMs?: number;
  maxFailures?: number;
  lockoutMs?: number;
}

export class StaffAuth {
  private readonly sessions: SessionStore<true>;
  private readonly limiter: AttemptLimiter;
  private readonly now: () => number;

  constructor(private readonly o: StaffAuthOptions) {
    this.now = o.now ?? Date.now;
    this.sessions = new SessionStore(o.idleMs ?? 2 * 60_000, this.now);
    this.limiter = new AttemptLimiter(o.maxFailures ?? 5, o.lockoutMs ?? 5 * 60_000, this.now);
  }

  async unlock(pin: string): Promise<StaffUnlockResponse> {
    const locked = this.limiter.cooldownUntil();
    if (locked) return { outcome: 'locked_out', until: new Date(locked).toISOString() };
    const hash = await this.o.secrets.get('staff-pin-hash');
    if (!hash) {
      this.o.audit.record({ event: 'staff.unlock', outcome: 'not_provisioned', by: 'staff' });
      return { outcome: 'not_provisioned' };
    }
    if (!(await verifyPin(pin, hash))) {
      const { attemptsLeft, cooldownUntil } = this.limiter.fail();
      this.o.audit.record({ event: 'staff.unlock', outcome: cooldownUntil ? 'locked_out' : 'wrong_pin', by: 'staff' });
      return cooldownUntil
        ? { outcome: 'locked_out', until: new Date(cooldownUntil).toISOString() }
        : { outcome: 'wrong_pin', attemptsLeft };
    }
    this.limiter.succeed();
    this.o.audit.record({ event: 'staff.unlock', outcome: 'unlocked', by: 'staff' });
    const staffSession = this.sessions.create(true);
    return { outcome: 'unlocked', staffSession, expiresAt: this.expiresAt() };
  }

  /** Checks a staff session and extends it (sliding idle timeout); throws staff_locked otherwise. */
  require(token: string): { expiresAt: string } {
    if (!this.sessions.touch(token)) throw new KioskError('staff_locked', 'Staff mode is locked.');
    return { expiresAt: this.expiresAt() };
  }

  lock(token: string): void {
    if (this.sessions.get(token)) this.o.audit.record({ event: 'staff.lock', outcome: 'locked', by: 'staff' });
    this.sessions.end(token);
  }

  private expiresAt() {
    return new Date(this.now() + (this.o.idleMs ?? 2 * 60_000)).toISOString();
  }
}
