/** Last name, and (when main needs it to tell people apart) first name: same keyboard, different question. */
import { BackButton, PrimaryButton, StartOverButton } from '../components/Buttons.js';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard.js';
import { Screen } from '../components/Screen.js';
import { useI18n } from '../i18n/index.js';
import { NAME_MAX, canSubmitName } from '../nameEntry.js';
import type { Action } from '../state.js';

interface Props {
  which: 'last-name' | 'first-name';
  value: string;
  dispatch: (a: Action) => void;
  onStartOver: () => void;
}

export function NameEntry({ which, value, dispatch, onStartOver }: Props) {
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
          {last ? <BackButton onClick={() => dispatch({ type: 'back' })} /> : null}
          <StartOverButton onClick={onStartOver} />
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
