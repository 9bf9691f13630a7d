/** A busy clinic day on a demo server, shaped for each profile, and the TodaySchedule wired to it. */
import type { Appointment } from '@medplum/fhirtypes';
import { seedBusyDay, type DemoServer } from '../../dev/demo-server/index.js';
import { TodaySchedule, type TodayScheduleOptions } from '../../main/core/schedule/today-schedule.js';
import { clientFor, capturingLog, tenAm, ZONE } from './fixtures.js';

export async function seedBusy(server: DemoServer, count: number) {
  const seeded = await seedBusyDay(server.repo, { count, timezone: ZONE, now: tenAm(), locationId: server.locationId });
  if (server.profile === 'r4') {
    // Generic R4 servers list the Location as a participant, which is where R4's `location` search looks.
    for (const id of seeded.appointmentIds) {
      const a = await server.repo.readResource<Appointment>('Appointment', id);
      await server.repo.updateResource({
        ...a,
        participant: [...a.participant, { actor: { reference: `Location/${server.locationId}` }, status: 'accepted' }],
      });
    }
  }
  return seeded;
}

export async function scheduleFor(server: DemoServer, o: Partial<TodayScheduleOptions> & { maxRetries?: number } = {}) {
  const { log, lines } = capturingLog();
  const { fhir, tokens } = await clientFor(server, { log, ...(o.maxRetries !== undefined ? { maxRetries: o.maxRetries } : {}) });
  await tokens.getToken();
  const schedule = new TodaySchedule({
    fhir,
    log,
    profile: server.profile,
    timezone: ZONE,
    locationIds: [server.locationId],
    now: tenAm,
    ...o,
  });
  return { schedule, fhir, tokens, logLines: lines };
}

/** Most requests the server had in flight at the same moment (from arrival and answer times). */
export function maxConcurrency(records: Array<{ at: number; doneAt: number }>): number {
  const events = records.flatMap((r) => [
    [r.at, 1],
    [r.doneAt || Number.MAX_SAFE_INTEGER, -1],
  ]);
  events.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  let now = 0;
  let max = 0;
  for (const [, d] of events) max = Math.max(max, (now += d!));
  return max;
}
