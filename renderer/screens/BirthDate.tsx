/** Date of birth on a number pad, validated (real date, not after today, not before 1900) before Continue. */
import { BackButton, LeaveButton, PrimaryButton } from '../components/Buttons.js';
import { DateMask } from '../components/DateKeypad.js';
import { NumberPad } from '../components/NumberPad.js';
import { Screen } from '../components/Screen.js';
import { EXAMPLE_DOB, checkDob, dobIso, dobProblemText, fieldOrder, formatDob, type DobDraft } from '../dob.js';
import { formatCalendarDate, todayIn } from '../format.js';
import { useI18n } from '../i18n/index.js';
import type { Action } from '../state/index.js';

interface Props {
  dob: DobDraft;
  /** The digits as pressed, for reading them in the other order (never shown). */
  dobDigits: string;
  timezone: string;
  /** Staff helping a patient: "Back to staff panel" in place of Start over. */
  staff: boolean;
  dispatch: (a: Action) => void;
  onLeave: () => void;
}

export function BirthDate({ dob, dobDigits, timezone, staff, dispatch, onLeave }: Props) {
  const { t, lang } = useI18n();
  const order = fieldOrder(lang);
  const check = checkDob(dob, todayIn(timezone), { order, digits: dobDigits });
  const problem = dobProblemText(check, t, (d) => formatDob(d, order));
  // The order in words and an example typed in it, so "03/04" is never a guess.
  const example = t.dobExample(formatCalendarDate(dobIso(EXAMPLE_DOB), lang), formatDob(EXAMPLE_DOB, order));
  const submit = () => {
    if (check.ok) dispatch({ type: 'submit-birth-date', birthDate: check.iso });
  };
  return (
    <Screen
      name="birth-date"
      variant="entry"
      title={t.dobTitle}
      lead={`${t.dobHint} ${example}`}
      actions={
        <>
          {/* Staff have one way back: to their panel. */}
          {staff ? null : <BackButton onClick={() => dispatch({ type: 'back' })} />}
          <LeaveButton staff={staff} onClick={onLeave} />
          <PrimaryButton label={t.continue} onClick={submit} disabled={!check.ok} />
        </>
      }
    >
      <div class="dob">
        <div class="dob-entry">
          <DateMask dob={dob} order={order} invalid={problem !== null} />
          <p class="field-note" role="status">
            {problem ? (
              <>
                <span class="note-icon" aria-hidden="true">
                  {check.ok || check.reason !== 'swapped' ? '!' : '?'}
                </span>
                {problem}
              </>
            ) : null}
          </p>
        </div>
        <NumberPad
          onDigit={(digit) => dispatch({ type: 'dob-digit', digit })}
          onDelete={() => dispatch({ type: 'dob-delete' })}
          onClear={() => dispatch({ type: 'dob-clear' })}
          onSubmit={submit}
        />
      </div>
    </Screen>
  );
}
