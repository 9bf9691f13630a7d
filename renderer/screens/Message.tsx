/**
 * Every way a visit can end short of "checked in": not found, an error from main, or check-in
 * results that were not all successful. Each one ends by sending the patient to the front desk.
 * For staff helping a patient it is also where a check-in or an undo ends (success included): staff
 * read it and go back to their panel themselves, and the patient's "see the desk" lines are left out.
 */
import type { AppointmentView, CheckInOutcome, Language } from '../../preload/contract.js';
import { LeaveButton } from '../components/Buttons.js';
import { Icon, type IconName } from '../components/Icon.js';
import { Screen } from '../components/Screen.js';
import { errorAction } from '../errors.js';
import { formatTime } from '../format.js';
import { useI18n, type Messages } from '../i18n/index.js';
import { isCheckedIn, sharedOutcome, type CheckInResult } from '../results.js';
import type { Action, Message as MessageData, UndoOutcome } from '../state/index.js';

interface Props {
  message: MessageData;
  appointments: AppointmentView[];
  timezone: string;
  /** Staff helping a patient: staff words, and the way out is back to the staff panel. */
  staff: boolean;
  dispatch: (a: Action) => void;
  /** "Start over" (patient) or "Back to staff panel" (staff). */
  onLeave: () => void;
}

interface View {
  tone: 'warn' | 'info' | 'ok';
  icon: IconName;
  title: string;
  body: string;
  canRetry: boolean;
}

function resultView(r: CheckInResult, t: Messages, lang: Language, tz: string): View {
  const base = { tone: 'warn' as const, icon: 'desk' as const, body: t.seeDesk, canRetry: false };
  switch (r.outcome) {
    case 'checked_in':
    case 'already_checked_in': // only reached inside a mixed list; kept total for safety
      return { ...base, tone: 'ok', icon: 'check', title: t.outcomeLine[r.outcome], body: '' };
    case 'recorded_offline':
      return { ...base, tone: 'info', icon: 'info', title: t.outcomeTitle.recorded_offline, body: t.offlineBody };
    case 'too_early': {
      const time = r.opensAt ? formatTime(r.opensAt, lang, tz) : '';
      return { ...base, tone: 'info', icon: 'clock', title: t.outcomeTitle.too_early, body: time ? t.tooEarlyBody(time) : t.seeDesk };
    }
    case 'not_eligible': // the title already sends the patient to the desk
      return { ...base, title: t.outcomeTitle.not_eligible, body: '' };
    default:
      return { ...base, title: t.outcomeTitle[r.outcome] };
  }
}

/** What staff are told after checking in one appointment for a patient. */
function staffCheckInView(outcome: CheckInOutcome, t: Messages): View {
  const title = t.assistCheckInTitle[outcome];
  if (isCheckedIn(outcome)) return { tone: 'ok', icon: 'check', title, body: '', canRetry: false };
  if (outcome === 'recorded_offline') return { tone: 'info', icon: 'info', title, body: t.assistOfflineBody, canRetry: false };
  if (outcome === 'failed') return { tone: 'warn', icon: 'alert', title, body: t.assistFailedBody, canRetry: true };
  return { tone: 'warn', icon: 'desk', title, body: '', canRetry: false };
}

const UNDO_VIEW: Readonly<Record<UndoOutcome, Pick<View, 'tone' | 'icon'>>> = {
  undone: { tone: 'ok', icon: 'check' },
  not_checked_in: { tone: 'info', icon: 'info' },
  failed: { tone: 'warn', icon: 'alert' },
};

function viewOf(m: MessageData, t: Messages, lang: Language, tz: string, staff: boolean): View {
  switch (m.kind) {
    case 'not_found':
      if (staff) return { tone: 'warn', icon: 'alert', title: t.assistNoMatch, body: '', canRetry: m.canRetry };
      return { tone: 'warn', icon: 'desk', title: t.notFoundTitle, body: t.seeDesk, canRetry: m.canRetry };
    case 'error': {
      const action = errorAction(m.code);
      const retry = action === 'retry';
      if (staff) {
        const title = m.code === 'session_expired' ? t.assistExpired : t.errors[m.code];
        return { tone: 'warn', icon: 'alert', title, body: '', canRetry: retry };
      }
      const body = action === 'start_over' ? t.expiredBody : t.seeDesk;
      return { tone: 'warn', icon: 'alert', title: t.errors[m.code], body, canRetry: retry };
    }
    case 'staff-check-in':
      return staffCheckInView(m.outcome, t);
    case 'staff-undo':
      return { ...UNDO_VIEW[m.outcome], title: t.assistUndoTitle[m.outcome], body: '', canRetry: m.outcome === 'failed' };
    case 'check-in': {
      const one = sharedOutcome(m.results);
      if (one) return resultView(one, t, lang, tz);
      return { tone: 'warn', icon: 'desk', title: t.resultsTitle, body: t.seeDesk, canRetry: false };
    }
  }
}

function ResultList({ results, appointments, timezone }: { results: CheckInResult[]; appointments: AppointmentView[]; timezone: string }) {
  const { t, lang } = useI18n();
  return (
    <ul class="result-list">
      {results.map((r) => {
        const a = appointments.find((x) => x.key === r.key);
        const ok = isCheckedIn(r.outcome);
        const line = r.outcome === 'too_early' && r.opensAt ? t.opensAt(formatTime(r.opensAt, lang, timezone)) : t.outcomeLine[r.outcome];
        return (
          <li class={`result tone-${ok ? 'ok' : r.outcome === 'recorded_offline' ? 'info' : 'warn'}`} key={r.key} data-outcome={r.outcome}>
            <Icon name={ok ? 'check' : r.outcome === 'recorded_offline' ? 'info' : 'desk'} />
            <div>
              {a ? (
                <p class="result-appt">
                  {formatTime(a.start, lang, timezone)} · {a.clinician}
                </p>
              ) : null}
              <p class="result-line">{line}</p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** Which appointment a staff result is about: time and clinician, as on its card. */
function AppointmentLine({ appointment, timezone }: { appointment: AppointmentView; timezone: string }) {
  const { lang } = useI18n();
  return (
    <p class="result-appt">
      {formatTime(appointment.start, lang, timezone)} · {appointment.clinician}
    </p>
  );
}

export function Message({ message, appointments, timezone, staff, dispatch, onLeave }: Props) {
  const { t, lang } = useI18n();
  const v = viewOf(message, t, lang, timezone, staff);
  const list = message.kind === 'check-in' && !sharedOutcome(message.results) ? message.results : null;
  const about = message.kind === 'staff-check-in' || message.kind === 'staff-undo' ? appointments.find((a) => a.key === message.key) : null;
  return (
    <Screen
      name="message"
      icon={v.icon}
      variant={`centered outcome tone-${v.tone}`}
      title={v.title}
      actions={
        message.kind === 'check-in' ? (
          // The visit is over either way: "Done" reads better than "Start over" here.
          <button type="button" class="btn primary" onClick={onLeave}>
            {t.done}
          </button>
        ) : (
          <>
            <LeaveButton staff={staff} onClick={onLeave} />
            {v.canRetry ? (
              <button type="button" class="btn primary" onClick={() => dispatch({ type: 'try-again' })}>
                {t.tryAgain}
              </button>
            ) : null}
          </>
        )
      }
    >
      <div role="status" class="outcome-body">
        {list ? <ResultList results={list} appointments={appointments} timezone={timezone} /> : null}
        {about ? <AppointmentLine appointment={about} timezone={timezone} /> : null}
        {v.body ? <p class="lead strong">{v.body}</p> : null}
      </div>
    </Screen>
  );
}
