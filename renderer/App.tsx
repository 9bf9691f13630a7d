/**
 * The app shell: owns the one reducer, runs the calls to main that the reducer asks for, and renders
 * the current screen. The patient part of the tree is keyed on `generation`, so a reset remounts it
 * and no previous patient's text survives in the DOM. Staff mode is entered from a hidden corner on
 * any screen and left the same way a patient leaves: a reset. From the staff panel, staff can run the
 * patient's check-in screens for a patient (`mode: 'staff'`), under a staff banner, and come back.
 */
import { useEffect, useReducer, useRef } from 'preact/hooks';
import type { KioskApi } from '../preload/api.js';
import type { Result } from '../preload/contract.js';
import { AssistBanner } from './components/AssistBanner.js';
import { IdleGuard } from './components/IdleGuard.js';
import { StaffCorner } from './components/StaffCorner.js';
import { TopBar } from './components/TopBar.js';
import { I18n, dictionaries } from './i18n/index.js';
import { failure, kioskApi, safely } from './kiosk.js';
import { Appointments } from './screens/Appointments.js';
import { AssistAppointments } from './screens/AssistAppointments.js';
import { BirthDate } from './screens/BirthDate.js';
import { Cooldown } from './screens/Cooldown.js';
import { Done } from './screens/Done.js';
import { Loading } from './screens/Loading.js';
import { Message } from './screens/Message.js';
import { NameEntry } from './screens/NameEntry.js';
import { StaffPanel } from './screens/StaffPanel.js';
import { StaffPin } from './screens/StaffPin.js';
import { Unconfigured } from './screens/Unconfigured.js';
import { Welcome } from './screens/Welcome.js';
import { Working } from './screens/Working.js';
import {
  canOpenStaff,
  defaultLang,
  initialState,
  isPatientScreen,
  isStaffMode,
  reduce,
  type Action,
  type Pending,
  type State,
} from './state.js';

const HEALTH_POLL_MS = 30_000;
const SLOW_MS = 4_000;
/** Main has its own timeouts; this only keeps a lost reply from freezing the kiosk. */
const CALL_TIMEOUT_MS = 60_000;
const FALLBACK_TIMINGS = { idleSeconds: 60, warningSeconds: 20 };

