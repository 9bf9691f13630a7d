/**
 * A first-time blind patient checks in by audio: the renderer's own reducer and audio controller,
 * answered by the real kiosk core against the demo FHIR server, and every utterance synthesised by
 * espeak-ng at the default rate to measure how long it takes to hear. Simulated time = what the
 * patient listens to (every utterance in full: a first-time patient waits for each one) + a
 * reaction time per key + the multi-tap pause when two letters share a key + main's real answer
 * times. Without espeak-ng the speech time is estimated from the word count at the rate.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDemoKiosk } from '../../dev/demo-kiosk.js';
import type { Logger } from '../../main/core/log.js';
import { createIpcRouter } from '../../main/core/ipc-router.js';
import { espeakNg } from '../../main/core/speech/engines.js';
import { buildKioskApi, type KioskApi } from '../../preload/api.js';
import type { AudioCommand } from '../../preload/contract.js';
import { announcement, newSession, onKey, screenKey, type Say } from '../../renderer/audio/controller.js';
import { MULTITAP_MS, TAP_LETTERS } from '../../renderer/audio/multitap.js';
import { audioWords } from '../../renderer/audio/words.js';
import { CONTINUE_AT, WHEEL, WHEEL_START, charOf } from '../../renderer/audio/wheel.js';
import { dictionaries } from '../../renderer/i18n/index.js';
import { initialState, reduce, type Answered, type State } from '../../renderer/state/index.js';
import type { Row } from './table.js';

/** A practised press on a tactile keypad once the patient knows what to do (assumption, documented). */
export const REACTION_S = 0.5;

export interface AudioRun {
  method: 'multi-tap' | 'wheel';
  surname: string;
  keyPresses: number;
  utterances: number;
  words: number;
  speechSeconds: number;
  keySeconds: number;
  serverSeconds: number;
  totalSeconds: number;
  /** 'espeak-ng' (measured WAV durations) or 'words' (estimated at the rate). */
  speechTimedBy: 'espeak-ng' | 'words';
  outcome: string;
}

function wavSeconds(file: string): number {
  const b = readFileSync(file);
  const byteRate = b.readUInt32LE(28);
  return byteRate ? (b.length - 44) / byteRate : 0;
}

