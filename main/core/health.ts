/**
 * Connection health as staff and the welcome screen see it: one cheap probe (reloading the location
 * names proves token and connectivity) now and then, and the last answer in between.
 */
import type { Health } from '../../preload/contract.js';
import { errorCodeOf, healthStateOf } from './fhir/errors.js';
import type { Logger } from './log.js';

export interface HealthMonitorOptions {
  /** The probe; null on a kiosk that is not set up (its health stays `not_configured`). */
  probe: (() => Promise<unknown>) | null;
  log: Logger;
  now: () => Date;
  intervalMs?: number | undefined;
}

export class HealthMonitor {
  private health: Health;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly o: HealthMonitorOptions) {
    this.health = { state: o.probe ? 'ok' : 'not_configured', checkedAt: null, lastError: null };
  }

  get current(): Health {
    return this.health;
  }

  async check(): Promise<Health> {
    if (!this.o.probe) return this.health;
    try {
      await this.o.probe();
      this.health = { ...this.health, state: 'ok', checkedAt: this.o.now().toISOString() };
    } catch (err) {
      const at = this.o.now().toISOString();
      this.health = { state: healthStateOf(err), checkedAt: at, lastError: { at, code: errorCodeOf(err) } };
      this.o.log.warn('health.degraded', { state: this.health.state, reason: (err as Error).message });
    }
    return this.health;
  }

  start(): void {
    if (!this.o.probe) return;
    void this.check();
    this.timer = setInterval(() => void this.check(), this.o.intervalMs ?? 60_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
