/**
 * Audio mode in the app: turned on from the welcome screen (a keypad key or the Listen button),
 * off with the session (every reset bumps `generation`, so the next patient starts silent). Keys go
 * through the pure controller; each new screen is announced; the idle warning is spoken. The
 * on-screen keyboard keeps working: audio mode only takes the keys it handles (preventDefault, which
 * the on-screen keyboard and number pad respect), and says what a tap changed.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { messagesFor } from '../i18n/index.js';
import { isStaffMode, reduce, type Action, type State } from '../state/index.js';
import { announcement, newSession, onKey, screenKey, type AudioSession, type Say } from './controller.js';
import { commandFor, digitOf, keyMap } from './keymap.js';
import type { SpeechContext } from './script.js';
import type { Speech } from './speech.js';
import { WHEEL_START } from './wheel.js';
import { audioWords } from './words.js';

export interface AudioGuidance {
  on: boolean;
  /** Audio sessions since the kiosk started (a count only, for the staff panel). */
  sessions: number;
  /** The Listen button. */
  start(): void;
  /** From the idle guard: seconds left while its warning shows, null when it closes. */
  idleWarning(secondsLeft: number | null): void;
  /** Staff mode's voice test, in each language. */
  test(): void;
}

export function useAudioGuidance(state: State, dispatch: (a: Action) => void, speech: Speech): AudioGuidance {
  const [on, setOn] = useState(false);
  const [sessions, setSessions] = useState(0);
  const latest = useRef(state);
  latest.current = state;
  const onRef = useRef(false);
  const session = useRef<AudioSession>(newSession(0.8));
  const checked = useRef<readonly string[]>([]);
  const announced = useRef('');
  const warned = useRef<number | null>(null);
  const audio = state.info?.audio;
  const enabled = audio?.enabled === true;
  const map = useMemo(() => (audio ? keyMap(audio.keys) : new Map()), [audio]);

  const ctx = (s: State): SpeechContext => ({ t: messagesFor(s.lang, s.info), w: audioWords[s.lang], checked: checked.current });
  const say = (list: readonly Say[]) =>
    list.forEach((u, i) =>
      speech.say(u.text, { lang: u.lang, interrupt: i === 0, rate: session.current.rate, volume: session.current.volume }),
    );

  /** The screen's arrival text; focus and the wheel start afresh. */
  const announce = (s: State, withKeys = false) => {
    const a = announcement(s, ctx(s), withKeys);
    session.current = { ...session.current, focus: a.focus, wheel: WHEEL_START, tap: null };
    announced.current = screenKey(s);
    say(a.say);
  };

  const start = () => {
    const s = latest.current;
    if (!enabled || onRef.current || s.screen.name !== 'welcome') return;
    onRef.current = true;
    setOn(true);
    setSessions((n) => n + 1);
    session.current = newSession(audio?.volume ?? 0.8);
    checked.current = [];
    announce(s, true);
  };

  // The session ends with the visit: any reset (done, start over, idle, staff) silences it.
  useEffect(() => {
    if (!onRef.current) return;
    onRef.current = false;
    setOn(false);
    warned.current = null;
    speech.stop();
  }, [state.generation]);

  // Each new screen (or news on the same one) is announced.
  useEffect(() => {
    if (onRef.current && screenKey(state) !== announced.current) announce(state);
  });

  // Which appointments the patient asked to check in (by key or by tap), to name them when done.
  useEffect(() => {
    const p = state.pending;
    if (p?.call === 'checkIn') checked.current = p.request.keys;
  }, [state.pending]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const s = latest.current;
      if (e.metaKey || e.ctrlKey || e.altKey || e.isComposing || isStaffMode(s)) return;
      const command = commandFor(e, map);
      const digit = digitOf(e);
      const target = e.target instanceof Element ? e.target : null;
      if (!onRef.current) {
        // On the welcome screen, select or help starts audio mode, unless a sighted user tabbed to a button.
        if (enabled && s.screen.name === 'welcome' && (command === 'select' || command === 'help') && !target?.closest('button, dialog')) {
          e.preventDefault();
          start();
        }
        return;
      }
      if (warned.current !== null) {
        // The idle warning is up: any key means "I'm here" (the idle guard counts it too).
        e.preventDefault();
        return;
      }
      const r = onKey(s, session.current, { command, digit }, Date.now(), ctx(s));
      if (!r) {
        // A letter from a full keyboard: the on-screen keyboard types it, audio says it.
        if ((s.screen.name === 'last-name' || s.screen.name === 'first-name') && /^\p{L}$/u.test(e.key))
          say([{ text: e.key.toUpperCase(), lang: s.lang }]);
        return;
      }
      e.preventDefault();
      session.current = r.session;
      if (r.say.length) say(r.say);
      for (const a of r.actions) dispatch(a);
      // The next key may come before the App re-renders: it must see what these actions did.
      latest.current = r.actions.reduce(reduce, s);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [map, enabled]);

  const idleWarning = (secondsLeft: number | null) => {
    if (!onRef.current) return;
    const s = latest.current;
    const w = audioWords[s.lang];
    const was = warned.current;
    warned.current = secondsLeft;
    if (secondsLeft === null) {
      if (was !== null) say([{ text: w.moreTime, lang: s.lang }]);
      return;
    }
    if (was === null) say([{ text: w.idle(secondsLeft), lang: s.lang }]);
    else if (secondsLeft !== was && (secondsLeft % 10 === 0 || secondsLeft <= 5)) say([{ text: w.secondsLeft(secondsLeft), lang: s.lang }]);
  };

  const test = () => {
    const s = latest.current;
    for (const l of s.info?.languages ?? ['en']) speech.say(audioWords[l].testPhrase, { lang: l, interrupt: l === s.info?.languages[0] });
  };

  return { on, sessions, start, idleWarning, test };
}