function speechTimer(rateWpm: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-audio-'));
  const cache = new Map<string, number>();
  let n = 0;
  let byEngine = true;
  const seconds = (u: Say, rate: number): number => {
    const id = `${u.lang}|${rate}|${u.text}`;
    const hit = cache.get(id);
    if (hit !== undefined) return hit;
    let s = (u.text.split(/\s+/).length / (rateWpm * rate)) * 60;
    if (byEngine) {
      const file = path.join(dir, `${++n}.wav`);
      const c = espeakNg.command({ text: u.text, lang: u.lang, wpm: rateWpm * rate, volume: 0.8 }, file);
      const r = spawnSync(c.command, c.args, { input: c.input });
      if (r.status === 0) s = wavSeconds(file);
      else byEngine = false;
    }
    cache.set(id, s);
    return s;
  };
  return {
    seconds,
    timedBy: () => (byEngine ? ('espeak-ng' as const) : ('words' as const)),
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The keys a patient presses for a surname: multi-tap digits, or the alphabet wheel from A. */
function nameKeys(name: string, method: AudioRun['method']): Array<{ command?: AudioCommand; digit?: string; pause?: boolean }> {
  const out: Array<{ command?: AudioCommand; digit?: string; pause?: boolean }> = [];
  if (method === 'multi-tap') {
    let last = '';
    for (const ch of name.toUpperCase()) {
      const [digit, letters] = Object.entries(TAP_LETTERS).find(([, l]) => l.includes(ch))!;
      for (let i = 0; i <= letters.indexOf(ch); i++) out.push({ digit, pause: i === 0 && digit === last });
      last = digit;
    }
    return out;
  }
  let at = WHEEL_START;
  const steps = (to: number) => {
    const down = (to - at + WHEEL.length) % WHEEL.length;
    const up = WHEEL.length - down;
    for (let i = 0; i < Math.min(down, up); i++) out.push({ command: down <= up ? 'down' : 'up' });
    at = to;
  };
  for (const ch of name.toUpperCase()) {
    steps(WHEEL.findIndex((w) => charOf(w) === ch));
    out.push({ command: 'select' });
  }
  steps(CONTINUE_AT);
  return out;
}

export async function measureAudioCheckIn(o: { now: () => Date; log: Logger; method: AudioRun['method'] }): Promise<AudioRun> {
  const demo = await startDemoKiosk({ now: o.now, log: o.log, speaker: null });
  const dispatch = createIpcRouter(demo.kiosk.handlers, { log: o.log, isTrusted: () => true });
  const api: KioskApi = buildKioskApi((channel, payload) => dispatch(channel, payload, { url: '', isMainFrame: true, id: 'bench' }));
  const p = demo.server.scenarios!.twoToday; // a 6-letter surname
  const info = await api.info();
  if (!info.ok || !info.value.audio) throw new Error('kiosk info without audio');
  const timer = speechTimer(info.value.audio.rateWpm);
  let s: State = reduce(initialState(), { type: 'info-loaded', info: info.value });
  let a = newSession(info.value.audio.volume);
  let checked: readonly string[] = [];
  const run = { keyPresses: 0, utterances: 0, words: 0, speechSeconds: 0, keySeconds: 0, serverSeconds: 0 };
  const ctx = () => ({ t: dictionaries[s.lang], w: audioWords[s.lang], checked });
  const hear = (list: readonly Say[]) => {
    for (const u of list) {
      run.utterances++;
      run.words += u.text.split(/\s+/).length;
      run.speechSeconds += timer.seconds(u, a.rate);
    }
  };
  let announced = '';
  const announce = (withKeys = false) => {
    const x = announcement(s, ctx(), withKeys);
    a = { ...a, focus: x.focus, wheel: WHEEL_START, tap: null };
    announced = screenKey(s);
    hear(x.say);
  };
  /** Main answers whatever call the reducer asked for (really: HTTP to the demo server). */
  const settle = async () => {
    while (s.pending) {
      const pend = s.pending;
      if (pend.call === 'checkIn') checked = pend.request.keys;
      const t0 = performance.now();
      const call = api[pend.call] as (r: unknown) => Promise<unknown>;
      const result = await call(pend.request);
      run.serverSeconds += (performance.now() - t0) / 1000;
      s = reduce(s, { type: 'answered', id: pend.id, call: pend.call, result } as Answered);
    }
    if (screenKey(s) !== announced) announce();
  };
  let clock = 0;
  const press = async (k: { command?: AudioCommand; digit?: string; pause?: boolean }) => {
    run.keyPresses++;
    run.keySeconds += REACTION_S + (k.pause ? MULTITAP_MS / 1000 + 0.2 : 0);
    clock += (REACTION_S + (k.pause ? MULTITAP_MS / 1000 + 0.2 : 0)) * 1000;
    const r = onKey(s, a, { command: k.command ?? null, digit: k.digit ?? null }, clock, ctx());
    if (!r) return;
    a = r.session;
    hear(r.say);
    for (const action of r.actions) s = reduce(s, action);
    await settle();
  };
  try {
    // Enter on the welcome screen turns audio on (and says how the keys work), Enter again starts.
    run.keyPresses++;
    run.keySeconds += REACTION_S;
    announce(true);
    await press({ command: 'select' });
    for (const k of nameKeys(p.family, o.method)) await press(k);
    await press({ command: 'select' }); // Continue
    const [y, m, d] = p.birthDate.split('-');
    for (const digit of `${m}${d}${y}`) await press({ digit });
    await press({ command: 'select' });
    await press({ command: 'select' }); // check in to the focused (first open) appointment
    const outcome = s.screen.name;
    const speechSeconds = run.speechSeconds;
    return {
      method: o.method,
      surname: `${p.family.length} letters`,
      ...run,
      speechSeconds,
      totalSeconds: speechSeconds + run.keySeconds + run.serverSeconds,
      speechTimedBy: timer.timedBy(),
      outcome,
    };
  } finally {
    timer.close();
    await demo.close();
  }
}

/** The bench rows: key presses and simulated time, by multi-tap (the target) and by the wheel. */
export async function audioRows(o: { now: () => Date; log: Logger }): Promise<{ rows: Row[]; runs: AudioRun[] }> {
  const runs = [await measureAudioCheckIn({ ...o, method: 'multi-tap' }), await measureAudioCheckIn({ ...o, method: 'wheel' })];
  const rows = runs.flatMap((r): Row[] => {
    const note = `6-letter surname, ${r.outcome === 'done' ? 'checked in' : `ended on ${r.outcome}`}; speech ${r.speechSeconds.toFixed(0)} s (${r.utterances} utterances, ${r.words} words, timed by ${r.speechTimedBy}) + keys ${r.keySeconds.toFixed(0)} s + main ${r.serverSeconds.toFixed(1)} s`;
    const group = `audio mode, first-time patient (${r.method})`;
    return [
      { group, measure: 'key presses', value: r.keyPresses, unit: 'keys', limit: null, kind: 'info' },
      {
        group,
        measure: 'simulated time to check in',
        value: r.totalSeconds,
        unit: 's',
        limit: 120,
        kind: r.method === 'multi-tap' ? 'target' : 'info',
        note,
      },
    ];
  });
  return { rows, runs };
}
