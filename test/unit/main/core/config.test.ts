import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  configPath,
  loadConfig,
  parseConfig,
  resolveFhirConfig,
  systemConfigPath,
  type KioskConfig,
} from '../../../../main/core/config.js';

const LIVE = {
  fhir: { baseUrl: 'https://fumage-example.canvasmedical.com', clientId: 'kiosk-client' },
  clinic: { timezone: 'America/Chicago' },
};

function configError(raw: unknown): ConfigError {
  try {
    parseConfig(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected parseConfig to throw');
}

describe('parseConfig defaults', () => {
  it('an empty config is a valid unconfigured kiosk with every default', () => {
    expect(parseConfig({})).toEqual({
      clinic: { name: 'Clinic check-in' },
      checkIn: { targetStatus: 'checked-in', opensMinutesBefore: 60, closesMinutesAfter: 15 },
      kiosk: {
        id: 'kiosk-1',
        idleSeconds: 60,
        warningSeconds: 20,
        languages: ['en', 'es'],
        maxIdentifyAttempts: 3,
        pauseAfterMisses: 10,
        pauseWindowMinutes: 10,
        cooldownSeconds: 600,
        auditRetentionDays: 90,
      },
      update: { enabled: true, checkEveryMinutes: 240, maintenanceWindow: { start: '01:00', end: '05:00' }, quietMinutes: 10 },
      audio: { enabled: true, rateWpm: 175, volume: 0.8, keys: {}, voices: {} },
    });
  });

  it('fills defaults inside partly given sections', () => {
    const c = parseConfig({ ...LIVE, checkIn: { targetStatus: 'arrived' }, kiosk: { id: 'lobby-2' } });
    expect(c.fhir).toEqual({ ...LIVE.fhir, profile: 'canvas', timeoutMs: 10_000 });
    expect(c.checkIn).toEqual({ targetStatus: 'arrived', opensMinutesBefore: 60, closesMinutesAfter: 15 });
    expect(c.kiosk.id).toBe('lobby-2');
    expect(c.kiosk.idleSeconds).toBe(60);
    expect(c.clinic).toEqual({ name: 'Clinic check-in', timezone: 'America/Chicago' });
  });
});

describe('parseConfig, a full valid config', () => {
  it('is returned as given', () => {
    const full: KioskConfig = {
      fhir: {
        baseUrl: 'https://fhir.example.org/r4',
        tokenUrl: 'https://auth.example.org/oauth2/token',
        clientId: 'kiosk',
        scope: 'system/Appointment.rs system/Patient.r',
        profile: 'r4',
        timeoutMs: 15_000,
      },
      clinic: {
        name: 'Riverside Family Clinic',
        timezone: 'America/New_York',
        locationId: 'loc-42',
        videoVisitText: { en: 'Join from the link in your text message.', es: 'Conéctese con el enlace de su mensaje de texto.' },
      },
      checkIn: { targetStatus: 'arrived', opensMinutesBefore: 30, closesMinutesAfter: 10 },
      kiosk: {
        id: 'riverside.lobby_1',
        idleSeconds: 90,
        warningSeconds: 15,
        languages: ['es'],
        maxIdentifyAttempts: 5,
        pauseAfterMisses: 20,
        pauseWindowMinutes: 15,
        cooldownSeconds: 300,
        auditRetentionDays: 365,
      },
      update: {
        enabled: true,
        feed: { provider: 'generic', url: 'https://updates.example.org/kiosk/' },
        checkEveryMinutes: 60,
        maintenanceWindow: { start: '22:30', end: '04:00' },
        quietMinutes: 5,
        pinnedVersion: '1.4.2',
      },
      audio: { enabled: false, rateWpm: 150, volume: 0.5, keys: { select: ['Enter', 'NumpadEnter'] }, voices: { es: 'es' } },
    };
    expect(parseConfig(structuredClone(full))).toEqual(full);
  });

  it.each([
    'http://127.0.0.1:8080',
    'http://127.0.0.1',
    'http://localhost:3000',
    'http://[::1]:3000',
    'https://fumage-example.canvasmedical.com',
  ])('accepts base URL %s', (baseUrl) => {
    expect(parseConfig({ ...LIVE, fhir: { ...LIVE.fhir, baseUrl } }).fhir?.baseUrl).toBe(baseUrl);
  });
});

describe('parseConfig errors name the bad key', () => {
  it.each<[string, unknown, RegExp]>([
    [
      'http to a remote host',
      { ...LIVE, fhir: { ...LIVE.fhir, baseUrl: 'http://fumage-example.canvasmedical.com' } },
      /fhir\.baseUrl: .*https/,
    ],
    [
      'http to a host that only starts with localhost',
      { ...LIVE, fhir: { ...LIVE.fhir, baseUrl: 'http://localhost.evil.example' } },
      /fhir\.baseUrl/,
    ],
    [
      'http to a host that only starts with 127.',
      { ...LIVE, fhir: { ...LIVE.fhir, baseUrl: 'http://127.0.0.1.evil.example' } },
      /fhir\.baseUrl/,
    ],
    ['ftp URL', { ...LIVE, fhir: { ...LIVE.fhir, baseUrl: 'ftp://fhir.example.org' } }, /fhir\.baseUrl/],
    ['http tokenUrl', { ...LIVE, fhir: { ...LIVE.fhir, tokenUrl: 'http://auth.example.org/token' } }, /fhir\.tokenUrl/],
    ['update window not HH:MM', { update: { maintenanceWindow: { start: '2am', end: '05:00' } } }, /update\.maintenanceWindow\.start/],
    ['update feed over plain http', { update: { feed: { provider: 'generic', url: 'http://updates.example.org/' } } }, /update\.feed\.url/],
    ['update pin not a version', { update: { pinnedVersion: 'latest' } }, /update\.pinnedVersion/],
    ['bad time zone', { clinic: { timezone: 'Mars/Olympus_Mons' } }, /clinic\.timezone: .*IANA/],
    ['time zone abbreviation typo', { clinic: { timezone: 'America/Chicgo' } }, /clinic\.timezone/],
    ['unknown key typo', { clinic: { timzone: 'America/Chicago' } }, /clinic: unknown key\(s\) "timzone"/],
    ['unknown top-level key', { kisok: {} }, /unknown key\(s\) "kisok"/],
    ['unknown fhir key', { ...LIVE, fhir: { ...LIVE.fhir, baseURL: 'https://x.example' } }, /fhir: unknown key\(s\) "baseURL"/],
    ['number as string', { kiosk: { idleSeconds: '60' } }, /kiosk\.idleSeconds/],
    ['fractional number', { checkIn: { opensMinutesBefore: 1.5 } }, /checkIn\.opensMinutesBefore/],
    ['negative window', { checkIn: { closesMinutesAfter: -1 } }, /checkIn\.closesMinutesAfter/],
    ['window over a day', { checkIn: { opensMinutesBefore: 24 * 60 + 1 } }, /checkIn\.opensMinutesBefore/],
    ['target status fulfilled', { checkIn: { targetStatus: 'fulfilled' } }, /checkIn\.targetStatus/],
    ['unknown profile', { ...LIVE, fhir: { ...LIVE.fhir, profile: 'epic' } }, /fhir\.profile/],
    ['timeout too short', { ...LIVE, fhir: { ...LIVE.fhir, timeoutMs: 10 } }, /fhir\.timeoutMs/],
    ['empty client id', { ...LIVE, fhir: { ...LIVE.fhir, clientId: '' } }, /fhir\.clientId/],
    ['missing client id', { ...LIVE, fhir: { baseUrl: LIVE.fhir.baseUrl } }, /fhir\.clientId/],
    ['kiosk id with a slash', { kiosk: { id: '../etc' } }, /kiosk\.id/],
    ['unsupported language', { kiosk: { languages: ['fr'] } }, /kiosk\.languages/],
    ['video visit text in an unsupported language', { clinic: { videoVisitText: { fr: 'Par vidéo' } } }, /clinic\.videoVisitText/],
    ['empty video visit text', { clinic: { videoVisitText: { en: '' } } }, /clinic\.videoVisitText\.en/],
    ['video visit text with a control character', { clinic: { videoVisitText: { en: 'Join\u0007' } } }, /clinic\.videoVisitText\.en/],
    ['video visit text too long', { clinic: { videoVisitText: { es: 'x'.repeat(301) } } }, /clinic\.videoVisitText\.es/],
    ['no languages', { kiosk: { languages: [] } }, /kiosk\.languages/],
    ['languages not an array', { kiosk: { languages: 'en' } }, /kiosk\.languages/],
    ['section of the wrong type', { clinic: 'Riverside' }, /clinic/],
    ['live config without clinic.timezone', { fhir: LIVE.fhir }, /clinic\.timezone: required when fhir\.baseUrl is set/],
    ['r4 without tokenUrl', { ...LIVE, fhir: { ...LIVE.fhir, profile: 'r4' } }, /fhir\.tokenUrl: required for the r4 profile/],
    ['an array', [], /top level/],
    ['null', null, /top level/],
    ['a string', 'config', /top level/],
  ])('%s', (_label, raw, message) => {
    expect(configError(raw).message).toMatch(message);
  });

  it('reports every bad key at once', () => {
    const msg = configError({ kiosk: { idleSeconds: 1 }, checkIn: { targetStatus: 'done' } }).message;
    expect(msg).toMatch(/kiosk\.idleSeconds/);
    expect(msg).toMatch(/checkIn\.targetStatus/);
  });

  // Regression (config.ts ServerUrl refine, fixed): `new URL(s)` runs even after `.url()` failed and throws a bare TypeError.
  it('a base URL that is not a URL at all is a ConfigError naming fhir.baseUrl', () => {
    expect(configError({ ...LIVE, fhir: { ...LIVE.fhir, baseUrl: 'fumage-example.canvasmedical.com' } }).message).toMatch(/fhir\.baseUrl/);
  });
});

describe('parseConfig refuses secrets', () => {
  it.each<[string, unknown, string]>([
    ['fhir.clientSecret', { ...LIVE, fhir: { ...LIVE.fhir, clientSecret: 'synthetic-s3cret' } }, 'fhir.clientSecret'],
    ['staff.pin', { staff: { pin: '246810' } }, 'staff.pin'],
    ['kiosk.staffPin', { kiosk: { staffPin: '246810' } }, 'kiosk.staffPin'],
    ['top-level apiKey', { apiKey: 'synthetic-key-123' }, 'apiKey'],
    ['api_key', { fhir: { api_key: 'synthetic-key-123' } }, 'fhir.api_key'],
    ['password', { fhir: { password: 'hunter2-synthetic' } }, 'fhir.password'],
    ['accessToken', { fhir: { accessToken: 'synthetic-token-abc' } }, 'fhir.accessToken'],
    ['refresh_token', { refresh_token: 'synthetic-token-abc' }, 'refresh_token'],
    ['credentials', { credentials: { user: 'u' } }, 'credentials'],
    ['deeply nested', { kiosk: { extra: { deeper: { CLIENT_SECRET: 'synthetic' } } } }, 'kiosk.extra.deeper.CLIENT_SECRET'],
    ['inside an array', { kiosk: { languages: [{ token: 'synthetic' }] } }, 'kiosk.languages.0.token'],
  ])('%s', (_label, raw, keyPath) => {
    const msg = configError(raw).message;
    expect(msg).toContain(keyPath);
    expect(msg).toContain('kiosk-admin');
    expect(msg).toMatch(/keychain/);
    // The secret value itself is never repeated back.
    expect(msg).not.toMatch(/synthetic|246810|hunter2/);
  });

  it('names every secret key found', () => {
    const msg = configError({ fhir: { clientSecret: 'a' }, staff: { pin: 'b' } }).message;
    expect(msg).toContain('fhir.clientSecret');
    expect(msg).toContain('staff.pin');
  });

  it('allows tokenUrl (not a secret despite the word token)', () => {
    const raw = { ...LIVE, fhir: { ...LIVE.fhir, tokenUrl: 'https://example.canvasmedical.com/auth/token/' } };
    expect(parseConfig(raw).fhir?.tokenUrl).toBe('https://example.canvasmedical.com/auth/token/');
  });

  it('a differently cased TokenURL is an unknown key, not a secret', () => {
    const msg = configError({ ...LIVE, fhir: { ...LIVE.fhir, TokenURL: 'https://example.canvasmedical.com/auth/token/' } }).message;
    expect(msg).toMatch(/fhir: unknown key\(s\) "TokenURL"/);
    expect(msg).not.toMatch(/keychain/);
  });
});

describe('resolveFhirConfig', () => {
  it('is null without a fhir section', () => {
    expect(resolveFhirConfig(parseConfig({}))).toBeNull();
  });

  it.each([
    ['https://fumage-example.canvasmedical.com', 'https://example.canvasmedical.com/auth/token/'],
    ['https://fumage-example.canvasmedical.com/', 'https://example.canvasmedical.com/auth/token/'],
    ['https://fumage-clinic-dev.canvasmedical.com', 'https://clinic-dev.canvasmedical.com/auth/token/'],
    ['http://127.0.0.1:8123', 'http://127.0.0.1:8123/auth/token/'],
    ['https://fhir.example.org/r4', 'https://fhir.example.org/auth/token/'],
  ])('derives the Canvas token URL from %s', (baseUrl, tokenUrl) => {
    const c = parseConfig({ ...LIVE, fhir: { ...LIVE.fhir, baseUrl } });
    expect(resolveFhirConfig(c)?.tokenUrl).toBe(tokenUrl);
  });

  it('keeps an explicit tokenUrl and the other fhir settings', () => {
    const c = parseConfig({ ...LIVE, fhir: { ...LIVE.fhir, tokenUrl: 'https://auth.example.org/token' } });
    expect(resolveFhirConfig(c)).toEqual({
      baseUrl: 'https://fumage-example.canvasmedical.com',
      tokenUrl: 'https://auth.example.org/token',
      clientId: 'kiosk-client',
      profile: 'canvas',
      timeoutMs: 10_000,
    });
  });

  it('does not change the config it was given', () => {
    const c = parseConfig(LIVE);
    resolveFhirConfig(c);
    expect(c.fhir).not.toHaveProperty('tokenUrl');
  });
});

describe('configPath', () => {
  const userData = path.resolve('/var/lib/kiosk-user');
  it.each<[string, string[], NodeJS.ProcessEnv, string]>([
    [
      '--config wins over KIOSK_CONFIG',
      ['electron', '.', '--config', '/etc/kiosk/a.json'],
      { KIOSK_CONFIG: '/etc/kiosk/b.json' },
      path.resolve('/etc/kiosk/a.json'),
    ],
    ['KIOSK_CONFIG when no --config', ['electron', '.'], { KIOSK_CONFIG: '/etc/kiosk/b.json' }, path.resolve('/etc/kiosk/b.json')],
    ['userData/config.json otherwise', ['electron', '.'], {}, path.join(userData, 'config.json')],
    [
      '--config with no value falls through',
      ['electron', '.', '--config'],
      { KIOSK_CONFIG: '/etc/kiosk/b.json' },
      path.resolve('/etc/kiosk/b.json'),
    ],
    ['relative paths are resolved', ['electron', '--config', 'conf/kiosk.json'], {}, path.resolve('conf/kiosk.json')],
  ])('%s', (_label, argv, env, expected) => {
    expect(configPath(argv, env, userData)).toBe(expected);
  });

  it('a packaged kiosk reads only the admin-owned system path: --config and KIOSK_CONFIG are ignored', () => {
    const argv = ['kiosk', '--config', '/tmp/evil.json'];
    const env = { KIOSK_CONFIG: '/tmp/evil2.json' };
    expect(configPath(argv, env, userData, { packaged: true, platform: 'linux' })).toBe('/etc/clinic-kiosk/config.json');
    expect(systemConfigPath('darwin')).toBe('/Library/Application Support/Clinic Check-in Kiosk/config.json');
    expect(systemConfigPath('win32')).toBe('C:\\ProgramData\\Clinic Check-in Kiosk\\config.json');
  });
});

describe('loadConfig', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-config-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a missing file is the empty (default) config', async () => {
    await expect(loadConfig(path.join(dir, 'missing.json'))).resolves.toEqual(parseConfig({}));
  });

  it('reads and validates a file', async () => {
    const file = path.join(dir, 'ok.json');
    writeFileSync(file, JSON.stringify(LIVE));
    const c = await loadConfig(file);
    expect(c.fhir?.baseUrl).toBe(LIVE.fhir.baseUrl);
    expect(c.clinic.timezone).toBe('America/Chicago');
  });

  it('invalid JSON is a ConfigError naming the file', async () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{ "clinic": { "timezone": "America/Chicago", } ');
    const err = await loadConfig(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toMatch(/not valid JSON/);
  });

  it('a JSON error names the line and column but never quotes the file text', async () => {
    const file = path.join(dir, 'quoted.json');
    writeFileSync(file, '{\n  "clinic": {\n    "name": "Synthetic Clinic",\n    Jane-Doe-1980-01-02\n  }\n}');
    const message = ((await loadConfig(file).catch((e: unknown) => e)) as Error).message;
    expect(message).toMatch(/line 4, column 5/);
    expect(message).not.toMatch(/Jane|Synthetic|clinic/);
  });

  it('an unknown key that is not a plain identifier is not echoed', async () => {
    const file = path.join(dir, 'weird-key.json');
    writeFileSync(file, JSON.stringify({ clinic: { 'Jane Doe 555-0100 born 1980': 1 } }));
    const message = ((await loadConfig(file).catch((e: unknown) => e)) as Error).message;
    expect(message).not.toContain('Jane');
    expect(message).toContain('clinic: unknown key');
  });

  it('an unreadable path (a directory) is a ConfigError naming the file', async () => {
    const err = await loadConfig(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain(dir);
    expect((err as Error).message).toMatch(/cannot be read \(EISDIR\)/);
  });

  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('a file without read permission is a ConfigError', async () => {
    const file = path.join(dir, 'locked.json');
    writeFileSync(file, '{}');
    chmodSync(file, 0o000);
    const err = await loadConfig(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/cannot be read \(EACCES\)/);
  });

  it('invalid content is a ConfigError naming the file and the key', async () => {
    const file = path.join(dir, 'typo.json');
    writeFileSync(file, JSON.stringify({ clinic: { timzone: 'America/Chicago' } }));
    const err = await loadConfig(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toBe(`${file}: clinic: unknown key(s) "timzone"`);
  });

  it('a secret in the file is refused with the file named', async () => {
    const file = path.join(dir, 'secret.json');
    writeFileSync(file, JSON.stringify({ ...LIVE, fhir: { ...LIVE.fhir, clientSecret: 'synthetic-value' } }));
    const err = await loadConfig(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toContain('fhir.clientSecret');
    expect((err as Error).message).not.toContain('synthetic-value');
  });
});
