import { randomBytes, randomUUID } from 'node:crypto';
import type { FhirRepository } from '@medplum/fhir-router';
import type { Appointment, Resource } from '@medplum/fhirtypes';
import { mergeAppointmentUpdate, validateAppointment, withCanvasTimes, type SideEffect } from './canvas-appointment.js';
import { HttpError, type ApiRequest, type ApiResponse } from './responses.js';
import { pageLinks, searchBundle, searchPage } from './search.js';

export interface CanvasResource {
  /** The search parameters Canvas documents; anything else is rejected so client typos surface. */
  searchParams: ReadonlySet<string>;
  create: boolean;
  update: boolean;
}

export const CANVAS_RESOURCES: ReadonlyMap<string, CanvasResource> = new Map([
  [
    'Appointment',
    {
      searchParams: new Set(['_id', 'patient', 'practitioner', 'location', 'date', 'status', 'identifier', 'appointment-type']),
      create: true,
      update: true,
    },
  ],
  [
    'Patient',
    {
      searchParams: new Set(['_id', 'active', 'birthdate', 'family', 'given', 'name', 'identifier', 'gender']),
      create: true,
      update: false,
    },
  ],
  ['Practitioner', { searchParams: new Set(['_id', 'name', 'active']), create: false, update: false }],
  ['Location', { searchParams: new Set(['_id']), create: false, update: false }],
]);

const CONTROL_PARAMS = new Set(['_count', '_offset', '_sort']);

export interface CanvasApiOptions {
  repo: FhirRepository;
  sideEffects: SideEffect[];
  now: () => Date;
}

/** Canvas "fumage" semantics: null PUT/POST bodies, no meta/ETag, If-Unmodified-Since, documented traps. */
export function canvasApi({ repo, sideEffects, now }: CanvasApiOptions): (req: ApiRequest) => Promise<ApiResponse> {
  return async (req) => {
    const [type = '', id, ...rest] = req.path.split('/').filter(Boolean);
    const resource = CANVAS_RESOURCES.get(type);
    if (!resource || rest.length) throw new HttpError(404, 'not-found', `Unknown path ${req.path}`);
    if (id === undefined && req.method === 'GET') return search(repo, type, resource, req.query);
    if (id === undefined && req.method === 'POST' && resource.create) return create(repo, type, req);
    if (id !== undefined && req.method === 'GET') return { status: 200, body: withoutMeta(await readOr404(repo, type, id)) };
    if (id !== undefined && req.method === 'PUT' && resource.update) {
      sideEffects.push(...(await updateAppointment(repo, id, req, now())));
      return { status: 200, body: null };
    }
    throw new HttpError(405, 'not-supported', 'Operation is not supported');
  };
}

async function search(repo: FhirRepository, type: string, resource: CanvasResource, query: URLSearchParams): Promise<ApiResponse> {
  for (const key of query.keys()) {
    const name = key.split(':')[0] ?? key;
    if (!resource.searchParams.has(name) && !CONTROL_PARAMS.has(name)) {
      throw new HttpError(400, 'invalid', `Unsupported search parameter: ${key}`);
    }
  }
  if (query.getAll('status').some((value) => value.includes(','))) {
    throw new HttpError(400, 'invalid', 'status accepts a single value');
  }
  // Canvas keeps the practice location in supportingInformation, not in participant where R4's `location` looks.
  const medplumQuery = new URLSearchParams(
    [...query].map(([key, value]): [string, string] => [key === 'location' ? 'supporting-info' : key, value]),
  );
  const page = await searchPage(repo, type, medplumQuery, { defaultCount: 10, maxCount: 100 });
  const body = searchBundle(page, pageLinks(type, query, page), (found) => ({ resource: withoutMeta(found) }));
  return { status: 200, body };
}

async function create(repo: FhirRepository, type: string, req: ApiRequest): Promise<ApiResponse> {
  const body = bareResource(req.body, type);
  // Patient ids are 32 hex digits in Canvas; Appointment ids are UUIDs.
  const id = type === 'Patient' ? randomBytes(16).toString('hex') : randomUUID();
  const resource: Resource = { ...body, id, meta: undefined };
  if (resource.resourceType === 'Appointment') validateAppointment(resource);
  await repo.createResource(resource.resourceType === 'Appointment' ? withCanvasTimes(resource) : resource);
  return { status: 201, body: null, headers: { location: `${req.baseUrl}/${type}/${id}/_history/1` } };
}

/** Returns the side effects a real Canvas would have caused. */
async function updateAppointment(repo: FhirRepository, id: string, req: ApiRequest, now: Date): Promise<SideEffect[]> {
  const update = bareResource(req.body, 'Appointment') as Appointment;
  const stored = await readOr404<Appointment>(repo, 'Appointment', id);
  checkUnmodifiedSince(req.headers['if-unmodified-since'], stored);
  if (update.id !== id) throw new HttpError(422, 'business-rule', 'Resource id does not match the URL');
  validateAppointment(update);
  const { merged, sideEffects } = mergeAppointmentUpdate(stored, update, now);
  await repo.updateResource({ ...merged, meta: undefined });
  return sideEffects;
}

/** Canvas compares at whole-second granularity, the resolution of an HTTP date. */
function checkUnmodifiedSince(header: string | undefined, stored: Resource): void {
  if (header === undefined) return;
  const since = Date.parse(header);
  if (Number.isNaN(since)) throw new HttpError(400, 'invalid', 'Invalid If-Unmodified-Since date');
  const modified = Date.parse(stored.meta?.lastUpdated ?? '');
  if (Math.floor(modified / 1000) > Math.floor(since / 1000)) {
    throw new HttpError(412, 'conflict', 'Resource updated since If-Unmodified-Since date');
  }
}

/** Canvas v2 rejects the `{"resource": …}` wrapper that v1 accepted. */
function bareResource(body: unknown, type: string): Resource {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'invalid', 'Request body must be a FHIR resource');
  }
  if (!('resourceType' in body) && 'resource' in body) {
    throw new HttpError(400, 'invalid', 'Request body must be a bare resource, not wrapped in "resource"');
  }
  if ((body as Resource).resourceType !== type) throw new HttpError(400, 'invalid', `Expected a ${type} resource`);
  return body as Resource;
}

async function readOr404<T extends Resource>(repo: FhirRepository, type: string, id: string): Promise<T> {
  try {
    return await repo.readResource<T>(type, id);
  } catch {
    throw new HttpError(404, 'not-found', `Unknown ${type} resource '${id}'`);
  }
}

/** Canvas responses carry no meta (no versionId, no lastUpdated). */
function withoutMeta(resource: Resource): Resource {
  const copy = { ...resource };
  delete copy.meta;
  return copy;
}
