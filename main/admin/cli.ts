/**
 * kiosk-admin: provisioning for IT. Secrets are read from stdin (never argv, which shows up in
 * process lists and shell history) and stored only in the OS keychain.
 *
 *   kiosk-admin set-client-secret [--config F]   < secret
 *   kiosk-admin set-staff-pin     [--config F]   < pin
 *   kiosk-admin check             [--config F]
 *   kiosk-admin show-config       [--config F]
 *   kiosk-admin --help
 *
 * Without --config (or KIOSK_CONFIG) the config is the installed kiosk's own, at the system path.
 */
import os from 'node:os';
import path from 'node:path';
import { configPath, ConfigError, loadConfig, resolveFhirConfig, systemConfigPath, type KioskConfig } from '../core/config.js';
import { encodeBoundSecret } from '../core/fhir/client-binding.js';
import { FhirClient } from '../core/fhir/client.js';
import { FhirError, TokenError } from '../core/fhir/errors.js';
import { TokenProvider } from '../core/fhir/token-provider.js';
import { createLogger, type LogSink } from '../core/log.js';
import { keychainService, KeychainUnavailableError, openKeychain, type SecretStore } from '../core/secrets.js';
import { hashPin, isAcceptablePin, MAX_PIN_DIGITS, MIN_PIN_DIGITS } from '../core/staff-pin.js';

/** Exit codes IT scripts can branch on. */
export const EXIT = { ok: 0, usage: 64, config: 78, keychain: 77, auth: 3, network: 4, permission: 5, server: 6 } as const;

export const USAGE = [
  'usage: kiosk-admin <command> [--config FILE]',
  "  set-client-secret   store the OAuth client secret (stdin), bound to the config's token URL, client id and FHIR server",
  `  set-staff-pin       store the staff PIN (${MIN_PIN_DIGITS}-${MAX_PIN_DIGITS} digits, stdin; typed without echo on a terminal) as a scrypt hash`,
  '  check               prove the config, keychain, token and FHIR read work',
  '  show-config         print the effective config and which secrets are present (never their values)',
  `  --config FILE       default: KIOSK_CONFIG, else ${systemConfigPath()}`,
].join('\n');

export interface CliIo {
  stdin: AsyncIterable<Buffer | string> & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  openSecrets?: () => Promise<SecretStore>;
}

export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env['APPDATA'] ?? home, 'Clinic Check-in Kiosk');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Clinic Check-in Kiosk');
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), 'Clinic Check-in Kiosk');
}

async function readStdin(stdin: AsyncIterable<Buffer | string>): Promise<string> {
  let text = '';
  for await (const chunk of stdin) text += chunk.toString();
  return text.replace(/\r?\n$/, '');
}

/**
 * On a terminal: prompt on stderr and read one line with echo off (raw mode), so a PIN or secret
 * never appears on screen or in a terminal recording. Piped input is read as is.
 */
async function readSecret(io: CliIo, prompt: string): Promise<string> {
  const { stdin } = io;
  if (!stdin.isTTY || !stdin.setRawMode) return readStdin(stdin);
  stdin.setRawMode(true); // before the prompt: a fast typist (or script) must not beat the echo switch
  io.err(prompt);
  let text = '';
  try {
    for await (const chunk of stdin) {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') return text;
        if (ch === '\u0003') throw new Error('cancelled');
        if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1);
        else text += ch;
      }
    }
    return text;
  } finally {
    stdin.setRawMode(false);
    (stdin as unknown as { pause?: () => void }).pause?.();
  }
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return EXIT.ok;
  }
  const explicit = argv.includes('--config') || !!io.env['KIOSK_CONFIG'];
  const file = explicit ? configPath(argv, io.env, defaultUserDataDir(io.env)) : systemConfigPath();
  const openSecrets = io.openSecrets ?? (() => openKeychain(keychainService(io.env)));
  const secrets = async (): Promise<SecretStore | number> => {
    try {
      return await openSecrets();
    } catch (err) {
      io.err(`keychain: ${(err as KeychainUnavailableError).message}`);
      io.err('The kiosk stores secrets only in the OS keychain (Secret Service on Linux: gnome-keyring or KWallet).');
      return EXIT.keychain;
    }
  };
  const config = async (): Promise<KioskConfig | number> => {
    try {
      return await loadConfig(file);
    } catch (err) {
      io.err(`config: ${(err as ConfigError).message}`);
      return EXIT.config;
    }
  };

  switch (command) {
    case 'set-client-secret':
    case 'set-staff-pin': {
      const isPin = command === 'set-staff-pin';
      const value = await readSecret(io, isPin ? 'New staff PIN (digits, not shown): ' : 'Client secret (not shown): ');
      if (isPin ? !isAcceptablePin(value) : value.length < 8 || /\s/.test(value)) {
        io.err(
          isPin
            ? `The staff PIN must be ${MIN_PIN_DIGITS} to ${MAX_PIN_DIGITS} digits, given on stdin.`
            : 'Give the client secret on stdin (at least 8 characters, no spaces).',
        );
        return EXIT.usage;
      }
      // The secret is bound to the servers of the config it is provisioned with (client-binding.ts).
      let fhir: ReturnType<typeof resolveFhirConfig> = null;
      if (!isPin) {
        const cfg = await config();
        if (typeof cfg === 'number') return cfg;
        fhir = resolveFhirConfig(cfg);
        if (!fhir) {
          io.err(`config: ${file} has no fhir section; the client secret is bound to its tokenUrl, clientId and baseUrl.`);
          return EXIT.config;
        }
      }
      const store = await secrets();
      if (typeof store === 'number') return store;
      if (isPin) await store.set('staff-pin-hash', await hashPin(value));
      else {
        await store.set(
          'fhir-client-secret',
          encodeBoundSecret(value, { tokenUrl: fhir!.tokenUrl, clientId: fhir!.clientId, fhirBaseUrl: fhir!.baseUrl }),
        );
        await store.delete('fhir-access-token'); // a token from old credentials must not linger
      }
      io.out(
        isPin
          ? 'Staff PIN stored in the OS keychain (as a scrypt hash).'
          : `Client secret stored in the OS keychain, bound to ${new URL(fhir!.tokenUrl).origin} (client ${fhir!.clientId}) and ${new URL(fhir!.baseUrl).origin}.`,
      );
      return EXIT.ok;
    }
    case 'show-config': {
      const cfg = await config();
      if (typeof cfg === 'number') return cfg;
      const store = await secrets().catch(() => EXIT.keychain);
      const present = async (name: 'fhir-client-secret' | 'staff-pin-hash') =>
        typeof store === 'number' ? 'keychain unavailable' : (await store.get(name)) ? 'present' : 'absent';
      const fhir = resolveFhirConfig(cfg);
      io.out(
        JSON.stringify(
          {
            file,
            ...cfg,
            ...(fhir ? { fhir } : {}),
            secrets: { clientSecret: await present('fhir-client-secret'), staffPin: await present('staff-pin-hash') },
          },
          null,
          2,
        ),
      );
      return EXIT.ok;
    }
    case 'check':
      return check(file, io, config, secrets);
    default:
      io.err(USAGE);
      return EXIT.usage;
  }
}

