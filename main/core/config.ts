/**
 * Kiosk configuration: one JSON file, validated with zod. Secrets are never accepted here; they live
 * in the OS keychain (see secrets.ts and `kiosk-admin`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { VideoVisitText } from '../../preload/contract.js';
import { AUDIO_DEFAULTS, AudioConfig } from './speech/settings.js';

const isLoopback = (host: string) => host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** https only, except plain http on this machine (the demo server and tests). */
const ServerUrl = z
  .string()
  .url('expected a URL like https://fumage-example.canvasmedical.com')
  .refine((s) => {
    if (!URL.canParse(s)) return true; // already reported by .url()
    const u = new URL(s);
    return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopback(u.hostname));
  }, 'expected an https:// URL (plain http is only allowed for localhost)');

const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'expected an IANA time zone such as America/Chicago');

/** Local clinic time "HH:MM". */
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a 24-hour time such as 02:00');
const Semver = z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'expected a version such as 1.4.2');

/** Auto-update (main/core/update). Without `feed`, the feed baked into the build (app-update.yml) is used. */
const UpdateSection = z
  .object({
    enabled: z.boolean().default(true),
    feed: z
      .discriminatedUnion('provider', [
        z.object({ provider: z.literal('github'), owner: z.string().min(1).max(100), repo: z.string().min(1).max(100) }).strict(),
        z.object({ provider: z.literal('generic'), url: ServerUrl }).strict(),
      ])
      .optional(),
    checkEveryMinutes: z
      .number()
      .int()
      .min(15)
      .max(7 * 24 * 60)
      .default(240),
    /** Installs (an app restart) only inside this window, in clinic.timezone. It may wrap midnight. */
    maintenanceWindow: z.object({ start: ClockTime, end: ClockTime }).strict().default({ start: '01:00', end: '05:00' }),
    /** Minutes without a touch before an install may restart the app. */
    quietMinutes: z.number().int().min(1).max(240).default(10),
    /** IT's switch: stay on (or roll back to) exactly this version. */
    pinnedVersion: Semver.optional(),
  })
  .strict();

export const ConfigSchema = z
  .object({
    fhir: z
      .object({
        baseUrl: ServerUrl,
        tokenUrl: ServerUrl.optional(),
        clientId: z.string().min(1, 'expected the OAuth client id'),
        scope: z.string().min(1).optional(),
        profile: z.enum(['canvas', 'r4']).default('canvas'),
        timeoutMs: z.number().int().min(1000).max(120_000).default(10_000),
      })
      .strict()
      .optional(),
    clinic: z
      .object({
        name: z.string().min(1).max(120).default('Clinic check-in'),
        timezone: TimeZone.optional(),
        locationId: z.string().min(1).optional(),
        /** What a video visit's card says instead of a Check in button, per language (else the kiosk's default). */
        videoVisitText: VideoVisitText.optional(),
      })
      .strict()
      .prefault({}),
    checkIn: z
      .object({
        targetStatus: z.enum(['checked-in', 'arrived']).default('checked-in'),
        opensMinutesBefore: z
          .number()
          .int()
          .min(0)
          .max(24 * 60)
          .default(60),
        closesMinutesAfter: z
          .number()
          .int()
          .min(0)
          .max(24 * 60)
          .default(15),
      })
      .strict()
      .prefault({}),
    kiosk: z
      .object({
        id: z
          .string()
          .regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected letters, digits, dot, dash or underscore')
          .default('kiosk-1'),
        idleSeconds: z.number().int().min(10).max(600).default(60),
        warningSeconds: z.number().int().min(5).max(120).default(20),
        /** Screens that send the patient to the desk clear after this long (the renderer defaults to 15). */
        deskReturnSeconds: z.number().int().min(5).max(120).optional(),
        languages: z
          .array(z.enum(['en', 'es']))
          .min(1)
          .default(['en', 'es']),
        /** Misses that end one patient's visit ("please see the front desk"). */
        maxIdentifyAttempts: z.number().int().min(1).max(10).default(3),
        /** Misses by anyone within `pauseWindowMinutes` that pause the kiosk (success does not reset them). */
        pauseAfterMisses: z.number().int().min(2).max(100).default(10),
        pauseWindowMinutes: z.number().int().min(1).max(120).default(10),
        /** How long a kiosk-wide pause lasts unless staff lift it first. */
        cooldownSeconds: z.number().int().min(10).max(3600).default(600),
        auditRetentionDays: z.number().int().min(1).max(3650).default(90),
        /** Today's schedule refresh, which is also the health probe (main/core/schedule); default 120. */
        scheduleRefreshSeconds: z.number().int().min(30).max(3600).optional(),
      })
      .strict()
      .prefault({}),
    update: UpdateSection.prefault({}),
    /** Audio guidance for blind patients (main/core/speech/settings.ts). */
    audio: AudioConfig.default(AUDIO_DEFAULTS),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.fhir && !c.clinic.timezone) {
      ctx.addIssue({ code: 'custom', path: ['clinic', 'timezone'], message: 'required when fhir.baseUrl is set (e.g. America/Chicago)' });
    }
    if (c.fhir?.profile === 'r4' && !c.fhir.tokenUrl) {
      ctx.addIssue({ code: 'custom', path: ['fhir', 'tokenUrl'], message: 'required for the r4 profile' });
    }
  });

