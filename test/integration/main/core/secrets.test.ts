/**
 * keytar against a real Secret Service: `npm test` runs vitest inside scripts/with-keyring.sh (a
 * private D-Bus session with gnome-keyring). Outside it these tests fail loudly, by design.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKeychain, type SecretStore } from '../../../../main/core/secrets.js';
import type { DemoServer } from '../../../../dev/demo-server/index.js';
import { demoServer } from '../../../support/fixtures.js';

const run = promisify(execFile);
const service = `clinic-kiosk-test-${randomBytes(4).toString('hex')}`;

describe('OS keychain via keytar (real gnome-keyring)', () => {
  let store: SecretStore;
  beforeAll(async () => {
    store = await openKeychain(service);
  });

  it('sets, reads, replaces and deletes a secret', async () => {
    expect(await store.get('fhir-client-secret')).toBeNull();
    await store.set('fhir-client-secret', 'first-secret-ñ-✓');
    expect(await store.get('fhir-client-secret')).toBe('first-secret-ñ-✓');
    await store.set('fhir-client-secret', 'second-secret');
    expect(await store.get('fhir-client-secret')).toBe('second-secret');
    expect(await store.delete('fhir-client-secret')).toBe(true);
    expect(await store.get('fhir-client-secret')).toBeNull();
    expect(await store.delete('fhir-client-secret')).toBe(false);
  });

  it('without a Secret Service it refuses (KeychainUnavailableError), never falls back to a file', async () => {
    const script = `import('./main/core/secrets.ts').then(m => m.openKeychain('x')).then(() => console.log('OPENED'), e => console.log(e.name))`;
    const out = execFileSync('npx', ['tsx', '-e', script], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' },
      encoding: 'utf8',
    });
    expect(out.trim()).toBe('KeychainUnavailableError');
  });

  describe('the token cache survives a restart of the process', () => {
    let server: DemoServer;
    beforeAll(async () => {
      server = await demoServer({ seed: false });
      await store.set('fhir-client-secret', server.clientSecret);
    });
    afterAll(async () => {
      await store.delete('fhir-client-secret');
      await store.delete('fhir-access-token');
      await server.close();
    });

    // Each run is a separate Node process: only the keychain carries the token between them.
    // Async, so this process's demo server keeps answering while the child runs.
    const runProcess = async () =>
      (
        await run('npx', ['tsx', 'test/support/token-process.ts', service, server.tokenUrl, server.clientId], { encoding: 'utf8' })
      ).stdout.trim();

    it('first process fetches a token, the second reuses it with zero token requests', async () => {
      server.resetRequests();
      expect(await runProcess()).toBe('TOKEN-OK 1');
      expect(await runProcess()).toBe('TOKEN-OK 0');
      expect(server.requests.filter((r) => r.tokenRequest)).toHaveLength(1);
    });
  });
});
