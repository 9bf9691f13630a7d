/**
 * `npm start` with Electron runs the same demo as the Chromium host. The Electron binary cannot run
 * here, so this replays what its entry does with the launch (configPath → resolveConfig →
 * resolveSecrets → createKiosk, the same functions main/shell/electron-main.ts calls) against the
 * real demo server. Before: start.ts put the config in KIOSK_DEMO_CONFIG (read by nothing) and seeded
 * no staff PIN, so the Electron host showed "not set up" and staff could not get in.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configPath } from '../../../main/core/config.js';
import { createKiosk, type Kiosk } from '../../../main/core/kiosk.js';
import { silentLogger } from '../../../main/core/log.js';
import { hashPin } from '../../../main/core/staff-pin.js';
import { DEMO_PIN_HASH_ENV, DEMO_SECRET_ENV, resolveConfig, resolveSecrets } from '../../../main/shell/startup.js';
import { DEMO_CLINIC, DEMO_STAFF_PIN, startDemoKiosk, type DemoKiosk } from '../../../dev/demo-kiosk.js';
import { electronLaunch, type ElectronLaunch } from '../../../dev/electron-launch.js';

let demo: DemoKiosk;
let devData: string;
let launch: ElectronLaunch;
let kiosk: Kiosk;

beforeAll(async () => {
  devData = mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-launch-'));
  demo = await startDemoKiosk();
  launch = electronLaunch({
    root: '/checkout',
    argv: ['--windowed', '--headless', '--config', '/ignored.json'],
    env: { PATH: '/usr/bin', [DEMO_SECRET_ENV]: 'stale', KIOSK_CONFIG: '/elsewhere.json' },
    devData,
    configFile: '/ignored.json',
    demo: { config: demo.config, clientSecret: demo.server.clientSecret, staffPinHash: await hashPin(DEMO_STAFF_PIN) },
  });
  // What electron-main does with process.argv = [electron, ...args] in an unpackaged run.
  const userData = path.join(devData, 'electron');
  const config = await resolveConfig(configPath(['/electron', ...launch.args], launch.env, userData));
  const { secrets, mode } = await resolveSecrets({ packaged: false, env: launch.env, log: silentLogger });
  kiosk = createKiosk({ config, secrets, dataDir: userData, log: silentLogger, mode });
}, 30_000);

afterAll(async () => {
  kiosk?.stop();
  await demo?.close();
  rmSync(devData, { recursive: true, force: true });
});

describe('electronLaunch (npm start with Electron)', () => {
  it('passes the demo config with --config, a dev profile, and the user flags; not npm start’s own', () => {
    const file = path.join(devData, 'demo', 'electron-config.json');
    expect(launch.args).toEqual(['/checkout', '--config', file, `--user-data-dir=${path.join(devData, 'electron')}`, '--windowed']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('puts only the demo secret and the PIN hash in the environment (never the PIN)', () => {
    expect(launch.env[DEMO_SECRET_ENV]).toBe(demo.server.clientSecret);
    expect(launch.env[DEMO_PIN_HASH_ENV]).toMatch(/^scrypt\$/);
    expect(JSON.stringify(launch.env)).not.toContain(`"${DEMO_STAFF_PIN}"`);
    expect(launch.env['PATH']).toBe('/usr/bin');
  });

  it('the Electron host then runs the configured demo, not "not set up"', async () => {
    const info = await kiosk.handlers['kiosk:info']({});
    expect(info).toMatchObject({ mode: 'demo', clinicName: DEMO_CLINIC });
    expect(await kiosk.checkHealth()).toMatchObject({ state: 'ok' });
  });

  it('and staff get in with the demo PIN', async () => {
    const r = await kiosk.handlers['staff:unlock']({ pin: DEMO_STAFF_PIN });
    expect(r.outcome).toBe('unlocked');
  });

  it('a live run (no demo) passes the given config file and no demo variables', () => {
    const live = electronLaunch({
      root: '/checkout',
      argv: [],
      env: { [DEMO_SECRET_ENV]: 's', [DEMO_PIN_HASH_ENV]: 'h' },
      devData,
      configFile: '/etc/kiosk.json',
    });
    expect(live.args.slice(1, 3)).toEqual(['--config', '/etc/kiosk.json']);
    expect(live.env[DEMO_SECRET_ENV]).toBeUndefined();
    expect(live.env[DEMO_PIN_HASH_ENV]).toBeUndefined();
  });
});

describe('the fetch seam per host', () => {
  it("the Chromium host's demo kiosk (npm start without Electron, npm run smoke) keeps Node's fetch", async () => {
    const nodeFetch = vi.spyOn(globalThis, 'fetch');
    const chromiumDemo = await startDemoKiosk();
    try {
      expect(await chromiumDemo.kiosk.checkHealth()).toMatchObject({ state: 'ok' });
      const origin = new URL(chromiumDemo.server.baseUrl).origin;
      expect(nodeFetch.mock.calls.some(([input]) => String(input instanceof Request ? input.url : input).startsWith(origin))).toBe(true);
    } finally {
      nodeFetch.mockRestore();
      chromiumDemo.kiosk.stop();
      await chromiumDemo.close();
    }
  });
});
