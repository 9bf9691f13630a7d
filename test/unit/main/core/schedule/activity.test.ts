import { describe, expect, it } from 'vitest';
import { KioskActivity, observedAudit } from '../../../../../main/core/schedule/activity.js';

const ZONE = 'America/New_York';

describe('KioskActivity', () => {
  it('counts check-ins, failures by reason and pauses; per appointment, what this kiosk did last', () => {
    const a = new KioskActivity(ZONE, () => new Date('2026-06-15T15:00:00Z'));
    a.note({ event: 'checkin', outcome: 'checked_in', appointmentId: 'a1' });
    a.note({ event: 'checkin.queued', outcome: 'recorded_offline', appointmentId: 'a2' });
    a.note({ event: 'checkin', outcome: 'too_early', appointmentId: 'a3' });
    a.note({ event: 'checkin', outcome: 'failed', appointmentId: 'a4' });
    a.note({ event: 'identify', outcome: 'not_found' });
    a.note({ event: 'identify.paused', outcome: 'kiosk_paused' }); // as CheckInService records a pause
    a.note({ event: 'identify', outcome: 'cooldown' }); // an attempt during it: a failure, not another pause
    a.note({ event: 'outbox.delivered', outcome: 'checked_in', appointmentId: 'a2', by: 'outbox' });
    const s = a.summary();
    expect(s).toMatchObject({ checkIns: 1, recordedOffline: 1, delivered: 1, pauses: 1 });
    expect(s.failures).toEqual(
      expect.arrayContaining([
        { reason: 'checkin:too_early', count: 1 },
        { reason: 'checkin:failed', count: 1 },
        { reason: 'identify:not_found', count: 1 },
        { reason: 'identify:cooldown', count: 1 },
      ]),
    );
    expect([a.resultOf('a1'), a.resultOf('a2'), a.resultOf('a3'), a.resultOf('a4')]).toEqual([
      'checked_in_here',
      'checked_in_here',
      null,
      'failed',
    ]);
    a.note({ event: 'staff.undo', outcome: 'undone', appointmentId: 'a1', by: 'staff' });
    expect(a.resultOf('a1')).toBeNull();
  });

  it('starts over when the clinic day changes', () => {
    let now = new Date('2026-06-15T15:00:00Z');
    const a = new KioskActivity(ZONE, () => now);
    a.note({ event: 'checkin', outcome: 'checked_in', appointmentId: 'a1' });
    now = new Date('2026-06-16T05:00:00Z'); // 01:00 the next day in New York
    expect(a.summary().checkIns).toBe(0);
    expect(a.resultOf('a1')).toBeNull();
  });

  it('observedAudit records first, and a listener that throws never breaks the caller', () => {
    const recorded: string[] = [];
    const audit = observedAudit({ record: (e) => void recorded.push(e.outcome) }, [
      () => {
        throw new Error('listener bug');
      },
    ]);
    expect(() => audit.record({ event: 'checkin', outcome: 'checked_in' })).not.toThrow();
    expect(recorded).toEqual(['checked_in']);
  });
});
