import { describe, expect, it, vi } from 'vitest';
import { exitOnOsSignals, relaunchOptions } from '../../../../main/shell/lifecycle.js';
import { capturingLogger, FakeEmitter, FakeTimers } from './fakes.js';

describe('relaunchOptions', () => {
  const argv = ['/tmp/.mount_clinicXYZ/clinic-kiosk', '--windowed', '--config', '/etc/clinic-kiosk/config.json'];

  it('from an AppImage relaunches the AppImage file, not the FUSE mount that disappears', () => {
    expect(relaunchOptions({ APPIMAGE: '/opt/kiosk/Clinic.AppImage' }, argv, 'linux')).toEqual({
      execPath: '/opt/kiosk/Clinic.AppImage',
      args: ['--windowed', '--config', '/etc/clinic-kiosk/config.json'],
    });
  });

  it("elsewhere (deb, macOS, Windows) keeps Electron's default", () => {
    expect(relaunchOptions({}, argv, 'linux')).toBeUndefined();
    expect(relaunchOptions({ APPIMAGE: '' }, argv, 'linux')).toBeUndefined();
    expect(relaunchOptions({ APPIMAGE: '/x.AppImage' }, argv, 'darwin')).toBeUndefined();
    expect(relaunchOptions({ APPIMAGE: '/x.AppImage' }, argv, 'win32')).toBeUndefined();
  });
});

function setup(stopKiosk: () => void | Promise<void> = () => {}) {
  const proc = new FakeEmitter();
  const timers = new FakeTimers();
  const calls: string[] = [];
  const { log, lines } = capturingLogger();
  exitOnOsSignals(proc, {
    log,
    allowExit: (reason) => calls.push(`allowExit ${reason}`),
    stopKiosk: async () => {
      calls.push('stop');
      await stopKiosk();
    },
    exit: (code) => calls.push(`exit ${code}`),
    setTimeout: timers.setTimeout,
  });
  return { proc, timers, calls, lines };
}
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('exitOnOsSignals', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'])('%s lets the window close, stops background work, then exits 0', async (signal) => {
    const { proc, calls, lines } = setup();
    proc.emit(signal);
    await flush();
    expect(calls).toEqual([`allowExit signal:${signal}`, 'stop', 'exit 0']);
    expect(lines.some((l) => l.includes('shell.signal_exit') && l.includes(signal))).toBe(true);
  });

  it('a second signal while stopping exits at once, and only one exit is ever made', async () => {
    let release = () => {};
    const { proc, calls } = setup(() => new Promise<void>((resolve) => (release = resolve)));
    proc.emit('SIGTERM');
    await flush();
    expect(calls).toEqual(['allowExit signal:SIGTERM', 'stop']);
    proc.emit('SIGINT');
    expect(calls.at(-1)).toBe('exit 1');
    release();
    await flush();
    expect(calls.filter((c) => c.startsWith('exit'))).toEqual(['exit 1']);
  });

  it('a stop that hangs past the deadline exits anyway', async () => {
    const { proc, calls, timers } = setup(() => new Promise<void>(() => {}));
    proc.emit('SIGTERM');
    await flush();
    timers.advance(4_999);
    expect(calls.some((c) => c.startsWith('exit'))).toBe(false);
    timers.advance(1);
    expect(calls.at(-1)).toBe('exit 1');
  });

  it('a failing stop still exits (non-zero)', async () => {
    const { proc, calls } = setup(() => {
      throw new Error('boom');
    });
    proc.emit('SIGTERM');
    await flush();
    expect(calls.at(-1)).toBe('exit 1');
  });

  it('registers for exactly the OS signals', () => {
    const proc = { on: vi.fn() };
    exitOnOsSignals(proc, { log: capturingLogger().log, allowExit: () => {}, stopKiosk: () => {}, exit: () => {} });
    expect(proc.on.mock.calls.map((c) => c[0])).toEqual(['SIGTERM', 'SIGINT', 'SIGHUP']);
  });
});
