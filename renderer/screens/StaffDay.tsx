/**
 * Today's schedule for the front desk: every appointment of the day (time, patient, clinician, EHR
 * status, what this kiosk did), filtered by status and name, with check in or undo from the row where
 * main allows it. A busy day has thousands of rows, so only the rows in view are rendered (a fixed row
 * height, measured once per text size), and the table tells assistive technology the full count.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ScheduleRow } from '../../preload/contract.js';
import { BackToPanelButton } from '../components/Buttons.js';
import { Icon } from '../components/Icon.js';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard.js';
import { PinConfirm } from '../components/PinConfirm.js';
import { Screen } from '../components/Screen.js';
import { StaffNoticeLine } from '../components/StaffNoticeLine.js';
import { formatTime } from '../format.js';
import { useI18n } from '../i18n/index.js';
import { DAY_FILTERS, filterCounts, rowWindow, visibleRows } from '../staffDay.js';
import type { Action, Staff } from '../state/index.js';

interface Props {
  staff: Staff;
  confirmUndo: string | undefined;
  busy: boolean;
  timezone: string;
  dispatch: (a: Action) => void;
}

/** Until a row was measured (rem × text size changes it), a guess close to the CSS height. */
const GUESS_ROW_PX = 76;

function DayRow({ row, index, timezone, dispatch }: { row: ScheduleRow; index: number; timezone: string; dispatch: (a: Action) => void }) {
  const { t, lang } = useI18n();
  const nameId = `day-name-${row.key}`;
  return (
    <div class="day-row" role="row" aria-rowindex={index + 2} data-row={row.key} data-status={row.status}>
      <span role="cell" class="day-time">
        {formatTime(row.start, lang, timezone)}
      </span>
      <span role="cell" class="day-patient" id={nameId}>
        {row.patientName}
        {row.walkIn ? <span class="day-tag">{t.walkInTag}</span> : null}
        {row.visit === 'video' ? <span class="day-tag">{t.videoTag}</span> : null}
      </span>
      <span role="cell" class="day-clinician">
        {row.clinician}
      </span>
      <span role="cell" class="day-status">
        {t.dayStatus[row.status]}
      </span>
      <span role="cell" class={`day-kiosk${row.kiosk ? ` kiosk-${row.kiosk}` : ''}`} data-kiosk={row.kiosk ?? 'none'}>
        {row.kiosk ? t.dayKiosk[row.kiosk] : ''}
      </span>
      <span role="cell" class="day-action">
        {row.action === 'check_in' ? (
          <button
            type="button"
            class="btn primary"
            aria-describedby={nameId}
            onClick={() => dispatch({ type: 'day-check-in', key: row.key })}
          >
            {t.dayCheckIn}
          </button>
        ) : row.action === 'undo' ? (
          <button
            type="button"
            class="btn secondary"
            aria-describedby={nameId}
            onClick={() => dispatch({ type: 'day-undo-ask', key: row.key })}
          >
            {t.dayUndo}
          </button>
        ) : null}
      </span>
    </div>
  );
}

function WindowedRows({
  rows,
  focus,
  timezone,
  dispatch,
}: {
  rows: ScheduleRow[];
  focus: string | null;
  timezone: string;
  dispatch: (a: Action) => void;
}) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const [rowPx, setRowPx] = useState(GUESS_ROW_PX);
  const [view, setView] = useState({ top: 0, height: 600 });
  const { start, end } = rowWindow(rows.length, rowPx, view.top, view.height);

  // Measure one real row (text size and viewport change it) and the scroller's height.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      const h = el.querySelector<HTMLElement>('.day-row')?.offsetHeight;
      if (h && Math.abs(h - rowPx) > 0.5) setRowPx(h);
      setView((v) => (v.height === el.clientHeight ? v : { ...v, height: el.clientHeight }));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [rowPx, rows.length > 0]);

  // A row to bring into view (a walk-in just registered).
  useEffect(() => {
    const el = scroller.current;
    const i = focus ? rows.findIndex((r) => r.key === focus) : -1;
    if (el && i >= 0) el.scrollTop = Math.max(0, i * rowPx - el.clientHeight / 3);
  }, [focus, rows.length > 0, rowPx]);

  if (rows.length === 0) return <p class="day-empty">{t.dayEmpty}</p>;
  return (
    <div
      class="day-scroll"
      ref={scroller}
      onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      data-rows={rows.length}
    >
      <div style={{ height: `${start * rowPx}px` }} aria-hidden="true" />
      {rows.slice(start, end).map((r, i) => (
        <DayRow row={r} index={start + i} timezone={timezone} dispatch={dispatch} key={r.key} />
      ))}
      <div style={{ height: `${(rows.length - end) * rowPx}px` }} aria-hidden="true" />
    </div>
  );
}

