/**
 * Every way a visit can end short of "checked in": not found, an error from main, or check-in
 * results that were not all successful. Each one ends by sending the patient to the front desk.
 */
import type { AppointmentView, Language } from '../../preload/contract.js';
import { StartOverButton } from '../components/Buttons.js';
import { Icon, type IconName } from '../components/Icon.js';
import { Screen } from '../components/Screen.js';
import { errorAction } from '../errors.js';
import { formatTime } from '../format.js';
import { useI18n, type Messages } from '../i18n/index.js';
import { isCheckedIn, sharedOutcome, type CheckInResult } from '../results.js';
import type { Action, Message as MessageData } from '../state.js';

interface Props {
  message: MessageData;
  appointments: AppointmentView[];
  timezone: string;
  dispatch: (a: Action) => void;
  onStartOver: () => void;
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

function viewOf(m: MessageData, t: Messages, lang: Language, tz: string): View {
  switch (m.kind) {
    case 'not_found':
      return { tone: 'warn', icon: 'desk', title: t.notFoundTitle, body: t.seeDesk, canRetry: m.canRetry };
    case 'error': {
      const action = errorAction(m.code);
      const body = action === 'start_over' ? t.expiredBody : t.seeDesk;
      return { tone: 'warn', icon: 'alert', title: t.errors[m.code], body, canRetry: action === 'retry' };
    }
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

export function Message({ message, appointments, timezone, dispatch, onStartOver }: Props) {
  const { t, lang } = useI18n();
  const v = viewOf(message, t, lang, timezone);
  const list = message.kind === 'check-in' && !sharedOutcome(message.results) ? message.results : null;
  return (
    <Screen
      name="message"
      icon={v.icon}
      variant={`centered outcome tone-${v.tone}`}
      title={v.title}
      actions={
        message.kind === 'check-in' ? (
          // The visit is over either way: "Done" reads better than "Start over" here.
          <button type="button" class="btn primary" onClick={onStartOver}>
            {t.done}
          </button>
        ) : (
          <>
            <StartOverButton onClick={onStartOver} />
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
        {v.body ? <p class="lead strong">{v.body}</p> : null}
      </div>
    </Screen>
  );
}
