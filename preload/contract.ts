/**
 * The one IPC contract between the renderer and main. Every channel is declared here once with its
 * request and response schema; types are inferred from the schemas. Main validates requests *and*
 * responses against these (zod strips undeclared keys, so a handler cannot leak extra fields).
 * This file must stay free of Node and Electron imports: the renderer imports its types.
 */
import { z } from 'zod';

export const Language = z.enum(['en', 'es']);
export type Language = z.infer<typeof Language>;

const Iso = z.string().max(40);
const Opaque = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
/** Free text a patient types: bounded, no control characters. */
const TypedName = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[^\p{Cc}\p{Cs}]*$/u, 'must not contain control characters');
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'must be a real calendar date');

export const HealthState = z.enum(['ok', 'auth_failed', 'forbidden', 'unreachable', 'not_configured']);
export type HealthState = z.infer<typeof HealthState>;
export const Health = z.object({
  state: HealthState,
  checkedAt: Iso.nullable(),
  /** The last failed probe (kept after recovery, for staff): when, and a short code such as http_503 or timeout. */
  lastError: z
    .object({ at: Iso, code: z.string().regex(/^[a-z0-9_]{1,40}$/) })
    .nullable()
    .optional(),
});
export type Health = z.infer<typeof Health>;

/**
 * Audio guidance (a blind patient with headphones and a tactile keypad). The commands a keypad key
 * can be bound to; the bindings are `KeyboardEvent.key` or `.code` values (config `audio.keys`).
 */
export const AudioCommand = z.enum(['up', 'down', 'select', 'back', 'help', 'readBack', 'volumeUp', 'volumeDown', 'faster', 'slower']);
export type AudioCommand = z.infer<typeof AudioCommand>;
/** One key name such as "ArrowUp", "F1", "+", "NumpadSubtract" or " " (no control characters). */
export const KeyName = z.string().regex(/^(?: |[^\p{Cc}\p{Z}]{1,32})$/u, 'expected a key name such as ArrowUp, Enter, F1 or +');
export const AudioKeys = z.record(AudioCommand, z.array(KeyName).min(1).max(8));
export type AudioKeys = z.infer<typeof AudioKeys>;
export const AudioInfo = z.object({
  enabled: z.boolean(),
  keys: AudioKeys,
  /** Starting volume, 0..1; the patient adjusts it for their session only. */
  volume: z.number().min(0).max(1),
  /** Speaking rate in words per minute at the session's normal speed (what the bench estimates with). */
  rateWpm: z.number().int().positive(),
});
export type AudioInfo = z.infer<typeof AudioInfo>;
/** Longest utterance main will speak: a whole screen (title, task, an appointment, the focus) fits. */
export const MAX_SPOKEN_CHARS = 800;
export const SpeakRequest = z.object({
  text: z
    .string()
    .min(1)
    .max(MAX_SPOKEN_CHARS)
    .regex(/^[^\p{Cc}\p{Cs}]*$/u, 'must not contain control characters'),
  lang: Language,
  /** Stop whatever is being said (and drop what is queued) first: a key press always wins. */
  interrupt: z.boolean(),
  /** The session's speed, a multiple of the configured rate. */
  rate: z.number().min(0.5).max(2).optional(),
  volume: z.number().min(0.05).max(1).optional(),
});
export type SpeakRequest = z.infer<typeof SpeakRequest>;

/** Words the clinic configures for patients to read: bounded, no control characters. */
const ClinicText = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[^\p{Cc}\p{Cs}]*$/u, 'must not contain control characters');
/** What a video visit's card tells the patient to do instead of checking in, per language (config `clinic.videoVisitText`). */
export const VideoVisitText = z.partialRecord(Language, ClinicText);
export type VideoVisitText = z.infer<typeof VideoVisitText>;

export const KioskInfo = z.object({
  clinicName: z.string().max(120),
  timezone: z.string().max(64),
  languages: z.array(Language).min(1),
  mode: z.enum(['demo', 'live', 'unconfigured']),
  kioskId: z.string().max(64),
  idleSeconds: z.number().int().positive(),
  warningSeconds: z.number().int().positive(),
  /** How long a screen that sends the patient to the desk stays up (renderer default when absent). */
  deskReturnSeconds: z.number().int().positive().optional(),
  /** Staff-facing reason when mode is 'unconfigured' (never contains secrets). */
  configProblem: z.string().max(500).nullable(),
  /** A kiosk-wide identification pause (too many misses): the welcome screen says so before anyone types. */
  pausedUntil: Iso.nullable().optional(),
  health: Health,
  /**
   * True when today's schedule is loaded, so a patient on it can be identified (and their check-in
   * recorded) even with the clinic system unreachable. The welcome screen warns before anyone types
   * when the system is down and this is false.
   */
  offlineIdentification: z.boolean().optional(),
  /** Absent from a main that predates audio guidance: the renderer then offers none. */
  audio: AudioInfo.optional(),
  /** The clinic's own words for video visits; a language it leaves out gets the renderer's default text. */
  videoVisitText: VideoVisitText.optional(),
});
export type KioskInfo = z.infer<typeof KioskInfo>;

