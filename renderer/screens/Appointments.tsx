/** Today's appointments, each with what the patient can do about it right now (staff see AssistAppointments). */
import type { AppointmentView } from '../../preload/contract.js';
import { AppointmentCard, CardNote, CheckInButton, cardNote } from '../components/AppointmentCard.js';
import { StartOverButton } from '../components/Buttons.js';
import { Icon } from '../components/Icon.js';
import { Screen } from '../components/Screen.js';
import { useI18n } from '../i18n/index.js';
import type { Action } from '../state/index.js';

interface Props {
  greetingName: string;
  appointments: AppointmentView[];
  timezone: string;
  dispatch: (a: Action) => void;
  onStartOver: () => void;
  /** Nothing left to do here: the visit ends. */
  onDone: () => void;
}

export function Appointments({ greetingName, appointments, timezone, dispatch, onStartOver, onDone }: Props) {
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
  const nothingOpen = openKeys.length === 0;
  // Nothing to check in (too early, too late, already done, a video visit): no step to take, so no
  // "Step 3 of 3"; say what to do instead, and end with Done. A video visit is never open here, so
  // "Check in for all" never includes it.
  const lead = !nothingOpen
    ? appointments.length === 1
      ? t.apptLeadOne
      : t.apptLeadMany
    : appointments.every((a) => a.state === 'checked_in')
      ? t.allCheckedInLead
      : appointments.every((a) => a.state === 'checked_in' || a.visit === 'video')
        ? t.videoLead
        : appointments.some((a) => a.state === 'too_early')
          ? t.tooEarlyLead
          : t.seeDesk;
  return (
    <Screen
      name="appointments"
      variant={nothingOpen ? 'appointments nothing-open' : 'appointments'}
      step={!nothingOpen}
      title={t.greeting(greetingName)}
      lead={lead}
      actions={
        nothingOpen ? (
          <button type="button" class="btn primary" onClick={onDone}>
            {t.done}
          </button>
        ) : (
          <StartOverButton onClick={onStartOver} />
        )
      }
    >
      {openKeys.length > 1 ? (
        // First thing a hurried patient sees: one tap for every appointment.
        <button type="button" class="btn primary check-all" onClick={() => dispatch({ type: 'check-in', keys: openKeys })}>
          {t.checkInAll}
          <Icon name="arrow" />
        </button>
      ) : null}
      <ul class="cards">
        {appointments.map((a) => {
          const note = cardNote(a, t, lang, timezone);
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
