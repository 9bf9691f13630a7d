import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAppUrl, originOf } from '../../../../main/core/origin.js';

describe('originOf', () => {
  it('gives app:// URLs a real origin (Node says "null" for custom schemes)', () => {
    expect(new URL('app://kiosk/index.html').origin).toBe('null');
    expect(originOf('app://kiosk/index.html')).toBe(APP_ORIGIN);
    expect(originOf('app://KIOSK/a.js')).toBe(APP_ORIGIN);
  });

  it.each([
    ['app://kiosk.evil.com/', 'app://kiosk.evil.com'],
    ['app://kioskx/', 'app://kioskx'],
    ['app://evil/', 'app://evil'],
    ['https://kiosk/', 'https://kiosk'],
    ['https://example.com/app://kiosk/', 'https://example.com'],
  ])('%s has origin %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
    expect(isAppUrl(url)).toBe(false);
  });

  it.each([
    'app://user@kiosk/',
    'app://kiosk:443/',
    'app://user:pw@kiosk/',
    'data:text/html,<p>x',
    'about:blank',
    'javascript:alert(1)',
    'app:kiosk',
    '',
    'not a url',
  ])('%s has no comparable origin', (url) => {
    expect(originOf(url)).toBeNull();
    expect(isAppUrl(url)).toBe(false);
  });
});
