/**
 * Registering a walk-in, after the check-in screens found the patient's record: which patient (when
 * more than one matched), then clinician, appointment type, location and length, each a row of large
 * choices. The visit starts now; main creates it in the EHR and it joins today's schedule.
 */
import type { Choice } from '../../preload/contract.js';
import { BackToPanelButton } from '../components/Buttons.js';
import { Screen } from '../components/Screen.js';
import { StaffNoticeLine } from '../components/StaffNoticeLine.js';
import { formatCalendarDate } from '../format.js';
import { useI18n } from '../i18n/index.js';
import { walkInComplete, type Action, type Staff, type WalkInChoice } from '../state/index.js';

interface Props {
  staff: Staff;
  busy: boolean;
  timezone: string;
  dispatch: (a: Action) => void;
  onBackToPanel: () => void;
}

/** One row of large choices; `chosen` is pressed. */
function Choices({
  id,
  title,
  list,
  chosen,
  onPick,
}: {
  id: string;
  title: string;
  list: readonly Choice[];
  chosen: string | null;
  onPick: (key: string) => void;
}) {
  return (
    <fieldset class="walk-in-group" data-choice={id}>
      <legend>{title}</legend>
      <div class="walk-in-choices">
        {list.map((c) => (
          <button type="button" class="chip" aria-pressed={chosen === c.key} key={c.key} onClick={() => onPick(c.key)}>
            {c.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

export function StaffWalkIn({ staff, busy, timezone, dispatch, onBackToPanel }: Props) {
  const { t, lang } = useI18n();
  const w = staff.walkIn;
  if (!w) return null;
  const patients = (w.patients ?? []).map((p) => ({
    key: p.key,
    label: `${p.fullName}, ${t.walkInBorn(formatCalendarDate(p.birthDate, lang))}`,
  }));
  const o = w.options;
  const choose = (field: WalkInChoice) => (key: string) => dispatch({ type: 'walk-in-choose', field, key });
  const actions = (
    <>
      <BackToPanelButton onClick={onBackToPanel} />
      <button type="button" class="btn primary" disabled={!walkInComplete(w)} onClick={() => dispatch({ type: 'walk-in-create' })}>
        {t.walkInCreate}
      </button>
    </>
  );
  return (
    <Screen name="staff-walk-in" variant="staff walk-in" title={t.walkInTitle} lead={t.walkInLead} actions={actions}>
      <Choices id="patient" title={t.walkInPatient} list={patients} chosen={w.patientKey} onPick={choose('patientKey')} />
      <Choices
        id="clinician"
        title={t.walkInClinician}
        list={o.practitioners}
        chosen={w.practitionerKey}
        onPick={choose('practitionerKey')}
      />
      {o.appointmentTypes.length ? (
        <Choices
          id="type"
          title={t.walkInType}
          list={o.appointmentTypes}
          chosen={w.appointmentTypeKey}
          onPick={choose('appointmentTypeKey')}
        />
      ) : (
        <p class="staff-alert">{t.walkInNoTypes}</p>
      )}
      {o.locations.length > 1 ? (
        <Choices id="location" title={t.walkInLocation} list={o.locations} chosen={w.locationKey} onPick={choose('locationKey')} />
      ) : null}
      <Choices
        id="length"
        title={t.walkInLength}
        list={o.durations.map((m) => ({ key: String(m), label: t.walkInMinutes(m) }))}
        chosen={String(w.minutes)}
        onPick={(key) => dispatch({ type: 'walk-in-minutes', minutes: Number(key) })}
      />
      <StaffNoticeLine notice={staff.notice} busyText={busy ? t.staffWorking : null} timezone={timezone} />
    </Screen>
  );
}
