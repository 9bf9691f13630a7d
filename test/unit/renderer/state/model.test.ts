import { describe, expect, it } from 'vitest';
import { isPatientScreen, stepOf } from '../../../../renderer/state/index.js';

describe('screen facts', () => {
  it('knows which screens hold patient data', () => {
    expect(isPatientScreen('welcome')).toBe(false);
    expect(isPatientScreen('unconfigured')).toBe(false);
    expect(isPatientScreen('birth-date')).toBe(true);
    expect(isPatientScreen('done')).toBe(true);
  });

  it('numbers the steps of a visit', () => {
    expect([stepOf('last-name'), stepOf('birth-date'), stepOf('first-name'), stepOf('appointments')]).toEqual([1, 2, 2, 3]);
    expect(stepOf('welcome')).toBeNull();
    expect(stepOf('message')).toBeNull();
  });
});
