/**
 * kiosk-admin: provisioning for IT. Secrets are read from stdin (never argv, which shows up in
 * process lists and shell history) and stored only in the OS keychain.
 *
 *   kiosk-admin set-client-secret [--config F]   < secret
 *   kiosk-admin set-staff-pin     [--config F]   < pin
 *   kiosk-admin check             [--config F]
 *   kiosk-admin show-config       [--config F]
 */
import os from 'node:os';
import path from 'node:path';
import { configPath, ConfigError, loadConfig, resolveFhirConfig, type KioskConfig } from '../core/config.js';
import { FhirClient } from '../core/fhir/client.js';
import { FhirError, TokenError } from '../core/fhir/errors.js';
import { TokenProvider } from '../core/fhir/token-provider.js';
import { createLogger, type LogSink } from '../core/log.js';
import { KeychainUnavailableError, openKeychain, type SecretStore } from '../core/secrets.js';
import { hashPin } from '../core/staff-pin.js';

/** Exit codes IT scripts can branch on. */
export const EXIT = { ok: 0, usage: 64, config: 78, keychain: 77, auth: 3, network: 4, permission: 5, server: 6 } as const;

export interface CliIo {
  stdin: AsyncIterable<Buffer | string>;
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

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command] = argv;
  const file = configPath(argv, io.env, defaultUserDataDir(io.env));
  const openSecrets = io.openSecrets ?? (() => openKeychain(io.env['KIOSK_KEYCHAIN_SERVICE'] || 'clinic-kiosk'));
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
      const value = await readStdin(io.stdin);
      const isPin = command === 'set-staff-pin';
      if (isPin ? !/^\d{4,12}$/.test(value) : value.length < 8 || /\s/.test(value)) {
        io.err(
          isPin
            ? 'The staff PIN must be 4 to 12 digits, given on stdin.'
            : 'Give the client secret on stdin (at least 8 characters, no spaces).',
        );
        return EXIT.usage;
      }
      const store = await secrets();
      if (typeof store === 'number') return store;
      if (isPin) await store.set('staff-pin-hash', await hashPin(value));
      else {
        await store.set('fhir-client-secret', value);
        await store.delete('fhir-access-token'); // a token from old credentials must not linger
      }
      io.out(isPin ? 'Staff PIN stored in the OS keychain (as a scrypt hash).' : 'Client secret stored in the OS keychain.');
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
      io.err('usage: kiosk-admin <set-client-secret|set-staff-pin|check|show-config> [--config FILE]');
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
