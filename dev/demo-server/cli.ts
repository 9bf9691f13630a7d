/**
 * Runs the demo FHIR server until Ctrl-C:
 *   npx tsx dev/demo-server/cli.ts [--port 8090] [--profile canvas|r4] [--timezone America/Chicago] [--latency-ms 50]
 */
import { parseArgs } from 'node:util';
import type { Appointment } from '@medplum/fhirtypes';
import { DateTime } from 'luxon';
import { DEMO_TIMEZONE, startDemoServer, type DemoScenarios, type DemoServer, type ScenarioPatient } from './index.js';

const DESCRIPTIONS: Record<Exclude<keyof DemoScenarios, 'sharedBirthDate'>, string> = {
  openNow: 'booked, check-in window open now',
  tooEarly: 'booked ~3 h from now: too early',
  tooLate: 'booked ~2 h ago: too late',
  twoToday: 'two booked visits today, both open',
  accented: 'accents, hyphen, two-word first name',
  apostrophe: 'apostrophe in family name',
  twoWord: 'family name with spaces',
  hyphenSpace: 'hyphenated family name (try a space)',
  alreadyCheckedIn: 'already arrived today',
  cancelled: 'only a cancelled visit today',
  noAppointment: 'nothing today, booked tomorrow',
  telehealth: 'video visit (meeting link): the card says how to join, no Check in',
  videoAndInPerson: 'two clinic visits and a video visit between them',
  inactive: 'inactive patient with a visit today',
  compoundSurname: 'two surnames (either one is enough)',
};

function parseOptions() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8090' },
      profile: { type: 'string', default: 'canvas' },
      timezone: { type: 'string', default: DEMO_TIMEZONE },
      'latency-ms': { type: 'string', default: '0' },
    },
  });
  const profile = values.profile;
  if (profile !== 'canvas' && profile !== 'r4') throw new Error(`--profile must be canvas or r4, not ${profile}`);
  return { port: Number(values.port), profile, timezone: values.timezone, latencyMs: Number(values['latency-ms']) } as const;
}

async function describe(server: DemoServer, timezone: string): Promise<string> {
  const scenarios = server.scenarios;
  if (!scenarios) return '';
  const times = async (patient: ScenarioPatient): Promise<string> => {
    const starts = await Promise.all(
      patient.appointmentIds.map(async (id) => {
        const appointment = await server.repo.readResource<Appointment>('Appointment', id);
        const start = DateTime.fromISO(appointment.start ?? '', { zone: timezone });
        const day = start.hasSame(DateTime.now().setZone(timezone), 'day') ? '' : ` ${start.toFormat('LLL d')}`;
        return `${start.toFormat('HH:mm')}${day} ${appointment.status}`;
      }),
    );
    return starts.join(', ');
  };
  const row = async (p: ScenarioPatient, what: string) =>
    `  ${p.family.padEnd(14)} ${p.given.padEnd(12)} ${p.birthDate}  ${what.padEnd(42)} ${await times(p)}`;

  const rows = await Promise.all([
    ...Object.entries(DESCRIPTIONS).map(([key, what]) => row(scenarios[key as keyof typeof DESCRIPTIONS], what)),
    ...scenarios.sharedBirthDate.sameFamily.map((p) => row(p, 'same family + birth date: needs first name')),
    row(scenarios.sharedBirthDate.otherFamily, 'same birth date, other family'),
  ]);
  return [
    `  ${'Family'.padEnd(14)} ${'First'.padEnd(12)} ${'Born'.padEnd(10)}  ${'Scenario'.padEnd(42)} Visits (clinic time)`,
    ...rows,
  ].join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions();
  const server = await startDemoServer(options);
  console.log(`Demo FHIR server, ${server.profile} profile. All data is synthetic.

  FHIR base URL   ${server.baseUrl}
  Token URL       ${server.tokenUrl}
  Client id       ${server.clientId}
  Client secret   ${server.clientSecret}
  Clinic zone     ${options.timezone} (today ${DateTime.now().setZone(options.timezone).toISODate()})
  Location id     ${server.locationId}

Patients to try (family name, first name, date of birth):
${await describe(server, options.timezone)}

Press Ctrl-C to stop.`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
