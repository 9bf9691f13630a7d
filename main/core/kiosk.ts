/**
 * The composition root: builds the main-process core from a config (FHIR client, token provider,
 * check-in service, outbox and its sender, health monitor, IPC handlers) and nothing else. Plain
 * Node: the Electron shell, the Chromium host and the tests all build the kiosk here.
 */
import path from 'node:path';
import type { Health, KioskInfo, RecordTrouble, SoftwareStatus } from '../../preload/contract.js';
import { fileAuditLog, type AuditLog } from './audit.js';
import { CheckInService } from './checkin/service.js';
import { Directory } from './checkin/directory.js';
import { defaultConfig, resolveFhirConfig, type KioskConfig } from './config.js';
import { FhirClient } from './fhir/client.js';
import { TokenProvider } from './fhir/token-provider.js';
import { HealthMonitor } from './health.js';
import type { Handlers } from './ipc-router.js';
import { configuredStaff, createHandlers } from './kiosk-handlers.js';
import { KioskError } from './errors.js';
import { sinkTrouble, type Logger } from './log.js';
import { Outbox } from './outbox.js';
import { OutboxSender } from './outbox-sender.js';
import type { SecretStore } from './secrets.js';
import { StaffAuth } from './staff.js';
import { RateLimiter } from './fhir/rate-limit.js';
import type { StaffAlert } from './staff-overview.js';
import { KioskActivity, observedAudit } from './schedule/activity.js';
import { scheduleFollowsAudit, staffScheduleHandlers, type PauseControl } from './schedule/staff-handlers.js';
import { fullName, TodaySchedule } from './schedule/today-schedule.js';
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
  /** The kiosk-wide identification pause staff can lift (identify-limits.ts), once the service has one. */
  pause?: () => PauseControl | null;
  /** The host's way to end the kiosk (staff "exit"); the Electron shell quits the app. */
  shell?: { requestExit(reason: string): void };
  /** Version and update state for staff mode (the Electron shell's updater). */
  software?: () => SoftwareStatus | null;
  /** Audio guidance's speaker; by default the OS engine from config `audio` (null: audio off). */
  speaker?: Speaker | null;
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
    schedule: TodaySchedule;
  } | null;
  checkHealth(): Promise<Health>;
}

/**
 * One deadline for a whole identification or check-in (all its requests and retries), set here for
 * every channel: shorter than the renderer's 60 s wait, so main always answers first, and it caps a
 * config's per-request `timeoutMs` (up to 120 s) too.
 */
export const OPERATION_BUDGET_MS = 45_000;
/**
 * Outbound FHIR pace: far above what a lobby needs (a tap costs 1–3 requests; the schedule's first load
 * fits the burst) and far below a flood. A request that would wait longer than `maxWaitMs` is refused
 * locally as a 429 (a check-in then goes to the outbox).
 */
