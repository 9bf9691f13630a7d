/**
 * The keychain child: runs keytar for main (see protocol.ts). Started with child_process.fork in plain
 * Node, or as an Electron utilityProcess (process.parentPort): the same file serves both.
 *
 * "Locked" versus "absent": on Linux, libsecret's lookup on a locked collection returns null exactly
 * like a missing item, so a null canary is followed by asking the Secret Service whether the default
 * collection is locked (D-Bus property Collection.Locked). On macOS keytar's lookup returns an error
 * for a locked keychain that cannot prompt (errSecInteractionNotAllowed), or blocks on the unlock
 * dialog (main's timeout covers that); on Windows the Credential Vault belongs to the logged-in
 * session and has no locked state of its own. findCredentials is never called: it is the call that
 * segfaults on a locked collection.
 */
import { execFile } from 'node:child_process';
import { CANARY_ACCOUNT, CANARY_VALUE, type KeychainRequest, type KeychainResponse } from './protocol.js';

interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

interface ParentPort {
  on(event: 'message', cb: (e: { data: unknown }) => void): void;
  postMessage(msg: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const reply = (msg: KeychainResponse) => (parentPort ? parentPort.postMessage(msg) : process.send?.(msg));

let keytar: Promise<KeytarLike> | null = null;
const loadKeytar = () =>
  (keytar ??= import('keytar').then((mod) => {
    const m = mod as unknown as { default?: KeytarLike } & KeytarLike;
    return m.default ?? m;
  }));

/** Linux only: is the Secret Service's default collection locked? null when it cannot be told. */
function linuxCollectionLocked(): Promise<boolean | null> {
  if (process.platform !== 'linux') return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.secrets',
        '/org/freedesktop/secrets/aliases/default',
        'org.freedesktop.DBus.Properties.Get',
        'string:org.freedesktop.Secret.Collection',
        'string:Locked',
      ],
      { timeout: 3000 },
      (err, stdout) => resolve(err ? null : /boolean true/.test(stdout) ? true : /boolean false/.test(stdout) ? false : null),
    );
  });
}

async function handle(req: KeychainRequest): Promise<KeychainResponse> {
  let k: KeytarLike;
  try {
    k = await loadKeytar();
  } catch (err) {
    return { id: req.id, ok: false, failure: 'unavailable', message: `keytar could not be loaded: ${(err as Error).message}` };
  }
  try {
    switch (req.op) {
      case 'get':
        return { id: req.id, ok: true, value: await k.getPassword(req.service, req.account!) };
      case 'set':
        await k.setPassword(req.service, req.account!, req.password!);
        return { id: req.id, ok: true, value: true };
      case 'delete':
        return { id: req.id, ok: true, value: await k.deletePassword(req.service, req.account!) };
      case 'probe': {
        if ((await k.getPassword(req.service, CANARY_ACCOUNT)) === CANARY_VALUE) return { id: req.id, ok: true, value: 'ok' };
        if ((await linuxCollectionLocked()) === true) {
          return { id: req.id, ok: false, failure: 'locked', message: 'the keyring (Secret Service default collection) is locked' };
        }
        return { id: req.id, ok: true, value: 'no_canary' };
      }
    }
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    // macOS: a locked keychain that may not prompt; anything else is "unavailable" with the OS's words.
    const locked = /interaction is not allowed|locked|-25308/i.test(message);
    return { id: req.id, ok: false, failure: locked ? 'locked' : 'unavailable', message };
  }
  return { id: req.id, ok: false, failure: 'unavailable', message: 'unknown operation' };
}

const onRequest = (msg: unknown) => {
  const req = msg as KeychainRequest;
  if (!req || typeof req.id !== 'number') return;
  void handle(req).then(reply);
};
if (parentPort) parentPort.on('message', (e) => onRequest(e.data));
else process.on('message', onRequest);
// The parent went away: nothing left to serve.
process.on('disconnect', () => process.exit(0));
