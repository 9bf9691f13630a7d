import { describe, expect, it } from 'vitest';
import {
  acceptsVersion,
  decide,
  inMaintenanceWindow,
  minutesOfDay,
  type UpdateSettings,
  type UpdateState,
} from '../../../../../main/core/update/policy.js';

const CHICAGO = 'America/Chicago';
/** 2026-06-15 is CDT (UTC-5): 03:00 local is 08:00Z. */
const at = (isoUtc: string) => Date.parse(isoUtc);
const NIGHT = at('2026-06-15T08:00:00Z'); // 03:00 Chicago
const DAY = at('2026-06-15T15:00:00Z'); // 10:00 Chicago

const settings = (over: Partial<UpdateSettings> = {}): UpdateSettings => ({
  checkEveryMs: 4 * 3600_000,
  window: { start: '01:00', end: '05:00' },
  quietMs: 10 * 60_000,
  pinnedVersion: null,
  timezone: CHICAGO,
  autoInstall: true,
  ...over,
});
const state = (over: Partial<UpdateState> = {}): UpdateState => ({
  phase: 'idle',
  currentVersion: '1.0.0',
  lastCheckAt: null,
  offered: null,
  downloaded: null,
  lastInputAt: 0,
  ...over,
});
const ready = (over: Partial<UpdateState> = {}) => state({ phase: 'ready', downloaded: '1.1.0', lastCheckAt: NIGHT - 60_000, ...over });

describe('inMaintenanceWindow (clinic wall clock)', () => {
  it('reads the window in the clinic time zone, not UTC', () => {
    expect(inMaintenanceWindow(NIGHT, { start: '01:00', end: '05:00' }, CHICAGO)).toBe(true);
    expect(inMaintenanceWindow(NIGHT, { start: '01:00', end: '05:00' }, 'UTC')).toBe(false); // 08:00 UTC
    expect(inMaintenanceWindow(DAY, { start: '01:00', end: '05:00' }, CHICAGO)).toBe(false);
  });

  it('includes the start minute and excludes the end minute', () => {
    const w = { start: '01:00', end: '05:00' };
    expect(inMaintenanceWindow(at('2026-06-15T06:00:00Z'), w, CHICAGO)).toBe(true); // 01:00
    expect(inMaintenanceWindow(at('2026-06-15T05:59:00Z'), w, CHICAGO)).toBe(false); // 00:59
    expect(inMaintenanceWindow(at('2026-06-15T09:59:00Z'), w, CHICAGO)).toBe(true); // 04:59
    expect(inMaintenanceWindow(at('2026-06-15T10:00:00Z'), w, CHICAGO)).toBe(false); // 05:00
  });

  it('handles a window that wraps midnight', () => {
    const w = { start: '22:00', end: '04:00' };
    expect(inMaintenanceWindow(at('2026-06-15T04:30:00Z'), w, CHICAGO)).toBe(true); // 23:30
    expect(inMaintenanceWindow(at('2026-06-15T07:00:00Z'), w, CHICAGO)).toBe(true); // 02:00
    expect(inMaintenanceWindow(at('2026-06-15T17:00:00Z'), w, CHICAGO)).toBe(false); // 12:00
  });

  it('follows daylight saving time (the same UTC instant is 02:30 in winter, 03:30 in summer)', () => {
    const w = { start: '03:00', end: '04:00' };
    expect(inMaintenanceWindow(at('2026-01-15T08:30:00Z'), w, CHICAGO)).toBe(false); // CST: 02:30
    expect(inMaintenanceWindow(at('2026-07-15T08:30:00Z'), w, CHICAGO)).toBe(true); // CDT: 03:30
  });

  it('treats start == end as any time, and rejects a malformed time', () => {
    expect(inMaintenanceWindow(DAY, { start: '00:00', end: '00:00' }, CHICAGO)).toBe(true);
    expect(() => minutesOfDay('25:00')).toThrow(/HH:MM/);
    expect(() => minutesOfDay('3:00')).toThrow(/HH:MM/);
  });
});

describe('acceptsVersion (pinned-version switch)', () => {
  it('takes any offered version when nothing is pinned, except the one running', () => {
    expect(acceptsVersion('1.1.0', '1.0.0', null)).toBe(true);
    expect(acceptsVersion('1.0.0', '1.0.0', null)).toBe(false);
  });
  it('takes only the pinned version when pinned (also an older one: rollback)', () => {
    expect(acceptsVersion('1.2.0', '1.0.0', '1.1.0')).toBe(false);
    expect(acceptsVersion('1.1.0', '1.0.0', '1.1.0')).toBe(true);
    expect(acceptsVersion('0.9.0', '1.0.0', '0.9.0')).toBe(true);
    expect(acceptsVersion('1.0.0', '1.0.0', '1.0.0')).toBe(false);
  });
});

describe('decide', () => {
  it('checks first, then only when the interval has passed', () => {
    expect(decide(state(), DAY, settings())).toEqual({ action: 'check' });
    expect(decide(state({ lastCheckAt: DAY - 3600_000 }), DAY, settings())).toEqual({ action: 'wait', reason: 'not_due' });
    expect(decide(state({ lastCheckAt: DAY - 4 * 3600_000 }), DAY, settings())).toEqual({ action: 'check' });
  });

  it('downloads in the background at any hour, even while a patient is using the kiosk', () => {
    expect(decide(state({ offered: '1.1.0', lastCheckAt: DAY, lastInputAt: DAY }), DAY, settings())).toEqual({
      action: 'download',
      version: '1.1.0',
    });
  });

  it('does not download a version other than the pinned one', () => {
    const s = state({ offered: '1.2.0', lastCheckAt: DAY });
    expect(decide(s, DAY, settings({ pinnedVersion: '1.1.0' }))).toEqual({ action: 'wait', reason: 'not_due' });
  });

  it('installs only inside the window and after the quiet time', () => {
    const quietSince = NIGHT - 10 * 60_000;
    expect(decide(ready({ lastInputAt: quietSince }), NIGHT, settings())).toEqual({ action: 'install', version: '1.1.0' });
    expect(decide(ready({ lastInputAt: NIGHT - 60_000 }), NIGHT, settings())).toEqual({ action: 'wait', reason: 'kiosk_in_use' });
    expect(decide(ready({ lastInputAt: DAY - 3600_000 }), DAY, settings())).toEqual({ action: 'wait', reason: 'outside_window' });
  });

  it('never installs on a notify-only platform (Linux .deb), however quiet', () => {
    expect(decide(ready(), NIGHT, settings({ autoInstall: false }))).toEqual({ action: 'wait', reason: 'notify_only' });
  });

  it('does nothing while a check, download or install is under way', () => {
    for (const phase of ['checking', 'downloading', 'installing'] as const) {
      expect(decide(state({ phase, offered: '1.1.0' }), NIGHT, settings())).toEqual({ action: 'wait', reason: 'busy' });
    }
  });
});
