/** Always-visible bar: where you are (clinic) and the Larger text toggle. */
import { useI18n } from '../i18n/index.js';
import { Icon } from './Icon.js';

interface Props {
  clinicName: string | null;
  largeText: boolean;
  disabled: boolean;
  onToggleText: () => void;
}

export function TopBar({ clinicName, largeText, disabled, onToggleText }: Props) {
  const { t } = useI18n();
  return (
    <header class="topbar">
      <span class="topbar-clinic">{clinicName ?? ''}</span>
      <button type="button" class="btn toggle" aria-pressed={largeText} disabled={disabled} onClick={onToggleText}>
        <Icon name="textSize" />
        {t.largerText}
        <span class="toggle-state" aria-hidden="true">
          {largeText ? <Icon name="check" /> : null}
        </span>
      </button>
    </header>
  );
}
