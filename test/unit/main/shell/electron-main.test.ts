/**
 * The real entry module, run against a fake `electron` (the binary is not installed here): checks
 * the wiring order and that the pieces are connected: protocol, session, IPC, window, exit.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../../../preload/contract.js';
import { encodeBoundSecret } from '../../../../main/core/fhir/client-binding.js';
import { FakeEmitter, fakeEvent } from './fakes.js';

const fake = vi.hoisted(() => ({
  calls: [] as string[],
  state: { lock: true, packaged: false, switches: new Set<string>(), userData: '', appPath: '' },
  electron: null as unknown as Record<string, unknown>,
}));
// The mock factory runs once (vi.resetModules keeps the mock registry): delegate to each test's fake.
vi.mock('electron', () =>
  Object.fromEntries(
    ['app', 'BrowserWindow', 'Menu', 'net', 'powerMonitor', 'powerSaveBlocker', 'protocol', 'session', 'ipcMain', 'utilityProcess'].map(
      (name) => [
        name,
        // A function target so `new BrowserWindow(...)` can reach the construct trap.
        new Proxy(function electronExport() {}, {
          get: (_t, prop) => Reflect.get(fake.electron[name] as object, prop),
          construct: (_t, args) => Reflect.construct(fake.electron[name] as new (...a: unknown[]) => object, args),
        }),
      ],
    ),
  ),
);

class FakeWebContents extends FakeEmitter {
  static nextId = 100;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame = { url: 'app://kiosk/index.html' };
  reload = vi.fn();
  toggleDevTools = vi.fn();
  forcefullyCrashRenderer = vi.fn();
  isDestroyed = () => false;
  setWindowOpenHandler = vi.fn();
}

class FakeBrowserWindow extends FakeEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadURL = vi.fn(async () => {});
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = () => false;
  isDestroyed = () => false;
  destroy = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
}

function buildFakeElectron() {
  const app = Object.assign(new FakeEmitter(), {
    getPath: (name: string) => (name === 'userData' ? fake.state.userData : os.tmpdir()),
    getAppPath: () => fake.state.appPath,
    commandLine: {
      appendSwitch: vi.fn((name: string, value?: string) => fake.calls.push(`switch ${name}${value ? '=' + value : ''}`)),
      hasSwitch: (name: string) => fake.state.switches.has(name),
    },
    requestSingleInstanceLock: vi.fn(() => fake.state.lock),
    whenReady: vi.fn(() => {
      fake.calls.push('whenReady');
      return Promise.resolve();
    }),
    quit: vi.fn(() => fake.calls.push('quit')),
    exit: vi.fn((code: number) => fake.calls.push(`exit ${code}`)),
    relaunch: vi.fn(),
    setLoginItemSettings: vi.fn(),
  });
  Object.defineProperty(app, 'isPackaged', { get: () => fake.state.packaged });
  const session = Object.assign(new FakeEmitter(), {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  });
  const fhirSession = Object.assign(new FakeEmitter(), {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  });
  /** net.request: records the request and fails it like an unreachable server (no real network). */
  const netRequests: Record<string, unknown>[] = [];
  const net = {
    request: vi.fn((options: Record<string, unknown>) => {
      netRequests.push(options);
      const req = Object.assign(new FakeEmitter(), {
        setHeader: vi.fn(),
        write: vi.fn(),
        abort: vi.fn(),
        followRedirect: vi.fn(),
        end: vi.fn(() => setTimeout(() => req.emit('error', new Error('net::ERR_CONNECTION_REFUSED')), 0)),
      });
      return req;
    }),
  };
  const ipcHandlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    Menu: { setApplicationMenu: vi.fn((menu: unknown) => fake.calls.push(`menu ${String(menu)}`)) },
    powerMonitor: new FakeEmitter(),
    powerSaveBlocker: { start: vi.fn((type: string) => fake.calls.push(`powerSaveBlocker ${type}`)) },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => fake.calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn(),
    },
    session: { defaultSession: session, fromPartition: vi.fn(() => fhirSession) },
    // The keychain child of a packaged build: it never answers here, so the kiosk reports the keychain unavailable.
    utilityProcess: {
      fork: vi.fn(() => Object.assign(new FakeEmitter(), { pid: 4242, postMessage: vi.fn(), kill: vi.fn() })),
    },
    net,
    netRequests,
    fhirSession,
    ipcMain: {
      handle: vi.fn((c: string, l: (event: unknown, payload: unknown) => Promise<unknown>) => ipcHandlers.set(c, l)),
      removeHandler: vi.fn(),
    },
    ipcHandlers,
  };
}
type FakeElectron = ReturnType<typeof buildFakeElectron>;

