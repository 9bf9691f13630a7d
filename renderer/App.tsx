/**
 * The app shell and screen router: owns the one reducer, hands what it describes (the pending call,
 * fire-and-forget effects) to the runner, and renders the current screen. It decides nothing itself.
 * The patient part of the tree is keyed on `generation`, so a reset remounts it and no previous
 * patient's text survives in the DOM.
 */
import { useEffect, useReducer, useRef } from 'preact/hooks';
import { useAudioGuidance, type AudioGuidance } from './audio/useAudioGuidance.js';
import { kioskSpeech } from './audio/speech.js';
import { AssistBanner } from './components/AssistBanner.js';
import { DESK_RETURN_SECONDS, DeskReturn } from './components/DeskReturn.js';
import { AudioBadge } from './components/AudioBadge.js';
import { IdleGuard } from './components/IdleGuard.js';
import { StaffCorner } from './components/StaffCorner.js';
import { TopBar } from './components/TopBar.js';
import { I18n, messagesFor } from './i18n/index.js';
import { kioskApi, safely } from './kiosk.js';
import { runEffect, startCall } from './runner.js';
import { Appointments } from './screens/Appointments.js';
import { AssistAppointments } from './screens/AssistAppointments.js';
import { BirthDate } from './screens/BirthDate.js';
import { Cooldown } from './screens/Cooldown.js';
import { DONE_RETURN_MS, Done } from './screens/Done.js';
import { Loading } from './screens/Loading.js';
import { Message } from './screens/Message.js';
import { NameEntry } from './screens/NameEntry.js';
import { StaffActivity } from './screens/StaffActivity.js';
import { StaffDay } from './screens/StaffDay.js';
import { StaffPanel } from './screens/StaffPanel.js';
import { StaffWalkIn } from './screens/StaffWalkIn.js';
import { StaffPin } from './screens/StaffPin.js';
import { Unconfigured } from './screens/Unconfigured.js';
import { Welcome } from './screens/Welcome.js';
import { Working } from './screens/Working.js';
import { defaultLang, initialState, isDeskBound, isPatientScreen, isStaffMode, reduce, type Action, type State } from './state/index.js';

const HEALTH_POLL_MS = 30_000;
const WELCOME_INFO_POLL_MS = 5_000;
const FALLBACK_TIMINGS = { idleSeconds: 60, warningSeconds: 20 };
/** Audio guidance: the one speech seam (main's OS engine), and time limits doubled while it is on. */
const speech = kioskSpeech(kioskApi);
const AUDIO_TIME_FACTOR = 2;

export function App() {
  const [state, dispatch] = useReducer(reduce, undefined, initialState);
  const latest = useRef<State>(state);
  latest.current = state;
  const t = messagesFor(state.lang, state.info);
  const audio = useAudioGuidance(state, dispatch, speech);

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
    // The welcome screen follows the kiosk's state closely (a kiosk-wide pause, health) so a patient
    // learns of it before typing anything; main answers `info` from memory.
    const welcomeId = setInterval(() => {
      if (latest.current.screen.name === 'welcome') void loadInfo();
    }, WELCOME_INFO_POLL_MS);
    return () => {
      clearInterval(id);
      clearInterval(welcomeId);
    };
  }, []);

  // Run the call the reducer asked for; its answer comes back as an action tagged with the same id.
  const pending = state.pending;
  useEffect(() => (pending ? startCall(pending, kioskApi(), dispatch) : undefined), [pending?.id]);

  // Fire-and-forget calls the reducer decided on (ending sessions in main), each run once.
  useEffect(() => {
    const todo = state.effects;
    if (!todo.length) return;
    const api = kioskApi();
    for (const e of todo) runEffect(e, api);
    dispatch({ type: 'effects-ran', count: todo.length });
  }, [state.effects]);

  useEffect(() => {
    document.documentElement.lang = state.lang;
    document.title = t.docTitle;
  }, [state.lang]);

  useEffect(() => {
    const html = document.documentElement.classList;
    html.toggle('large-text', state.textSize === 1);
    html.toggle('larger-text', state.textSize === 2);
    html.toggle('high-contrast', state.highContrast);
  }, [state.textSize, state.highContrast]);

  // Each screen's <h1> takes focus on arrival, so screen readers and keyboards start at the top.
  // Arrival is a new screen name (or generation): the staff undo question on the appointments screen
  // is the same screen, and takes focus itself.
  useEffect(() => {
    document.querySelector<HTMLElement>('#screen-title')?.focus();
  }, [state.screen.name, state.generation]);

  /** The end of a visit (Done, idle, a desk screen clearing itself, Lock): the next person starts in the default language. */
  const finish = () => dispatch({ type: 'reset' });
  /** "Start over": the same person again, in the language they chose. */
  const startOver = () => dispatch({ type: 'reset', keepLang: true });
  const backToPanel = () => dispatch({ type: 'assist-exit' });

  const screenName = state.screen.name;
  const onWelcome = screenName === 'welcome';
  // Includes the patient screens run by staff: idle there relocks staff mode (and says so), like the panel.
  const inStaffMode = isStaffMode(state);
  const leftSomething = state.lang !== defaultLang(state.info) || state.textSize > 0 || state.highContrast;
  const timings = state.info ?? FALLBACK_TIMINGS;
  const slower = audio.on ? AUDIO_TIME_FACTOR : 1;

  return (
    <I18n.Provider value={{ t, lang: state.lang }}>
      <div class="app">
        <StaffCorner onGesture={() => dispatch({ type: 'staff-open' })} />
        <TopBar
          clinicName={onWelcome ? null : (state.info?.clinicName ?? null)}
          languages={onWelcome || !isPatientScreen(screenName) || state.mode === 'staff' ? [] : (state.info?.languages ?? [])}
          textSize={state.textSize}
          highContrast={state.highContrast}
          disabled={state.pending !== null}
          onLang={(lang) => dispatch({ type: 'set-lang', lang })}
          onTextSize={() => dispatch({ type: 'next-text-size' })}
          onContrast={() => dispatch({ type: 'toggle-contrast' })}
        />
        <main key={state.generation}>
          {state.mode === 'staff' ? <AssistBanner /> : null}
          {audio.on ? <AudioBadge /> : null}
          {renderScreen(state, dispatch, { startOver, finish, backToPanel }, audio)}
          {isDeskBound(state) ? (
            <DeskReturn key={screenName} seconds={(state.info?.deskReturnSeconds ?? DESK_RETURN_SECONDS) * slower} onExpire={finish} />
          ) : null}
          <IdleGuard
            enabled={state.pending === null && (isPatientScreen(screenName) || inStaffMode || (onWelcome && leftSomething))}
            warn={!onWelcome}
            staff={inStaffMode}
            idleSeconds={timings.idleSeconds * slower}
            warningSeconds={timings.warningSeconds * slower}
            onExpire={finish}
            anyKeyMeansHere={audio.on}
            onWarning={audio.idleWarning}
          />
        </main>
      </div>
    </I18n.Provider>
  );
}

