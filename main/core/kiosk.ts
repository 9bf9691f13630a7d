/**
 * Composes the main-process core from a config: FHIR client, token provider, check-in service,
 * outbox, health monitor, and the IPC handlers. Plain Node: the Electron shell and the Chromium host
 * both run exactly this.
 */
import path from 'node:path';
import type { Health, KioskInfo, StaffOverview } from '../../preload/contract.js';
import { fileAuditLog, type AuditLog } from './audit.js';
import { CheckInService } from './checkin/service.js';
import { Directory } from './checkin/directory.js';
import { resolveFhirConfig, type KioskConfig } from './config.js';
import { FhirClient } from './fhir/client.js';
import { healthStateOf } from './fhir/errors.js';
import { TokenProvider } from './fhir/token-provider.js';
import type { Handlers } from './ipc-router.js';
import { KioskError } from './errors.js';
import type { Logger } from './log.js';
import { Outbox } from './outbox.js';
import { OutboxSender } from './outbox-sender.js';
import type { SecretStore } from './secrets.js';
import { StaffAuth } from './staff.js';
import { createSpeaker, speechHandlers, type Speaker } from './speech/index.js';
import { audioInfo } from './speech/settings.js';

export interface KioskOptions {
  /** A valid config, or the reason there is none (shown to staff on the "not set up" screen). */
  config: KioskConfig | { problem: string };
  /** The keychain, or the reason it is unavailable (live mode refuses to run without it). */
  secrets: SecretStore | { problem: string };
  dataDir: string;
  log: Logger;
  mode: 'live' | 'demo';
  now?: () => Date;
  fetch?: typeof fetch;
  audit?: AuditLog;
  healthIntervalMs?: number;
  /** The host's way to end the kiosk (staff "exit"); the Electron shell quits the app. */
  shell?: { requestExit(reason: string): void };
  /** Audio guidance's speaker; by default the OS engine from config `audio` (null: audio off). */
  speaker?: Speaker | null;
}

export interface Kiosk {
  handlers: Handlers;
  info(): KioskInfo;
  /** Starts background work: token warm-up and refresh, health probe, outbox sender. */
  start(): void;
  stop(): void;
  /** Present only when configured. */
  parts: {
    fhir: FhirClient;
    tokens: TokenProvider;
    checkIn: CheckInService;
    outbox: Outbox;
    sender: OutboxSender;
    directory: Directory;
  } | null;
  checkHealth(): Promise<Health>;
}

