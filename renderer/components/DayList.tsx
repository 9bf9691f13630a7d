/**
 * Every appointment of the patient's day on a result screen, each with its own outcome (what main
 * answered for it, or where it stands), and a Check in button for any still open: nothing is left
 * unmentioned after checking in one of several.
 */
import type { AppointmentView } from '../../preload/contract.js';
import { formatTime } from '../format.js';
import { useI18n } from '../i18n/index.js';
import { isCheckedIn, type CheckInResult } from '../results.js';
import { CheckInButton, cardNote, cardTitleId } from './AppointmentCard.js';
import { Icon } from './Icon.js';

interface Props {
  appointments: AppointmentView[];
  /** Outcomes of the check-in just made; they win over an appointment's state. */
  results: readonly CheckInResult[];
  timezone: string;
  onCheckIn?: (key: string) => void;
}

export function DayList({ appointments, results, timezone, onCheckIn }: Props) {
  const { t, lang } = useI18n();
  return (
    <ul class="result-list">
      {appointments.map((a) => {
        const r = results.find((x) => x.key === a.key);
        const open = !r && a.state === 'open';
        const note = r ? null : cardNote(a, t, lang, timezone);
        const ok = r ? isCheckedIn(r.outcome) : a.state === 'checked_in';
        const video = note?.icon === 'video';
        const tone = ok ? 'ok' : open || r?.outcome === 'recorded_offline' || a.state === 'too_early' || video ? 'info' : 'warn';
        const line = r
          ? r.outcome === 'too_early' && r.opensAt
            ? t.opensAt(formatTime(r.opensAt, lang, timezone))
            : t.outcomeLine[r.outcome]
          : (note?.text ?? '');
        return (
          <li class={`result tone-${tone}`} key={a.key} data-appointment={a.key} data-outcome={r?.outcome ?? a.state}>
            <Icon name={ok ? 'check' : open ? 'arrow' : video ? 'video' : tone === 'info' ? 'info' : 'desk'} />
            <div>
              <p class="result-appt" id={cardTitleId(a.key)}>
                <span class="time">{formatTime(a.start, lang, timezone)}</span> · {a.clinician}
              </p>
              {line ? <p class="result-line">{line}</p> : null}
              {open && onCheckIn ? <CheckInButton apptKey={a.key} onClick={() => onCheckIn(a.key)} /> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
