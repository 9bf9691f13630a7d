import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // One temp folder per run, removed at the end (tests, servers and tools all write under it).
    globalSetup: ['test/support/run-tmpdir.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests start demo servers and keychain sessions; 2 cores on our machines.
    maxWorkers: 2,
  },
});
