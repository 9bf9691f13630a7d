/**
 * Kiosk configuration: one JSON file, validated with zod. Secrets are never accepted here; they live
 * in the OS keychain (see secrets.ts and `kiosk-admin`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
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
      })
      .strict()
      .default({ name: 'Clinic check-in' }),
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
      .default({ targetStatus: 'checked-in', opensMinutesBefore: 60, closesMinutesAfter: 15 }),
    kiosk: z
      .object({
        id: z
          .string()
          .regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected letters, digits, dot, dash or underscore')
          .default('kiosk-1'),
        idleSeconds: z.number().int().min(10).max(600).default(60),
        warningSeconds: z.number().int().min(5).max(120).default(20),
        languages: z
          .array(z.enum(['en', 'es']))
          .min(1)
          .default(['en', 'es']),
        maxIdentifyAttempts: z.number().int().min(1).max(10).default(3),
        cooldownSeconds: z.number().int().min(10).max(3600).default(120),
        auditRetentionDays: z.number().int().min(1).max(3650).default(90),
      })
      .strict()
      .default({
        id: 'kiosk-1',
        idleSeconds: 60,
        warningSeconds: 20,
        languages: ['en', 'es'],
        maxIdentifyAttempts: 3,
        cooldownSeconds: 120,
        auditRetentionDays: 90,
      }),
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
      if (i.code === 'unrecognized_keys') return `${key ? key + ': ' : ''}unknown key(s) ${i.keys.map((k) => `"${k}"`).join(', ')}`;
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

/** `--config <file>`, else KIOSK_CONFIG, else `<userData>/config.json`. */
export function configPath(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir: string): string {
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
    throw new ConfigError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  try {
    return parseConfig(raw);
  } catch (err) {
    throw new ConfigError(`${file}: ${(err as Error).message}`);
  }
}
