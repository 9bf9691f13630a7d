import { describe, expect, it, vi } from 'vitest';
import { RecoveryPolicy } from '../../../../main/shell/self-heal.js';
import { createExitControl, createWindowHost } from '../../../../main/shell/window-host.js';
import { capturingLogger, FakeEmitter, fakeEvent, FakeTimers } from './fakes.js';

let nextId = 1;
class FakeContents extends FakeEmitter {
  readonly id = nextId++;
  reload = vi.fn();
  forcefullyCrashRenderer = vi.fn();
  isDestroyed = () => false;
}
class FakeWindow extends FakeEmitter {
  readonly webContents = new FakeContents();
  destroyed = false;
  minimized = false;
  loaded: string[] = [];
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  loadURL = vi.fn(async (url: string) => void this.loaded.push(url));
  isMinimized = () => this.minimized;
  isDestroyed = () => this.destroyed;
  destroy = vi.fn(() => {
    this.destroyed = true;
    this.emit('closed');
  });
  /** What Electron does on a user/OS close: 'close' (preventable), then 'closed'. */
  tryClose(): boolean {
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroyed = true;
    this.emit('closed');
    return true;
  }
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function setup(opts: { mayClose?: () => boolean; make?: () => FakeWindow } = {}) {
  const timers = new FakeTimers();
  const { log, lines } = capturingLogger();
  const windows: FakeWindow[] = [];
  const trustedIds = new Set<number | string>();
  const host = createWindowHost({
    create: () => {
      const w = opts.make?.() ?? new FakeWindow();
      windows.push(w);
      return w;
    },
    url: 'app://kiosk/index.html',
    trustedIds,
    policy: new RecoveryPolicy({ now: () => timers.now }),
    log,
    mayClose: opts.mayClose ?? (() => false),
    timers,
  });
  return { host, windows, trustedIds, timers, lines };
}

describe('createWindowHost', () => {
  it('opens the window on our URL, trusts its webContents, and shows it when ready', () => {
    const { host, windows, trustedIds } = setup();
    const win = host.open();
    expect(win.loaded).toEqual(['app://kiosk/index.html']);
    expect(trustedIds).toEqual(new Set([win.webContents.id]));
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
    expect(windows).toHaveLength(1);
  });

  it('refuses to close while the kiosk is locked', () => {
    const { host, trustedIds } = setup();
    const win = host.open();
    expect(win.tryClose()).toBe(false);
    expect(trustedIds.has(win.webContents.id)).toBe(true);
  });

  it('closes when allowed and stops trusting the closed window', () => {
    const { host, trustedIds } = setup({ mayClose: () => true });
    const win = host.open();
    expect(win.tryClose()).toBe(true);
    expect(trustedIds.size).toBe(0);
    expect(host.current()).toBeNull();
  });

  it('after repeated crashes replaces the window after the backoff and trusts only the new one', () => {
    const { host, windows, trustedIds, timers } = setup();
    const first = host.open();
    for (let i = 0; i < 3; i++) first.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    // Not from inside the handler: the window is destroyed on the next tick.
    expect(first.destroy).not.toHaveBeenCalled();
    timers.advance(0);
    expect(first.destroy).toHaveBeenCalled();
    expect(host.isRecreating()).toBe(true);
    expect(trustedIds.size).toBe(0);
    timers.advance(999);
    expect(windows).toHaveLength(1);
    timers.advance(1);
    expect(windows).toHaveLength(2);
    expect(host.isRecreating()).toBe(false);
    expect(trustedIds).toEqual(new Set([windows[1]!.webContents.id]));
    expect(host.current()).toBe(windows[1]);
  });

  it('retries a failed page load with backoff (1 s, 2 s, 4 s …) until it loads, then stops', async () => {
    const failing = new FakeWindow();
    let attempts = 0;
    failing.loadURL.mockImplementation(async (url: string) => {
      attempts += 1;
      failing.loaded.push(url);
      if (attempts <= 3) throw new Error('ERR_FAILED (-2) loading app://kiosk/index.html');
    });
    const { host, timers, lines } = setup({ make: () => failing });
    host.open();
    await flush();
    expect(failing.loaded).toHaveLength(1);
    const after = async (ms: number) => {
      timers.advance(ms);
      await flush();
      return failing.loaded.length;
    };
    expect(await after(999)).toBe(1);
    expect(await after(1)).toBe(2);
    expect(await after(1_999)).toBe(2);
    expect(await after(1)).toBe(3);
    expect(await after(4_000)).toBe(4);
    expect(await after(600_000)).toBe(4);
    expect(lines.filter((l) => l.includes('shell.load_failed'))).toHaveLength(3);
    // The message could quote a URL: only the error class and the attempt are logged.
    expect(lines.join('\n')).not.toContain('ERR_FAILED');
  });

  it('stops retrying the load of a window that was destroyed', async () => {
    const failing = new FakeWindow();
    failing.loadURL.mockImplementation(async (url: string) => {
      failing.loaded.push(url);
      throw new Error('ERR_FAILED');
    });
    const { host, timers } = setup({ make: () => failing });
    host.open();
    await flush();
    failing.destroyed = true;
    timers.advance(60_000);
    await flush();
    expect(failing.loaded).toHaveLength(1);
  });

  it('brings the window back for a second instance', () => {
    const { host } = setup();
    const win = host.open();
    win.minimized = true;
    host.focus();
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });
});

describe('createExitControl', () => {
  it('only a requested exit quits', () => {
    const quit = vi.fn();
    const exit = createExitControl({ quit, log: capturingLogger().log });
    expect(exit.isExiting()).toBe(false);
    exit.requestExit('staff');
    expect(exit.isExiting()).toBe(true);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('an OS shutdown lets windows close without quitting by itself', () => {
    const quit = vi.fn();
    const exit = createExitControl({ quit, log: capturingLogger().log });
    exit.allowExit('os-shutdown');
    expect(exit.isExiting()).toBe(true);
    expect(quit).not.toHaveBeenCalled();
  });
});
