/** Typed FHIR failures. Callers decide on `kind` and `status`, never on server text. */
export type FhirErrorKind = 'http' | 'network' | 'timeout' | 'malformed' | 'auth' | 'config' | 'redirect' | 'too_large';

export interface FhirErrorInfo {
  status?: number;
  /** OperationOutcome issue[0].code, e.g. 'conflict', 'business-rule'. */
  issueCode?: string;
  /** OperationOutcome issue[0].details.text (server text: never PHI we sent, but still kept out of patient screens). */
  text?: string;
  correlationId?: string;
  retryAfterMs?: number;
}

export class FhirError extends Error {
  override name = 'FhirError';
  constructor(
    readonly kind: FhirErrorKind,
    message: string,
    readonly info: FhirErrorInfo = {},
  ) {
    super(message);
  }
  get status() {
    return this.info.status;
  }
}

/** Getting an access token failed: credentials missing or refused, or the token endpoint is down. */
export class TokenError extends Error {
  override name = 'TokenError';
  constructor(
    readonly kind: 'not_provisioned' | 'invalid_client' | 'unreachable' | 'server',
    message: string,
  ) {
    super(message);
  }
}

/** Worth trying again later (outbox): the server never said no. */
export function isTransient(err: unknown): boolean {
  if (err instanceof TokenError) return err.kind === 'unreachable' || err.kind === 'server';
  if (!(err instanceof FhirError)) return false;
  const s = err.status ?? 0;
  if (err.kind === 'malformed') return !(s >= 400 && s < 500); // an unreadable refusal is still a refusal
  if (err.kind === 'network' || err.kind === 'timeout') return true;
  return err.kind === 'http' && (s === 408 || s === 429 || s >= 500);
}

/**
 * A write that may or may not have landed: the reply was lost (reset, timeout), unreadable, or a 5xx
 * other than 503. Only a re-read tells which; writing again blindly could write twice.
 */
export function isUnknownOutcome(err: unknown): boolean {
  if (!(err instanceof FhirError)) return false;
  const s = err.status ?? 0;
  if (err.kind === 'network' || err.kind === 'timeout') return true;
  if (err.kind === 'malformed') return s >= 200 && s < 300;
  return err.kind === 'http' && s >= 500 && s !== 503;
}

/** What the audit keeps of a failure: the HTTP status and the server's correlation id, nothing else. */
export function auditFieldsOf(err: unknown): { httpStatus?: number | undefined; correlationId?: string | undefined } {
  const info = err instanceof FhirError ? err.info : {};
  return { httpStatus: info.status, correlationId: info.correlationId };
}

/** Extracts issue[0] from an OperationOutcome body, tolerating anything else. */
export function outcomeOf(body: unknown): Pick<FhirErrorInfo, 'issueCode' | 'text'> {
  const issue = (body as { issue?: Array<{ code?: unknown; details?: { text?: unknown }; diagnostics?: unknown }> } | null)?.issue?.[0];
  const text = issue?.details?.text ?? issue?.diagnostics;
  return {
    ...(typeof issue?.code === 'string' ? { issueCode: issue.code } : {}),
    ...(typeof text === 'string' ? { text: text.slice(0, 300) } : {}),
  };
}

/** A short, safe code for staff (no server text): `http_503`, `auth_403`, `timeout`, `redirect`, `token_unreachable`, … */
export function errorCodeOf(err: unknown): string {
  if (err instanceof TokenError) return `token_${err.kind}`;
  if (err instanceof FhirError) return err.status ? `${err.kind}_${err.status}` : err.kind;
  return 'error';
}

/** Connection health as staff see it. */
export function healthStateOf(err: unknown): 'auth_failed' | 'forbidden' | 'unreachable' | 'not_configured' {
  if (err instanceof TokenError)
    return err.kind === 'not_provisioned' ? 'not_configured' : err.kind === 'invalid_client' ? 'auth_failed' : 'unreachable';
  if (err instanceof FhirError && err.status === 403) return 'forbidden';
  if (err instanceof FhirError && err.status === 401) return 'auth_failed';
  return 'unreachable';
}
