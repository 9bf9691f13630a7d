/**
 * English, the reference dictionary: its shape is the `Messages` type every other language must
 * satisfy. Parameterised text is a function so each language can order words its own way.
 */
import type { CheckInOutcome, CheckInState, ErrorCode, HealthState, StaffUndoResponse } from '../../preload/contract.js';
import type { DobField } from '../dob.js';
import { sentence } from './sentence.js';

const seeDesk = 'Please see the front desk.';

export const en = {
  docTitle: 'Clinic check-in',
  largerText: 'Larger text',
  textSizeStep: (n: number, of: number) => (n === 0 ? 'normal size' : `step ${n} of ${of}`),
  highContrast: 'High contrast',
  startOver: 'Start over',
  back: 'Back',
  continue: 'Continue',
  done: 'Done',
  tryAgain: 'Try again',
  loading: 'Getting ready…',
  seeDesk,

  welcomeTo: 'Welcome to',
  welcomeLead: 'Check in for your appointment today.',
  language: 'Language',
  checkInStart: 'Check in',
  connection: 'Connection',
  health: {
    ok: 'Connected to the clinic',
    auth_failed: 'Clinic system unavailable',
    forbidden: 'Clinic system unavailable',
    unreachable: 'Clinic system unavailable',
    not_configured: 'Not set up',
  } satisfies Record<HealthState, string>,
  healthUnknown: 'Checking connection…',

  unconfiguredTitle: 'This kiosk is not set up yet',
  unconfiguredBody: 'Please ask the front desk for help.',
  staffDetail: 'For staff:',

  step: (n: number, total: number) => `Step ${n} of ${total}`,

  lastNameTitle: 'What is your last name?',
  lastNameHint: 'Your family name. If you have two, one of them is enough.',
  firstNameTitle: 'What is your first name?',
  firstNameHint: 'We need one more detail to find your appointment.',
  typedEmpty: 'Tap the letters below',
  typedFull: 'That is the longest name we can take.',
  keySpace: 'space',
  keyHyphen: 'hyphen',
  keyApostrophe: 'apostrophe',
  keyDelete: 'delete last letter',
  keyAccents: 'accents',
  keyLetters: 'letters',
  keyboard: 'Keyboard',

  dobTitle: 'What is your date of birth?',
  dobHint: 'Month, day, then the year with 4 digits.',
  /** `date` in words, then as it is typed here. */
  dobExample: (date: string, typed: string) => `For example, ${date} is ${typed}.`,
  dobLabel: 'Date of birth',
  dobFields: { month: 'Month', day: 'Day', year: 'Year' } satisfies Record<DobField, string>,
  dobMasks: { month: 'MM', day: 'DD', year: 'YYYY' } satisfies Record<DobField, string>,
  dobEmpty: 'empty',
  dobNotADate: 'That date does not exist. Please check it.',
  dobFuture: 'That date is after today. Please check it.',
  dobTooOld: 'Please check the year.',
  /** Not a date as typed, but one with day and month the other way round: `date` is that one, in this order. */
  dobSwapped: (date: string) => `Month first, then the day. Did you mean ${date}?`,
  keypad: 'Number pad',
  keyDeleteDigit: 'delete last digit',
  keyClear: 'Clear',

  findingYou: 'Finding your appointment…',
  checkingIn: 'Checking you in…',
  stillWorking: 'Still working — thanks for your patience',

  greeting: (name: string) => (name ? `Hi, ${name}` : 'Hi'),
  apptLeadOne: 'Here is your appointment today.',
  apptLeadMany: 'Here are your appointments today.',
  clinician: 'With',
  location: 'Where',
  checkIn: 'Check in',
  checkInAll: 'Check in for all',
  opensAt: (time: string) => `Check-in opens at ${time}`,
  tooLate: "It's past the check-in time for this appointment. Please see the front desk.",
  alreadyIn: "You're already checked in",
  notEligible: 'Please see the front desk about this appointment',
  /** A video visit's card: its label, and what to do instead of checking in (config clinic.videoVisitText replaces the latter). */
  videoVisit: 'Video visit',
  videoVisitText:
    'Please join from your phone or computer at your appointment time, with the link the clinic sent you. You do not need to check in here.',
  videoLead: 'Your visit today is by video.',
  noAppointments: "We don't see an appointment for you today. Please see the front desk.",

  doneTitle: (firstName: string) => (firstName ? `You're checked in, ${firstName}.` : "You're checked in."),
  doneBody: 'Please have a seat.',
  doneReturning: 'This screen will go back to the start in a few seconds.',

  /** Headline + next step when every checked appointment had the same outcome. */
  outcomeTitle: {
    recorded_offline: "We've recorded your arrival, but couldn't confirm it with the clinic system.",
    too_early: "It's too early to check in",
    too_late: "It's past the check-in time for this appointment.",
    not_eligible: 'Please see the front desk about this appointment',
    failed: 'Something went wrong on our side.',
  } satisfies Record<Exclude<CheckInOutcome, 'checked_in' | 'already_checked_in'>, string>,
  offlineBody: "Please let the front desk know you're here.",
  tooEarlyBody: (time: string) => `${sentence(`Check-in opens at ${time}`)} ${seeDesk}`,
  resultsTitle: 'Your check-in needs the front desk',
  /** One line per appointment when outcomes differ. */
  outcomeLine: {
    checked_in: "You're checked in",
    already_checked_in: "You're already checked in",
    recorded_offline: "Arrival recorded but not confirmed. Please let the front desk know you're here.",
    too_early: 'Too early to check in',
    too_late: "It's past the check-in time for this appointment.",
    not_eligible: 'Please see the front desk about this appointment',
    failed: 'Something went wrong on our side.',
  } satisfies Record<CheckInOutcome, string>,

  notFoundTitle: "We couldn't find your appointment",
  notFoundBody: 'Please check the spelling and the date, then try again. If it still does not work, please see the front desk.',
  /** Some appointments checked in, another still open: the result screen offers it. */
  checkedInSoFar: "You're checked in for this appointment",
  anotherToday: 'You have another appointment today. You can check in for it here.',
  /** Nothing left to check in: say what to do instead. */
  tooEarlyLead: 'Please take a seat and come back to check in at the time shown, or see the front desk.',
  allCheckedInLead: "You're already checked in. Please have a seat.",
  /** Screens that send the patient to the desk clear themselves. */
  deskReturn: (n: number) => `This screen will clear in ${n} ${n === 1 ? 'second' : 'seconds'}.`,
  stay: 'Stay on this screen',
  cooldownTitle: 'Please see the front desk',
  cooldownBody: (time: string) => sentence(`For your security, check-in on this kiosk is paused until ${time}`),

  /** Error code → what happened, in words for the patient (the closed table is errors.ts). */
  errors: {
    invalid_request: 'Something went wrong on our side.',
    unknown_channel: 'Something went wrong on our side.',
    forbidden_sender: 'Something went wrong on our side.',
    not_configured: "This kiosk can't check you in right now.",
    session_expired: 'For your privacy, we cleared your details.',
    staff_locked: 'Staff mode has locked itself.',
    unavailable: "We can't reach the clinic system right now.",
    busy: 'The kiosk is still working on your last request.',
    internal: 'Something went wrong on our side.',
  } satisfies Record<ErrorCode, string>,
  expiredBody: 'Please start again. If you need help, please see the front desk.',

  idleTitle: 'Are you still there?',
  idleBody: "For your privacy, we'll clear your details and start over.",
  secondsLeft: (n: number): string => (n === 1 ? 'second left' : 'seconds left'),
  moreTime: 'I need more time',
  staffIdleBody: 'Staff mode will lock itself.',

  // Staff mode. Staff read these, not patients: they may name settings and commands.
  staffTitle: 'Staff mode',
  staffLead: 'Locks itself after a short time without use.',
  pausedAlert: (time: string) => sentence(`Patient check-in is paused after repeated failed look-ups, until ${time}`),
  liftPause: 'Lift the pause',
  pinLead: 'Enter the staff PIN.',
  pinLabel: 'Staff PIN',
  /** What a screen reader hears instead of the digits: only how many there are. */
  pinEntered: (n: number) => (n === 0 ? 'No digits entered' : n === 1 ? '1 digit entered' : `${n} digits entered`),
  unlock: 'Unlock',
  cancel: 'Cancel',
  pinChecking: 'Checking…',
  wrongPin: (n: number) => `Wrong PIN. ${n} ${n === 1 ? 'attempt' : 'attempts'} left.`,
  pinLockedOut: (time: string) => sentence(`Staff mode is locked until ${time}`),
  pinNotProvisioned: 'No staff PIN is set on this kiosk. Ask IT to run kiosk-admin set-staff-pin.',
  staffFailed: 'Something went wrong. Please try again.',
  staffWorking: 'Working…',
  kioskIdLabel: 'Kiosk',
  /** Connection detail for staff: which of the problems it is, and where to look. */
  staffHealth: {
    ok: 'Connected to the clinic system',
    auth_failed: 'Sign-in to the clinic system failed (check the client secret)',
    forbidden: 'The clinic system refused access (check the API permissions)',
    unreachable: 'Cannot reach the clinic system',
    not_configured: 'Not set up',
  } satisfies Record<HealthState, string>,
  healthCheckedAt: (time: string) => `Checked at ${time}`,
  healthNotChecked: 'Not checked yet',
  outboxTitle: 'Check-ins waiting to be sent',
  outboxEmpty: 'Nothing waiting',
  outboxColumns: {
    ref: 'Appointment',
    recorded: 'Recorded',
    attempts: 'Attempts',
    lastError: 'Last error',
    nextAttempt: 'Next attempt',
  },
  noError: 'None',
  sendingNow: 'Sending now',
  retried: (n: number) => (n === 0 ? 'Retried: everything was sent.' : `Retried: ${n} still waiting.`),
  retryNow: 'Retry now',
  refresh: 'Refresh',
  lock: 'Lock',
  exitKiosk: 'Exit kiosk',
  exitQuestion: 'Exit the kiosk?',
  exitWarning: 'The kiosk app will close.',
  exitYes: 'Yes, exit',
  exitNo: 'No, go back',

  // Staff helping a patient check in: the patient's screens, run by staff under a staff banner.
  assistStart: 'Help a patient check in',
  assistBanner: 'Staff: helping a patient',
  assistNext: 'Help the next patient',
  backToPanel: 'Back to staff panel',
  assistFinding: 'Finding the patient…',
  assistCheckingIn: 'Checking the patient in…',
  undoing: 'Undoing the check-in…',
  assistNoMatch: 'No match. Check the spelling and date of birth.',
  assistExpired: "The patient's details were cleared after a while without use.",
  assistApptTitle: (name: string) => (name ? `Appointments for ${name}` : 'Appointments'),
  assistApptLead: "Today's appointments. The check-in time window does not apply to staff.",
  assistNoAppointments: 'This patient has no appointments today.',
  assistCheckedIn: 'Checked in',
  /** Why a card has no button in staff mode (too early / too late only if main ever sends them). */
  assistReason: {
    not_eligible: 'Cannot be checked in here: check its status in the EHR.',
    too_early: 'Outside the check-in time: check it in from the EHR.',
    too_late: 'Outside the check-in time: check it in from the EHR.',
  } satisfies Record<Exclude<CheckInState, 'open' | 'checked_in'>, string>,
  undoCheckIn: 'Undo check-in',
  undoQuestion: 'Undo this check-in?',
  undoWarning: 'The appointment goes back to booked.',
  undoYes: 'Yes, undo',
  undoNo: 'No, keep it',
  assistCheckInTitle: {
    checked_in: 'Checked in',
    already_checked_in: 'Already checked in',
    recorded_offline: 'Recorded offline: the EHR has not confirmed it yet',
    too_early: 'Could not check in: outside the check-in time',
    too_late: 'Could not check in: outside the check-in time',
    not_eligible: 'Could not check in: check its status in the EHR',
    failed: 'Check-in failed',
  } satisfies Record<CheckInOutcome, string>,
  assistOfflineBody: 'The kiosk keeps trying to send it. It is listed on the staff panel until it is sent.',
  assistFailedBody: 'Try again, or check the patient in from the EHR.',
  assistUndoTitle: {
    undone: 'Check-in undone',
    not_checked_in: 'This appointment is not checked in',
    failed: 'Could not undo — try again or change it in the EHR',
  } satisfies Record<StaffUndoResponse['outcome'], string>,
};

export type Messages = typeof en;
