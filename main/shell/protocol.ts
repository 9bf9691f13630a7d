/**
 * The `app://kiosk/` protocol: serves the built renderer from inside the asar with the strict CSP on
 * every response, errors included. Web-standard Request/Response, so it runs under plain Node tests.
 */
import { readFile as fsReadFile } from 'node:fs/promises';
import { contentTypeOf, resolveRendererFile, SECURITY_HEADERS } from '../core/renderer-files.js';
import { APP_ORIGIN, APP_SCHEME, originOf } from '../core/origin.js';

/** For `protocol.registerSchemesAsPrivileged`, before 'ready': a standard, secure origin and nothing more. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: false,
    corsEnabled: false,
    bypassCSP: false,
    allowServiceWorkers: false,
    stream: false,
  },
} as const;

type ReadFile = (file: string) => Promise<Uint8Array>;

const headers = (extra: Record<string, string> = {}) => ({ ...SECURITY_HEADERS, 'cache-control': 'no-store', ...extra });
const refuse = (status: number) => new Response(null, { status, headers: headers() });

export async function handleAppProtocol(
  request: Pick<Request, 'url' | 'method'>,
  rendererDir: string,
  readFile: ReadFile = fsReadFile,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
  if (originOf(request.url) !== APP_ORIGIN) return refuse(404);
  const file = resolveRendererFile(rendererDir, request.url);
  if (!file) return refuse(404);
  let body: Uint8Array<ArrayBuffer>;
  try {
    // A copy into a plain ArrayBuffer: what BodyInit accepts under both the Node and the DOM typings.
    body = new Uint8Array(await readFile(file));
  } catch {
    return refuse(404);
  }
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: headers({ 'content-type': contentTypeOf(file) }) });
}