let electron: FakeElectron;
let tempDir: string;
let processListeners: { exception: Function[]; rejection: Function[]; signals: Function[] }; // eslint-disable-line @typescript-eslint/no-unsafe-function-type -- Node's listener type
const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

beforeEach(() => {
  vi.resetModules();
  fake.calls.length = 0;
  const dir = (tempDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-main-')));
  fake.state = { lock: true, packaged: false, switches: new Set(), userData: path.join(dir, 'userData'), appPath: path.join(dir, 'app') };
  mkdirSync(path.join(fake.state.appPath, 'build', 'renderer'), { recursive: true });
  writeFileSync(path.join(fake.state.appPath, 'build', 'renderer', 'index.html'), '<!doctype html><title>kiosk</title>');
  electron = buildFakeElectron();
  fake.electron = electron;
  FakeBrowserWindow.created = [];
  vi.stubEnv('KIOSK_CONFIG', path.join(dir, 'no-config.json'));
  vi.stubEnv('KIOSK_DEMO_CLIENT_SECRET', 'demo-secret-for-tests'); // keeps the real OS keychain out of unit tests
  processListeners = {
    exception: process.listeners('uncaughtException'),
    rejection: process.listeners('unhandledRejection'),
    signals: SIGNALS.flatMap((s) => process.listeners(s)),
  };
  // The shell logs to stderr as well as its file; DEBUG_SHELL=1 shows those lines.
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) =>
    process.env['DEBUG_SHELL'] ? process.stdout.write(`shell log: ${String(chunk)}`) : true,
  );
});

afterEach(() => {
  // The entry installs a main-process error guard; take it off the test worker again.
  for (const l of process.listeners('uncaughtException')) if (!processListeners.exception.includes(l)) process.off('uncaughtException', l);
  for (const l of process.listeners('unhandledRejection'))
    if (!processListeners.rejection.includes(l)) process.off('unhandledRejection', l);
  for (const signal of SIGNALS)
    for (const l of process.listeners(signal)) if (!processListeners.signals.includes(l)) process.off(signal, l);
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(tempDir, { recursive: true, force: true });
});

async function startEntry() {
  const entry = await import('../../../../main/shell/electron-main.js');
  await vi.waitFor(() => expect(FakeBrowserWindow.created.length).toBeGreaterThan(0));
  return { entry, win: FakeBrowserWindow.created[0]! };
}

