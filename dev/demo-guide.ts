/** Start-up output of the demo: which synthetic patients to try, and what each one shows. */
import { DEMO_STAFF_PIN, type DemoKiosk } from './demo-kiosk.js';

const TRY: Array<
  [
    key: 'openNow' | 'twoToday' | 'videoAndInPerson' | 'accented' | 'tooEarly' | 'tooLate' | 'alreadyCheckedIn' | 'noAppointment',
    what: string,
  ]
> = [
  ['openNow', 'checks in now'],
  ['twoToday', 'two appointments today'],
  ['videoAndInPerson', 'a video visit between two at the clinic'],
  ['accented', 'type it without accents or hyphen'],
  ['tooEarly', 'too early: shows when check-in opens'],
  ['tooLate', 'too late: please see the front desk'],
  ['alreadyCheckedIn', 'already checked in'],
  ['noAppointment', 'no appointment today'],
];

export function printDemoGuide(demo: DemoKiosk): void {
  const s = demo.server.scenarios;
  console.log(`Demo FHIR server (synthetic data, ${demo.server.profile} profile): ${demo.server.baseUrl}`);
  console.log(`Clinic time zone: ${demo.config.clinic.timezone}. Try these demo patients (last name, date of birth):`);
  if (!s) return;
  for (const [key, what] of TRY) {
    const p = s[key];
    console.log(`  ${`${p.given} ${p.family}`.padEnd(26)} born ${p.birthDate}   ${what}`);
  }
  const shared = s.sharedBirthDate.sameFamily;
  console.log(
    `  ${`${shared[0].given} / ${shared[1].given} ${shared[0].family}`.padEnd(26)} born ${s.sharedBirthDate.birthDate}   same name and birth date: asks for the first name`,
  );
  console.log(`Staff mode: tap the top-left corner 5 times within 3 seconds, then PIN ${DEMO_STAFF_PIN} (demo only).`);
}
