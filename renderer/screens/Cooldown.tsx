/** Too many failed look-ups on this kiosk: send the patient to the desk (the screen clears itself, see DeskReturn). */
import { Screen } from '../components/Screen.js';
import { formatTime } from '../format.js';
import { useI18n } from '../i18n/index.js';

export function Cooldown({ until, timezone, onFinish }: { until: string; timezone: string; onFinish: () => void }) {
  const { t, lang } = useI18n();
  const time = formatTime(until, lang, timezone);
  return (
    <Screen
      icon="desk"
      name="cooldown"
      variant="centered outcome tone-warn"
      title={t.cooldownTitle}
      actions={
        <button type="button" class="btn primary" onClick={onFinish}>
          {t.done}
        </button>
      }
    >
      <div role="status">{time ? <p class="lead">{t.cooldownBody(time)}</p> : null}</div>
    </Screen>
  );
}
