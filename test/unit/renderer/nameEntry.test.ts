import { describe, expect, it } from 'vitest';
import { NAME_MAX, canSubmitName, deleteLast, finalName, keyCase, nameChar, typeInto } from '../../../renderer/nameEntry.js';

describe('name entry', () => {
  it('accepts letters (any script, accented), space, hyphen and apostrophe only', () => {
    expect(nameChar('é')).toBe('é');
    expect(nameChar('Ñ')).toBe('Ñ');
    expect(nameChar('李')).toBe('李');
    expect(nameChar('-')).toBe('-');
    expect(nameChar("'")).toBe("'");
    expect(nameChar('\u2019')).toBe("'"); // typographic apostrophe from a physical keyboard
    for (const bad of ['1', '.', '<', '\n', '\u0000', '😀', '@']) expect(nameChar(bad)).toBeNull();
  });

  it('ignores leading and double spaces and symbols', () => {
    expect(typeInto('', ' ')).toBe('');
    expect(typeInto('De', ' ')).toBe('De ');
    expect(typeInto('De ', ' ')).toBe('De ');
    expect(typeInto('Ok', '7')).toBe('Ok');
  });

  it('caps the length at the contract limit', () => {
    const full = 'a'.repeat(NAME_MAX);
    expect(typeInto(full, 'b')).toBe(full);
    expect(typeInto('a'.repeat(NAME_MAX - 1), 'b')).toHaveLength(NAME_MAX);
  });

  it('composes accents so one backspace removes one letter', () => {
    expect(typeInto('Nu', '\u0301')).toBe('Nú');
    expect(deleteLast('Núñez')).toBe('Núñe');
    expect(deleteLast('Ñ')).toBe('');
    expect(deleteLast('')).toBe('');
  });

  it('types on-screen keys in name case', () => {
    expect(keyCase('', 'O')).toBe('O');
    expect(keyCase('O', 'B')).toBe('b');
    expect(keyCase("O'", 'B')).toBe('B');
    expect(keyCase('Smith-', 'J')).toBe('J');
    expect(keyCase('De ', 'L')).toBe('L');
    expect(keyCase('Mu', 'Ñ')).toBe('ñ');
  });

  it('needs a letter to submit, and sends a tidy name', () => {
    expect(canSubmitName('')).toBe(false);
    expect(canSubmitName("- '")).toBe(false);
    expect(canSubmitName('O')).toBe(true);
    expect(finalName('  De   la Cruz ')).toBe('De la Cruz');
  });
});
