/**
 * What the Electron entry needs before it can build the core: the config (or why there is none) and
 * the secret store (or why there is none). Electron-free, so the "never a memory store when
 * packaged" rule is unit-tested.
 */
import { ConfigError, loadConfig as loadConfigFile, type KioskConfig } from '../core/config.js';
import type { Logger } from '../core/log.js';
import { memorySecretStore, openKeychain as openOsKeychain, type SecretStore } from '../core/secrets.js';

export type Problem = { problem: string };

export async function resolveConfig(
  file: string,
  load: (file: string) => Promise<KioskConfig> = loadConfigFile,
): Promise<KioskConfig | Problem> {
  try {
    return await load(file);
  } catch (err) {
    // ConfigError messages name the file and the bad keys, never values; anything else stays generic.
    return { problem: err instanceof ConfigError ? err.message : `${file}: the configuration could not be loaded` };
  }
}

export const DEMO_SECRET_ENV = 'KIOSK_DEMO_CLIENT_SECRET';
/** Demo only: the scrypt hash of the demo staff PIN, set by `npm start` next to the demo secret. */
export const DEMO_PIN_HASH_ENV = 'KIOSK_DEMO_STAFF_PIN_HASH';

export interface SecretsChoice {
  secrets: SecretStore | Problem;
  mode: 'live' | 'demo';
}

/**
 * Live mode uses the OS keychain and refuses to run without it (the core then shows "not set up").
 * An unpackaged development run may take the demo server's synthetic client secret from the
 * environment instead; a packaged build ignores that variable entirely.
 */
export async function resolveSecrets(o: {
  packaged: boolean;
  env: NodeJS.ProcessEnv;
  log: Logger;
  openKeychain?: () => Promise<SecretStore>;
}): Promise<SecretsChoice> {
  const demoSecret = o.env[DEMO_SECRET_ENV];
  if (demoSecret && !o.packaged) {
    o.log.addSecret(demoSecret);
    o.log.warn('shell.demo_secret', { note: 'development run: client secret from the environment, memory only' });
    // Only a hash in the format hashPin writes; the staff PIN itself never travels in the environment.
    const pinHash = o.env[DEMO_PIN_HASH_ENV];
    const seeded = pinHash?.startsWith('scrypt$') ? { 'staff-pin-hash': pinHash } : {};
    return { secrets: memorySecretStore({ 'fhir-client-secret': demoSecret, ...seeded }), mode: 'demo' };
  }
  if (demoSecret) o.log.warn('shell.demo_secret_ignored', { note: 'packaged build: the OS keychain is the only secret store' });
  try {
    return { secrets: await (o.openKeychain ?? openOsKeychain)(), mode: 'live' };
  } catch (err) {
    o.log.error('shell.keychain_unavailable', { error: (err as Error).name });
    return { secrets: { problem: `The OS keychain is not available: ${(err as Error).message}` }, mode: 'live' };
  }
}

/**
 * Environment that would silently turn off TLS verification for main's FHIR calls. Node reads it at
 * each connection, so removing it at start-up is enough. Packaged builds only: a developer may point
 * a dev run at a self-signed test server on purpose.
 */
export function scrubUnsafeEnvironment(env: NodeJS.ProcessEnv, packaged: boolean): string[] {
  if (!packaged || env['NODE_TLS_REJECT_UNAUTHORIZED'] === undefined) return [];
  delete env['NODE_TLS_REJECT_UNAUTHORIZED'];
  return ['NODE_TLS_REJECT_UNAUTHORIZED'];
}
