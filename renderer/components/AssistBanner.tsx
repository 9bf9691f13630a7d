/**
 * The strip over every screen of a staff-assisted check-in. The screens are the patient's own, so
 * without it a patient walking up could take the kiosk for theirs. The App renders it once, above
 * whichever screen shows, so no screen of the flow can forget it.
 */
import { useI18n } from '../i18n/index.js';
import { Icon } from './Icon.js';

export function AssistBanner() {
  const { t } = useI18n();
  return (
    <p class="assist-banner" data-assist-banner>
      <Icon name="person" />
      {t.assistBanner}
    </p>
  );
}
