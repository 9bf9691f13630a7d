/** Today's appointments, each with what the patient can do about it right now (staff see AssistAppointments). */
import type { AppointmentView } from '../../preload/contract.js';
import { AppointmentCard, CardNote, CheckInButton } from '../components/AppointmentCard.js';
import { StartOverButton } from '../components/Buttons.js';
import { Icon, type IconName } from '../components/Icon.js';
import { Screen } from '../components/Screen.js';
import { formatTime } from '../format.js';
import { useI18n, type Messages } from '../i18n/index.js';
import type { Action } from '../state/index.js';
import type { Language } from '../../preload/contract.js';

interface Props {
  greetingName: string;
  appointments: AppointmentView[];
  timezone: string;
  dispatch: (a: Action) => void;
  onStartOver: () => void;
}

/** What a card says when it has no button; the icon is decoration, the words carry the meaning. */
function stateNote(a: AppointmentView, t: Messages, lang: Language, tz: string): { icon: IconName; text: string; tone: string } | null {
  switch (a.state) {
    case 'open':
      return null;
    case 'too_early':
      return { icon: 'clock', text: a.opensAt ? t.opensAt(formatTime(a.opensAt, lang, tz)) : t.outcomeLine.too_early, tone: 'info' };
    case 'too_late':
      return { icon: 'desk', text: t.tooLate, tone: 'warn' };
    case 'checked_in':
      return { icon: 'check', text: t.alreadyIn, tone: 'ok' };
    case 'not_eligible':
      return { icon: 'desk', text: t.notEligible, tone: 'warn' };
  }
}

export function Appointments({ greetingName, appointments, timezone, dispatch, onStartOver }: Props) {
  const { t, lang } = useI18n();
  const openKeys = appointments.filter((a) => a.state === 'open').map((a) => a.key);
  if (appointments.length === 0) {
    // Nothing to choose from: say so plainly, in the same shape as the other "see the desk" screens.
    return (
      <Screen
        name="appointments"
        variant="centered outcome tone-warn"
        icon="desk"
        title={t.greeting(greetingName)}
        actions={<StartOverButton onClick={onStartOver} />}
      >
        <p class="lead strong">{t.noAppointments}</p>
      </Screen>
    );
  }
  return (
    <Screen
      name="appointments"
      variant="appointments"
      title={t.greeting(greetingName)}
      lead={appointments.length === 1 ? t.apptLeadOne : t.apptLeadMany}
      actions={
        <>
          <StartOverButton onClick={onStartOver} />
          {openKeys.length > 1 ? (
            <button type="button" class="btn primary" onClick={() => dispatch({ type: 'check-in', keys: openKeys })}>
              {t.checkInAll}
              <Icon name="arrow" />
            </button>
          ) : null}
        </>
      }
    >
      <ul class="cards">
        {appointments.map((a) => {
          const note = stateNote(a, t, lang, timezone);
          return (
            <AppointmentCard a={a} timezone={timezone} key={a.key}>
              {note ? (
                <CardNote {...note} />
              ) : (
                <CheckInButton apptKey={a.key} onClick={() => dispatch({ type: 'check-in', keys: [a.key] })} />
              )}
            </AppointmentCard>
          );
        })}
      </ul>
    </Screen>
  );
}
