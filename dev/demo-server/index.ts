/**
 * A Canvas-compatible FHIR R4 demo server for development and tests (never shipped). It answers like
 * Canvas's "fumage" API — OAuth client credentials, null PUT/POST bodies, relative paging links,
 * If-Unmodified-Since, the documented update traps — or, with profile 'r4', like a generic FHIR server.
 */
import { MemoryRepository } from '@medplum/fhir-router';
import { createBooker, type Booking, type BookingRequest } from './booking.js';
import type { SideEffect } from './canvas-appointment.js';
import { clinicDay, DEMO_TIMEZONE } from './clinic-clock.js';
import { loadFhirDefinitions } from './definitions.js';
import { FaultQueue, type Faults } from './faults.js';
import { createFhirApi } from './fhir-api.js';
import { startHttpLayer, type RequestRecord } from './http-layer.js';
import type { Profile } from './responses.js';
import { prng } from './prng.js';
import { ResourceFactory, VISIT_MINUTES } from './resources.js';
import { MAIN_LOCATION_ID, SCENARIO_BIRTH_DATES, seedDemoDay, seedReferenceData, type DemoScenarios } from './seed.js';
import { TOKEN_PATH, TokenStore } from './tokens.js';

export { startsOpenAt, type Booking, type BookingRequest } from './booking.js';
export type { SideEffect } from './canvas-appointment.js';
export { DEMO_TIMEZONE, frozenClinicClock } from './clinic-clock.js';
export { prng, type Rand } from './prng.js';
export type { FaultRule, Faults, FaultStatus } from './faults.js';
export type { RequestRecord } from './http-layer.js';
export type { Profile } from './responses.js';
export { DEMO_LOCATIONS, DEMO_PRACTITIONERS, seedBusyDay, type BusyDayOptions, type DemoScenarios, type ScenarioPatient } from './seed.js';

export interface DemoServerOptions {
  /** Default 'canvas'. */
  profile?: Profile;
  /** Default 0 (ephemeral); always bound to 127.0.0.1. */
  port?: number;
  /** IANA clinic zone used for seeding "today"; default DEMO_TIMEZONE ('America/New_York'). */
  timezone?: string;
  /** Clock for seeding and identifier expiry; default real time. Token expiry always uses real time. */
  now?: () => Date;
  clientId?: string;
  clientSecret?: string;
  /** Default 36000 (10 h) like Canvas. */
  tokenTtlSeconds?: number;
  /** Delay added before every response. */
  latencyMs?: number;
  /** Seed the demo day (patients, appointments, scenarios); default true. Practitioners and Locations are always seeded. */
  seed?: boolean;
}

export interface DemoServer {
  /** FHIR resources hang off the root, like Canvas: `${baseUrl}/Appointment`. */
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  profile: Profile;
  /** Direct repository access, e.g. to simulate a staff edit. */
  repo: MemoryRepository;
  faults: Faults;
  requests: RequestRecord[];
  resetRequests(): void;
  /** Undefined when started with `seed: false`. */
  scenarios: DemoScenarios | undefined;
  /** The Location every scenario appointment and every booking is at. */
  locationId: string;
  /** A fresh synthetic patient with one booked appointment per start, made like the seeded ones. */
  book(request: BookingRequest): Promise<Booking>;
  /** Chart changes a real Canvas would have made because of a careless PUT (canvas profile). */
  sideEffects: SideEffect[];
  setLatency(ms: number): void;
  /** Simulates server-side token expiry: the next FHIR call with an old token gets 401. */
  revokeAllTokens(): void;
  close(): Promise<void>;
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  await loadFhirDefinitions();
  const profile = options.profile ?? 'canvas';
  const now = options.now ?? (() => new Date());
  const credentials = { clientId: options.clientId ?? 'demo-kiosk', clientSecret: options.clientSecret ?? 'demo-secret' };

  const repo = new MemoryRepository();
  await seedReferenceData(repo);
  // One seeded stream for the demo day and every later booking: the same ids on every run, no collisions.
  const rand = prng(1);
  const factory = new ResourceFactory(rand, clinicDay(now(), options.timezone ?? DEMO_TIMEZONE, VISIT_MINUTES), profile === 'r4');
  const scenarios = options.seed === false ? undefined : await seedDemoDay(repo, factory);

  const faults = new FaultQueue();
  const tokens = new TokenStore(credentials, options.tokenTtlSeconds ?? 36000);
  const requests: RequestRecord[] = [];
  const sideEffects: SideEffect[] = [];
  let latencyMs = options.latencyMs ?? 0;

  const http = await startHttpLayer({
    port: options.port ?? 0,
    handleFhir: createFhirApi({ profile, repo, sideEffects, now }),
    tokens,
    faults,
    requests,
    latencyMs: () => latencyMs,
    fhirContentType: profile === 'canvas' ? 'application/json' : 'application/fhir+json; charset=utf-8',
    publicPaths: new Set(['/metadata']),
  });

  return {
    baseUrl: http.baseUrl,
    tokenUrl: `${http.baseUrl}${TOKEN_PATH}`,
    ...credentials,
    profile,
    repo,
    faults,
    requests,
    resetRequests: () => {
      requests.length = 0;
    },
    scenarios,
    locationId: MAIN_LOCATION_ID,
    book: createBooker(repo, factory, { rand, locationId: MAIN_LOCATION_ID, reservedBirthDates: SCENARIO_BIRTH_DATES }),
    sideEffects,
    setLatency: (ms) => {
      latencyMs = ms;
    },
    revokeAllTokens: () => tokens.revokeAll(),
    close: http.close,
  };
}
