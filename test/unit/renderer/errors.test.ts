import { describe, expect, it } from 'vitest';
import { errorAction, toErrorCode } from '../../../renderer/errors.js';
import { en } from '../../../renderer/i18n/en.js';
import { es } from '../../../renderer/i18n/es.js';
import { ErrorCode } from '../../../preload/contract.js';

/** The contract's own closed list: a new code must get words and an action, or this fails. */
const CODES = ErrorCode.options;

describe('error codes', () => {
  it('maps every contract code to an action and to words in both languages', () => {
    for (const code of CODES) {
      expect(['retry', 'start_over', 'none']).toContain(errorAction(code));
      expect(en.errors[code]).toBeTruthy();
      expect(es.errors[code]).toBeTruthy();
    }
    expect(Object.keys(en.errors).sort()).toEqual([...CODES].sort());
  });

  it('starts over on an expired session', () => {
    expect(errorAction('session_expired')).toBe('start_over');
  });

  it('treats unknown codes as internal', () => {
    expect(toErrorCode('unavailable')).toBe('unavailable');
    expect(toErrorCode('teapot')).toBe('internal');
    expect(toErrorCode(undefined)).toBe('internal');
  });

  it('never names the field that was wrong', () => {
    for (const dict of [en, es]) {
      const texts = [...Object.values(dict.errors), dict.notFoundTitle, dict.seeDesk];
      for (const t of texts) expect(t).not.toMatch(/birth|nacimiento|last name|apellido|first name|nombre/i);
    }
  });
});
