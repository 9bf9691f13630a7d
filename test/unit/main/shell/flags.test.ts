import { describe, expect, it } from 'vitest';
import { commandLineSwitches, refusedSwitches } from '../../../../main/shell/flags.js';

const EXE = '/opt/Clinic Check-in Kiosk/clinic-kiosk';
const refused = (args: string[], platform: NodeJS.Platform = 'linux') => refusedSwitches([EXE, ...args], platform, true);

/**
 * Switches that open a packaged kiosk to a debugger, run another program as a child process, turn a
 * sandbox or web security off, or move its profile. The old deny-list missed every one marked (new).
 */
const DANGEROUS = [
  '--no-sandbox', // (new)
  '--disable-gpu-sandbox', // (new)
  '--disable-setuid-sandbox', // (new)
  '--renderer-cmd-prefix=gdb --args', // (new)
  '--gpu-launcher=/tmp/x', // (new)
  '--utility-cmd-prefix=/tmp/x', // (new)
  '--browser-subprocess-path=/tmp/x', // (new)
  '--remote-allow-origins=*', // (new)
  '--user-data-dir=/tmp/profile', // (new)
  '--remote-debugging-port=9222',
  '--remote-debugging-pipe',
  '--disable-web-security',
  '--ignore-certificate-errors',
  '--js-flags=--allow-natives-syntax',
  '--inspect',
  '--inspect-brk=9229',
  '--inspect-port=9229',
  '--proxy-server=http://evil.invalid:8080', // (new)
  '--host-resolver-rules=MAP * evil.invalid', // (new)
  '--load-extension=/tmp/ext', // (new)
  '--disable-site-isolation-trials', // (new)
  '--single-process', // (new)
  '--no-zygote', // (new)
  '--enable-logging=stderr', // (new)
  '--allow-file-access-from-files', // (new)
  '--disable-features=IsolateOrigins', // (new)
];

describe('refusedSwitches (packaged allow-list)', () => {
  it.each(DANGEROUS)('refuses %s', (arg) => {
    expect(refused([arg])).toHaveLength(1);
  });

  it('refuses the single-dash and upper-case spellings Chromium also accepts, and /switch on Windows', () => {
    expect(refused(['-no-sandbox'])).toEqual(['no-sandbox']);
    expect(refused(['--No-Sandbox'])).toEqual(['no-sandbox']);
    expect(refused(['--no-sandbox=1'])).toEqual(['no-sandbox']);
    expect(refused(['/no-sandbox'], 'win32')).toEqual(['no-sandbox']);
  });

  it('refuses an allowed switch with a value outside its list', () => {
    expect(refused(['--ozone-platform=headless'])).toEqual(['ozone-platform']);
    expect(refused(['--enable-features=UseOzonePlatform,NetworkServiceInProcess'])).toEqual(['enable-features']);
    expect(refused(['--windowed=0'])).toEqual(['windowed']);
    expect(refused(['--lang=en;rm'])).toEqual(['lang']);
  });

  it('names each refused switch once and never its value (values can be paths)', () => {
    const out = refused(['--user-data-dir=/home/clinic/secret-place', '--user-data-dir=/x', '--gpu-launcher=/tmp/x']);
    expect(out).toEqual(['user-data-dir', 'gpu-launcher']);
    expect(out.join(' ')).not.toContain('/');
  });

  it('lets the switches the kiosk needs pass', () => {
    expect(refused([])).toEqual([]);
    expect(refused(['--windowed'])).toEqual([]);
    expect(refused(['--config', '/etc/clinic-kiosk/config.json'])).toEqual([]);
    expect(refused(['--admin', 'check', '--config', '/etc/clinic-kiosk/config.json'])).toEqual([]);
    expect(refused(['--register-login-item'], 'win32')).toEqual([]);
    expect(refused(['--unregister-login-item'], 'darwin')).toEqual([]);
    expect(refused(['--ozone-platform=wayland', '--enable-features=UseOzonePlatform,WaylandWindowDecorations'])).toEqual([]);
    expect(refused(['--ozone-platform-hint=auto', '--force-device-scale-factor=1.25', '--lang=es-419'])).toEqual([]);
    expect(refused(['-psn_0_123456'], 'darwin')).toEqual([]);
  });

  it('ignores positional arguments and everything after a bare --', () => {
    expect(refused(['C:\\Program Files\\x'], 'win32')).toEqual([]);
    expect(refused(['some-file', '--', '--no-sandbox'])).toEqual([]);
  });

  it('a development run is not checked (developers use DevTools flags)', () => {
    expect(refusedSwitches([EXE, '--remote-debugging-port=9222', '--no-sandbox'], 'linux', false)).toEqual([]);
  });
});

describe('commandLineSwitches', () => {
  it('parses names and values the way Chromium splits them', () => {
    expect(commandLineSwitches([EXE, '--a=b=c', '-x', 'pos', '--', '--after'], 'linux')).toEqual([
      { name: 'a', value: 'b=c' },
      { name: 'x', value: null },
    ]);
  });
  it('skips argv[0] even when it looks like a switch', () => {
    expect(commandLineSwitches(['--exe', '--windowed'], 'linux')).toEqual([{ name: 'windowed', value: null }]);
  });
});
