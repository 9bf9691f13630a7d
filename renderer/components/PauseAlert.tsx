/** A kiosk-wide identification pause, for staff: until when, and the control to lift it (audited in main). */
import { formatTime } from '../format.js';
import { useI18n } from '../i18n/index.js';
import type { Action } from '../state/index.js';

export function PauseAlert({ until, timezone, dispatch }: { until: string; timezone: string; dispatch: (a: Action) => void }) {
  const { t, lang } = useI18n();
  return (
    <div class="staff-alert" role="alert">
      <p>{t.pausedAlert(formatTime(until, lang, timezone))}</p>
      <button type="button" class="btn primary" onClick={() => dispatch({ type: 'staff-lift-pause' })}>
        {t.liftPause}
      </button>
    </div>
  );
}
