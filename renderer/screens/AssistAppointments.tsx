/**
 * Staff helping a patient: today's appointments with what staff may do about each. Main has applied
 * staff rules, so every bookable appointment today is `open` whatever the time. A checked-in one can
 * be undone, after a Yes / No (the EHR then shows it as booked again). One appointment per tap, so
 * each result is about exactly one. Same cards as the patient's list; no other patient data.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { AppointmentView } from '../../preload/contract.js';
import { AppointmentCard, CardNote, CheckInButton, cardTitleId } from '../components/AppointmentCard.js';
import { BackToPanelButton } from '../components/Buttons.js';
import { Icon } from '../components/Icon.js';
import { Screen } from '../components/Screen.js';
import { useI18n } from '../i18n/index.js';
import type { Action } from '../state/index.js';

interface Props {
  greetingName: string;
  appointments: AppointmentView[];
  /** The appointment whose undo waits for Yes / No, if any. */
  confirmUndo: string | undefined;
  timezone: string;
  dispatch: (a: Action) => void;
  onBackToPanel: () => void;
}

/** The second step of "Undo check-in", in place of the button: undoing changes the EHR, so ask first. */
function UndoConfirm({ apptKey, dispatch }: { apptKey: string; dispatch: (a: Action) => void }) {
  const { t } = useI18n();
  const question = useRef<HTMLHeadingElement>(null);
  // The question takes focus, so a screen reader announces it where the tapped button was.
  useEffect(() => question.current?.focus(), []);
  const id = `undo-${apptKey}`;
  return (
    <div class="undo-confirm tone-warn" role="group" aria-labelledby={`${id}-q`} aria-describedby={`${id}-w ${cardTitleId(apptKey)}`}>
      <h3 id={`${id}-q`} tabIndex={-1} ref={question}>
        {t.undoQuestion}
      </h3>
      <p id={`${id}-w`}>{t.undoWarning}</p>
      <div class="undo-buttons">
        <button type="button" class="btn secondary" onClick={() => dispatch({ type: 'undo-cancel' })}>
          {t.undoNo}
        </button>
        <button type="button" class="btn primary" onClick={() => dispatch({ type: 'undo-confirm' })}>
          {t.undoYes}
        </button>
      </div>
    </div>
  );
}

function CardAction({ a, confirming, dispatch }: { a: AppointmentView; confirming: boolean; dispatch: (a: Action) => void }) {
  const { t } = useI18n();
  switch (a.state) {
    case 'open':
      return <CheckInButton apptKey={a.key} onClick={() => dispatch({ type: 'check-in', keys: [a.key] })} />;
    case 'checked_in':
      // While asking, the question stands in for the note too ("this check-in" says what it is): the
      // card stays short enough for the screen.
      if (confirming) return <UndoConfirm apptKey={a.key} dispatch={dispatch} />;
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

export function AssistAppointments({ greetingName, appointments, confirmUndo, timezone, dispatch, onBackToPanel }: Props) {
  const { t } = useI18n();
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
            <CardAction a={a} confirming={a.key === confirmUndo} dispatch={dispatch} />
          </AppointmentCard>
        ))}
      </ul>
    </Screen>
  );
}