export function App() {
  const [state, dispatch] = useReducer(reduce, undefined, initialState);
  const latest = useRef<State>(state);
  latest.current = state;
  const t = dictionaries[state.lang];

  // Kiosk info once at start; then every 30 s either health (when working) or info again (until it is).
  useEffect(() => {
    const loadInfo = async () => {
      const api = kioskApi();
      if (!api) return dispatch({ type: 'info-failed', message: 'window.kiosk is not available.' });
      const r = await safely(() => api.info());
      dispatch(r.ok ? { type: 'info-loaded', info: r.value } : { type: 'info-failed', message: r.error.message });
    };
    void loadInfo();
    const id = setInterval(() => {
      const s = latest.current;
      const api = kioskApi();
      if (!s.info || s.info.mode === 'unconfigured') return void loadInfo();
      if (api) void safely(() => api.health()).then((r) => r.ok && dispatch({ type: 'health', health: r.value }));
    }, HEALTH_POLL_MS);
    return () => clearInterval(id);
  }, []);

  // Run the call the reducer asked for; its answer comes back as an action tagged with the same id.
  const pending = state.pending;
  useEffect(() => (pending ? startCall(pending, dispatch) : undefined), [pending?.id]);

  useEffect(() => {
    document.documentElement.lang = state.lang;
    document.title = t.docTitle;
  }, [state.lang]);

  useEffect(() => {
    document.documentElement.classList.toggle('large-text', state.largeText);
  }, [state.largeText]);

  // Each screen's <h1> takes focus on arrival, so screen readers and keyboards start at the top.
  // Arrival is a new screen name (or generation): the staff undo question on the appointments screen
  // is the same screen, and takes focus itself.
  useEffect(() => {
    document.querySelector<HTMLElement>('#screen-title')?.focus();
  }, [state.screen.name, state.generation]);

  /** Tell main to forget the patient's session and end staff mode: nothing either could do stays usable. */
  const endSessions = () => {
    endPatientSession(latest.current.patient.session);
    const staffSession = latest.current.staff.session;
    const api = kioskApi();
    if (staffSession && api) void safely(() => api.staffLock({ staffSession }));
  };

  /** Full reset (also "Lock" in staff mode): end the sessions in main, then drop every trace of them here. */
  const startOver = () => {
    endSessions();
    dispatch({ type: 'reset' });
  };

  /** The hidden gesture: a patient flow in progress is ended exactly like a reset. */
  const openStaff = () => {
    if (!canOpenStaff(latest.current)) return;
    endSessions();
    dispatch({ type: 'staff-open' });
  };

  /** "Back to staff panel": the helped patient's session ends in main too; staff mode stays unlocked. */
  const backToPanel = () => {
    const s = latest.current;
    if (s.pending || s.mode !== 'staff') return;
    endPatientSession(s.patient.session);
    dispatch({ type: 'assist-exit' });
  };

  const screenName = state.screen.name;
  const onWelcome = screenName === 'welcome';
  // Includes the patient screens run by staff: idle there relocks staff mode (and says so), like the panel.
  const inStaffMode = isStaffMode(state);
  const leftSomething = state.lang !== defaultLang(state.info) || state.largeText;
  const timings = state.info ?? FALLBACK_TIMINGS;

  return (
    <I18n.Provider value={{ t, lang: state.lang }}>
      <div class="app">
        <StaffCorner onGesture={openStaff} />
        <TopBar
          clinicName={onWelcome ? null : (state.info?.clinicName ?? null)}
          largeText={state.largeText}
          disabled={state.pending !== null}
          onToggleText={() => dispatch({ type: 'toggle-large-text' })}
        />
        <main key={state.generation}>
          {state.mode === 'staff' ? <AssistBanner /> : null}
          {renderScreen(state, dispatch, startOver, backToPanel)}
          <IdleGuard
            enabled={state.pending === null && (isPatientScreen(screenName) || inStaffMode || (onWelcome && leftSomething))}
            warn={!onWelcome}
            staff={inStaffMode}
            idleSeconds={timings.idleSeconds}
            warningSeconds={timings.warningSeconds}
            onExpire={startOver}
          />
        </main>
      </div>
    </I18n.Provider>
  );
}

/**
 * Main forgets a patient's session. For a staff-assisted session it may answer `session_expired`
 * (not a patient channel's to end): either way there is nothing left to do, so the answer is ignored.
 */
function endPatientSession(session: string | null) {
  const api = kioskApi();
  if (session && api) void safely(() => api.endSession({ session }));
}

/**
 * Staff mode locked in main in the middle of a staff-assisted visit: the reducer drops everything on
 * that answer and so loses the patient's session, which main is told to end here, before it does.
 */
function endSessionIfStaffLocked<T>(result: Result<T>, session: string) {
  if (!result.ok && result.error.code === 'staff_locked') endPatientSession(session);
}

