import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../../../main/core/config.js';
import { DEFAULT_AUDIO_KEYS, audioInfo } from '../../../../../main/core/speech/settings.js';
import { commandFor, keyMap } from '../../../../../renderer/audio/keymap.js';

const map = keyMap(DEFAULT_AUDIO_KEYS);
const key = (key: string, code = '') => ({ key, code });

describe('default keypad bindings, through the renderer key map', () => {
  it('maps a navigation keypad: arrows move, Enter selects, Escape and Backspace go back', () => {
    expect(commandFor(key('ArrowUp', 'ArrowUp'), map)).toBe('up');
    expect(commandFor(key('ArrowDown', 'Numpad2'), map)).toBe('down');
    expect(commandFor(key('Enter', 'NumpadEnter'), map)).toBe('select');
    expect(commandFor(key('Escape', 'Escape'), map)).toBe('back');
    expect(commandFor(key('Backspace', 'Backspace'), map)).toBe('back');
    expect(commandFor(key('F1', 'F1'), map)).toBe('help');
    expect(commandFor(key('*', 'NumpadMultiply'), map)).toBe('help');
    expect(commandFor(key('PageUp', 'PageUp'), map)).toBe('faster');
    expect(commandFor(key(']', 'BracketRight'), map)).toBe('faster');
    expect(commandFor(key('[', 'BracketLeft'), map)).toBe('slower');
  });

  it('the numpad minus is volume down, the main keyboard hyphen stays a letter of a name', () => {
    expect(commandFor(key('-', 'NumpadSubtract'), map)).toBe('volumeDown');
    expect(commandFor(key('-', 'Minus'), map)).toBeNull();
    expect(commandFor(key('+', 'NumpadAdd'), map)).toBe('volumeUp');
  });

  it('never binds a letter (a sighted helper may type at the same time)', () => {
    for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ')
      expect(commandFor(key(ch, `Key${ch.toUpperCase()}`), map)).toBeNull();
  });
});

describe('config section audio', () => {
  it('defaults: on, 175 wpm, 80 % volume, the default keypad bindings in kiosk info', () => {
    const c = parseConfig({});
    expect(audioInfo(c.audio)).toEqual({ enabled: true, rateWpm: 175, volume: 0.8, keys: DEFAULT_AUDIO_KEYS });
  });

  it('a clinic rebinds one command and keeps the others', () => {
    const info = audioInfo(parseConfig({ audio: { keys: { help: ['F13'] } } }).audio);
    expect(info.keys.help).toEqual(['F13']);
    expect(info.keys.select).toEqual(['Enter']);
  });

  it.each([
    [{ audio: { rateWpm: 20 } }, 'audio.rateWpm'],
    [{ audio: { volume: 3 } }, 'audio.volume'],
    [{ audio: { keys: { jump: ['J'] } } }, 'audio.keys'],
    [{ audio: { keys: { up: [] } } }, 'audio.keys.up'],
    [{ audio: { keys: { up: ['\u0007'] } } }, 'audio.keys.up'],
    [{ audio: { voices: { fr: 'fr' } } }, 'audio.voices'],
    [{ audio: { voices: { es: 'es; rm -rf /' } } }, 'audio.voices.es'],
    [{ audio: { speak: true } }, 'audio'],
  ])('%j is refused, naming %s', (raw, key) => {
    expect(() => parseConfig(raw)).toThrow(ConfigError);
    expect(() => parseConfig(raw)).toThrow(key);
  });

  it('one key bound to two commands is refused', () => {
    expect(() => parseConfig({ audio: { keys: { help: ['Enter'] } } })).toThrow('"Enter" is already bound to');
  });
});
