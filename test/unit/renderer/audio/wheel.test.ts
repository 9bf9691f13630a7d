import { describe, expect, it } from 'vitest';
import { CONTINUE_AT, WHEEL, WHEEL_START, charOf, itemAt, turn } from '../../../../renderer/audio/wheel.js';

describe('alphabet wheel', () => {
  it('starts on A and goes round: up from A is Continue, down from Continue is A', () => {
    expect(itemAt(WHEEL_START)).toEqual({ kind: 'letter', ch: 'A' });
    expect(turn(WHEEL_START, -1)).toBe(CONTINUE_AT);
    expect(itemAt(turn(CONTINUE_AT, 1))).toEqual({ kind: 'letter', ch: 'A' });
  });

  it('has A to Z, space, hyphen and apostrophe, each typing its character', () => {
    expect(WHEEL.map(charOf).join('')).toBe("ABCDEFGHIJKLMNOPQRSTUVWXYZ -'");
    expect(charOf(itemAt(CONTINUE_AT))).toBeNull();
    expect(itemAt(turn(0, 25))).toEqual({ kind: 'letter', ch: 'Z' });
    expect(turn(3, 2 * WHEEL.length)).toBe(3);
  });
});
