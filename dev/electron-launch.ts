/**
 * How `npm start` runs the Electron host: the same demo as the Chromium host, through the same doors
 * a real kiosk uses. The config goes in a file passed with `--config` (the only place the Electron
 * host reads it); the demo's synthetic client secret and the scrypt hash of the demo staff PIN go in
 * the two demo-only variables, which an unpackaged run honours and a packaged build ignores
 * (main/shell/startup.ts). Nothing else of the demo reaches the Electron process.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KioskConfig } from '../main/core/config.js';
import { DEMO_PIN_HASH_ENV, DEMO_SECRET_ENV } from '../main/shell/startup.js';

export interface ElectronLaunch {
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** Flags of `npm start` itself, or ones the launch sets: not passed on to Electron. */
const OWN_FLAGS = new Set(['--headless']);

function passThrough(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--config') i++;
    else if (!OWN_FLAGS.has(argv[i]!)) out.push(argv[i]!);
  }
  return out;
}

export function electronLaunch(o: {
  /** The project directory (Electron loads package.json's main from it). */
  root: string;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Development data (config, Electron profile) stays in the checkout. */
  devData: string;
  /** The config file of a live run; ignored with `demo`. */
  configFile: string;
  demo?: { config: KioskConfig; clientSecret: string; staffPinHash: string };
}): ElectronLaunch {
  const env = { ...o.env };
  delete env[DEMO_SECRET_ENV];
  delete env[DEMO_PIN_HASH_ENV];
  let configFile = o.configFile;
  if (o.demo) {
    configFile = path.join(o.devData, 'demo', 'electron-config.json');
    mkdirSync(path.dirname(configFile), { recursive: true });
    writeFileSync(configFile, JSON.stringify(o.demo.config, null, 2), { mode: 0o600 });
    env[DEMO_SECRET_ENV] = o.demo.clientSecret;
    env[DEMO_PIN_HASH_ENV] = o.demo.staffPinHash;
  }
  return {
    args: [o.root, '--config', configFile, `--user-data-dir=${path.join(o.devData, 'electron')}`, ...passThrough(o.argv)],
    env,
  };
}
