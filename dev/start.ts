/**
 * `npm start`: build, then run the kiosk. Without a configured FHIR server it starts the embedded
 * demo server first. Uses Electron when its binary is installed, otherwise the Chromium host.
 *   npm start [-- --config FILE] [--windowed] [--headless]
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runBuild } from './build.js';
import { configPath, loadConfig } from '../main/core/config.js';
import { createKiosk } from '../main/core/kiosk.js';
import { createLogger, stderrSink } from '../main/core/log.js';
import { openKeychain } from '../main/core/secrets.js';
import { openKioskInChromium } from './chromium-host.js';
import { startDemoKiosk } from './demo-kiosk.js';
import { printDemoGuide } from './demo-guide.js';

const argv = process.argv.slice(2);
const log = createLogger([stderrSink], { minLevel: 'warn' });
const devData = path.resolve('.kiosk-dev');

/** The Electron binary, if this machine has one (its postinstall download is disabled here). */
function electronBinary(): string | null {
  try {
    const dir = path.resolve('node_modules/electron');
    const rel = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const bin = path.join(dir, 'dist', rel);
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

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
  await run(demo.kiosk, electron, { KIOSK_DEMO_CLIENT_SECRET: demo.server.clientSecret, demoConfig: JSON.stringify(demo.config) });
} else {
  let secrets;
  try {
    secrets = await openKeychain();
  } catch (err) {
    secrets = { problem: (err as Error).message };
  }
  await run(createKiosk({ config, secrets, dataDir: path.join(devData, 'live'), log, mode: 'live' }), electron, {});
}

async function run(kiosk: ReturnType<typeof createKiosk>, electronBin: string | null, demo: Record<string, string>) {
  if (electronBin) {
    const env = {
      ...process.env,
      ...(demo['KIOSK_DEMO_CLIENT_SECRET']
        ? { KIOSK_DEMO_CLIENT_SECRET: demo['KIOSK_DEMO_CLIENT_SECRET'], KIOSK_DEMO_CONFIG: demo['demoConfig'] }
        : {}),
    };
    const child = spawn(electronBin, ['.', ...argv], { stdio: 'inherit', env });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  const headless = argv.includes('--headless') || !process.env['DISPLAY'];
  console.log(
    `Electron binary not installed: opening the Chromium host instead${headless ? ' (headless: no DISPLAY; try `xvfb-run npm start` or `npm run smoke`)' : ''}.`,
  );
  kiosk.start();
  const host = await openKioskInChromium({ kiosk, log, headless, fullscreen: !headless && !argv.includes('--windowed') });
  host.page.on('close', () => process.exit(0));
  process.on('SIGINT', () => void host.close().then(() => process.exit(0)));
}
