/**
 * Run inside its own scripts/with-keyring.sh session (a private gnome-keyring): provisions a secret,
 * LOCKS the collection over D-Bus (org.freedesktop.Secret.Service.Lock), then reports as JSON what the
 * kiosk's keychain code says and that this process is still alive. Also measures the old failure: keytar's
 * findCredentials in a plain process on the locked collection (the crash the child isolation contains).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { KeychainUnavailableError, openKeychain } from '../../main/core/secrets.js';

const service = 'clinic-kiosk-locked-test';
const out: Record<string, unknown> = {};
const store = await openKeychain(service);
await store.set('fhir-client-secret', 'synthetic-client-secret-locked');
out['beforeLock'] = await store.get('fhir-client-secret');

const bus = (method: string, ...args: string[]) =>
  execFileSync(
    'dbus-send',
    ['--session', '--print-reply', '--dest=org.freedesktop.secrets', ...args.slice(0, 1), method, ...args.slice(1)],
    {
      encoding: 'utf8',
    },
  );
const collection = /object path "([^"]+)"/.exec(
  bus('org.freedesktop.Secret.Service.ReadAlias', '/org/freedesktop/secrets', 'string:default'),
)![1]!;
bus('org.freedesktop.Secret.Service.Lock', '/org/freedesktop/secrets', `array:objpath:${collection}`);

const reason = async (op: () => Promise<unknown>) =>
  op().then(
    (v) => ({ value: v }),
    (e: unknown) => (e instanceof KeychainUnavailableError ? { error: e.reason } : { error: String(e) }),
  );
out['getWhileLocked'] = await reason(() => store.get('fhir-client-secret'));
out['openWhileLocked'] = await reason(() => openKeychain(service));
const raw = spawnSync(
  process.execPath,
  [
    '-e',
    `require('keytar').findCredentials(${JSON.stringify(service)}).then(() => console.log('listed'), (e) => console.log('error', e.message))`,
  ],
  { encoding: 'utf8' },
);
out['inProcessFindCredentials'] = { status: raw.status, signal: raw.signal };
out['alive'] = true;
store.close();
console.log(JSON.stringify(out));
