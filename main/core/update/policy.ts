/**
 * When the kiosk may check, download and install an update: pure functions of state + clock +
 * settings, so every lobby rule is unit-tested without Electron. Downloading is always allowed (it
 * runs in the background); installing restarts the app, so it waits for a quiet kiosk inside the
 * clinic's maintenance window.
 */
import { DateTime } from 'luxon';

export interface MaintenanceWindow {
  /** Local clinic time, "HH:MM". A window may wrap midnight (22:00–04:00). start == end: any time. */
  start: string;
  end: string;
}

export interface UpdateSettings {
  checkEveryMs: number;
  window: MaintenanceWindow;
  /** No touch or key for this long: the renderer has long since returned to the welcome screen. */
  quietMs: number;
  /** IT's switch: accept only this exact version from the feed (also a rollback target). */
  pinnedVersion: string | null;
  timezone: string;
  /** false where the platform's installer cannot be trusted to run unattended (Linux .deb). */
  autoInstall: boolean;
}

export type UpdatePhase = 'idle' | 'checking' | 'downloading' | 'ready' | 'installing';

export interface UpdateState {
  phase: UpdatePhase;
  currentVersion: string;
  lastCheckAt: number | null;
  /** The newer version the feed offers this kiosk (after the feed's staged rollout), if any. */
  offered: string | null;
  /** The version downloaded and verified, waiting to be installed. */
  downloaded: string | null;
  /** Last touch or key press anywhere in the kiosk window. */
  lastInputAt: number;
}

export type WaitReason = 'busy' | 'not_due' | 'notify_only' | 'outside_window' | 'kiosk_in_use';
export type Decision =
  | { action: 'check' }
  | { action: 'download'; version: string }
  | { action: 'install'; version: string }
  | { action: 'wait'; reason: WaitReason };

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function minutesOfDay(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m) throw new Error(`expected HH:MM, got "${hhmm}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Whether `nowMs` falls inside the window, read on the clinic's wall clock (DST-safe through luxon). */
export function inMaintenanceWindow(nowMs: number, window: MaintenanceWindow, timezone: string): boolean {
  const local = DateTime.fromMillis(nowMs, { zone: timezone });
  const m = local.hour * 60 + local.minute;
  const start = minutesOfDay(window.start);
  const end = minutesOfDay(window.end);
  if (start === end) return true;
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** Whether an offered version may be taken: with a pin, only the pinned one (and not the running one). */
export function acceptsVersion(offered: string, currentVersion: string, pinnedVersion: string | null): boolean {
  if (offered === currentVersion) return false;
  return pinnedVersion === null || offered === pinnedVersion;
}

export function decide(state: UpdateState, nowMs: number, s: UpdateSettings): Decision {
  if (state.phase === 'checking' || state.phase === 'downloading' || state.phase === 'installing') {
    return { action: 'wait', reason: 'busy' };
  }
  if (state.phase === 'ready' && state.downloaded) {
    if (!s.autoInstall) return { action: 'wait', reason: 'notify_only' };
    if (!inMaintenanceWindow(nowMs, s.window, s.timezone)) return { action: 'wait', reason: 'outside_window' };
    if (nowMs - state.lastInputAt < s.quietMs) return { action: 'wait', reason: 'kiosk_in_use' };
    return { action: 'install', version: state.downloaded };
  }
  if (state.offered && acceptsVersion(state.offered, state.currentVersion, s.pinnedVersion)) {
    return { action: 'download', version: state.offered };
  }
  if (state.lastCheckAt === null || nowMs - state.lastCheckAt >= s.checkEveryMs) return { action: 'check' };
  return { action: 'wait', reason: 'not_due' };
}
