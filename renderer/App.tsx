/**
 * The app shell: owns the one reducer, runs the calls to main that the reducer asks for, and renders
 * the current screen. The patient part of the tree is keyed on `generation`, so a reset remounts it
 * and no previous patient's text survives in the DOM.
 */
import { useEffect, useReducer, useRef } from 'preact/hooks';
import type { CheckInResponse, IdentifyResponse, Result } from '../preload/contract.js';
import { IdleGuard } from './components/IdleGuard.js';
import { TopBar } from './components/TopBar.js';
import { I18n, dictionaries } from './i18n/index.js';
import { failure, kioskApi, noPayload, safely } from './kiosk.js';
import { Appointments } from './screens/Appointments.js';
import { BirthDate } from './screens/BirthDate.js';
import { Cooldown } from './screens/Cooldown.js';
import { Done } from './screens/Done.js';
import { Loading } from './screens/Loading.js';
import { Message } from './screens/Message.js';
import { NameEntry } from './screens/NameEntry.js';
import { Unconfigured } from './screens/Unconfigured.js';
import { Welcome } from './screens/Welcome.js';
import { Working } from './screens/Working.js';
import { defaultLang, initialState, isPatientScreen, reduce, type Action, type Pending, type State } from './state.js';

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
      const r = await safely(() => api.info(...noPayload));
      dispatch(r.ok ? { type: 'info-loaded', info: r.value } : { type: 'info-failed', message: r.error.message });
    };
    void loadInfo();
    const id = setInterval(() => {
      const s = latest.current;
      const api = kioskApi();
      if (!s.info || s.info.mode === 'unconfigured') return void loadInfo();
      if (api) void safely(() => api.health(...noPayload)).then((r) => r.ok && dispatch({ type: 'health', health: r.value }));
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
  useEffect(() => {
    document.querySelector<HTMLElement>('#screen-title')?.focus();
  }, [state.screen, state.generation]);

  /** Full reset: tell main to forget the session, then drop every trace of the patient. */
  const startOver = () => {
    const session = latest.current.patient.session;
    const api = kioskApi();
    if (session && api) void safely(() => api.endSession({ session }));
    dispatch({ type: 'reset' });
  };

  const screenName = state.screen.name;
  const onWelcome = screenName === 'welcome';
  const leftSomething = state.lang !== defaultLang(state.info) || state.largeText;
  const timings = state.info ?? FALLBACK_TIMINGS;

  return (
    <I18n.Provider value={{ t, lang: state.lang }}>
      <div class="app">
        <TopBar
          clinicName={onWelcome ? null : (state.info?.clinicName ?? null)}
          largeText={state.largeText}
          disabled={state.pending !== null}
          onToggleText={() => dispatch({ type: 'toggle-large-text' })}
        />
        <main key={state.generation}>
          {renderScreen(state, dispatch, startOver)}
          <IdleGuard
            enabled={state.pending === null && (isPatientScreen(screenName) || (onWelcome && leftSomething))}
            warn={!onWelcome}
            idleSeconds={timings.idleSeconds}
            warningSeconds={timings.warningSeconds}
            onExpire={startOver}
          />
        </main>
      </div>
    </I18n.Provider>
  );
}

/** Starts a call to main and reports its answer (or a timeout) as an action; returns a cleanup for the timers. */
function startCall(p: Pending, dispatch: (a: Action) => void): () => void {
  const api = kioskApi();
  const lost = failure('unavailable', 'No answer from the kiosk service.');
  const timers = [setTimeout(() => dispatch({ type: 'slow', id: p.id }), SLOW_MS)];
  if (p.call === 'identify') {
    const answer = (result: Result<IdentifyResponse>) => dispatch({ type: 'identified', id: p.id, result });
    timers.push(setTimeout(() => answer(lost), CALL_TIMEOUT_MS));
    void safely(() => (api ? api.identify(p.request) : Promise.resolve(lost))).then(answer);
  } else {
    const answer = (result: Result<CheckInResponse>) => dispatch({ type: 'checked-in', id: p.id, result });
    timers.push(setTimeout(() => answer(lost), CALL_TIMEOUT_MS));
    void safely(() => (api ? api.checkIn(p.request) : Promise.resolve(lost))).then(answer);
  }
  return () => timers.forEach(clearTimeout);
}

function renderScreen(state: State, dispatch: (a: Action) => void, startOver: () => void) {
  const { screen, patient, info } = state;
  const tz = info?.timezone ?? 'UTC';
  switch (screen.name) {
    case 'loading':
      return <Loading />;
    case 'unconfigured':
      return <Unconfigured problem={screen.problem} />;
    case 'welcome':
      return info ? <Welcome info={info} health={state.health} dispatch={dispatch} /> : <Loading />;
    case 'last-name':
      return <NameEntry which="last-name" value={patient.familyName} dispatch={dispatch} onStartOver={startOver} />;
    case 'first-name':
      return <NameEntry which="first-name" value={patient.givenName} dispatch={dispatch} onStartOver={startOver} />;
    case 'birth-date':
      return <BirthDate dob={patient.dob} timezone={tz} dispatch={dispatch} onStartOver={startOver} />;
    case 'working':
      return <Working task={screen.task} slow={state.pending?.slow ?? false} />;
    case 'appointments':
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
        <Message message={screen.message} appointments={patient.appointments} timezone={tz} dispatch={dispatch} onStartOver={startOver} />
      );
    case 'cooldown':
      return <Cooldown until={screen.until} timezone={tz} onFinish={startOver} />;
  }
}
