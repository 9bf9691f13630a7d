/**
 * Audio mode's keys through the real reducer: each key's actions are dispatched like the App does,
 * and what would be said is the transcript. Main's answers come from the shared test builders.
 */
import { describe, expect, it } from 'vitest';
import type { AudioCommand } from '../../../../preload/contract.js';
import { dobSoFar, newSession, onKey, spell, type AudioSession } from '../../../../renderer/audio/controller.js';
import { screenSpeech, type SpeechContext } from '../../../../renderer/audio/script.js';
import { audioWords } from '../../../../renderer/audio/words.js';
import { en } from '../../../../renderer/i18n/en.js';
import { dictionaries, messagesFor } from '../../../../renderer/i18n/index.js';
import { reduce, type State } from '../../../../renderer/state/index.js';
import { SESSION, answer, appt, run, welcome } from '../helpers.js';

const ctx = (s: State, checked: string[] = []): SpeechContext => ({ t: dictionaries[s.lang], w: audioWords[s.lang], checked });

/** A patient at the keypad: presses keys, the app state follows, the transcript grows. */
function patient(start: State) {
  let s = start;
  let a: AudioSession = newSession(0.8);
  let now = 0;
  const said: string[] = [];
  const press = (...keys: Array<AudioCommand | string>) => {
    for (const k of keys) {
      now += 2000;
      const digit = /^[0-9]$/.test(k) ? k : null;
      const r = onKey(s, a, { command: digit ? null : (k as AudioCommand), digit }, now, ctx(s));
      if (!r) continue;
      a = r.session;
      for (const action of r.actions) s = reduce(s, action);
      said.push(...r.say.map((x) => x.text));
    }
  };
  const tapFast = (...digits: string[]) => {
    for (const d of digits) {
      now += 200;
      const r = onKey(s, a, { command: null, digit: d }, now, ctx(s))!;
      a = r.session;
      for (const action of r.actions) s = reduce(s, action);
      said.push(...r.say.map((x) => x.text));
    }
  };
  return {
    press,
    tapFast,
    said,
    get state() {
      return s;
    },
    set state(v: State) {
      s = v;
    },
    get session() {
      return a;
    },
  };
}

