import { getStatus, isOk } from '@medplum/core';
import { FhirRouter, type FhirRepository, type HttpMethod } from '@medplum/fhir-router';
import type { OperationOutcome, Resource } from '@medplum/fhirtypes';
import { HttpError, type ApiRequest, type ApiResponse } from './responses.js';
import { pageLinks, searchBundle, searchPage } from './search.js';

const METHODS: ReadonlySet<string> = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** A generic FHIR R4 server: Medplum's router does the work; paging, links and HTTP headers are added here. */
export function r4Api(repo: FhirRepository): (req: ApiRequest) => Promise<ApiResponse> {
  const router = new FhirRouter();
  return async (req) => {
    const [type, id, ...rest] = req.path.split('/').filter(Boolean);
    const typeLevel = type !== undefined && id === undefined;
    if (typeLevel && req.method === 'GET') return search(repo, type, req);
    if (!METHODS.has(req.method)) throw new HttpError(405, 'not-supported', 'Operation is not supported');
    // Servers assign ids on create; MemoryRepository would keep a client-supplied one.
    const body = typeLevel && !rest.length && req.method === 'POST' ? { ...(req.body as Resource), id: undefined } : req.body;
    const url = req.query.size ? `${req.path}?${req.query}` : req.path;
    const request = { method: req.method as HttpMethod, url, pathname: '', params: {}, query: {}, body, headers: req.headers };
    const [outcome, resource] = await router.handleRequest(request, repo);
    return respond(outcome, resource, req.baseUrl);
  };
}

async function search(repo: FhirRepository, type: string, req: ApiRequest): Promise<ApiResponse> {
  const page = await searchPage(repo, type, req.query, { defaultCount: 20, maxCount: 1000 });
  const body = searchBundle(page, pageLinks(type, req.query, page, req.baseUrl), (resource) => ({
    fullUrl: `${req.baseUrl}/${resource.resourceType}/${resource.id}`,
    resource,
  }));
  return { status: 200, body };
}

function respond(outcome: OperationOutcome, resource: Resource | undefined, baseUrl: string): ApiResponse {
  const status = getStatus(outcome);
  if (!isOk(outcome) || !resource) return { status, body: outcome };
  const headers: Record<string, string> = {};
  const { versionId, lastUpdated } = resource.meta ?? {};
  if (versionId) headers.etag = `W/"${versionId}"`;
  if (lastUpdated) headers['last-modified'] = new Date(lastUpdated).toUTCString();
  if (status === 201) headers.location = `${baseUrl}/${resource.resourceType}/${resource.id}/_history/${versionId}`;
  return { status, body: resource, headers };
}
