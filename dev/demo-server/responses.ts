import type { IncomingHttpHeaders } from 'node:http';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

export type Profile = 'canvas' | 'r4';
export type IssueCode = OperationOutcomeIssue['code'];

/** A parsed HTTP request as the FHIR handlers see it. */
export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  baseUrl: string;
}

/** `body` is serialised with JSON.stringify, so `null` goes out as the literal `null` Canvas sends. */
export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Thrown anywhere in a handler; turned into an OperationOutcome response in one place. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: IssueCode,
    text: string,
  ) {
    super(text);
  }
}

/** The one-issue OperationOutcome shape Canvas documents (`issue[0].details.text`, no diagnostics). */
export function operationOutcome(code: IssueCode, text: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, details: { text } }] };
}

export function outcomeResponse(status: number, code: IssueCode, text: string, headers?: Record<string, string>): ApiResponse {
  return { status, body: operationOutcome(code, text), ...(headers && { headers }) };
}

export const authenticationFailed = (): ApiResponse => outcomeResponse(401, 'unknown', 'Authentication failed');
