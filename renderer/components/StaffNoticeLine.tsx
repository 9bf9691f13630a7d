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
  const problem = !busyText && notice !== null && notice.kind !== 'retried';
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
