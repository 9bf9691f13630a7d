/**
 * What each screen says in audio mode, derived from the state alone: its title and what happened,
 * what to do, and the choices the up and down keys move through. Privacy rules live here: a patient
 * is named only by the greeting main sends (first name + last initial), the birth date is never
 * spoken once submitted (it is not in the state any more), and only this session's state is read,
 * so no other patient's name can be said.
 */
import type { AppointmentView, Language } from '../../preload/contract.js';
import { errorAction } from '../errors.js';
import { EXAMPLE_DOB, dobIso, fieldOrder } from '../dob.js';
import { firstNameOf, formatCalendarDate, formatTime } from '../format.js';
import { LANGUAGE_NAMES, type Messages } from '../i18n/index.js';
import { sharedOutcome, type CheckInResult } from '../results.js';
import type { Action, Message, State } from '../state/index.js';
import type { AudioWords } from './words.js';

export interface Choice {
  label: string;
  /** The language to say it in when it is not the screen's (the other language's name). */
  lang?: Language;
  /** What select does; none for an item that only informs (a card that cannot be checked in). */
  action?: Action;
}

export type InputKind = 'choices' | 'name' | 'dob' | 'none';

export interface ScreenSpeech {
  /** Said on arrival: the title and what happened. */
  intro: string;
  /** What to do here (said on arrival and on help). */
  task: string;
  choices: Choice[];
  /** Where focus starts on arrival. */
  focus: number;
  input: InputKind;
}

export interface SpeechContext {
  t: Messages;
  w: AudioWords;
  /** Appointments the patient asked to check in (for naming them on the done screen). */
  checked: readonly string[];
}

const join = (...parts: Array<string | null | undefined | false>) =>
  parts
    .filter((p): p is string => !!p)
    .map((p) => (/[.?!…:]$/.test(p) ? p : `${p}.`))
    .join(' ');

const RESET: Action = { type: 'reset' };

function when(a: AppointmentView, s: State, c: SpeechContext): string {
  const time = formatTime(a.start, s.lang, s.info?.timezone ?? 'UTC');
  return a.visit === 'video' ? c.w.atVideo(time, a.clinician) : c.w.at(time, a.clinician, a.location);
}

/** An appointment card, read in full: time, clinician, place, and where its check-in stands. */
export function appointmentLine(a: AppointmentView, s: State, c: SpeechContext): string {
  const { t, w } = c;
  const tz = s.info?.timezone ?? 'UTC';
  switch (a.state) {
    case 'open':
      return join(when(a, s, c), w.checkInOpen, w.toCheckIn);
    case 'too_early':
      return join(when(a, s, c), a.opensAt ? t.opensAt(formatTime(a.opensAt, s.lang, tz)) : t.outcomeLine.too_early, t.seeDesk);
    case 'too_late':
      return join(when(a, s, c), t.tooLate);
    case 'checked_in':
      return join(when(a, s, c), t.alreadyIn);
    case 'not_eligible':
      return join(when(a, s, c), a.visit === 'video' ? t.videoVisitText : t.notEligible);
  }
}

function resultLine(r: CheckInResult, s: State, c: SpeechContext): string {
  const a = s.patient.appointments.find((x) => x.key === r.key);
  const tz = s.info?.timezone ?? 'UTC';
  const line = r.outcome === 'too_early' && r.opensAt ? c.t.tooEarlyBody(formatTime(r.opensAt, s.lang, tz)) : c.t.outcomeLine[r.outcome];
  return join(a ? when(a, s, c) : null, line);
}

/** The same headline and next step the message screen shows (renderer/screens/Message.tsx), as sentences. */
function messageIntro(m: Message, s: State, c: SpeechContext): string {
  const { t } = c;
  switch (m.kind) {
    case 'not_found':
      return join(t.notFoundTitle, t.seeDesk);
    case 'error':
      return join(t.errors[m.code], errorAction(m.code) === 'start_over' ? t.expiredBody : t.seeDesk);
    case 'check-in': {
      const one = sharedOutcome(m.results);
      if (!one) return join(t.resultsTitle, ...m.results.map((r) => resultLine(r, s, c)), t.seeDesk);
      // One story for every appointment: the headline and next step, then which appointments.
      const which = m.results.flatMap((r) => {
        const a = s.patient.appointments.find((x) => x.key === r.key);
        return a ? [when(a, s, c)] : [];
      });
      const tz = s.info?.timezone ?? 'UTC';
      switch (one.outcome) {
        case 'recorded_offline':
          return join(t.outcomeTitle.recorded_offline, t.offlineBody, ...which);
        case 'too_early':
          return join(t.outcomeTitle.too_early, one.opensAt ? t.tooEarlyBody(formatTime(one.opensAt, s.lang, tz)) : t.seeDesk, ...which);
        case 'checked_in':
        case 'already_checked_in':
          return join(t.outcomeLine[one.outcome], ...which);
        case 'not_eligible':
          return join(t.outcomeTitle.not_eligible, ...which);
        default:
          return join(t.outcomeTitle[one.outcome], t.seeDesk, ...which);
      }
    }
    case 'staff-check-in':
    case 'staff-undo':
      return ''; // staff screens: staff read them
  }
}

