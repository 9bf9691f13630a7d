import { describe, expect, it } from 'vitest';
import type { AudioKeys } from '../../../../preload/contract.js';
import { commandFor, digitOf, keyMap } from '../../../../renderer/audio/keymap.js';

const KEYS: AudioKeys = {
  up: ['ArrowUp'],
  down: ['ArrowDown'],
  select: ['Enter'],
  back: ['Escape'],
  help: ['F1'],
  readBack: ['ArrowRight'],
  volumeUp: ['+'],
  volumeDown: ['NumpadSubtract'],
  faster: [']'],
  slower: ['['],
};
const map = keyMap(KEYS);
const key = (key: string, code = '') => ({ key, code });

describe('audio key map', () => {
  it('matches the code before the key: the numpad minus is a command, the hyphen is not', () => {
    expect(commandFor(key('-', 'NumpadSubtract'), map)).toBe('volumeDown');
    expect(commandFor(key('-', 'Minus'), map)).toBeNull();
    expect(commandFor(key('+', 'Equal'), map)).toBe('volumeUp');
  });

  it('a configured binding replaces the default for that command', () => {
    const custom = keyMap({ ...KEYS, select: ['F13'] });
    expect(commandFor(key('F13', 'F13'), custom)).toBe('select');
    expect(commandFor(key('Enter', 'Enter'), custom)).toBeNull();
  });

  it('digits from the main row or the numpad', () => {
    expect(digitOf(key('7', 'Numpad7'))).toBe('7');
    expect(digitOf(key('0', 'Digit0'))).toBe('0');
    expect(digitOf(key('Home', 'Numpad7'))).toBeNull();
  });
});
