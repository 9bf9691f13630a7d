/** The one status line of the staff screens: what the last staff action led to, or that one is under way. */
import { formatTime } from '../format.js';
import { useI18n, type Messages } from '../i18n/index.js';
import type { Language } from '../../preload/contract.js';
import type { StaffNotice } from '../state/index.js';

function noticeText(n: StaffNotice, t: Messages, lang: Language, timezone: string): string {
  switch (n.kind) {
    case 'wrong_pin':
      return t.wrongPin(n.attemptsLeft);
    case 'pin_rejected':
      return t.pinRejected;
    case 'locked_out':
      return t.pinLockedOut(formatTime(n.until, lang, timezone));
    case 'not_provisioned':
      return t.pinNotProvisioned;
    case 'retried':
      return t.retried(n.waiting);
    case 'failed':
      return t.staffFailed;
    case 'day-check-in':
      return `${n.name}: ${t.dayCheckInOutcome[n.outcome]}`;
    case 'day-undo':
      return `${n.name}: ${t.dayUndoOutcome[n.outcome]}`;
    case 'walk-in-created':
      return t.walkInCreated(n.name, formatTime(n.start, lang, timezone));
    case 'walk-in-failed':
      return t.walkInFailed[n.reason];
    case 'pause-lifted':
      return n.lifted ? t.pauseLifted : t.pauseNotActive;
  }
}

function isProblem(n: StaffNotice): boolean {
  switch (n.kind) {
    case 'retried':
    case 'walk-in-created':
    case 'pause-lifted':
      return false;
    case 'day-check-in':
      return n.outcome !== 'checked_in' && n.outcome !== 'already_checked_in';
    case 'day-undo':
      return n.outcome === 'failed';
    default:
      return true;
  }
}

interface Props {
  notice: StaffNotice | null;
  /** Text shown while a call is in flight; it wins over an older notice. */
  busyText: string | null;
  timezone: string;
}

export function StaffNoticeLine({ notice, busyText, timezone }: Props) {
  const { t, lang } = useI18n();
  const problem = !busyText && notice !== null && isProblem(notice);
  // Always rendered, even empty: a live region must exist before its text changes to be announced.
  return (
    <p class={problem ? 'staff-note problem' : 'staff-note'} role="status" data-notice={busyText ? 'busy' : (notice?.kind ?? 'none')}>
      {problem ? (
        <span class="note-icon" aria-hidden="true">
          !
        </span>
      ) : null}
      {busyText ?? (notice ? noticeText(notice, t, lang, timezone) : '')}
    </p>
  );
}