export function StaffDay({ staff, confirmUndo, busy, timezone, dispatch }: Props) {
  const { t, lang } = useI18n();
  const day = staff.day;
  const all = day?.rows ?? [];
  const rows = useMemo(() => visibleRows(all, staff.dayFilter, staff.dayName), [all, staff.dayFilter, staff.dayName]);
  const counts = useMemo(() => filterCounts(all, staff.dayName), [all, staff.dayName]);
  const c = t.dayColumns;
  const undoRow = confirmUndo ? all.find((r) => r.key === confirmUndo) : undefined;
  const actions = (
    <>
      <BackToPanelButton onClick={() => dispatch({ type: 'staff-back' })} />
      <button type="button" class="btn secondary" onClick={() => dispatch({ type: 'walk-in-start' })}>
        {t.walkInOpen}
      </button>
      <button type="button" class="btn primary" onClick={() => dispatch({ type: 'day-refresh' })}>
        {t.refresh}
      </button>
    </>
  );
  return (
    <Screen
      name="staff-day"
      variant="staff staff-day"
      title={t.dayTitle}
      lead={day ? t.dayLead(all.length, day.loadedAt ? formatTime(day.loadedAt, lang, timezone) : null) : t.dayLoading}
      actions={actions}
    >
      {day && !day.ready ? <p class="staff-alert">{t.dayNotReady}</p> : null}
      <div class="day-tools">
        <div class="day-filters" role="group" aria-label={t.dayFilterLabel}>
          {DAY_FILTERS.map((f) => (
            <button
              type="button"
              class="chip"
              aria-pressed={staff.dayFilter === f}
              data-filter={f}
              key={f}
              onClick={() => dispatch({ type: 'day-filter', filter: f })}
            >
              {t.dayFilters[f]} <span class="chip-count">{counts[f]}</span>
            </button>
          ))}
        </div>
        <div class="day-search">
          <button type="button" class="chip" aria-expanded={staff.daySearching} onClick={() => dispatch({ type: 'day-search-toggle' })}>
            <Icon name="person" />
            {staff.dayName ? t.daySearchFor(staff.dayName) : t.daySearch}
          </button>
          {staff.dayName ? (
            <button type="button" class="chip" onClick={() => dispatch({ type: 'day-search-clear' })}>
              {t.daySearchClear}
            </button>
          ) : null}
        </div>
      </div>
      {staff.daySearching ? (
        <div class="day-keyboard">
          <OnScreenKeyboard
            onKey={(ch) => dispatch({ type: 'day-search-key', ch })}
            onDelete={() => dispatch({ type: 'day-search-delete' })}
            onSubmit={() => dispatch({ type: 'day-search-toggle' })}
          />
        </div>
      ) : null}
      <div class="day-table" role="table" aria-label={t.dayTitle} aria-rowcount={rows.length + 1}>
        <div class="day-row day-head" role="row" aria-rowindex={1}>
          <span role="columnheader">{c.time}</span>
          <span role="columnheader">{c.patient}</span>
          <span role="columnheader">{c.clinician}</span>
          <span role="columnheader">{c.status}</span>
          <span role="columnheader">{c.kiosk}</span>
          <span role="columnheader">{c.action}</span>
        </div>
        {day ? <WindowedRows rows={rows} focus={staff.dayFocus} timezone={timezone} dispatch={dispatch} /> : null}
      </div>
      <StaffNoticeLine notice={confirmUndo ? null : staff.notice} busyText={busy ? t.staffWorking : null} timezone={timezone} />
      {confirmUndo ? (
        <PinConfirm
          id="day-undo"
          question={t.undoQuestion}
          warning={t.undoWarning}
          subject={undoRow ? `${formatTime(undoRow.start, lang, timezone)} · ${undoRow.patientName}` : undefined}
          yes={t.undoYes}
          no={t.undoNo}
          pinLength={staff.pin.length}
          notice={staff.notice}
          timezone={timezone}
          dispatch={dispatch}
          onYes={() => dispatch({ type: 'day-undo-confirm' })}
          onNo={() => dispatch({ type: 'day-undo-cancel' })}
        />
      ) : null}
    </Screen>
  );
}
