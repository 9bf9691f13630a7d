/**
 * The client secret is bound, when IT provisions it, to the token endpoint's origin, the client id and
 * the FHIR server's origin. Main sends the secret only to that token origin and hands the access token
 * only to a client for that FHIR origin, whatever the config file says later: whoever can edit the
 * config (or the launch command) cannot redirect the secret to a listener of their own.
 *
 * Stored as one JSON value in the keychain item `fhir-client-secret`. A bare string (a secret stored
 * before binding existed, or a development/demo run) is "unbound" and only ever goes to this machine
 * (loopback); a real kiosk must run `kiosk-admin set-client-secret` again.
 */
const KIND = 'kiosk-client-secret/v1';

export interface ClientBinding {
  tokenOrigin: string;
  clientId: string;
  fhirOrigin: string;
}

export interface BoundSecret {
  secret: string;
  /** null for a bare (unbound) secret. */
  binding: ClientBinding | null;
}

export interface BindingTarget {
  tokenUrl: string;
  clientId: string;
  /** The FHIR base URL the access token will be sent to (absent: the token is not used for FHIR here). */
  fhirBaseUrl?: string | undefined;
}

const origin = (url: string) => new URL(url).origin;
const isLoopback = (url: string) => /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(new URL(url).hostname);

/** The keychain value for a secret bound to this target. */
export function encodeBoundSecret(secret: string, target: Required<BindingTarget>): string {
  return JSON.stringify({
    kind: KIND,
    secret,
    tokenOrigin: origin(target.tokenUrl),
    clientId: target.clientId,
    fhirOrigin: origin(target.fhirBaseUrl),
  });
}

export function decodeBoundSecret(stored: string): BoundSecret {
  if (stored.startsWith('{')) {
    try {
      const v = JSON.parse(stored) as Record<string, unknown>;
      if (v['kind'] === KIND && typeof v['secret'] === 'string') {
        const { tokenOrigin, clientId, fhirOrigin } = v;
        if (typeof tokenOrigin === 'string' && typeof clientId === 'string' && typeof fhirOrigin === 'string') {
          return { secret: v['secret'], binding: { tokenOrigin, clientId, fhirOrigin } };
        }
      }
    } catch {
      // Not our envelope: a bare secret that happens to start with "{".
    }
  }
  return { secret: stored, binding: null };
}

/** Why this secret may not be used for this target, or null when it may. Names the part, never a value. */
export function bindingMismatch(b: BoundSecret, target: BindingTarget): 'token_origin' | 'client_id' | 'fhir_origin' | 'unbound' | null {
  if (!b.binding) {
    const local = isLoopback(target.tokenUrl) && (!target.fhirBaseUrl || isLoopback(target.fhirBaseUrl));
    return local ? null : 'unbound';
  }
  if (b.binding.tokenOrigin !== origin(target.tokenUrl)) return 'token_origin';
  if (b.binding.clientId !== target.clientId) return 'client_id';
  if (target.fhirBaseUrl && b.binding.fhirOrigin !== origin(target.fhirBaseUrl)) return 'fhir_origin';
  return null;
}
