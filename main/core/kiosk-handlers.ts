/** The IPC handler table: each channel of preload/contract.ts mapped to the core part that answers it. */
import type { KioskInfo, SoftwareStatus } from '../../preload/contract.js';
import type { AuditLog } from './audit.js';
import type { CheckInService } from './checkin/service.js';
import { KioskError } from './errors.js';
import type { HealthMonitor } from './health.js';
import type { Handlers } from './ipc-router.js';
import type { StaffScheduleChannels } from './schedule/staff-handlers.js';
import type { Outbox } from './outbox.js';
import type { OutboxSender } from './outbox-sender.js';
import type { StaffAuth } from './staff.js';
import { staffOverview, type StaffAlert, type StaffOverviewInput } from './staff-overview.js';

/** Staff mode needs the keychain (the PIN hash lives there): without one, every staff action is refused. */
export function configuredStaff(staff: StaffAuth | null): StaffAuth {
  if (!staff) throw new KioskError('not_configured', 'Staff mode needs the OS keychain.');
  return staff;
}

export interface HandlerDeps {
  kioskId: string;
  info: () => KioskInfo;
  health: HealthMonitor;
  audit: AuditLog;
  /** Null on a kiosk that is not set up. */
  parts: { checkIn: CheckInService; outbox: Outbox; sender: OutboxSender } | null;
  /** Null without a keychain. */
  staff: StaffAuth | null;
  alerts: () => readonly StaffAlert[];
  pausedUntil?: () => number | null;
  /** Whose check-in an outbox entry is, from today's schedule (staff only). */
  outboxNames?: StaffOverviewInput['names'];
  shell?: { requestExit(reason: string): void } | undefined;
  software?: () => SoftwareStatus | null;
  /** What the log and the audit trail could not write. */
  records?: () => StaffOverviewInput['records'];
}

/** Every channel but the day view, walk-in and activity ones (main/core/schedule/staff-handlers.ts). */
export function createHandlers(d: HandlerDeps): Omit<Handlers, StaffScheduleChannels | 'audio:speak' | 'audio:stop'> {
  const requireParts = () => {
    if (!d.parts) throw new KioskError('not_configured', 'This kiosk is not set up yet.');
    return d.parts;
  };
  const staffAuth = () => configuredStaff(d.staff);
  const requireStaff = (token: string) => staffAuth().require(token);
  const overview = (token: string) =>
    staffOverview({
      kioskId: d.kioskId,
      health: d.health.current,
      expiresAt: requireStaff(token).expiresAt,
      outbox: d.parts?.outbox.list() ?? [],
      alerts: d.alerts(),
      pausedUntil: d.pausedUntil?.() ?? null,
      ...(d.outboxNames ? { names: d.outboxNames } : {}),
      software: d.software?.() ?? null,
      records: d.records?.() ?? [],
    });

  return {
    'kiosk:info': async () => d.info(),
    'kiosk:health': async () => d.health.current,
    'patient:identify': (req) => requireParts().checkIn.identify(req),
    'patient:checkIn': (req) => requireParts().checkIn.checkIn(req.session, req.keys),
    'patient:endSession': async (req) => {
      requireParts().checkIn.endSession(req.session);
      return {};
    },
    'staff:unlock': async (req) => {
      if (!d.staff) return { outcome: 'not_provisioned' };
      return d.staff.unlock(req.pin);
    },
    'staff:lock': async (req) => {
      d.staff?.lock(req.staffSession);
      return {};
    },
    'staff:overview': async (req) => overview(req.staffSession),
    'staff:retryOutbox': async (req) => {
      requireStaff(req.staffSession);
      d.audit.record({ event: 'staff.outbox_retry', outcome: `entries:${d.parts?.outbox.size ?? 0}`, by: 'staff' });
      if (d.parts) {
        d.parts.outbox.expedite();
        await d.parts.sender.flush();
        await d.health.check();
      }
      return overview(req.staffSession);
    },
    'staff:identify': async ({ staffSession, ...req }) => {
      requireStaff(staffSession);
      return requireParts().checkIn.identify(req, 'staff');
    },
    'staff:checkIn': async (req) => {
      requireStaff(req.staffSession);
      return requireParts().checkIn.checkIn(req.session, req.keys, 'staff');
    },
    'staff:undo': async (req) => {
      await staffAuth().requireFresh(req.staffSession, req.pin);
      return { outcome: await requireParts().checkIn.undo(req.session, req.key) };
    },
    'staff:exit': async (req) => {
      await staffAuth().requireFresh(req.staffSession, req.pin);
      d.audit.record({ event: 'staff.exit', outcome: d.shell ? 'exiting' : 'no_shell', by: 'staff' });
      d.staff?.lock(req.staffSession);
      d.shell?.requestExit('staff');
      return {};
    },
  };
}
