/** Success (only for acknowledged check-ins), then back to the start on its own. */
import { useEffect } from 'preact/hooks';
import type { AppointmentView } from '../../preload/contract.js';
import { DayList } from '../components/DayList.js';
import type { CheckInResult } from '../results.js';
import { Screen } from '../components/Screen.js';
import { firstNameOf } from '../format.js';
import { useI18n } from '../i18n/index.js';

export const DONE_RETURN_MS = 8000;

interface Props {
  greetingName: string;
  /** The whole day: with several appointments each one is named with where it stands. */
  appointments: AppointmentView[];
  /** What this visit's check-ins answered: the ones just checked in read "checked in", not "already". */
  results: readonly CheckInResult[];
  timezone: string;
  onFinish: () => void;
  /** Longer in audio mode (time limits double there). */
  holdMs?: number;
}

export function Done({ greetingName, appointments, results, timezone, onFinish, holdMs = DONE_RETURN_MS }: Props) {
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
        {appointments.length > 1 ? <DayList appointments={appointments} results={results} timezone={timezone} /> : null}
      </div>
      <p class="small-print">{t.doneReturning}</p>
    </Screen>
  );
}
