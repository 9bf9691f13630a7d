/** Staff-facing: the kiosk cannot serve patients yet. No check-in button. */
import { Screen } from '../components/Screen.js';
import { useI18n } from '../i18n/index.js';

export function Unconfigured({ problem }: { problem: string | null }) {
  const { t } = useI18n();
  return (
    <Screen icon="desk" name="unconfigured" variant="centered" title={t.unconfiguredTitle}>
      <p class="lead">{t.unconfiguredBody}</p>
      {problem ? (
        <p class="small-print">
          {t.staffDetail} {problem}
        </p>
      ) : null}
    </Screen>
  );
}
