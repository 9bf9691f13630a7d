/**
 * Secrets live in the OS keychain (keytar → macOS Keychain, Windows Credential Vault, Linux Secret
 * Service). There is deliberately no plaintext fallback: without a keychain, live mode refuses to run.
 */
export type SecretName = 'fhir-client-secret' | 'fhir-access-token' | 'staff-pin-hash';

export interface SecretStore {
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<boolean>;
}

export class KeychainUnavailableError extends Error {
  override name = 'KeychainUnavailableError';
}

interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

/**
 * Opens the keychain and proves it works (a Secret Service must answer), or throws
 * KeychainUnavailableError with the platform's reason.
 */
export async function openKeychain(service = 'clinic-kiosk'): Promise<SecretStore> {
  let keytar: KeytarLike;
  try {
    const mod = (await import('keytar')) as unknown as { default?: KeytarLike } & KeytarLike;
    keytar = mod.default ?? mod;
  } catch (err) {
    throw new KeychainUnavailableError(`keytar could not be loaded: ${(err as Error).message}`);
  }
  const guard = async <T>(op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (err) {
      throw new KeychainUnavailableError(`OS keychain unavailable: ${(err as Error).message}`);
    }
  };
  await guard(() => keytar.findCredentials(service));
  return {
    get: (name) => guard(() => keytar.getPassword(service, name)),
    set: (name, value) => guard(() => keytar.setPassword(service, name, value)),
    delete: (name) => guard(() => keytar.deletePassword(service, name)),
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
