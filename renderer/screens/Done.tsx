/** Success (only for acknowledged check-ins), then back to the start on its own. */
import { useEffect } from 'preact/hooks';
import { Screen } from '../components/Screen.js';
import { firstNameOf } from '../format.js';
import { useI18n } from '../i18n/index.js';

export const DONE_RETURN_MS = 8000;

/** `holdMs`: longer in audio mode (time limits double there). */
export function Done({ greetingName, onFinish, holdMs = DONE_RETURN_MS }: { greetingName: string; onFinish: () => void; holdMs?: number }) {
  const { t } = useI18n();
  useEffect(() => {
    const id = setTimeout(onFinish, holdMs);
    return () => clearTimeout(id);
  }, []);
  return (
    <Screen
      icon="check"
      name="done"
      variant="centered outcome tone-ok"
      title={t.doneTitle(firstNameOf(greetingName))}
      actions={
        <button type="button" class="btn primary" onClick={onFinish}>
          {t.done}
        </button>
      }
    >
      <div role="status">
        <p class="lead strong">{t.doneBody}</p>
      </div>
      <p class="small-print">{t.doneReturning}</p>
    </Screen>
  );
}
