/**
 * Electron-only tests (Playwright `_electron`). Separate from the Chromium e2e suite: one worker
 * (Electron teardown is unreliable in parallel on Linux), each test file launches its own app with
 * its own --user-data-dir (the single-instance lock is per userData).
 * Run: npx playwright test -c test/e2e-electron/playwright.config.ts
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../artifacts/e2e-electron-results',
  // JSON for scripts/test.mjs, which counts passed/failed/skipped per suite.
  reporter: [['list'], ['json', { outputFile: '../../artifacts/e2e-electron-results.json' }]],
  timeout: 60_000,
  workers: 1,
  fullyParallel: false,
});
