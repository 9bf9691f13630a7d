import { describe, expect, it, vi } from 'vitest';
import { ConfigError, parseConfig } from '../../../../main/core/config.js';
import { KeychainUnavailableError, memorySecretStore } from '../../../../main/core/secrets.js';
import {
  DEMO_PIN_HASH_ENV,
  DEMO_SECRET_ENV,
  resolveConfig,
  resolveSecrets,
  scrubUnsafeEnvironment,
} from '../../../../main/shell/startup.js';
import { capturingLogger } from './fakes.js';

describe('resolveSecrets', () => {
  const keychain = memorySecretStore();

  it('live mode uses the OS keychain', async () => {
    const open = vi.fn(async () => keychain);
    const r = await resolveSecrets({ packaged: true, env: {}, log: capturingLogger().log, openKeychain: open });
    expect(r).toEqual({ secrets: keychain, mode: 'live' });
  });

  it('without a keychain live mode gets a problem (the "not set up" screen), never a fallback store', async () => {
    const open = vi.fn(async () => {
      throw new KeychainUnavailableError('OS keychain unavailable: no Secret Service');
    });
    const r = await resolveSecrets({ packaged: true, env: {}, log: capturingLogger().log, openKeychain: open });
    expect(r.mode).toBe('live');
    expect(r.secrets).toEqual({ problem: expect.stringContaining('no Secret Service') });
  });

  it('a packaged build ignores the demo secret variable', async () => {
    const open = vi.fn(async () => keychain);
    const r = await resolveSecrets({
      packaged: true,
      env: { [DEMO_SECRET_ENV]: 'demo-secret-123' },
      log: capturingLogger().log,
      openKeychain: open,
    });
    expect(r).toEqual({ secrets: keychain, mode: 'live' });
  });

  it('the demo staff PIN hash is seeded only with the demo secret in an unpackaged run, never when packaged', async () => {
    const hash = 'scrypt$32768$8$1$c2FsdA$aGFzaA';
    const env = { [DEMO_SECRET_ENV]: 'demo-secret-123', [DEMO_PIN_HASH_ENV]: hash };
    const dev = await resolveSecrets({ packaged: false, env, log: capturingLogger().log });
    if ('problem' in dev.secrets) throw new Error('expected a store');
    await expect(dev.secrets.get('staff-pin-hash')).resolves.toBe(hash);
    const packaged = await resolveSecrets({
      packaged: true,
      env,
      log: capturingLogger().log,
      openKeychain: async () => memorySecretStore(),
    });
    if ('problem' in packaged.secrets) throw new Error('expected a store');
    await expect(packaged.secrets.get('staff-pin-hash')).resolves.toBeNull();
    const notAHash = await resolveSecrets({ packaged: false, env: { ...env, [DEMO_PIN_HASH_ENV]: '2468' }, log: capturingLogger().log });
    if ('problem' in notAHash.secrets) throw new Error('expected a store');
    await expect(notAHash.secrets.get('staff-pin-hash')).resolves.toBeNull();
  });

  it('an unpackaged dev run may use the demo secret, in memory only, and never logs it', async () => {
    const open = vi.fn(async () => keychain);
    const { log, lines } = capturingLogger();
    const r = await resolveSecrets({ packaged: false, env: { [DEMO_SECRET_ENV]: 'demo-secret-123' }, log, openKeychain: open });
    expect(open).not.toHaveBeenCalled();
    expect(r.mode).toBe('demo');
    expect('problem' in r.secrets).toBe(false);
    if (!('problem' in r.secrets)) await expect(r.secrets.get('fhir-client-secret')).resolves.toBe('demo-secret-123');
    log.info('probe', { detail: 'value demo-secret-123' });
    expect(lines.join('\n')).not.toContain('demo-secret-123');
  });
});

describe('resolveConfig', () => {
  it('returns the config', async () => {
    const config = parseConfig({});
    await expect(resolveConfig('/x/config.json', async () => config)).resolves.toBe(config);
  });
  it('turns a ConfigError into the problem shown to staff', async () => {
    const r = await resolveConfig('/x/config.json', async () => {
      throw new ConfigError('/x/config.json: fhir.baseUrl: expected an https:// URL');
    });
    expect(r).toEqual({ problem: '/x/config.json: fhir.baseUrl: expected an https:// URL' });
  });
  it('keeps unexpected errors generic', async () => {
    const r = await resolveConfig('/x/config.json', async () => {
      throw new Error('boom with details');
    });
    expect(r).toEqual({ problem: '/x/config.json: the configuration could not be loaded' });
  });
});

describe('scrubUnsafeEnvironment', () => {
  it('a packaged build drops NODE_TLS_REJECT_UNAUTHORIZED', () => {
    const env: NodeJS.ProcessEnv = { NODE_TLS_REJECT_UNAUTHORIZED: '0', PATH: '/usr/bin' };
    expect(scrubUnsafeEnvironment(env, true)).toEqual(['NODE_TLS_REJECT_UNAUTHORIZED']);
    expect(env).toEqual({ PATH: '/usr/bin' });
  });
  it('a development run keeps it', () => {
    const env: NodeJS.ProcessEnv = { NODE_TLS_REJECT_UNAUTHORIZED: '0' };
    expect(scrubUnsafeEnvironment(env, false)).toEqual([]);
    expect(env).toEqual({ NODE_TLS_REJECT_UNAUTHORIZED: '0' });
  });
});
