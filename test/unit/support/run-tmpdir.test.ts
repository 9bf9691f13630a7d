import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import useRunTmpdir from '../../support/run-tmpdir.js';

describe('per-run temp folder (vitest and Playwright global setup)', () => {
  it('points os.tmpdir() at one new folder and removes it with everything in it at teardown', () => {
    const outer = os.tmpdir();
    const teardown = useRunTmpdir();
    const run = os.tmpdir();
    expect(path.dirname(run)).toBe(outer);
    expect(path.basename(run)).toMatch(/^kiosk-run-/);
    const leftover = mkdtempSync(path.join(os.tmpdir(), 'kiosk-core-'));
    writeFileSync(path.join(leftover, 'outbox.json'), '[]');
    teardown();
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(run)).toBe(false);
    expect(os.tmpdir()).toBe(outer);
  });

  it('is what this very run uses (the config wires it in)', () => {
    expect(path.basename(os.tmpdir())).toMatch(/^kiosk-run-/);
  });
});
