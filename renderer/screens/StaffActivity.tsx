/**
 * What this kiosk did today, in counts only (no patient details): check-ins, failures by reason,
 * pauses; and the control to lift a kiosk-wide identification pause (audited in main).
 */
import { BackToPanelButton } from '../components/Buttons.js';
import { PauseAlert } from '../components/PauseAlert.js';
import { Screen } from '../components/Screen.js';
import { StaffNoticeLine } from '../components/StaffNoticeLine.js';
import { formatTime } from '../format.js';
import { useI18n } from '../i18n/index.js';
import type { Action, Staff } from '../state/index.js';

interface Props {
  staff: Staff;
  busy: boolean;
  timezone: string;
  dispatch: (a: Action) => void;
}

const COUNTS = ['checkIns', 'alreadyCheckedIn', 'recordedOffline', 'delivered', 'walkIns', 'pauses', 'pauseLifts'] as const;

export function StaffActivity({ staff, busy, timezone, dispatch }: Props) {
  const { t, lang } = useI18n();
  const a = staff.activity;
  const actions = (
    <>
      <BackToPanelButton onClick={() => dispatch({ type: 'staff-back' })} />
      <button type="button" class="btn primary" onClick={() => dispatch({ type: 'activity-open' })}>
        {t.refresh}
      </button>
    </>
  );
  return (
    <Screen
      name="staff-activity"
      variant="staff"
      title={t.activityTitle}
      lead={a ? t.activityLead(formatTime(a.since, lang, timezone)) : undefined}
      actions={actions}
    >
      {a?.pausedUntil ? (
        <PauseAlert until={a.pausedUntil} timezone={timezone} dispatch={dispatch} />
      ) : a ? (
        <p class="activity-pause" data-paused="false">
          {t.activityNotPaused}
        </p>
      ) : null}
      {a ? (
        <div class="activity">
          <dl class="staff-facts activity-counts">
            {COUNTS.map((k) => (
              <div key={k} data-count={k}>
                <dt>{t.activityCounts[k]}</dt>
                <dd>{a[k]}</dd>
              </div>
            ))}
          </dl>
          <section aria-labelledby="failures-title">
            <h2 id="failures-title">{t.activityFailures}</h2>
            {a.failures.length ? (
              <ul class="activity-failures">
                {a.failures.map((f) => (
                  <li key={f.reason} data-reason={f.reason}>
                    <code>{f.reason}</code> <span>{f.count}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t.activityNoFailures}</p>
            )}
          </section>
        </div>
      ) : null}
      <StaffNoticeLine notice={staff.notice} busyText={busy ? t.staffWorking : null} timezone={timezone} />
    </Screen>
  );
}