export const OUTBOUND_PACE = { perSecond: 50, burst: 100, maxWaitMs: 10_000 };

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
  // Kiosk activity (and the schedule's statuses) follow what the audit records, at that one place.
  const auditListeners: Parameters<typeof observedAudit>[1] = [];
  const activity = new KioskActivity(settings.clinic.timezone ?? 'UTC', now);
  auditListeners.push((e) => activity.note(e));
  const audit = observedAudit(
    o.audit ?? fileAuditLog(kioskId, path.join(o.dataDir, 'audit'), settings.kiosk.auditRetentionDays),
    auditListeners,
  );
  // Staff mode works even on a kiosk that is not set up (to see why, and to exit), given a keychain.
  // Audio turned off in config wins over any speaker the host passes in.
  const speaker = config?.audio.enabled === false ? null : o.speaker !== undefined ? o.speaker : createSpeaker(config?.audio, o.log);
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
      pacer: new RateLimiter(OUTBOUND_PACE),
    });
    const outbox = new Outbox(path.join(o.dataDir, 'outbox'), config.kiosk.id, now);
    const directory = new Directory(fhir, o.log, () => now().getTime());
    const timezone = config.clinic.timezone!;
    const schedule = new TodaySchedule({
      fhir,
      log: o.log,
      profile: fhirConfig.profile,
      timezone,
      locationIds: config.clinic.locationId ? [config.clinic.locationId] : [],
      now,
    });
    const checkIn = new CheckInService({
      schedule,
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
        limits: {
          missesPerVisit: config.kiosk.maxIdentifyAttempts,
          kioskMisses: config.kiosk.pauseAfterMisses,
          kioskWindowMs: config.kiosk.pauseWindowMinutes * 60_000,
          pauseMs: config.kiosk.cooldownSeconds * 1000,
        },
        operationBudgetMs: OPERATION_BUDGET_MS,
      },
    });
    const sender = new OutboxSender({ outbox, fhir, audit, log: o.log, rules: { ...config.checkIn, timezone }, now });
    auditListeners.push(scheduleFollowsAudit(schedule, config.checkIn.targetStatus));
    return { fhir, tokens, checkIn, outbox, sender, directory, schedule };
  })();

  const alerts: StaffAlert[] = [];
  const damaged = parts?.outbox.damaged;
  if (damaged) {
    alerts.push({ code: 'outbox_damaged', at: damaged.at });
    audit.record({ event: 'outbox.damaged', outcome: `moved_aside:${damaged.reason}`, by: 'system' });
    o.log.error('outbox.damaged', { reason: damaged.reason, movedTo: damaged.movedTo });
  }

  // The schedule refresh is the health probe (one page on a typical day, so idle load does not grow);
  // location names are loaded once, and again only after a failed load.
  let directoryWarm = false;
  const health = new HealthMonitor({
    probe: parts
      ? () =>
          Promise.all([
            // Clinician names load with the schedule, so a tap on a snapshot hit asks the server nothing.
            parts.schedule.refresh().then(() => Promise.all(parts.schedule.practitionerRefs().map((r) => parts.directory.label(r)))),
            directoryWarm ? null : parts.directory.warm().then(() => void (directoryWarm = true)),
          ])
      : null,
    log: o.log,
    now,
    intervalMs: o.healthIntervalMs ?? (settings.kiosk.scheduleRefreshSeconds ?? 120) * 1000,
  });

  const info = (): KioskInfo => ({
    clinicName: settings.clinic.name,
    timezone: settings.clinic.timezone ?? 'UTC',
    languages: settings.kiosk.languages,
    mode: parts ? o.mode : 'unconfigured',
    kioskId,
    idleSeconds: settings.kiosk.idleSeconds,
    warningSeconds: settings.kiosk.warningSeconds,
    deskReturnSeconds: settings.kiosk.deskReturnSeconds,
    configProblem: problem,
    pausedUntil: isoOrNull(parts?.checkIn.pause.pausedUntil() ?? null),
    health: health.current,
    offlineIdentification: parts?.schedule.ready ?? false,
    audio: audioInfo(config?.audio),
    videoVisitText: settings.clinic.videoVisitText,
  });

  const outboxNames = (appointmentId: string) => {
    const entry = parts?.schedule.entry(appointmentId);
    const patient = entry ? parts?.schedule.patient(entry.patientId) : undefined;
    return { patientName: patient ? fullName(patient) : null, appointmentStart: entry ? new Date(entry.startMs).toISOString() : null };
  };
  const staffAuth = () => configuredStaff(staff);
  const requireStaff = (token: string) => staffAuth().require(token);
  const handlers: Handlers = {
    ...speechHandlers(speaker),
    ...createHandlers({
      kioskId,
      info,
      health,
      audit,
      parts,
      staff,
      alerts: () => alerts,
      pausedUntil: () => parts?.checkIn.pause.pausedUntil() ?? null,
      shell: o.shell,
      outboxNames,
      software: () => o.software?.() ?? null,
      records: () => {
        const out: RecordTrouble[] = [];
        const logStats = o.log.stats?.();
        if (logStats) out.push({ sink: 'log', ...sinkTrouble(logStats.sinks) });
        const auditStats = audit.stats?.();
        if (auditStats) out.push({ sink: 'audit', ...sinkTrouble([auditStats]) });
        return out;
      },
    }),
    ...staffScheduleHandlers({
      parts: () => {
        if (!parts) throw new KioskError('not_configured', 'This kiosk is not set up yet.');
        return parts;
      },
      profile: fhirConfig?.profile ?? 'canvas',
      audit,
      activity,
      pause: o.pause ?? (() => parts?.checkIn.pause ?? null),
      requireStaff,
      requireFreshStaff: (token, pin) => staffAuth().requireFresh(token, pin),
      targetStatus: config?.checkIn.targetStatus ?? 'checked-in',
      kioskId,
      locationIds: config?.clinic.locationId ? [config.clinic.locationId] : [],
      now,
    }),
  };

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
      speaker?.stop();
      parts?.tokens.stop();
      parts?.sender.stop();
      health.stop();
      parts?.schedule.clear();
    },
  };
}

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
