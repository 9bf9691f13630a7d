/**
 * Global setup for vitest and Playwright: every temporary folder a test run makes (mkdtemp in
 * tests, demo servers, keychain sessions, electron-builder) goes under one per-run folder, removed
 * when the run ends, pass or fail. Workers and child processes inherit TMPDIR (TMP/TEMP on Windows),
 * which os.tmpdir() reads on every call.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function useRunTmpdir(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-run-'));
  // Traversable, not listable: a test may run a helper as another user (scripts/system-deps test);
  // what is inside stays private (mkdtemp folders are 0700).
  chmodSync(dir, 0o711);
  const before = { TMPDIR: process.env['TMPDIR'], TMP: process.env['TMP'], TEMP: process.env['TEMP'] };
  process.env['TMPDIR'] = process.env['TMP'] = process.env['TEMP'] = dir;
  return () => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
}