describe('electron-main (against a fake electron)', () => {
  it('registers the app scheme and the touch switches before ready, then opens one hardened kiosk window', async () => {
    const { win } = await startEntry();
    expect(fake.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(fake.calls).toEqual(
      expect.arrayContaining([
        'switch overscroll-history-navigation=0',
        'switch disable-pinch',
        'menu null',
        'powerSaveBlocker prevent-display-sleep',
      ]),
    );
    expect(win.options).toMatchObject({
      kiosk: true,
      frame: false,
      show: false,
      webPreferences: expect.objectContaining({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        devTools: true,
        preload: path.join(fake.state.appPath, 'build', 'preload', 'index.cjs'),
      }),
    });
    expect(win.loadURL).toHaveBeenCalledWith('app://kiosk/index.html');
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
  });

  it('serves the renderer on app://kiosk with the CSP', async () => {
    await startEntry();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = electron.protocol.handle.mock.calls[0]![1] as (r: Request) => Promise<Response>;
    const res = await handler(new Request('app://kiosk/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await handler(new Request('app://kiosk/../../etc/passwd'))).status).toBe(404);
  });

  it('answers IPC from its window only', async () => {
    const { win } = await startEntry();
    expect([...electron.ipcHandlers.keys()].sort()).toEqual([...channels].sort());
    const info = electron.ipcHandlers.get('kiosk:info')!;
    const fromWindow = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    await expect(info(fromWindow, {})).resolves.toMatchObject({ ok: true, value: { mode: 'unconfigured' } });
    const stranger = new FakeWebContents();
    await expect(info({ sender: stranger, senderFrame: stranger.mainFrame }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
    win.emit('closed');
    await expect(info(fromWindow, {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('hardens every webContents Electron creates', async () => {
    await startEntry();
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    const nav = fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-navigate', nav);
    expect(nav.defaultPrevented).toBe(true);
  });

  it('refuses to close the kiosk until requestExit, then quits', async () => {
    const { entry, win } = await startEntry();
    const close = fakeEvent();
    win.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    entry.requestExit('staff');
    expect(electron.app.quit).toHaveBeenCalled();
    const again = fakeEvent();
    win.emit('close', again);
    expect(again.defaultPrevented).toBe(false);
  });

  it('filters the keyboard of the kiosk window', async () => {
    const { win } = await startEntry();
    const event = fakeEvent();
    win.webContents.emit('before-input-event', event, {
      type: 'keyDown',
      key: 'w',
      code: 'KeyW',
      control: true,
      meta: false,
      alt: false,
      shift: false,
    });
    expect(event.defaultPrevented).toBe(true);
  });

  it('a second instance quits at once and focuses nothing of its own', async () => {
    fake.state.lock = false;
    await import('../../../../main/shell/electron-main.js');
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });

  it.each(['--remote-debugging-port=9222', '--no-sandbox', '--gpu-launcher=/tmp/x'])(
    'a packaged build started with %s exits before doing anything',
    async (arg) => {
      fake.state.packaged = true;
      vi.spyOn(process, 'argv', 'get').mockReturnValue(['/opt/kiosk/clinic-kiosk', arg]);
      await import('../../../../main/shell/electron-main.js');
      expect(electron.app.exit).toHaveBeenCalledWith(1);
      expect(electron.app.requestSingleInstanceLock).not.toHaveBeenCalled();
      expect(electron.app.whenReady).not.toHaveBeenCalled();
    },
  );

  it('a packaged build opens the keychain in an Electron utility process (fork is closed by the runAsNode fuse)', async () => {
    fake.state.packaged = true;
    vi.spyOn(process, 'argv', 'get').mockReturnValue(['/opt/kiosk/clinic-kiosk']);
    await import('../../../../main/shell/electron-main.js');
    await vi.waitFor(() => expect(electron.utilityProcess.fork).toHaveBeenCalled(), { timeout: 5_000 });
    expect(electron.utilityProcess.fork).toHaveBeenCalledWith(expect.stringMatching(/(keychain-child\.cjs|keychain\/child\.ts)$/), [], {
      serviceName: 'kiosk-keychain',
      stdio: 'ignore',
    });
  });

  it('--admin runs the provisioning CLI instead of the kiosk and exits with its code', async () => {
    const config = path.join(tempDir, 'bad.json');
    writeFileSync(config, '{ "fhir": { "clientSecret": "oops" } }');
    vi.spyOn(process, 'argv', 'get').mockReturnValue(['/opt/kiosk/clinic-kiosk', '--admin', 'check', '--config', config]);
    await import('../../../../main/shell/electron-main.js');
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(78)); // EXIT.config
    expect(electron.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it("sends main's FHIR and token calls through Chromium's network in the in-memory kiosk-fhir session, not Node's fetch", async () => {
    const config = path.join(tempDir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        fhir: { baseUrl: 'https://fumage-clinic.example.invalid', clientId: 'kiosk-client' },
        clinic: { timezone: 'America/Chicago' },
      }),
    );
    vi.stubEnv('KIOSK_CONFIG', config);
    // A secret provisioned for this server (kiosk-admin binds it): main sends it nowhere else.
    vi.stubEnv(
      'KIOSK_DEMO_CLIENT_SECRET',
      encodeBoundSecret('s3cret', {
        tokenUrl: 'https://clinic.example.invalid/auth/token/',
        clientId: 'kiosk-client',
        fhirBaseUrl: 'https://fumage-clinic.example.invalid',
      }),
    );
    const nodeFetch = vi.spyOn(globalThis, 'fetch');
    await startEntry();
    await vi.waitFor(() => expect(electron.netRequests.length).toBeGreaterThan(0));
    expect(electron.session.fromPartition).toHaveBeenCalledWith('kiosk-fhir', { cache: false });
    expect(electron.netRequests[0]).toMatchObject({
      url: 'https://clinic.example.invalid/auth/token/',
      method: 'POST',
      redirect: 'manual',
      session: electron.fhirSession,
    });
    // The FHIR session grants nothing either.
    expect(electron.fhirSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(nodeFetch).not.toHaveBeenCalled();
  });

  it.each(SIGNALS)('%s ends the kiosk with app.exit(0) after stopping it, without a quit the locked window refuses', async (signal) => {
    const { win } = await startEntry();
    process.emit(signal);
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(0));
    expect(electron.app.quit).not.toHaveBeenCalled();
    const close = fakeEvent();
    win.emit('close', close);
    expect(close.defaultPrevented).toBe(false);
  });
});
