/**
 * Keychain access never takes main down (real gnome-keyring; `npm test` runs vitest inside
 * scripts/with-keyring.sh). A LOCKED collection is tested in a private keyring session of its own so
 * the lock cannot disturb other tests.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { KeychainChannel } from '../../../../../main/core/keychain/client.js';
import { openKeychain } from '../../../../../main/core/secrets.js';

const run = promisify(execFile);

describe('isolated keychain', () => {
  it('a locked collection is reported as "locked" (not "not provisioned") and the process survives', async () => {
    const { stdout } = await run('bash', ['scripts/with-keyring.sh', 'npx', 'tsx', 'test/support/locked-keychain.ts'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    const r = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(r['beforeLock']).toBe('synthetic-client-secret-locked');
    expect(r['getWhileLocked']).toEqual({ error: 'locked' });
    expect(r['openWhileLocked']).toEqual({ error: 'locked' });
    // What main used to run in-process on the same keyring: a segfault (exit 139).
    expect(r['inProcessFindCredentials']).toEqual({ status: null, signal: 'SIGSEGV' });
    expect(r['alive']).toBe(true);
  }, 90_000);

  it('a keychain child that segfaults mid-call fails that call ("crashed"); the next call gets a new child', async () => {
    const children: KeychainChannel[] = [];
    const store = await openKeychain(`clinic-kiosk-crash-${randomBytes(4).toString('hex')}`, { onSpawn: (c) => children.push(c) });
    await store.set('fhir-client-secret', 'synthetic-crash-secret');
    const call = store.get('fhir-client-secret');
    process.kill(children[0]!.pid!, 'SIGSEGV');
    await expect(call).rejects.toMatchObject({ name: 'KeychainUnavailableError', reason: 'crashed' });
    expect(await store.get('fhir-client-secret')).toBe('synthetic-crash-secret');
    expect(children).toHaveLength(2);
    await store.delete('fhir-client-secret');
    store.close();
  });

  it('a hung keychain child times out ("timeout") instead of hanging main', async () => {
    const children: KeychainChannel[] = [];
    const store = await openKeychain(`clinic-kiosk-hang-${randomBytes(4).toString('hex')}`, {
      timeoutMs: 4000, // a fresh child under tsx needs a moment to start on a busy machine
      onSpawn: (c) => children.push(c),
    });
    process.kill(children[0]!.pid!, 'SIGSTOP');
    await expect(store.get('staff-pin-hash')).rejects.toMatchObject({ reason: 'timeout' });
    expect(await store.get('staff-pin-hash')).toBeNull(); // a fresh child answers
    store.close();
  });
});