describe('audio mode keys', () => {
  it('welcome: choices are Check in then the other language, said in that language; select picks it', () => {
    const p = patient(welcome());
    p.press('down');
    expect(p.said.at(-1)).toBe('Español');
    p.press('select');
    expect(p.state.lang).toBe('es');
    expect(screenSpeech(p.state, ctx(p.state)).choices[0]!.label).toBe('Registrar mi llegada');
    p.press('up', 'select');
    expect(p.state.screen.name).toBe('last-name');
  });

  it('help repeats the screen and the keys', () => {
    const p = patient(run(welcome(), { type: 'start' }));
    p.press('help');
    expect(p.said[0]).toContain('What is your last name?');
    expect(p.said[0]).toContain('number keys like a phone');
    expect(p.said[0]).toContain('Use the up and down arrows to move');
  });

  it('last name with the wheel: each letter spoken, select types it, back deletes, read back spells', () => {
    const p = patient(run(welcome(), { type: 'start' }));
    p.press('down', 'down');
    expect(p.said).toEqual(['B', 'C']);
    p.press('select');
    expect(p.state.patient.familyName).toBe('C');
    p.press('up', 'up', 'select', 'select');
    expect(p.state.patient.familyName).toBe('Caa');
    p.press('back');
    expect(p.said.at(-1)).toBe('Deleted A.');
    p.press('readBack');
    expect(p.said.at(-1)).toBe('You typed: C, A.');
    p.press('up');
    expect(p.said.at(-1)).toBe('Continue');
    p.press('select');
    expect(p.state.screen.name).toBe('birth-date');
  });

  it('last name by multi-tap on the digits; then select continues', () => {
    const p = patient(run(welcome(), { type: 'start' }));
    p.tapFast('6', '6', '6'); // O
    p.press('4'); // G … after a pause
    p.tapFast('6', '6'); // N
    p.tapFast('0'); // space is refused at the end? no: typed as a space between words
    expect(p.said).toEqual(['M', 'N', 'O', 'G', 'M', 'N', 'space']);
    expect(p.state.patient.familyName).toBe('Ogn ');
    p.press('back', 'select');
    expect(p.state.patient.familyName).toBe('Ogn');
    expect(p.state.screen.name).toBe('birth-date');
  });

  it('back on an empty last name goes back to welcome; on an empty birth date back to the last name', () => {
    const p = patient(run(welcome(), { type: 'start' }));
    p.press('back');
    expect(p.state.screen.name).toBe('welcome');
    p.state = run(welcome(), { type: 'start' }, { type: 'type', ch: 'O', onScreenKey: true }, { type: 'submit-family-name' });
    p.press('back');
    expect(p.state.screen.name).toBe('last-name');
  });

  it('birth date: each digit read back, read back by field, incomplete and impossible dates said, Enter submits', () => {
    const p = patient(run(welcome(), { type: 'start' }, { type: 'type', ch: 'O', onScreenKey: true }, { type: 'submit-family-name' }));
    p.press('0', '3', '1', '4', '1', '9', '8');
    expect(p.said).toEqual(['0', '3', '1', '4', '1', '9', '8']);
    p.press('select');
    expect(p.said.at(-1)).toBe('The date is not complete yet.');
    p.press('readBack');
    expect(p.said.at(-1)).toBe('You typed: month 0 3, day 1 4, year 1 9 8.');
    p.press('5', 'select');
    expect(p.state.pending?.call).toBe('identify');
    expect(p.state.pending?.request).toEqual({ familyName: 'O', birthDate: '1985-03-14' });
    const q = patient(run(welcome(), { type: 'start' }, { type: 'type', ch: 'O', onScreenKey: true }, { type: 'submit-family-name' }));
    q.press('0', '2', '3', '0', '1', '9', '8', '5', 'select');
    expect(q.said.at(-1)).toBe('That date does not exist. Please check it.');
  });

  it('birth date typed day first: the hint names the date in words, and nothing is submitted', () => {
    const p = patient(run(welcome(), { type: 'start' }, { type: 'type', ch: 'O', onScreenKey: true }, { type: 'submit-family-name' }));
    p.press('1', '3', '0', '5', '1', '9', '8', '0', 'select');
    expect(p.said.at(-1)).toBe('Month first, then the day. Did you mean May 13, 1980?');
    expect(p.state.pending).toBeNull();
  });

  it('Spanish: the day comes first and every word is Spanish', () => {
    const s = run(
      welcome(),
      { type: 'set-lang', lang: 'es' },
      { type: 'start' },
      { type: 'type', ch: 'O', onScreenKey: true },
      { type: 'submit-family-name' },
    );
    expect(screenSpeech(s, ctx(s)).intro).toBe(
      '¿Cuál es su fecha de nacimiento? Día, mes y luego el año con 4 cifras. Por ejemplo, para el 25 de marzo de 1980, escriba 2 5 0 3 1 9 8 0.',
    );
    const p = patient(s);
    p.press('1', '4', '0', '3', 'readBack');
    expect(p.said.at(-1)).toBe('Escribió: día 1 4, mes 0 3.');
  });

  it('volume and speed change for the session, within bounds', () => {
    const p = patient(welcome());
    p.press('volumeUp', 'volumeUp', 'volumeUp');
    expect(p.session.volume).toBe(1);
    expect(p.said).toEqual(['Volume 90 percent.', 'Volume 100 percent.', 'Volume 100 percent.']);
    p.press('faster', 'faster', 'faster', 'faster', 'faster');
    expect(p.session.rate).toBe(2);
    expect(p.said.at(-1)).toBe('This is the fastest speed.');
    p.press('slower');
    expect(p.session.rate).toBe(1.75);
  });
});

/** Identified: the appointments screen with these cards. */
function found(appointments = [appt('appt_open_001', 'open')], lang: 'en' | 'es' = 'en') {
  let s = run(welcome(), { type: 'set-lang', lang }, { type: 'start' });
  for (const ch of 'Okafor') s = reduce(s, { type: 'type', ch, onScreenKey: false });
  s = run(s, { type: 'submit-family-name' }, { type: 'submit-birth-date', birthDate: '1985-03-14' });
  return answer(s, { ok: true, value: { outcome: 'found', session: SESSION, greetingName: 'Amara O.', appointments } });
}

