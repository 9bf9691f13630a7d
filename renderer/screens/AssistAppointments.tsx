/**
 * Staff helping a patient: today's appointments with what staff may do about each. Main has applied
 * staff rules, so every bookable appointment today is `open` whatever the time. A checked-in one can
 * be undone, after the staff PIN and a Yes / No (the EHR then shows it as booked again). One appointment per tap, so
 * each result is about exactly one. Same cards as the patient's list; no other patient data.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { AppointmentView } from '../../preload/contract.js';
import { AppointmentCard, CardNote, CheckInButton, cardTitleId } from '../components/AppointmentCard.js';
import { BackToPanelButton } from '../components/Buttons.js';
import { Icon } from '../components/Icon.js';
import { PinConfirm } from '../components/PinConfirm.js';
import { Screen } from '../components/Screen.js';
import { formatTime } from '../format.js';
import { useI18n } from '../i18n/index.js';
import type { Action, StaffNotice } from '../state/index.js';

interface Props {
  greetingName: string;
  appointments: AppointmentView[];
  /** The appointment whose undo waits for the PIN and Yes / No, if any. */
  confirmUndo: string | undefined;
  /** Digits typed for the undo's PIN (their count only) and what main said about the last one. */
  pinLength: number;
  notice: StaffNotice | null;
  timezone: string;
  dispatch: (a: Action) => void;
  onBackToPanel: () => void;
}

function CardAction({ a, dispatch }: { a: AppointmentView; dispatch: (a: Action) => void }) {
  const { t } = useI18n();
  switch (a.state) {
    case 'open':
      return <CheckInButton apptKey={a.key} onClick={() => dispatch({ type: 'check-in', keys: [a.key] })} />;
    case 'checked_in':
      return (
        <>
          <CardNote icon="check" text={t.assistCheckedIn} tone="ok" />
          <button
            type="button"
            class="btn secondary card-action"
            aria-describedby={cardTitleId(a.key)}
            data-undo={a.key}
            onClick={() => dispatch({ type: 'undo-ask', key: a.key })}
          >
            <Icon name="restart" />
            {t.undoCheckIn}
          </button>
        </>
      );
    default:
      return <CardNote icon="desk" text={t.assistReason[a.state]} tone="warn" />;
  }
}

export function AssistAppointments({
  greetingName,
  appointments,
  confirmUndo,
  pinLength,
  notice,
  timezone,
  dispatch,
  onBackToPanel,
}: Props) {
  const { t, lang } = useI18n();
  const subjectOf = (a: AppointmentView | undefined) => (a ? `${formatTime(a.start, lang, timezone)} · ${a.clinician}` : undefined);
  // After "No, keep it" the question is gone: focus goes back to the Undo button it replaced, not to the page.
  const asked = useRef(confirmUndo);
  useEffect(() => {
    if (asked.current && !confirmUndo) document.querySelector<HTMLElement>(`[data-undo="${asked.current}"]`)?.focus();
    asked.current = confirmUndo;
  }, [confirmUndo]);
  const back = <BackToPanelButton onClick={onBackToPanel} />;
  if (appointments.length === 0) {
    return (
      <Screen name="appointments" variant="centered outcome tone-warn" icon="desk" title={t.assistApptTitle(greetingName)} actions={back}>
        <p class="lead strong">{t.assistNoAppointments}</p>
      </Screen>
    );
  }
  return (
    <Screen name="appointments" variant="appointments" title={t.assistApptTitle(greetingName)} lead={t.assistApptLead} actions={back}>
      <ul class="cards">
        {appointments.map((a) => (
          <AppointmentCard a={a} timezone={timezone} key={a.key}>
            <CardAction a={a} dispatch={dispatch} />
          </AppointmentCard>
        ))}
      </ul>
      {confirmUndo ? (
        <PinConfirm
          id="undo"
          question={t.undoQuestion}
          warning={t.undoWarning}
          subject={subjectOf(appointments.find((a) => a.key === confirmUndo))}
          yes={t.undoYes}
          no={t.undoNo}
          pinLength={pinLength}
          notice={notice}
          timezone={timezone}
          dispatch={dispatch}
          onYes={() => dispatch({ type: 'undo-confirm' })}
          onNo={() => dispatch({ type: 'undo-cancel' })}
        />
      ) : null}
    </Screen>
  );
}
