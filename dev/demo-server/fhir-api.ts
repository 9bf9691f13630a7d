import { getSearchParameter, getStatus, OperationOutcomeError } from '@medplum/core';
import type { FhirRepository } from '@medplum/fhir-router';
import type { CapabilityStatement, CapabilityStatementRestResource, Resource } from '@medplum/fhirtypes';
import { canvasApi, CANVAS_RESOURCES } from './canvas-api.js';
import type { SideEffect } from './canvas-appointment.js';
import { r4Api } from './r4-api.js';
import { HttpError, outcomeResponse, type ApiRequest, type ApiResponse, type Profile } from './responses.js';
import { TOKEN_PATH } from './tokens.js';

export interface FhirApiOptions {
  profile: Profile;
  repo: FhirRepository;
  sideEffects: SideEffect[];
  now: () => Date;
}

/** Routes to the profile's handler and turns anything thrown into an OperationOutcome response. */
export function createFhirApi(options: FhirApiOptions): (req: ApiRequest) => Promise<ApiResponse> {
  const handle = options.profile === 'canvas' ? canvasApi(options) : r4Api(options.repo);
  return async (req) => {
    if (req.path === '/metadata' && req.method === 'GET') {
      return { status: 200, body: capabilityStatement(options.profile, req.baseUrl) };
    }
    try {
      return await handle(req);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

function errorResponse(err: unknown): ApiResponse {
  if (err instanceof HttpError) return outcomeResponse(err.status, err.code, err.message);
  if (err instanceof OperationOutcomeError) {
    const issue = err.outcome.issue[0];
    return outcomeResponse(getStatus(err.outcome), issue?.code ?? 'exception', issue?.details?.text ?? err.message);
  }
  console.error('[demo-server] handler failed', err);
  return outcomeResponse(500, 'exception', 'Internal server error');
}

/** Minimal, but enough for a client to discover the FHIR version and the token endpoint. */
function capabilityStatement(profile: Profile, baseUrl: string): CapabilityStatement {
  const resource = [...CANVAS_RESOURCES].map(([type, { searchParams, create, update }]): CapabilityStatementRestResource => ({
    type: type as Resource['resourceType'],
    interaction: [
      { code: 'read' },
      { code: 'search-type' },
      ...(profile === 'r4' || create ? [{ code: 'create' as const }] : []),
      ...(profile === 'r4' || update ? [{ code: 'update' as const }] : []),
    ],
    searchParam: [...searchParams].map((name) => ({ name, type: getSearchParameter(type, name)?.type ?? 'token' })),
  }));
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2025-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    software: { name: `Clinic kiosk demo FHIR server (${profile} profile)` },
    implementation: { description: 'Synthetic development server', url: baseUrl },
    rest: [
      {
        mode: 'server',
        security: {
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [{ url: 'token', valueUri: `${baseUrl}${TOKEN_PATH}` }],
            },
          ],
        },
        resource,
      },
    ],
  };
}