/** Where an appointment stands for check-in right now, decided in main. */
export const CheckInState = z.enum(['open', 'too_early', 'too_late', 'checked_in', 'not_eligible']);
export type CheckInState = z.infer<typeof CheckInState>;

/** How the patient attends (main/core/checkin/visit.ts): a video visit is never checked in at the kiosk by the patient. */
export const Visit = z.enum(['in_person', 'video']);
export type Visit = z.infer<typeof Visit>;

export const AppointmentView = z.object({
  key: Opaque,
  start: Iso,
  clinician: z.string().max(120),
  location: z.string().max(120),
  visit: Visit,
  /** For the patient, never 'open' on a video visit. */
  state: CheckInState,
  /** When check-in opens (for too_early). */
  opensAt: Iso.nullable(),
});
export type AppointmentView = z.infer<typeof AppointmentView>;

export const IdentifyRequest = z.object({
  familyName: TypedName,
  birthDate: IsoDate,
  givenName: TypedName.optional(),
  /** The `pending` token of a `need_first_name` answer: main kept the candidates, so no second search. */
  pending: Opaque.optional(),
  /** The `visit` of an earlier `not_found` in this visit: main counts a visit's misses by it. */
  visit: Opaque.optional(),
});
export type IdentifyRequest = z.infer<typeof IdentifyRequest>;

export const IdentifyResponse = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('found'),
    session: Opaque,
    /** First name + last initial: the minimum needed to greet. */
    greetingName: z.string().max(80),
    appointments: z.array(AppointmentView).max(20),
  }),
  /** `pending` goes back with the first name (IdentifyRequest.pending). */
  z.object({ outcome: z.literal('need_first_name'), pending: Opaque.optional() }),
  /** Also the answer for "no appointment today": one neutral answer, no greeting. */
  z.object({ outcome: z.literal('not_found'), attemptsLeft: z.number().int().min(0), visit: Opaque.optional() }),
  z.object({ outcome: z.literal('cooldown'), until: Iso }),
]);
export type IdentifyResponse = z.infer<typeof IdentifyResponse>;

export const CheckInOutcome = z.enum([
  'checked_in',
  'already_checked_in',
  /** Not acknowledged by the server; durably queued. Never shown as "checked in". */
  'recorded_offline',
  'too_early',
  'too_late',
  'not_eligible',
  'failed',
]);
export type CheckInOutcome = z.infer<typeof CheckInOutcome>;

export const CheckInRequest = z.object({
  session: Opaque,
  keys: z.array(Opaque).min(1).max(20),
});
export const CheckInResponse = z.object({
  results: z.array(z.object({ key: Opaque, outcome: CheckInOutcome, opensAt: Iso.nullable() })),
});
export type CheckInResponse = z.infer<typeof CheckInResponse>;

export const SessionRequest = z.object({ session: Opaque });

export const StaffUnlockRequest = z.object({ pin: z.string().regex(/^\d{4,12}$/) });
export const StaffUnlockResponse = z.discriminatedUnion('outcome', [
  // changePin: the stored PIN is shorter than today's minimum (6 digits); staff should set a new one.
  z.object({ outcome: z.literal('unlocked'), staffSession: Opaque, expiresAt: Iso, changePin: z.literal(true).optional() }),
  z.object({ outcome: z.literal('wrong_pin'), attemptsLeft: z.number().int().min(0) }),
  z.object({ outcome: z.literal('locked_out'), until: Iso }),
  z.object({ outcome: z.literal('not_provisioned') }),
]);
export type StaffUnlockResponse = z.infer<typeof StaffUnlockResponse>;
export const StaffRequest = z.object({ staffSession: Opaque });

