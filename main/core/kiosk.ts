/**
 * The composition root: builds the main-process core from a config (FHIR client, token provider,
 * check-in service, outbox and its sender, health monitor, IPC handlers) and nothing else. Plain
 * Node: the Electron shell, the Chromium host and the tests all build the kiosk here.
 */
import path from 'node:path';
import type { Health, KioskInfo, SoftwareStatus } from '../../preload/contract.js';
import { fileAuditLog, type AuditLog } from './audit.js';
import { CheckInService } from './checkin/service.js';
import { Directory } from './checkin/directory.js';
import { defaultConfig, resolveFhirConfig, type KioskConfig } from './config.js';
import { FhirClient } from './fhir/client.js';
import { TokenProvider } from './fhir/token-provider.js';
import { HealthMonitor } from './health.js';
import type { Handlers } from './ipc-router.js';
import { createHandlers } from './kiosk-handlers.js';
import type { Logger } from './log.js';
import { Outbox } from './outbox.js';
import { OutboxSender } from './outbox-sender.js';
import type { SecretStore } from './secrets.js';
import { StaffAuth } from './staff.js';
import type { StaffAlert } from './staff-overview.js';

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
  /** Version and update state for staff mode (the Electron shell's updater). */
  software?: () => SoftwareStatus | null;
}

export interface Kiosk {
  handlers: Handlers;
  audit: AuditLog;
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

/**
 * One deadline for a whole identification or check-in (all its requests and retries), set here for
 * every channel: shorter than the renderer's 60 s wait, so main always answers first, and it caps a
 * config's per-request `timeoutMs` (up to 120 s) too.
 */
export const OPERATION_BUDGET_MS = 45_000;

export function createKiosk(o: KioskOptions): Kiosk {
  const now = o.now ?? (() => new Date());
  const config = 'problem' in o.config ? null : o.config;
  // An unconfigured kiosk still shows the schema's defaults (name, languages, idle times).
  const settings = config ?? defaultConfig();
  const fhirConfig = config ? resolveFhirConfig(config) : null;
  const problem =
    'problem' in o.config
      ? o.config.problem
      : !fhirConfig
        ? 'No FHIR server is configured (fhir.baseUrl).'
        : 'problem' in o.secrets
          ? o.secrets.problem
          : null;
  const kioskId = settings.kiosk.id;
  const audit = o.audit ?? fileAuditLog(kioskId, path.join(o.dataDir, 'audit'), settings.kiosk.auditRetentionDays);
  // Staff mode works even on a kiosk that is not set up (to see why, and to exit), given a keychain.
  const staff =
    'problem' in o.secrets
      ? null
      : new StaffAuth({
          secrets: o.secrets,
          audit,
          now: () => now().getTime(),
          // Durations are monotonic in production; a test's injected clock drives both.
          ...(o.now ? { clock: () => now().getTime() } : {}),
          stateFile: path.join(o.dataDir, 'staff-lockout.json'),
        });

  const parts = (() => {
    if (problem || !config || !fhirConfig || 'problem' in o.secrets) return null;
    const tokens = new TokenProvider({
      tokenUrl: fhirConfig.tokenUrl,
      clientId: fhirConfig.clientId,
      fhirBaseUrl: fhirConfig.baseUrl,
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
        operationBudgetMs: OPERATION_BUDGET_MS,
      },
    });
    const sender = new OutboxSender({ outbox, fhir, audit, log: o.log, rules: { ...config.checkIn, timezone }, now });
    return { fhir, tokens, checkIn, outbox, sender, directory };
  })();

  const alerts: StaffAlert[] = [];
  const damaged = parts?.outbox.damaged;
  if (damaged) {
    alerts.push({ code: 'outbox_damaged', at: damaged.at });
    audit.record({ event: 'outbox.damaged', outcome: `moved_aside:${damaged.reason}`, by: 'system' });
    o.log.error('outbox.damaged', { reason: damaged.reason, movedTo: damaged.movedTo });
  }

  const health = new HealthMonitor({
    probe: parts ? () => parts.directory.warm() : null,
    log: o.log,
    now,
    intervalMs: o.healthIntervalMs,
  });

  const info = (): KioskInfo => ({
    clinicName: settings.clinic.name,
    timezone: settings.clinic.timezone ?? 'UTC',
    languages: settings.kiosk.languages,
    mode: parts ? o.mode : 'unconfigured',
    kioskId,
    idleSeconds: settings.kiosk.idleSeconds,
    warningSeconds: settings.kiosk.warningSeconds,
    configProblem: problem,
    health: health.current,
  });

  const handlers = createHandlers({
    kioskId,
    info,
    health,
    audit,
    parts,
    staff,
    alerts: () => alerts,
    shell: o.shell,
    software: () => o.software?.() ?? null,
  });

  return {
    handlers,
    audit,
    info,
    parts,
    checkHealth: () => health.check(),
    start() {
      if (!parts) return;
      parts.tokens.startBackgroundRefresh();
      parts.sender.start();
      health.start();
    },
    stop() {
      parts?.tokens.stop();
      parts?.sender.stop();
      health.stop();
    },
  };
}