export type KioskConfig = z.infer<typeof ConfigSchema>;

/** Every default, from the schema itself (the one place defaults are written): the config of an empty file. */
export const defaultConfig = (): KioskConfig => ConfigSchema.parse({});
export type FhirConfig = NonNullable<KioskConfig['fhir']> & { tokenUrl: string };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const SECRET_KEY = /secret|password|passwd|token(?!url)|pin$|pincode|apikey|api_key|credential/i;

/** Walks the raw JSON for secret-looking keys before schema validation, so the message is specific. */
function findSecretKeys(value: unknown, at: string[] = []): string[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
    const here = [...at, k];
    return [...(SECRET_KEY.test(k) ? [here.join('.')] : []), ...findSecretKeys(v, here)];
  });
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const key = i.path.join('.') || '(top level)';
      if (i.code === 'unrecognized_keys') return `${key ? key + ': ' : ''}unknown key(s) ${i.keys.map(showKey).join(', ')}`;
      return `${key}: ${i.message}`;
    })
    .join('; ');
}

/** Validates parsed JSON. Throws ConfigError naming each bad key and what was expected. */
export function parseConfig(raw: unknown): KioskConfig {
  const secrets = findSecretKeys(raw);
  if (secrets.length) {
    throw new ConfigError(
      `${secrets.join(', ')}: secrets are not accepted in the config file; store them in the OS keychain with ` +
        '`kiosk-admin set-client-secret` / `kiosk-admin set-staff-pin`',
    );
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error));
  return parsed.data;
}

/** Canvas: the OAuth server is the EHR host, i.e. the FHIR host without the `fumage-` prefix. */
export function resolveFhirConfig(config: KioskConfig): FhirConfig | null {
  if (!config.fhir) return null;
  if (config.fhir.tokenUrl) return { ...config.fhir, tokenUrl: config.fhir.tokenUrl };
  const base = new URL(config.fhir.baseUrl);
  base.hostname = base.hostname.replace(/^fumage-/, '');
  return { ...config.fhir, tokenUrl: `${base.origin}/auth/token/` };
}

/**
 * Config errors reach the lobby screen and the log, so they name keys and positions, never the
 * file's text (which may hold anything someone typed into it). Unusual key names are not echoed either.
 */
const showKey = (k: string) => (/^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(k) ? `"${k}"` : '(a key with an unusual name)');

/** " near line L, column C" from V8's JSON.parse message (position or line/column forms); its quoted text is dropped. */
function where(text: string, message: string): string {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return ` near line ${lc[1]}, column ${lc[2]}`;
  const pos = /position (\d+)/.exec(message);
  if (!pos) return text.trim() ? '' : ' (the file is empty)';
  const before = text.slice(0, Number(pos[1]));
  const line = before.split('\n').length;
  return ` near line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/**
 * Where an installed (packaged) kiosk's config lives: a system directory only an administrator can
 * write. Fixed per platform, deliberately not from the environment or the command line.
 */
export function systemConfigPath(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return 'C:\\ProgramData\\Clinic Check-in Kiosk\\config.json';
  if (platform === 'darwin') return '/Library/Application Support/Clinic Check-in Kiosk/config.json';
  return '/etc/clinic-kiosk/config.json';
}

/**
 * Packaged: the system path only (whoever can change the launch command or the environment must not
 * choose the config, which chooses the servers). Otherwise `--config <file>`, else KIOSK_CONFIG, else
 * `<userData>/config.json`.
 */
export function configPath(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  userDataDir: string,
  o: { packaged?: boolean; platform?: NodeJS.Platform } = {},
): string {
  if (o.packaged) return systemConfigPath(o.platform);
  const i = argv.indexOf('--config');
  const fromArg = i >= 0 ? argv[i + 1] : undefined;
  return path.resolve(fromArg ?? env['KIOSK_CONFIG'] ?? path.join(userDataDir, 'config.json'));
}

/**
 * Reads and validates the config file. A missing file is an empty config (demo or unconfigured);
 * unreadable or invalid JSON is a ConfigError with the file and the reason.
 */
export async function loadConfig(file: string): Promise<KioskConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return parseConfig({});
    throw new ConfigError(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${file}: not valid JSON${where(text, (err as Error).message)}`);
  }
  try {
    return parseConfig(raw);
  } catch (err) {
    throw new ConfigError(`${file}: ${(err as Error).message}`);
  }
}