export function createKiosk(o: KioskOptions): Kiosk {
  const now = o.now ?? (() => new Date());
  const config = 'problem' in o.config ? null : o.config;
  const fhirConfig = config ? resolveFhirConfig(config) : null;
  const problem =
    'problem' in o.config
      ? o.config.problem
      : !fhirConfig
        ? 'No FHIR server is configured (fhir.baseUrl).'
        : 'problem' in o.secrets
          ? o.secrets.problem
          : null;
  let health: Health = { state: problem ? 'not_configured' : 'ok', checkedAt: null };
  const kioskId = config?.kiosk.id ?? 'kiosk';
  const audit = o.audit ?? fileAuditLog(kioskId, path.join(o.dataDir, 'audit'), config?.kiosk.auditRetentionDays ?? 90);
  // Staff mode works even on a kiosk that is not set up (to see why, and to exit), given a keychain.
  // Audio turned off in config wins over any speaker the host passes in.
  const speaker = config?.audio.enabled === false ? null : o.speaker !== undefined ? o.speaker : createSpeaker(config?.audio, o.log);
  const staff = 'problem' in o.secrets ? null : new StaffAuth({ secrets: o.secrets, audit, now: () => now().getTime() });

  const parts = (() => {
    if (problem || !config || !fhirConfig || 'problem' in o.secrets) return null;
    const tokens = new TokenProvider({
      tokenUrl: fhirConfig.tokenUrl,
      clientId: fhirConfig.clientId,
      scope: fhirConfig.scope,
      secrets: o.secrets,
      log: o.log,
      ...(o.fetch ? { fetch: o.fetch } : {}),
      timeoutMs: fhirConfig.timeoutMs,
    });
    const fhir = new FhirClient({
      baseUrl: fhirConfig.baseUrl,
      profile: fhirConfig.profile,
      tokens,
      log: o.log,
      timeoutMs: fhirConfig.timeoutMs,
      ...(o.fetch ? { fetch: o.fetch } : {}),
    });
    const outbox = new Outbox(path.join(o.dataDir, 'outbox'), config.kiosk.id, now);
    const directory = new Directory(fhir, o.log, () => now().getTime());
    const timezone = config.clinic.timezone!;
    const checkIn = new CheckInService({
      fhir,
      directory,
      audit,
      log: o.log,
      outbox,
      now,
      settings: {
        ...config.checkIn,
        timezone,
        locationId: config.clinic.locationId,
        maxIdentifyAttempts: config.kiosk.maxIdentifyAttempts,
        cooldownSeconds: config.kiosk.cooldownSeconds,
      },
    });
    const sender = new OutboxSender({ outbox, fhir, audit, log: o.log, timezone, now });
    return { fhir, tokens, checkIn, outbox, sender, directory };
  })();

  /** One cheap request: reloads the location names and proves token + connectivity. */
  async function checkHealth(): Promise<Health> {
    if (!parts) return health;
    try {
      await parts.directory.warm();
      health = { state: 'ok', checkedAt: now().toISOString() };
    } catch (err) {
      health = { state: healthStateOf(err), checkedAt: now().toISOString() };
      o.log.warn('health.degraded', { state: health.state, reason: (err as Error).message });
    }
    return health;
  }

  const requireParts = () => {
    if (!parts) throw new KioskError('not_configured', 'This kiosk is not set up yet.');
    return parts;
  };

  const requireStaff = (token: string) => {
    if (!staff) throw new KioskError('not_configured', 'Staff mode needs the OS keychain.');
    return staff.require(token);
  };
  const overview = (token: string): StaffOverview => ({
    kioskId,
    health,
    expiresAt: requireStaff(token).expiresAt,
    outbox: (parts?.outbox.list() ?? []).map((e) => ({
      id: e.id,
      appointmentRef: e.appointmentId.slice(-8),
      state: e.state,
      attempts: e.attempts,
      lastError: e.lastError,
      createdAt: e.createdAt,
      nextAttemptAt: e.nextAttemptAt,
    })),
  });

  const info = (): KioskInfo => ({
    clinicName: config?.clinic.name ?? 'Clinic check-in',
    timezone: config?.clinic.timezone ?? 'UTC',
    languages: config?.kiosk.languages ?? ['en', 'es'],
    mode: parts ? o.mode : 'unconfigured',
    kioskId: config?.kiosk.id ?? 'kiosk',
    idleSeconds: config?.kiosk.idleSeconds ?? 60,
    warningSeconds: config?.kiosk.warningSeconds ?? 20,
    configProblem: problem,
    health,
    audio: audioInfo(config?.audio),
  });

  const handlers: Handlers = {
    ...speechHandlers(speaker),
    'kiosk:info': async () => info(),
    'kiosk:health': async () => health,
    'patient:identify': (req) => requireParts().checkIn.identify(req),
    'patient:checkIn': (req) => requireParts().checkIn.checkIn(req.session, req.keys),
    'patient:endSession': async (req) => {
      requireParts().checkIn.endSession(req.session);
      return {};
    },
    'staff:unlock': async (req) => {
      if (!staff) return { outcome: 'not_provisioned' };
      return staff.unlock(req.pin);
    },
    'staff:lock': async (req) => {
      staff?.lock(req.staffSession);
      return {};
    },
    'staff:overview': async (req) => overview(req.staffSession),
    'staff:retryOutbox': async (req) => {
      requireStaff(req.staffSession);
      audit.record({ event: 'staff.outbox_retry', outcome: `entries:${parts?.outbox.size ?? 0}`, by: 'staff' });
      if (parts) {
        parts.outbox.expedite();
        await parts.sender.flush();
        await checkHealth();
      }
      return overview(req.staffSession);
    },
    'staff:identify': async ({ staffSession, ...req }) => {
      requireStaff(staffSession);
      return requireParts().checkIn.identify(req, 'staff');
    },
    'staff:checkIn': async (req) => {
      requireStaff(req.staffSession);
      return requireParts().checkIn.checkIn(req.session, req.keys, 'staff');
    },
    'staff:undo': async (req) => {
      requireStaff(req.staffSession);
      return { outcome: await requireParts().checkIn.undo(req.session, req.key) };
    },
    'staff:exit': async (req) => {
      requireStaff(req.staffSession);
      audit.record({ event: 'staff.exit', outcome: o.shell ? 'exiting' : 'no_shell', by: 'staff' });
      staff?.lock(req.staffSession);
      o.shell?.requestExit('staff');
      return {};
    },
  };

  let healthTimer: NodeJS.Timeout | null = null;
  return {
    handlers,
    info,
    parts,
    checkHealth,
    start() {
      if (!parts) return;
      parts.tokens.startBackgroundRefresh();
      parts.sender.start();
      void checkHealth();
      healthTimer = setInterval(() => void checkHealth(), o.healthIntervalMs ?? 60_000);
      healthTimer.unref();
    },
    stop() {
      speaker?.stop();
      parts?.tokens.stop();
      parts?.sender.stop();
      if (healthTimer) clearInterval(healthTimer);
    },
  };
}
