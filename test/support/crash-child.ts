/**
 * A kiosk core in its own process for the crash test. `checkin` mode identifies and checks in each
 * patient given on stdin (JSON lines), printing `ACCEPTED <appointmentId> <outcome>` once the patient
 * would have been told; `flush` mode delivers the outbox and prints `REMAINING <n>`.
 */
import { createInterface } from 'node:readline';
import { DEMO_TIMEZONE } from '../../dev/demo-server/clinic-clock.js';
import { parseConfig } from '../../main/core/config.js';
import { createKiosk } from '../../main/core/kiosk.js';
import { silentLogger } from '../../main/core/log.js';
import { memorySecretStore } from '../../main/core/secrets.js';

const [mode, baseUrl, tokenUrl, clientId, secret, dataDir, now] = process.argv.slice(2) as string[];
const config = parseConfig({
  fhir: { baseUrl, tokenUrl, clientId, timeoutMs: 1000 },
  clinic: { timezone: DEMO_TIMEZONE },
  kiosk: { id: 'crash-kiosk', maxIdentifyAttempts: 10 },
});
const kiosk = createKiosk({
  config,
  secrets: memorySecretStore({ 'fhir-client-secret': secret! }),
  dataDir: dataDir!,
  log: silentLogger,
  mode: 'live',
  now: () => new Date(Number(now)),
});
const parts = kiosk.parts!;
// The test's kill clock starts here: process start-up time (tsx, a loaded CI machine) is not part of the race.
console.log('READY');

if (mode === 'flush') {
  parts.outbox.expedite();
  await parts.sender.flush();
  console.log(`REMAINING ${parts.outbox.size}`);
} else {
  for await (const line of createInterface({ input: process.stdin })) {
    const { family, birthDate } = JSON.parse(line) as { family: string; birthDate: string };
    const found = await parts.checkIn.identify({ familyName: family, birthDate });
    if (found.outcome !== 'found') continue;
    const res = await parts.checkIn.checkIn(found.session, [found.appointments[0]!.key]);
    const appointmentId = (
      parts.checkIn as unknown as { sessions: { get(t: string): { appointments: Map<string, { resource: { id: string } }> } } }
    ).sessions
      .get(found.session)!
      .appointments.get(found.appointments[0]!.key)!.resource.id;
    console.log(`ACCEPTED ${appointmentId} ${res.results[0]!.outcome}`);
  }
}
