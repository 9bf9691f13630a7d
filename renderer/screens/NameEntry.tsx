/**
 * Last name, and (when main needs it to tell people apart) first name: same keyboard, different
 * question. Staff helping a patient use this same screen; they leave it for their panel instead.
 */
import { BackButton, LeaveButton, PrimaryButton } from '../components/Buttons.js';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard.js';
import { Screen } from '../components/Screen.js';
import { useI18n } from '../i18n/index.js';
import { NAME_MAX, canSubmitName } from '../nameEntry.js';
import type { Action } from '../state/index.js';

interface Props {
  which: 'last-name' | 'first-name';
  value: string;
  /** Staff helping a patient: "Back to staff panel" instead of Back to welcome and Start over. */
  staff: boolean;
  dispatch: (a: Action) => void;
  onLeave: () => void;
}

export function NameEntry({ which, value, staff, dispatch, onLeave }: Props) {
  const { t } = useI18n();
  const last = which === 'last-name';
  const ready = canSubmitName(value);
  const submit = () => dispatch({ type: last ? 'submit-family-name' : 'submit-given-name' });
  return (
    <Screen
      name={which}
      variant="entry"
      title={last ? t.lastNameTitle : t.firstNameTitle}
      lead={last ? t.lastNameHint : t.firstNameHint}
      actions={
        <>
          {last && !staff ? <BackButton onClick={() => dispatch({ type: 'back' })} /> : null}
          <LeaveButton staff={staff} onClick={onLeave} />
          <PrimaryButton label={t.continue} onClick={submit} disabled={!ready} />
        </>
      }
    >
      <div class="typed" aria-labelledby="screen-title" role="textbox" aria-readonly="true" aria-live="polite">
        {value ? <span class="typed-text">{value}</span> : null}
        <span class="caret" aria-hidden="true" />
        {value ? null : <span class="placeholder">{t.typedEmpty}</span>}
      </div>
      {value.length >= NAME_MAX ? <p class="field-note">{t.typedFull}</p> : null}
      <OnScreenKeyboard
        onKey={(ch, onScreenKey) => dispatch({ type: 'type', ch, onScreenKey })}
        onDelete={() => dispatch({ type: 'delete' })}
        onSubmit={submit}
      />
    </Screen>
  );
}
