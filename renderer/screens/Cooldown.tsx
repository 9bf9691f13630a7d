/** Too many failed look-ups on this kiosk: send the patient to the desk, then clear the screen. */
import { useEffect } from 'preact/hooks';
import { Screen } from '../components/Screen.js';
import { formatTime } from '../format.js';
import { useI18n } from '../i18n/index.js';

export const COOLDOWN_RETURN_MS = 20000;

/** `holdMs`: longer in audio mode (time limits double there). */
export function Cooldown({
  until,
  timezone,
  onFinish,
  holdMs = COOLDOWN_RETURN_MS,
}: {
  until: string;
  timezone: string;
  onFinish: () => void;
  holdMs?: number;
}) {
  const { t, lang } = useI18n();
  useEffect(() => {
    const id = setTimeout(onFinish, holdMs);
    return () => clearTimeout(id);
  }, []);
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
