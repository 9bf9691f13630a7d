import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './test/e2e',
  globalSetup: './test/support/run-tmpdir.ts',
  outputDir: './artifacts/test-results',
  reporter: [['list'], ['json', { outputFile: 'artifacts/e2e-results.json' }]],
  timeout: 60_000,
  workers: 2,
  fullyParallel: true,
  use: { screenshot: 'only-on-failure' },
});
