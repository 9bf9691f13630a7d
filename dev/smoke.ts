/**
 * `npm run smoke`: headless Chromium host on the demo server; waits until the welcome screen shows
 * the clinic name and the clock, saves artifacts/smoke.png, exits 0 (non-zero with a reason).
 */
import { mkdirSync } from 'node:fs';
import { runBuild } from './build.js';
import { createLogger, stderrSink } from '../main/core/log.js';
import { openKioskInChromium } from './chromium-host.js';
import { DEMO_CLINIC, startDemoKiosk } from './demo-kiosk.js';

const started = Date.now();
const log = createLogger([stderrSink], { minLevel: 'warn' });
let failure: string | null = null;
await runBuild();
const demo = await startDemoKiosk({ log });
const host = await openKioskInChromium({ kiosk: demo.kiosk, log, headless: true, viewport: { width: 1280, height: 800 } }).catch(
  (err: Error) => {
    failure = `Chromium did not start: ${err.message}`;
    return null;
  },
);
try {
  if (host) {
    const welcome = host.page.locator('[data-screen="welcome"]');
    await welcome.getByText(DEMO_CLINIC).waitFor({ timeout: 15_000 });
    await welcome.locator('time').first().waitFor({ timeout: 5_000 });
    mkdirSync('artifacts', { recursive: true });
    await host.page.screenshot({ path: 'artifacts/smoke.png' });
  }
} catch (err) {
  failure = `The welcome screen did not render its data: ${(err as Error).message.split('\n')[0]}`;
} finally {
  await host?.close();
  await demo.close();
}
if (failure) {
  console.error(`smoke: FAILED — ${failure}`);
  process.exit(1);
}
console.log(`smoke: ok — artifacts/smoke.png written in ${Date.now() - started} ms`);
