/** The navigation buttons every patient screen shares, so they look and read the same everywhere. */
import { useI18n } from '../i18n/index.js';
import { Icon } from './Icon.js';

export function BackButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" class="btn secondary" onClick={onClick}>
      <Icon name="back" />
      {t.back}
    </button>
  );
}

export function StartOverButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" class="btn secondary" onClick={onClick}>
      <Icon name="restart" />
      {t.startOver}
    </button>
  );
}

export function PrimaryButton({ label, onClick, disabled }: { label: string; onClick: () => void; disabled?: boolean }) {
  return (
    <button type="button" class="btn primary" onClick={onClick} disabled={disabled}>
      {label}
      <Icon name="arrow" />
    </button>
  );
}
