/**
 * The second step of a consequential staff action (exit the kiosk, undo a check-in): the question,
 * what it will do, and the staff PIN typed again, over the screen it was asked from. Main checks the
 * PIN (a session left open in the lobby is not enough); a wrong one keeps the question up.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/index.js';
import { PIN_MIN, type Action, type StaffNotice } from '../state/index.js';
import { NumberPad } from './NumberPad.js';
import { PinDots } from './PinDots.js';
import { StaffNoticeLine } from './StaffNoticeLine.js';

interface Props {
  id: string;
  question: string;
  warning: string;
  /** Which appointment (or thing) the question is about, when the screen under it is hidden. */
  subject?: string | undefined;
  yes: string;
  no: string;
  pinLength: number;
  notice: StaffNotice | null;
  timezone: string;
  dispatch: (a: Action) => void;
  onYes: () => void;
  onNo: () => void;
}

export function PinConfirm({ id, question, warning, subject, yes, no, pinLength, notice, timezone, dispatch, onYes, onNo }: Props) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  // The question takes focus, so a screen reader announces it where the tapped button was.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div class="pin-confirm-backdrop">
      <div
        class="pin-confirm tone-warn"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-q`}
        aria-describedby={`${id}-w`}
        data-confirm={id}
      >
        <div class="pin-confirm-text">
          <h2 id={`${id}-q`} tabIndex={-1} ref={heading}>
            {question}
          </h2>
          <p id={`${id}-w`}>
            {subject ? <strong class="pin-confirm-subject">{subject}</strong> : null}
            {warning} {t.confirmPinLead}
          </p>
          <PinDots length={pinLength} />
          <StaffNoticeLine notice={notice} busyText={null} timezone={timezone} />
          <div class="pin-confirm-buttons">
            <button type="button" class="btn secondary" onClick={onNo}>
              {no}
            </button>
            <button type="button" class="btn primary" onClick={onYes} disabled={pinLength < PIN_MIN}>
              {yes}
            </button>
          </div>
        </div>
        <NumberPad
          onDigit={(digit) => dispatch({ type: 'pin-digit', digit })}
          onDelete={() => dispatch({ type: 'pin-delete' })}
          onClear={() => dispatch({ type: 'pin-clear' })}
          onSubmit={onYes}
        />
      </div>
    </div>
  );
}