/** What staff see of the outbox: no PHI, only a short appointment reference to find it in the EHR. */
export const OutboxItemView = z.object({
  id: Opaque,
  appointmentRef: z.string().max(12),
  /** From today's schedule, for staff only: whose check-in is waiting, and for when (null when not on it). */
  patientName: z.string().max(120).nullable().optional(),
  appointmentStart: Iso.nullable().optional(),
  state: z.enum(['sending', 'waiting']),
  attempts: z.number().int().min(0),
  lastError: z.string().max(200).nullable(),
  createdAt: Iso,
  nextAttemptAt: Iso,
});
/** The installed version and any update in progress (main/core/update). Absent where there is no updater (dev host). */
const Version = z.string().max(40);
export const SoftwareStatus = z.object({
  version: Version,
  update: z.enum(['up_to_date', 'checking', 'downloading', 'ready', 'installing', 'error']),
  /** Downloaded (state 'ready': installs in the maintenance window) or being downloaded. */
  pendingVersion: Version.nullable(),
  pinnedVersion: Version.nullable(),
});
export type SoftwareStatus = z.infer<typeof SoftwareStatus>;
/** Something staff must look at: `outbox_damaged` = the outbox file was unreadable and moved aside at start-up. */
export const StaffAlert = z.object({ code: z.enum(['outbox_damaged']), at: Iso });
/** A log or the audit trail that could not write everything (full or failing disk): shown to staff when non-zero. */
export const RecordTrouble = z.object({
  sink: z.enum(['log', 'audit']),
  /** Lines lost for good (caps, or the buffer filled while the disk refused). */
  dropped: z.number().int().min(0),
  /** Appends the disk refused (their lines wait in the buffer until it takes them). */
  failedWrites: z.number().int().min(0),
  /** The last error code, e.g. ENOSPC. */
  lastError: z.string().max(40).nullable(),
});
export type RecordTrouble = z.infer<typeof RecordTrouble>;
export const StaffOverview = z.object({
  kioskId: z.string().max(64),
  health: Health,
  alerts: z.array(StaffAlert).max(20).optional(),
  /** The kiosk-wide identification pause staff may lift (staff:liftPause). */
  pausedUntil: Iso.nullable().optional(),
  /** Only sinks with trouble; empty when everything was written. */
  records: z.array(RecordTrouble).max(2).optional(),
  outbox: z.array(OutboxItemView).max(500),
  /** When the staff session relocks unless used. */
  expiresAt: Iso,
  software: SoftwareStatus.optional(),
});
export type StaffOverview = z.infer<typeof StaffOverview>;

/** Staff help a patient: the patient flow's requests plus the staff session (window rules do not apply). */
export const StaffIdentifyRequest = IdentifyRequest.extend({ staffSession: Opaque });
export const StaffCheckInRequest = CheckInRequest.extend({ staffSession: Opaque });
/** Exit and undo need the staff PIN again (StaffAuth.requireFresh): a session left open is not enough. */
const FreshPin = z.string().regex(/^\d{4,12}$/);
export const StaffExitRequest = StaffRequest.extend({ pin: FreshPin });
export const StaffUndoRequest = z.object({ staffSession: Opaque, session: Opaque, key: Opaque, pin: FreshPin });
export const StaffUndoResponse = z.object({ outcome: z.enum(['undone', 'not_checked_in', 'failed']) });
export type StaffUndoResponse = z.infer<typeof StaffUndoResponse>;

/** Today's schedule for staff (from main's in-memory snapshot): full names, so staff channels only. */
export const AppointmentStatus = z.enum([
  'proposed',
  'pending',
  'booked',
  'arrived',
  'checked-in',
  'fulfilled',
  'noshow',
  'cancelled',
  'waitlist',
]);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;
export const KioskResult = z.enum(['checked_in_here', 'queued', 'failed']);
export type KioskResult = z.infer<typeof KioskResult>;
export const ScheduleRow = z.object({
  key: Opaque,
  start: Iso,
  patientName: z.string().max(120),
  clinician: z.string().max(120),
  status: AppointmentStatus,
  /** What this kiosk did with it today, if anything. */
  kiosk: KioskResult.nullable(),
  walkIn: z.boolean(),
  /** A video visit (main/core/checkin/visit.ts): staff know the patient will not come to the lobby. */
  visit: Visit,
  /** What staff may do from the row, decided in main by the one check-in rule (null: nothing). */
  action: z.enum(['check_in', 'undo']).nullable(),
});
export type ScheduleRow = z.infer<typeof ScheduleRow>;
export const StaffScheduleResponse = z.object({
  /** False until the first load of the day: identification then always needs the server. */
  ready: z.boolean(),
  loadedAt: Iso.nullable(),
  rows: z.array(ScheduleRow).max(5000),
});
export type StaffScheduleResponse = z.infer<typeof StaffScheduleResponse>;
export const StaffScheduleRequest = z.object({ staffSession: Opaque, refresh: z.boolean().optional() });
export const StaffRowRequest = z.object({ staffSession: Opaque, key: Opaque });
export const StaffRowUndoRequest = StaffRowRequest.extend({ pin: FreshPin });
export const StaffRowCheckInResponse = z.object({ outcome: CheckInOutcome });

