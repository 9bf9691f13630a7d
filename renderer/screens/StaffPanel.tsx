/**
 * The staff panel: helping a patient check in, the day's schedule, walk-ins and kiosk activity, this
 * kiosk's id and connection, the check-ins main could not send yet (whose, and for when, from today's
 * schedule, with the short appointment reference staff look up in the EHR), and the staff actions.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Health, StaffOverview } from '../../preload/contract.js';
import { healthView } from '../health.js';
import { AudioStaffSection, type AudioStaffInfo } from '../components/AudioStaffSection.js';
import { Icon } from '../components/Icon.js';
import { PauseAlert } from '../components/PauseAlert.js';
import { PinConfirm } from '../components/PinConfirm.js';
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
  onLock: () => void;
  audio?: AudioStaffInfo | undefined;
}

function KioskFacts({ kioskId, health, timezone }: { kioskId: string; health: Health; timezone: string }) {
  const { t, lang } = useI18n();
  const state = healthView(health);
  const ok = state === 'ok';
  return (
    <dl class="staff-facts">
      <div>
        <dt>{t.kioskIdLabel}</dt>
        <dd>{kioskId}</dd>
      </div>
      <div>
        <dt>{t.connection}</dt>
        <dd class={`health health-${ok ? 'ok' : state === 'unknown' ? 'unknown' : 'problem'}`} data-health={state}>
          <Icon name={ok ? 'check' : state === 'unknown' ? 'clock' : 'offline'} />
          <span>
            {state === 'unknown' ? t.healthNotChecked : t.staffHealth[state]}
            {health.checkedAt ? <span class="staff-checked">{t.healthCheckedAt(formatTime(health.checkedAt, lang, timezone))}</span> : null}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t.lastProblem}</dt>
        <dd data-last-problem={health.lastError?.code ?? 'none'}>
          {health.lastError ? t.lastProblemAt(formatTime(health.lastError.at, lang, timezone), health.lastError.code) : t.noProblem}
        </dd>
      </div>
    </dl>
  );
}

function OutboxList({ items, timezone }: { items: StaffOverview['outbox']; timezone: string }) {
  const { t, lang } = useI18n();
  const time = (iso: string) => formatTime(iso, lang, timezone);
  const c = t.outboxColumns;
  return (
    <section class="outbox" aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t.outboxTitle}</h2>
      {items.length === 0 ? (
        <p class="outbox-empty">
          <Icon name="check" />
          {t.outboxEmpty}
        </p>
      ) : (
        <table class="outbox-table" aria-labelledby="outbox-title">
          <thead>
            <tr>
              <th scope="col">{c.patient}</th>
              <th scope="col">{c.ref}</th>
              <th scope="col">{c.recorded}</th>
              <th scope="col">{c.attempts}</th>
              <th scope="col">{c.lastError}</th>
              <th scope="col">{c.nextAttempt}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} data-outbox-ref={i.appointmentRef}>
                <th scope="row" class="outbox-patient">
                  {i.patientName ?? t.notOnSchedule}
                </th>
                <td>
                  {i.appointmentStart ? `${time(i.appointmentStart)} · ` : ''}
                  {i.appointmentRef}
                </td>
                <td>{time(i.createdAt)}</td>
                <td>{i.attempts}</td>
                <td class="outbox-error">{i.lastError ?? t.noError}</td>
                <td>{i.state === 'sending' ? t.sendingNow : time(i.nextAttemptAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function StaffPanel({ staff, busy, timezone, dispatch, onLock, audio }: Props) {
  const { t } = useI18n();
  const o = staff.overview;
  // After "No" the question is gone: focus goes back to the Exit button it came from.
  const exitButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(staff.confirmingExit);
  useEffect(() => {
    if (asked.current && !staff.confirmingExit) exitButton.current?.focus();
    asked.current = staff.confirmingExit;
  }, [staff.confirmingExit]);
  const actions = (
    <>
      <button type="button" class="btn secondary" onClick={onLock}>
        {t.lock}
      </button>
      <button type="button" class="btn secondary" ref={exitButton} onClick={() => dispatch({ type: 'staff-exit-ask' })}>
        {t.exitKiosk}
      </button>
      <button type="button" class="btn secondary" onClick={() => dispatch({ type: 'staff-refresh' })}>
        {t.refresh}
      </button>
      <button type="button" class="btn primary" onClick={() => dispatch({ type: 'staff-retry' })}>
        {t.retryNow}
      </button>
    </>
  );
  return (
    <Screen name="staff" variant="staff" title={t.staffTitle} lead={t.staffLead} actions={actions}>
      {/* First in the body: helping a patient at the kiosk is what staff come here for most. */}
      <button type="button" class="btn secondary assist-start" onClick={() => dispatch({ type: 'assist-start' })}>
        <Icon name="person" />
        {t.assistStart}
        <Icon name="arrow" />
      </button>
      <div class="staff-tasks">
        <button type="button" class="btn secondary" onClick={() => dispatch({ type: 'day-open' })}>
          <Icon name="clock" />
          {t.dayOpen}
        </button>
        <button type="button" class="btn secondary" onClick={() => dispatch({ type: 'walk-in-start' })}>
          <Icon name="person" />
          {t.walkInOpen}
        </button>
        <button type="button" class="btn secondary" onClick={() => dispatch({ type: 'activity-open' })}>
          <Icon name="info" />
          {t.activityOpen}
        </button>
      </div>
      {o?.pausedUntil ? <PauseAlert until={o.pausedUntil} timezone={timezone} dispatch={dispatch} /> : null}
      {o?.records?.length ? (
        <div class="staff-alert" role="alert" data-records>
          {o.records.map((r) => (
            <p key={r.sink} data-record-sink={r.sink}>
              {t.recordTrouble(r.sink, r.dropped, r.lastError)}
            </p>
          ))}
        </div>
      ) : null}
      {o ? (
        <>
          <KioskFacts kioskId={o.kioskId} health={o.health} timezone={timezone} />
          <OutboxList items={o.outbox} timezone={timezone} />
        </>
      ) : null}
      {audio ? <AudioStaffSection {...audio} /> : null}
      {/* Last, just above the buttons: what the tapped button led to is read where the finger is. */}
      <StaffNoticeLine notice={staff.confirmingExit ? null : staff.notice} busyText={busy ? t.staffWorking : null} timezone={timezone} />
      {staff.confirmingExit ? (
        <PinConfirm
          id="exit"
          question={t.exitQuestion}
          warning={t.exitWarning}
          yes={t.exitYes}
          no={t.exitNo}
          pinLength={staff.pin.length}
          notice={staff.notice}
          timezone={timezone}
          dispatch={dispatch}
          onYes={() => dispatch({ type: 'staff-exit-confirm' })}
          onNo={() => dispatch({ type: 'staff-exit-cancel' })}
        />
      ) : null}
    </Screen>
  );
}