interface Exits {
  startOver: () => void;
  finish: () => void;
  backToPanel: () => void;
}

function renderScreen(state: State, dispatch: (a: Action) => void, { startOver, finish, backToPanel }: Exits, audio: AudioGuidance) {
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
      return info ? (
        <Welcome info={info} health={state.health} dispatch={dispatch} onListen={info.audio?.enabled ? audio.start : undefined} />
      ) : (
        <Loading />
      );
    case 'last-name':
      return <NameEntry which="last-name" value={patient.familyName} staff={staff} dispatch={dispatch} onLeave={leave} />;
    case 'first-name':
      return <NameEntry which="first-name" value={patient.givenName} staff={staff} dispatch={dispatch} onLeave={leave} />;
    case 'birth-date':
      return <BirthDate dob={patient.dob} dobDigits={patient.dobDigits} timezone={tz} staff={staff} dispatch={dispatch} onLeave={leave} />;
    case 'working':
      return <Working task={screen.task} slow={state.pending?.slow ?? false} staff={staff} />;
    case 'appointments':
      if (staff)
        return (
          <AssistAppointments
            greetingName={patient.greetingName}
            appointments={patient.appointments}
            confirmUndo={screen.confirmUndo}
            pinLength={state.staff.pin.length}
            notice={state.staff.notice}
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
          onDone={finish}
        />
      );
    case 'done':
      return (
        <Done
          greetingName={patient.greetingName}
          appointments={patient.appointments}
          results={patient.results}
          timezone={tz}
          onFinish={finish}
          holdMs={DONE_RETURN_MS * (audio.on ? AUDIO_TIME_FACTOR : 1)}
        />
      );
    case 'message':
      return (
        <Message
          message={screen.message}
          appointments={patient.appointments}
          timezone={tz}
          staff={staff}
          dispatch={dispatch}
          onLeave={leave}
          onDone={finish}
        />
      );
    case 'cooldown':
      // Main never cools staff down (their misses do not count); were it to, staff still go back to their panel.
      return <Cooldown until={screen.until} timezone={tz} onFinish={staff ? backToPanel : finish} />;
    case 'staff-pin':
      return (
        <StaffPin
          pinLength={state.staff.pin.length}
          notice={state.staff.notice}
          checking={state.pending?.call === 'staffUnlock'}
          timezone={tz}
          dispatch={dispatch}
          onCancel={finish}
        />
      );
    case 'staff':
      return (
        <StaffPanel
          staff={state.staff}
          busy={state.pending !== null}
          timezone={tz}
          dispatch={dispatch}
          onLock={finish}
          audio={info?.audio ? { enabled: info.audio.enabled, sessions: audio.sessions, onTest: audio.test } : undefined}
        />
      );
    case 'staff-day':
      return (
        <StaffDay staff={state.staff} confirmUndo={screen.confirmUndo} busy={state.pending !== null} timezone={tz} dispatch={dispatch} />
      );
    case 'staff-walk-in':
      return (
        <StaffWalkIn staff={state.staff} busy={state.pending !== null} timezone={tz} dispatch={dispatch} onBackToPanel={backToPanel} />
      );
    case 'staff-activity':
      return <StaffActivity staff={state.staff} busy={state.pending !== null} timezone={tz} dispatch={dispatch} />;
  }
}
