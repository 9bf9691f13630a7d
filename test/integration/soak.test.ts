/**
 * A short soak inside `npm test`: 40 consecutive patient sessions by touch in the Chromium host, with
 * seeded random faults on PUTs and searches. Nothing lost, nothing duplicated, memory within bounds
 * (the same function and checks as `npm run soak`, which runs 1000 sessions).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAll } from '../../scripts/build.mjs';
import { formatSoakReport, runSoak } from '../../scripts/soak.js';

describe('soak (short)', () => {
  it('40 patient sessions under random faults: no lost or duplicated check-in, no leak', { timeout: 150_000 }, async () => {
    if (!existsSync('build/renderer/app.js') || !existsSync('build/dev/bridge.js')) await buildAll();
    const report = await runSoak({ sessions: 40, seed: 7 });
    console.log(formatSoakReport(report));
    expect(report.violations).toEqual([]);
    // The run exercised both paths that matter: confirmed check-ins and queued ones delivered later.
    expect(report.outcomes['checked_in'] ?? 0).toBeGreaterThan(20);
    expect(report.outboxAfterFlush).toBe(0);
  });
});
