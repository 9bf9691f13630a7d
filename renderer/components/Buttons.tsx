/** The navigation buttons every check-in screen shares, so they look and read the same everywhere. */
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

/** Staff helping a patient leave the check-in screens this way: to their panel, staff mode still unlocked. */
export function BackToPanelButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" class="btn secondary" onClick={onClick}>
      <Icon name="back" />
      {t.backToPanel}
    </button>
  );
}

/** The way out of a check-in screen: "Start over" for a patient, "Back to staff panel" for staff helping one. */
export function LeaveButton({ staff, onClick }: { staff: boolean; onClick: () => void }) {
  return staff ? <BackToPanelButton onClick={onClick} /> : <StartOverButton onClick={onClick} />;
}

export function PrimaryButton({ label, onClick, disabled }: { label: string; onClick: () => void; disabled?: boolean }) {
  return (
    <button type="button" class="btn primary" onClick={onClick} disabled={disabled}>
      {label}
      <Icon name="arrow" />
    </button>
  );
}