async function check(
  file: string,
  io: CliIo,
  config: () => Promise<KioskConfig | number>,
  secrets: () => Promise<SecretStore | number>,
): Promise<number> {
  const cfg = await config();
  if (typeof cfg === 'number') return cfg;
  const fhir = resolveFhirConfig(cfg);
  if (!fhir) {
    io.err(`config: ${file} has no fhir.baseUrl (the kiosk would run unconfigured).`);
    return EXIT.config;
  }
  io.out(`config     ok  (${file})`);
  const store = await secrets();
  if (typeof store === 'number') return store;
  const lines: string[] = [];
  const sink: LogSink = { write: (l) => void lines.push(l) };
  const log = createLogger([sink], { minLevel: 'warn' });
  // A fresh token proves the credentials now, not whatever is cached.
  await store.delete('fhir-access-token');
  const tokens = new TokenProvider({
    tokenUrl: fhir.tokenUrl,
    clientId: fhir.clientId,
    fhirBaseUrl: fhir.baseUrl,
    scope: fhir.scope,
    secrets: store,
    log,
    timeoutMs: fhir.timeoutMs,
  });
  try {
    await tokens.getToken();
    io.out(`token      ok  (${new URL(fhir.tokenUrl).host})`);
    const client = new FhirClient({ baseUrl: fhir.baseUrl, profile: fhir.profile, tokens, log, timeoutMs: fhir.timeoutMs, maxRetries: 0 });
    const started = Date.now();
    const locations = await client.search('Location', { _count: '100' });
    io.out(`fhir read  ok  (${locations.length} location(s), ${Date.now() - started} ms, profile ${fhir.profile})`);
    const probe = await client.search('Appointment', { date: new Date().toISOString().slice(0, 10), _count: '1' }).then(
      () => 'ok',
      (err: FhirError) => `failed (${err.status ?? err.kind})`,
    );
    io.out(`appointment search ${probe}`);
    return probe === 'ok' ? EXIT.ok : EXIT.permission;
  } catch (err) {
    if (err instanceof TokenError) {
      io.err(`token      FAILED: ${err.message}`);
      return err.kind === 'invalid_client' || err.kind === 'not_provisioned'
        ? EXIT.auth
        : err.kind === 'unreachable'
          ? EXIT.network
          : EXIT.server;
    }
    if (err instanceof FhirError) {
      io.err(`fhir       FAILED: ${err.message}${err.info.correlationId ? ` (correlation id ${err.info.correlationId})` : ''}`);
      if (err.status === 401) return EXIT.auth;
      if (err.status === 403) return EXIT.permission;
      return err.kind === 'network' || err.kind === 'timeout' ? EXIT.network : EXIT.server;
    }
    throw err;
  }
}

// Run when executed as the bin (bundled to build/main/admin.cjs) or via tsx.
const entry = process.argv[1] ?? '';
if (/admin\.cjs$|admin[\\/]cli\.ts$/.test(entry)) {
  runCli(process.argv.slice(2), {
    stdin: process.stdin,
    out: (l) => process.stdout.write(l + '\n'),
    err: (l) => process.stderr.write(l + '\n'),
    env: process.env,
  }).then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`kiosk-admin: ${err.message}\n`);
      process.exit(1);
    },
  );
}
