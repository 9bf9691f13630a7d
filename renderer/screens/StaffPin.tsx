/**
 * Staff PIN entry. The PIN is shown as dots only: its digits are never put in the DOM, not even for
 * screen readers (they hear how many digits there are). Unlocking is decided in main.
 */
import { PrimaryButton } from '../components/Buttons.js';
import { NumberPad } from '../components/NumberPad.js';
import { PinDots } from '../components/PinDots.js';
import { Screen } from '../components/Screen.js';
import { StaffNoticeLine } from '../components/StaffNoticeLine.js';
import { useI18n } from '../i18n/index.js';
import { PIN_MIN, type Action, type StaffNotice } from '../state/index.js';

interface Props {
  /** How many digits are typed: all this screen needs to know about the PIN. */
  pinLength: number;
  notice: StaffNotice | null;
  checking: boolean;
  timezone: string;
  dispatch: (a: Action) => void;
  onCancel: () => void;
}

export function StaffPin({ pinLength, notice, checking, timezone, dispatch, onCancel }: Props) {
  const { t } = useI18n();
  const unlock = () => dispatch({ type: 'staff-unlock' });
  return (
    <Screen
      name="staff-pin"
      variant="entry staff"
      title={t.staffTitle}
      lead={t.pinLead}
      actions={
        <>
          <button type="button" class="btn secondary" onClick={onCancel}>
            {t.cancel}
          </button>
          <PrimaryButton label={t.unlock} onClick={unlock} disabled={pinLength < PIN_MIN} />
        </>
      }
    >
      <div class="pin">
        <div class="pin-entry">
          <PinDots length={pinLength} />
          <StaffNoticeLine notice={notice} busyText={checking ? t.pinChecking : null} timezone={timezone} />
        </div>
        <NumberPad
          onDigit={(digit) => dispatch({ type: 'pin-digit', digit })}
          onDelete={() => dispatch({ type: 'pin-delete' })}
          onClear={() => dispatch({ type: 'pin-clear' })}
          onSubmit={unlock}
        />
      </div>
    </Screen>
  );
}