/** Walk-in registration: an existing patient (found like a check-in, full names for staff), then a visit starting now. */
export const Choice = z.object({ key: Opaque, label: z.string().max(120) });
export type Choice = z.infer<typeof Choice>;
export const WalkInOptions = z.object({
  practitioners: z.array(Choice).max(200),
  locations: z.array(Choice).max(50),
  appointmentTypes: z.array(Choice).max(50),
  durations: z.array(z.number().int().positive()).max(10),
});
export type WalkInOptions = z.infer<typeof WalkInOptions>;
export const StaffFindPatientResponse = z.object({
  patients: z.array(z.object({ key: Opaque, fullName: z.string().max(120), birthDate: IsoDate })).max(20),
});
export type StaffFindPatientResponse = z.infer<typeof StaffFindPatientResponse>;
export const StaffWalkInRequest = z.object({
  staffSession: Opaque,
  patientKey: Opaque,
  practitionerKey: Opaque,
  locationKey: Opaque,
  appointmentTypeKey: Opaque,
  minutes: z.number().int().min(5).max(240),
});
export const StaffWalkInResponse = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('created'), row: ScheduleRow }),
  z.object({ outcome: z.literal('failed'), reason: z.enum(['refused', 'unavailable', 'not_found']) }),
]);
export type StaffWalkInResponse = z.infer<typeof StaffWalkInResponse>;

/** Today's kiosk events (no PHI), and the kiosk-wide pause staff can lift. */
export const StaffActivity = z.object({
  since: Iso,
  checkIns: z.number().int().min(0),
  alreadyCheckedIn: z.number().int().min(0),
  recordedOffline: z.number().int().min(0),
  delivered: z.number().int().min(0),
  walkIns: z.number().int().min(0),
  pauses: z.number().int().min(0),
  pauseLifts: z.number().int().min(0),
  failures: z.array(z.object({ reason: z.string().max(60), count: z.number().int().min(0) })).max(50),
  pausedUntil: Iso.nullable(),
});
export type StaffActivity = z.infer<typeof StaffActivity>;
export const StaffLiftPauseResponse = z.object({ lifted: z.boolean(), activity: StaffActivity });
export type StaffLiftPauseResponse = z.infer<typeof StaffLiftPauseResponse>;
const Empty = z.object({}).strict();

/** Closed list of error codes; the renderer maps each to patient-friendly text. */
export const ErrorCode = z.enum([
  'invalid_request',
  'unknown_channel',
  'forbidden_sender',
  'not_configured',
  'session_expired',
  /** A staff session ended (relocked after idle, or never existed). */
  'staff_locked',
  'unavailable',
  /** Too many requests of this kind at once (one identification, one PIN check at a time). */
  'busy',
  /** The PIN typed again for exit or undo was wrong; the staff session stays (a lockout ends it: staff_locked). */
  'pin_rejected',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const contract = {
  'kiosk:info': { request: Empty, response: KioskInfo },
  'kiosk:health': { request: Empty, response: Health },
  'patient:identify': { request: IdentifyRequest, response: IdentifyResponse },
  'patient:checkIn': { request: CheckInRequest, response: CheckInResponse },
  'patient:endSession': { request: SessionRequest, response: Empty },
  'staff:unlock': { request: StaffUnlockRequest, response: StaffUnlockResponse },
  'staff:lock': { request: StaffRequest, response: Empty },
  'staff:overview': { request: StaffRequest, response: StaffOverview },
  'staff:retryOutbox': { request: StaffRequest, response: StaffOverview },
  'staff:exit': { request: StaffExitRequest, response: Empty },
  'staff:identify': { request: StaffIdentifyRequest, response: IdentifyResponse },
  'staff:checkIn': { request: StaffCheckInRequest, response: CheckInResponse },
  'staff:undo': { request: StaffUndoRequest, response: StaffUndoResponse },
  'staff:schedule': { request: StaffScheduleRequest, response: StaffScheduleResponse },
  'staff:scheduleCheckIn': { request: StaffRowRequest, response: StaffRowCheckInResponse },
  'staff:scheduleUndo': { request: StaffRowUndoRequest, response: StaffUndoResponse },
  'staff:walkInOptions': { request: StaffRequest, response: WalkInOptions },
  'staff:findPatient': { request: StaffIdentifyRequest, response: StaffFindPatientResponse },
  'staff:walkIn': { request: StaffWalkInRequest, response: StaffWalkInResponse },
  'staff:activity': { request: StaffRequest, response: StaffActivity },
  'staff:liftPause': { request: StaffRequest, response: StaffLiftPauseResponse },
  'audio:speak': { request: SpeakRequest, response: Empty },
  'audio:stop': { request: Empty, response: Empty },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;
export type IpcError = { code: ErrorCode; message: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };
export const channels = Object.keys(contract) as Channel[];
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