const none = (intro: string, task = ''): ScreenSpeech => ({ intro, task, choices: [], focus: 0, input: 'none' });
const choices = (intro: string, list: Choice[], task = '', focus = 0): ScreenSpeech => ({
  intro,
  task,
  choices: list,
  focus,
  input: 'choices',
});

export function screenSpeech(s: State, c: SpeechContext): ScreenSpeech {
  const { t, w } = c;
  const p = s.patient;
  const tz = s.info?.timezone ?? 'UTC';
  const startOver: Choice = { label: t.startOver, action: RESET };
  const done: Choice = { label: t.done, action: RESET };
  switch (s.screen.name) {
    case 'loading':
      return none(t.loading);
    case 'unconfigured':
      return none(join(t.unconfiguredTitle, t.unconfiguredBody));
    case 'welcome': {
      const others = (s.info?.languages ?? []).filter((l) => l !== s.lang);
      return choices(join(t.welcomeTo + ' ' + (s.info?.clinicName ?? ''), t.welcomeLead), [
        { label: t.checkInStart, action: { type: 'start' } },
        ...others.map((l) => ({ label: LANGUAGE_NAMES[l], lang: l, action: { type: 'set-lang', lang: l } as Action })),
      ]);
    }
    case 'last-name':
    case 'first-name': {
      const last = s.screen.name === 'last-name';
      return {
        intro: last ? t.lastNameTitle : join(t.firstNameTitle, t.firstNameHint),
        task: w.nameKeys,
        choices: [],
        focus: 0,
        input: 'name',
      };
    }
    case 'birth-date': {
      // The screen's example, spoken: "For example, for March 25, 1980, type 0 3 2 5 1 9 8 0."
      const order = fieldOrder(s.lang);
      const digits = [...order.map((f) => EXAMPLE_DOB[f]).join('')].join(' ');
      const example = w.dobExample(formatCalendarDate(dobIso(EXAMPLE_DOB), s.lang), digits);
      return { intro: join(t.dobTitle, t.dobHint, example), task: w.dobKeys, choices: [], focus: 0, input: 'dob' };
    }
    case 'working': {
      const doing = s.screen.task === 'identify' ? t.findingYou : s.screen.task === 'check-in' ? t.checkingIn : t.undoing;
      return none(join(doing, s.pending?.slow ? t.stillWorking : w.working));
    }
    case 'appointments': {
      const list = p.appointments;
      const hi = t.greeting(p.greetingName);
      if (!list.length) return choices(join(hi, t.noAppointments), [startOver]);
      const open = list.filter((a) => a.state === 'open').map((a) => a.key);
      const cards: Choice[] = list.map((a) => ({
        label: appointmentLine(a, s, c),
        ...(a.state === 'open' ? { action: { type: 'check-in', keys: [a.key] } as Action } : {}),
      }));
      const all: Choice[] = open.length > 1 ? [{ label: t.checkInAll, action: { type: 'check-in', keys: open } }] : [];
      const firstOpen = Math.max(
        0,
        list.findIndex((a) => a.state === 'open'),
      );
      return choices(join(hi, w.appointmentsCount(list.length)), [...cards, ...all, startOver], '', firstOpen);
    }
    case 'done': {
      const which = p.appointments.filter((a) => c.checked.includes(a.key)).map((a) => when(a, s, c));
      return choices(
        join(
          t.doneTitle(firstNameOf(p.greetingName)),
          which.length ? `${w.checkedInFor} ${which.join(' ')}` : null,
          t.doneBody,
          w.audioEnds,
        ),
        [done],
      );
    }
    case 'message': {
      const m = s.screen.message;
      const retry =
        (m.kind === 'not_found' && m.canRetry) || (m.kind === 'error' && errorAction(m.code) === 'retry')
          ? [{ label: t.tryAgain, action: { type: 'try-again' } as Action }]
          : [];
      return choices(messageIntro(m, s, c), m.kind === 'check-in' ? [done] : [...retry, startOver]);
    }
    case 'cooldown': {
      const time = formatTime(s.screen.until, s.lang, tz);
      return choices(join(t.cooldownTitle, time ? t.cooldownBody(time) : null), [done]);
    }
    case 'staff-pin':
    case 'staff':
    case 'staff-day':
    case 'staff-walk-in':
    case 'staff-activity':
      return none('');
  }
}
