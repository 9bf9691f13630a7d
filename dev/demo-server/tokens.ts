import { randomBytes } from 'node:crypto';
import type { ApiResponse } from './responses.js';

export const TOKEN_PATH = '/auth/token/';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** OAuth2 client-credentials issuer shaped like Canvas's token endpoint (errors per RFC 6749 §5.2). */
export class TokenStore {
  /** access token -> expiry (epoch ms) */
  private readonly tokens = new Map<string, number>();

  constructor(
    private readonly credentials: ClientCredentials,
    private readonly ttlSeconds: number,
  ) {}

  issue(contentType: string | undefined, rawBody: string): ApiResponse {
    if (!contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return oauthError(400, 'invalid_request');
    }
    const form = new URLSearchParams(rawBody);
    if (form.get('grant_type') !== 'client_credentials') return oauthError(400, 'unsupported_grant_type');
    const clientId = form.get('client_id');
    const clientSecret = form.get('client_secret');
    if (!clientId || !clientSecret) return oauthError(400, 'invalid_request');
    if (clientId !== this.credentials.clientId || clientSecret !== this.credentials.clientSecret) {
      return oauthError(401, 'invalid_client');
    }
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, Date.now() + this.ttlSeconds * 1000);
    const scope = form.get('scope') ?? 'system/*.*';
    return {
      status: 200,
      body: { access_token: token, expires_in: this.ttlSeconds, token_type: 'Bearer', scope },
      headers: { 'cache-control': 'no-store' },
    };
  }

  isAuthorized(authorization: string | undefined): boolean {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const expiresAt = token === undefined ? undefined : this.tokens.get(token);
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  revokeAll(): void {
    this.tokens.clear();
  }
}

function oauthError(status: number, error: string): ApiResponse {
  return { status, body: { error } };
}
