import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../main/core/renderer-files.js';
import { APP_SCHEME_PRIVILEGES, handleAppProtocol } from '../../../../main/shell/protocol.js';

let root: string;
let rendererDir: string;
beforeAll(() => {
  // A secret right next to the renderer dir: traversal must never reach it.
  root = mkdtempSync(path.join(os.tmpdir(), 'kiosk-protocol-'));
  rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(path.join(rendererDir, 'app.js'), 'console.log(1)');
  writeFileSync(path.join(rendererDir, 'assets', 'icon.svg'), '<svg/>');
  writeFileSync(path.join(root, 'secret.js'), 'SECRET');
  writeFileSync(path.join(root, 'config.json'), '{"secret":1}');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handleAppProtocol({ url, method }, rendererDir);

describe('handleAppProtocol', () => {
  it.each([
    ['app://kiosk/', 'text/html; charset=utf-8', '<!doctype html>'],
    ['app://kiosk/index.html', 'text/html; charset=utf-8', '<!doctype html>'],
    ['app://kiosk/app.js', 'text/javascript; charset=utf-8', 'console.log'],
    ['app://kiosk/assets/icon.svg', 'image/svg+xml', '<svg'],
    ['app://kiosk/index.html?lang=es#welcome', 'text/html; charset=utf-8', '<!doctype html>'],
  ])('serves %s', async (url, type, start) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(await res.text()).toContain(start);
  });

  it.each([
    'app://kiosk/../secret.js',
    'app://kiosk/../../etc/passwd',
    'app://kiosk/%2e%2e/secret.js',
    'app://kiosk/%2e%2e%2fsecret.js',
    'app://kiosk/..%2fsecret.js',
    'app://kiosk/assets/%2e%2e%2f%2e%2e%2fsecret.js',
    'app://kiosk/..%5csecret.js',
    'app://kiosk/%5c..%5csecret.js',
    'app://kiosk/%2fetc%2fpasswd',
    'app://kiosk//etc/passwd',
    `app://kiosk/${encodeURIComponent(path.join(os.tmpdir(), 'x.js'))}`,
    'app://kiosk/C:/Windows/win.ini',
    'app://kiosk/app.js%00.html',
    'app://kiosk/index.html%00',
    'app://kiosk/../config.json',
    'app://kiosk/missing.js',
    'app://kiosk/assets',
    'app://kiosk/%E0%A4%A',
    'app://evil/index.html',
    'app://kiosk.evil.com/index.html',
    'app://kioskx/index.html',
    'app://user@kiosk/index.html',
    'app://kiosk:8080/index.html',
    'https://kiosk/index.html',
    'file:///etc/passwd',
  ])('answers 404 to %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
  });

  it('refuses methods other than GET/HEAD', async () => {
    expect((await get('app://kiosk/index.html', 'POST')).status).toBe(405);
    const head = await get('app://kiosk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('sends the CSP and the other security headers on every response, errors included', async () => {
    for (const [url, method] of [
      ['app://kiosk/index.html', 'GET'],
      ['app://kiosk/../../etc/passwd', 'GET'],
      ['app://evil/index.html', 'GET'],
      ['app://kiosk/missing.js', 'GET'],
      ['app://kiosk/index.html', 'POST'],
    ] as const) {
      const res = await get(url, method);
      expect(res.headers.get('content-security-policy'), `${method} ${url}`).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('registers the scheme as a standard, secure origin without extra powers', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: expect.objectContaining({
        standard: true,
        secure: true,
        bypassCSP: false,
        supportFetchAPI: false,
        allowServiceWorkers: false,
      }),
    });
  });
});
