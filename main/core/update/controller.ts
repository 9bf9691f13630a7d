/**
 * Runs the update policy: one tick at a time, each step audited. The updater itself (feed, download,
 * signature check, restart) is behind UpdaterPort, so this is plain Node and tested with the real
 * electron-updater against a loopback feed.
 */
import type { SoftwareStatus } from '../../../preload/contract.js';
import type { AuditLog } from '../audit.js';
import type { Logger } from '../log.js';
import { acceptsVersion, decide, type Decision, type UpdateSettings, type UpdateState } from './policy.js';

export interface UpdaterPort {
  readonly currentVersion: string;
  /** The newer version the feed offers this kiosk (staged rollout applied), or null. */
  check(): Promise<string | null>;
  /** Downloads and verifies (checksum; code signature on Windows and macOS). Rejects on any mismatch. */
  download(): Promise<void>;
  /** Quits and installs; the app relaunches on the new version. */
  install(): void;
}

export interface UpdateControllerDeps {
  updater: UpdaterPort;
  settings: UpdateSettings;
  audit: AuditLog;
  log: Logger;
  now?: () => number;
  lastInputAt: () => number;
  /** Tries to deliver queued check-ins before the restart; resolves to how many are still queued (kept on disk). */
  flushOutbox: () => Promise<number>;
}

export class UpdateController {
  private state: UpdateState;
  private failed = false;
  private ticking: Promise<Decision> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;

  constructor(private readonly d: UpdateControllerDeps) {
    this.now = d.now ?? Date.now;
    this.state = {
      phase: 'idle',
      currentVersion: d.updater.currentVersion,
      lastCheckAt: null,
      offered: null,
      downloaded: null,
      lastInputAt: d.lastInputAt(),
    };
  }

  start(intervalMs = 60_000): void {
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
    void this.tick();
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** What staff mode shows. */
  status(): SoftwareStatus {
    const s = this.state;
    return {
      version: s.currentVersion,
      update: this.failed && s.phase === 'idle' ? 'error' : s.phase === 'idle' ? 'up_to_date' : s.phase,
      pendingVersion: s.downloaded ?? (s.phase === 'downloading' ? s.offered : null),
      pinnedVersion: this.d.settings.pinnedVersion,
    };
  }

  /** One decision and its step; a tick while another runs shares it (no double download or install). */
  tick(): Promise<Decision> {
    this.ticking ??= this.step().finally(() => (this.ticking = null));
    return this.ticking;
  }

  private async step(): Promise<Decision> {
    this.state.lastInputAt = this.d.lastInputAt();
    const decision = decide(this.state, this.now(), this.d.settings);
    switch (decision.action) {
      case 'check':
        await this.check();
        break;
      case 'download':
        await this.download(decision.version);
        break;
      case 'install':
        await this.install(decision.version);
        break;
      case 'wait':
        break;
    }
    return decision;
  }

  private record(event: 'update.check' | 'update.download' | 'update.install' | 'update.outbox_flush', outcome: string) {
    try {
      this.d.audit.record({ event, outcome, by: 'system' });
    } catch {
      // The audit log never stops an update (nor a patient flow).
    }
  }

  private fail(event: 'update.check' | 'update.download' | 'update.install', err: unknown) {
    this.failed = true;
    const code = (err as { code?: unknown }).code;
    this.record(event, `failed:${typeof code === 'string' ? code.slice(0, 60) : 'error'}`);
    this.d.log.warn(`${event}_failed`, { reason: (err as Error).message?.slice(0, 300) });
  }

  private async check() {
    this.state.phase = 'checking';
    this.state.lastCheckAt = this.now();
    try {
      const offered = await this.d.updater.check();
      this.failed = false;
      const pin = this.d.settings.pinnedVersion;
      if (offered && !acceptsVersion(offered, this.state.currentVersion, pin)) {
        this.record('update.check', `skipped:${offered}:pinned:${pin}`);
        this.state.offered = null;
      } else {
        this.record('update.check', offered ? `available:${offered}` : 'none');
        this.state.offered = offered;
      }
    } catch (err) {
      this.fail('update.check', err);
    } finally {
      this.state.phase = 'idle';
    }
  }

  private async download(version: string) {
    this.state.phase = 'downloading';
    this.record('update.download', `started:${version}`);
    try {
      await this.d.updater.download();
      this.state.downloaded = version;
      this.state.phase = 'ready';
      this.failed = false;
      this.record('update.download', `verified:${version}`);
    } catch (err) {
      // A bad checksum or signature lands here: nothing is installed; the next check starts over.
      this.state.phase = 'idle';
      this.state.offered = null;
      this.fail('update.download', err);
    }
  }

  private async install(version: string) {
    this.state.phase = 'installing';
    let remaining: number;
    try {
      remaining = await this.d.flushOutbox();
    } catch {
      remaining = -1;
    }
    // The outbox is a durable directory: what was not delivered is sent after the restart.
    this.record('update.outbox_flush', remaining < 0 ? 'flush_failed:kept_on_disk' : `remaining:${remaining}`);
    // A patient may have walked up during the flush: re-check before restarting.
    this.state.lastInputAt = this.d.lastInputAt();
    this.state.phase = 'ready';
    const again = decide(this.state, this.now(), this.d.settings);
    if (again.action !== 'install') {
      this.record('update.install', `deferred:${again.action === 'wait' ? again.reason : again.action}`);
      return;
    }
    this.state.phase = 'installing';
    this.record('update.install', `restarting:${version}`);
    try {
      this.d.updater.install();
    } catch (err) {
      this.state.phase = 'ready';
      this.fail('update.install', err);
    }
  }
}