/** Starts a call to main and reports its answer (or a timeout) as an action; returns a cleanup for the timers. */
function startCall(p: Pending, dispatch: (a: Action) => void): () => void {
  const api = kioskApi();
  const lost = failure('unavailable', 'No answer from the kiosk service.');
  const timers = [setTimeout(() => dispatch({ type: 'slow', id: p.id }), SLOW_MS)];
  const run = <T,>(invoke: (api: KioskApi) => Promise<Result<T>>, answer: (result: Result<T>) => void) => {
    timers.push(setTimeout(() => answer(lost), CALL_TIMEOUT_MS));
    void safely(() => (api ? invoke(api) : Promise.resolve(lost))).then(answer);
  };
  const { id } = p;
  switch (p.call) {
    case 'identify':
      run(
        (a) => a.identify(p.request),
        (result) => dispatch({ type: 'identified', id, result }),
      );
      break;
    case 'checkIn':
      run(
        (a) => a.checkIn(p.request),
        (result) => dispatch({ type: 'checked-in', id, result }),
      );
      break;
    case 'staffIdentify':
      // No patient session exists until this answers, so a staff_locked here leaves nothing to end.
      run(
        (a) => a.staffIdentify(p.request),
        (result) => dispatch({ type: 'identified', id, result }),
      );
      break;
    case 'staffCheckIn': {
      const { request } = p;
      run(
        (a) => a.staffCheckIn(request),
        (result) => {
          endSessionIfStaffLocked(result, request.session);
          dispatch({ type: 'checked-in', id, result });
        },
      );
      break;
    }
    case 'staffUndo': {
      const { request } = p;
      run(
        (a) => a.staffUndo(request),
        (result) => {
          endSessionIfStaffLocked(result, request.session);
          dispatch({ type: 'undone', id, result });
        },
      );
      break;
    }
    case 'staffUnlock':
      run(
        (a) => a.staffUnlock({ pin: p.pin }),
        (result) => dispatch({ type: 'staff-unlocked', id, result }),
      );
      // The PIN is on its way to main: drop it from state now rather than when the answer comes.
      dispatch({ type: 'call-sent', id });
      break;
    case 'staffOverview':
    case 'staffRetryOutbox': {
      const { call, staffSession } = p;
      run(
        (a) => a[call]({ staffSession }),
        (result) => dispatch({ type: 'staff-overview', id, result }),
      );
      break;
    }
    case 'staffExit':
      run(
        (a) => a.staffExit({ staffSession: p.staffSession }),
        (result) => dispatch({ type: 'staff-exited', id, result }),
      );
      break;
  }
  return () => timers.forEach(clearTimeout);
}

function renderScreen(state: State, dispatch: (a: Action) => void, startOver: () => void, backToPanel: () => void) {
  const { screen, patient, info } = state;
  const tz = info?.timezone ?? 'UTC';
  // The check-in screens serve a patient, or staff helping one: then they lead back to the staff panel.
  const staff = state.mode === 'staff';
  const leave = staff ? backToPanel : startOver;
  switch (screen.name) {
    case 'loading':
      return <Loading />;
    case 'unconfigured':
      return <Unconfigured problem={screen.problem} />;
    case 'welcome':
      return info ? <Welcome info={info} health={state.health} dispatch={dispatch} /> : <Loading />;
    case 'last-name':
      return <NameEntry which="last-name" value={patient.familyName} staff={staff} dispatch={dispatch} onLeave={leave} />;
    case 'first-name':
      return <NameEntry which="first-name" value={patient.givenName} staff={staff} dispatch={dispatch} onLeave={leave} />;
    case 'birth-date':
      return <BirthDate dob={patient.dob} timezone={tz} staff={staff} dispatch={dispatch} onLeave={leave} />;
    case 'working':
      return <Working task={screen.task} slow={state.pending?.slow ?? false} staff={staff} />;
    case 'appointments':
      if (staff)
        return (
          <AssistAppointments
            greetingName={patient.greetingName}
            appointments={patient.appointments}
            confirmUndo={screen.confirmUndo}
            timezone={tz}
            dispatch={dispatch}
            onBackToPanel={backToPanel}
          />
        );
      return (
        <Appointments
          greetingName={patient.greetingName}
          appointments={patient.appointments}
          timezone={tz}
          dispatch={dispatch}
          onStartOver={startOver}
        />
      );
    case 'done':
      return <Done greetingName={patient.greetingName} onFinish={startOver} />;
    case 'message':
      return (
        <Message
          message={screen.message}
          appointments={patient.appointments}
          timezone={tz}
          staff={staff}
          dispatch={dispatch}
          onLeave={leave}
        />
      );
    case 'cooldown':
      // Main never cools staff down (their misses do not count); were it to, staff still go back to their panel.
      return <Cooldown until={screen.until} timezone={tz} onFinish={leave} />;
    case 'staff-pin':
      return (
        <StaffPin
          pinLength={state.staff.pin.length}
          notice={state.staff.notice}
          checking={state.pending?.call === 'staffUnlock'}
          timezone={tz}
          dispatch={dispatch}
          onCancel={startOver}
        />
      );
    case 'staff':
      return <StaffPanel staff={state.staff} busy={state.pending !== null} timezone={tz} dispatch={dispatch} onLock={startOver} />;
  }
}