describe('what the screens say', () => {
  it('appointments: the greeting (first name + last initial), the count, and the focused card in full', () => {
    const s = found();
    const sp = screenSpeech(s, ctx(s));
    expect(sp.intro).toBe('Hi, Amara O. You have 1 appointment today.');
    expect(sp.choices.map((c) => c.label)).toEqual([
      '10:40 AM, with Dr. Raman, at Room 4. Check-in is open. Press Enter to check in.',
      'Start over',
    ]);
    const p = patient(s);
    p.press('select');
    expect(p.state.pending).toMatchObject({ call: 'checkIn', request: { session: SESSION, keys: ['appt_open_001'] } });
  });

  it('neither the family name nor the birth date is ever said after the birth date is submitted', () => {
    const s = found([appt('appt_open_001', 'open'), { ...appt('appt_early_01', 'too_early'), opensAt: '2025-11-24T17:40:00Z' }]);
    const p = patient(s);
    p.press('help', 'down', 'down', 'down', 'readBack', 'select');
    const everything = [screenSpeech(s, ctx(s)).intro, ...screenSpeech(s, ctx(s)).choices.map((c) => c.label), ...p.said].join(' ');
    for (const leak of ['Okafor', 'OKAFOR', '1985', '03', '14', 'O, K']) expect(everything).not.toContain(leak);
  });

  it("a video visit is said as one, with what to do instead (the clinic's words when configured); select checks nothing in", () => {
    const s = found([appt('appt_video_01', 'not_eligible', undefined, 'video')]);
    expect(screenSpeech(s, ctx(s)).choices.map((c) => c.label)).toEqual([
      `10:40 AM, with Dr. Raman, by video. ${en.videoVisitText}`,
      'Start over',
    ]);
    const p = patient(s);
    p.press('select');
    expect(p.state.pending).toBeNull();
    const clinic = { ...ctx(s), t: messagesFor('en', { videoVisitText: { en: 'Use the link in your text message.' } }) };
    expect(screenSpeech(s, clinic).choices[0]!.label).toBe('10:40 AM, with Dr. Raman, by video. Use the link in your text message.');
  });

  it('a card that cannot be checked in says when check-in opens and sends to the desk; select says it again', () => {
    const s = found([{ ...appt('appt_early_01', 'too_early'), opensAt: '2025-11-24T17:40:00Z' }]);
    const p = patient(s);
    p.press('select');
    expect(p.state.pending).toBeNull();
    expect(p.said.at(-1)).toBe('10:40 AM, with Dr. Raman, at Room 4. Check-in opens at 11:40 AM. Please see the front desk.');
  });

  it('done names the appointment checked in, by time, clinician and place, and says audio ends', () => {
    const s0 = found();
    const s = answer(reduce(s0, { type: 'check-in', keys: ['appt_open_001'] }), {
      ok: true,
      value: { results: [{ key: 'appt_open_001', outcome: 'checked_in', opensAt: null }] },
    });
    expect(s.screen.name).toBe('done');
    expect(screenSpeech(s, ctx(s, ['appt_open_001'])).intro).toBe(
      "You're checked in, Amara. Checked in for: 10:40 AM, with Dr. Raman, at Room 4. Please have a seat. Audio guidance ends now. Thank you.",
    );
  });

  it.each([
    [
      'too_early',
      "It's too early to check in. Check-in opens at 11:40 AM. Please see the front desk. 10:40 AM, with Dr. Raman, at Room 4.",
    ],
    ['too_late', "It's past the check-in time for this appointment. Please see the front desk. 10:40 AM, with Dr. Raman, at Room 4."],
    ['failed', 'Something went wrong on our side. Please see the front desk. 10:40 AM, with Dr. Raman, at Room 4.'],
  ] as const)('a %s result is said in full', (outcome, expected) => {
    const s0 = found();
    const s = answer(reduce(s0, { type: 'check-in', keys: ['appt_open_001'] }), {
      ok: true,
      value: { results: [{ key: 'appt_open_001', outcome, opensAt: outcome === 'too_early' ? '2025-11-24T17:40:00Z' : null }] },
    });
    expect(screenSpeech(s, ctx(s)).intro).toBe(expected);
  });

  it('not found: what happened, see the desk, Try again first', () => {
    const s0 = run(
      welcome(),
      { type: 'start' },
      { type: 'type', ch: 'Z', onScreenKey: true },
      { type: 'submit-family-name' },
      { type: 'submit-birth-date', birthDate: '1970-07-07' },
    );
    const s = answer(s0, { ok: true, value: { outcome: 'not_found', attemptsLeft: 2 } });
    const sp = screenSpeech(s, ctx(s));
    expect(sp.intro).toBe("We couldn't find your appointment. Please see the front desk.");
    expect(sp.choices.map((c) => c.label)).toEqual(['Try again', 'Start over']);
  });

  it('Spanish appointments screen', () => {
    const s = found(undefined, 'es');
    const sp = screenSpeech(s, ctx(s));
    expect(sp.intro).toBe('Hola, Amara O. Tiene 1 cita hoy.');
    expect(sp.choices[0]!.label).toContain('con Dr. Raman, en Room 4. El registro está abierto.');
  });

  it('spell and dobSoFar read letter by letter and digit by digit', () => {
    expect(spell("O'Br ie-n", audioWords.en)).toBe('O, apostrophe, B, R, space, I, E, hyphen, N');
    expect(dobSoFar({ month: '03', day: '', year: '' }, 'en', audioWords.en)).toBe('month 0 3');
  });
});
