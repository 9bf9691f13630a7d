/**
 * Secrets live in the OS keychain (keytar → macOS Keychain, Windows Credential Vault, Linux Secret
 * Service). There is deliberately no plaintext fallback: without a keychain, live mode refuses to run.
 * keytar itself runs in a child process (keychain/child.ts), so a native crash or hang costs a child.
 */
import { IsolatedKeychain, type KeychainChannel, type KeychainChannelFactory } from './keychain/client.js';
import { CANARY_ACCOUNT, CANARY_VALUE, type ProbeResult } from './keychain/protocol.js';
export type SecretName = 'fhir-client-secret' | 'fhir-access-token' | 'staff-pin-hash';

export interface SecretStore {
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<boolean>;
}

export { KeychainUnavailableError } from './keychain/client.js';

/**
 * The keychain service name, for the kiosk and kiosk-admin alike (one rule): KIOSK_KEYCHAIN_SERVICE
 * when it is a plain name, else `clinic-kiosk`. Lets two kiosks (or a test) share one OS account.
 */
export function keychainService(env: NodeJS.ProcessEnv = process.env): string {
  const v = env['KIOSK_KEYCHAIN_SERVICE'];
  return v && /^[A-Za-z0-9._-]{1,64}$/.test(v) ? v : 'clinic-kiosk';
}

export interface OpenKeychainOptions {
  /** How the keychain child is started (default: child_process.fork; Electron: a utilityProcess). */
  spawn?: KeychainChannelFactory;
  timeoutMs?: number;
  onSpawn?: (channel: KeychainChannel) => void;
}

/**
 * Opens the keychain through the isolated child and proves it answers and is unlocked with the canary
 * item (written on first use), or throws KeychainUnavailableError with reason locked / unavailable /
 * timeout / crashed. Every later read that finds nothing asks the canary again, so a keyring locked
 * while the kiosk runs is reported as locked, not as "not provisioned".
 */
export async function openKeychain(service = keychainService(), o: OpenKeychainOptions = {}): Promise<SecretStore & { close(): void }> {
  const kc = new IsolatedKeychain(o);
  const probe = async () => (await kc.call('probe', service)) as ProbeResult;
  try {
    if ((await probe()) === 'no_canary') await kc.call('set', service, CANARY_ACCOUNT, CANARY_VALUE);
  } catch (err) {
    kc.close();
    throw err;
  }
  return {
    get: async (name) => {
      const v = (await kc.call('get', service, name)) as string | null;
      if (v === null) await probe(); // throws "locked" when that is why nothing came back
      return v;
    },
    set: async (name, value) => void (await kc.call('set', service, name, value)),
    delete: async (name) => (await kc.call('delete', service, name)) === true,
    close: () => kc.close(),
  };
}

/** Process memory only: for demo mode (synthetic demo credentials) and never for live mode. */
export function memorySecretStore(initial: Partial<Record<SecretName, string>> = {}): SecretStore {
  const m = new Map(Object.entries(initial) as Array<[SecretName, string]>);
  return {
    get: async (n) => m.get(n) ?? null,
    set: async (n, v) => void m.set(n, v),
    delete: async (n) => m.delete(n),
  };
}
