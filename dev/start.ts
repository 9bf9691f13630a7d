/**
 * `npm start`: build, then run the kiosk. Without a configured FHIR server it starts the embedded
 * demo server first. Uses Electron when its binary is installed, otherwise the Chromium host.
 *   npm start [-- --config FILE] [--windowed] [--headless]
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { configPath, loadConfig } from '../main/core/config.js';
import { createKiosk, type Kiosk } from '../main/core/kiosk.js';
import { createLogger, stderrSink } from '../main/core/log.js';
import { openKeychain } from '../main/core/secrets.js';
import { hashPin } from '../main/core/staff-pin.js';
import { runBuild } from './build.js';
import { openKioskInChromium } from './chromium-host.js';
import { DEMO_STAFF_PIN, startDemoKiosk, type DemoKiosk } from './demo-kiosk.js';
import { printDemoGuide } from './demo-guide.js';
import { electronLaunch } from './electron-launch.js';
import { electronBinary } from './electron-binary.js';

const argv = process.argv.slice(2);
const log = createLogger([stderrSink], { minLevel: 'warn' });
const devData = path.resolve('.kiosk-dev');

await runBuild();
const file = configPath(argv, process.env, devData);
const config = await loadConfig(file);
const electron = electronBinary();

if (!config.fhir) {
  const demo = await startDemoKiosk({
    log,
    dataDir: path.join(devData, 'demo'),
    ...(config.clinic.timezone ? { config: { clinic: { timezone: config.clinic.timezone } } } : {}),
  });
  printDemoGuide(demo);
  if (electron) await runElectron(electron, demo);
  else await runChromium(demo.kiosk);
} else if (electron) {
  await runElectron(electron, null);
} else {
  let secrets;
  try {
    secrets = await openKeychain();
  } catch (err) {
    secrets = { problem: (err as Error).message };
  }
  await runChromium(createKiosk({ config, secrets, dataDir: path.join(devData, 'live'), log, mode: 'live' }));
}

/** The real Electron host on the same config; Ctrl+C / SIGTERM reach it and it exits by itself. */
async function runElectron(bin: string, demo: DemoKiosk | null) {
  const launch = electronLaunch({
    root: process.cwd(),
    argv,
    env: process.env,
    devData,
    configFile: file,
    ...(demo ? { demo: { config: demo.config, clientSecret: demo.server.clientSecret, staffPinHash: await hashPin(DEMO_STAFF_PIN) } } : {}),
  });
  const child = spawn(bin, launch.args, { stdio: 'inherit', env: launch.env });
  // A terminal's Ctrl+C reaches the whole process group; `kill <pid>` of this process does not.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => void (demo?.close() ?? Promise.resolve()).finally(() => process.exit(code ?? 0)));
}

async function runChromium(kiosk: Kiosk) {
  const headless = argv.includes('--headless') || !process.env['DISPLAY'];
  console.log(
    `Electron binary not installed: opening the Chromium host instead${headless ? ' (headless: no DISPLAY; try `xvfb-run npm start` or `npm run smoke`)' : ''}.`,
  );
  kiosk.start();
  const host = await openKioskInChromium({ kiosk, log, headless, fullscreen: !headless && !argv.includes('--windowed') });
  host.page.on('close', () => process.exit(0));
  process.on('SIGINT', () => void host.close().then(() => process.exit(0)));
}
