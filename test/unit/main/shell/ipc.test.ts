import { describe, expect, it, vi } from 'vitest';

// ipc.ts imports Electron's ipcMain for the production wiring; the binary is not installed here.
const electronIpcMain = vi.hoisted(() => ({ handle: vi.fn(), removeHandler: vi.fn() }));
vi.mock('electron', () => ({ ipcMain: electronIpcMain }));

import { channels } from '../../../../preload/contract.js';
import type { Handlers } from '../../../../main/core/ipc-router.js';
import { createShellDispatch, registerElectronIpc, registerIpc, senderInfoOf, type InvokeEventLike } from '../../../../main/shell/ipc.js';
import { capturingLogger } from './fakes.js';

type Listener = (event: InvokeEventLike, payload: unknown) => unknown;

class FakeIpcMain {
  handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: InvokeEventLike, payload: unknown) {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return h(event, payload);
  }
}

const OUR_ID = 7;
const mainFrame = { url: 'app://kiosk/index.html' };
const ourWindow = { id: OUR_ID, mainFrame };
const fromOurWindow: InvokeEventLike = { sender: ourWindow, senderFrame: mainFrame };

function setup() {
  const handlers = {
    'kiosk:info': vi.fn(),
    'kiosk:health': vi.fn(async () => ({ state: 'ok', checkedAt: null })),
    'patient:identify': vi.fn(async () => ({ outcome: 'need_first_name' })),
    'patient:checkIn': vi.fn(),
    'patient:endSession': vi.fn(async () => ({})),
  } as unknown as Handlers & Record<string, ReturnType<typeof vi.fn>>;
  const trustedIds = new Set<number | string>([OUR_ID]);
  const { log, lines } = capturingLogger();
  const ipcMain = new FakeIpcMain();
  const unregister = registerIpc(ipcMain, createShellDispatch(handlers, { log, trustedIds }));
  return { handlers, trustedIds, ipcMain, lines, unregister };
}

describe('registerIpc', () => {
  it('registers exactly the declared channels', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
    expect(() => ipcMain.invoke('fs:readFile', fromOurWindow, {})).toThrow(/No handler/);
  });

  it('can remove every handler again', () => {
    const { ipcMain, unregister } = setup();
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('passes a valid payload from our window to the handler', async () => {
    const { ipcMain, handlers } = setup();
    const payload = { familyName: "O'Brien", birthDate: '1980-02-29' };
    await expect(ipcMain.invoke('patient:identify', fromOurWindow, payload)).resolves.toEqual({
      ok: true,
      value: { outcome: 'need_first_name' },
    });
    expect(handlers['patient:identify']).toHaveBeenCalledWith(payload);
    await expect(ipcMain.invoke('kiosk:health', fromOurWindow, {})).resolves.toEqual({ ok: true, value: { state: 'ok', checkedAt: null } });
  });

  it('answers invalid_request to a bad payload without calling the handler', async () => {
    const { ipcMain, handlers } = setup();
    await expect(ipcMain.invoke('patient:identify', fromOurWindow, { familyName: 'x', birthDate: '1980-02-30' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(handlers['patient:identify']).not.toHaveBeenCalled();
  });

  /** An invoke from the main frame of webContents `id` showing `url`. */
  const fromMainFrame = (id: number, url: string): InvokeEventLike => {
    const frame = { url };
    return { sender: { id, mainFrame: frame }, senderFrame: frame };
  };
  it.each<[string, InvokeEventLike]>([
    ['another webContents', fromMainFrame(99, 'app://kiosk/index.html')],
    ['a subframe of our window', { sender: ourWindow, senderFrame: { url: 'app://kiosk/index.html' } }],
    ['our window showing another origin', fromMainFrame(OUR_ID, 'https://evil.example/')],
    ['a look-alike host', fromMainFrame(OUR_ID, 'app://kiosk.evil.com/index.html')],
    ['a host with our name as prefix', fromMainFrame(OUR_ID, 'app://kioskx/index.html')],
    ['a data: URL', fromMainFrame(OUR_ID, 'data:text/html,x')],
    ['a frame that is gone (null senderFrame)', { sender: ourWindow, senderFrame: null }],
  ])('refuses %s with forbidden_sender', async (_name, event) => {
    const { ipcMain, handlers, lines } = setup();
    await expect(ipcMain.invoke('patient:identify', event, { familyName: 'Smith', birthDate: '1970-01-01' })).resolves.toEqual({
      ok: false,
      error: { code: 'forbidden_sender', message: expect.any(String) },
    });
    expect(handlers['patient:identify']).not.toHaveBeenCalled();
    expect(lines.join('\n')).not.toMatch(/Smith|1970/);
  });

  it('stops trusting a window once its id is removed (window closed)', async () => {
    const { ipcMain, trustedIds } = setup();
    trustedIds.delete(OUR_ID);
    await expect(ipcMain.invoke('kiosk:health', fromOurWindow, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
  });
});

describe('registerElectronIpc', () => {
  it("registers the declared channels on Electron's ipcMain", () => {
    registerElectronIpc(vi.fn());
    expect(electronIpcMain.handle.mock.calls.map((c) => c[0]).sort()).toEqual([...channels].sort());
  });
});

describe('senderInfoOf', () => {
  it('describes our main frame', () => {
    expect(senderInfoOf(fromOurWindow)).toEqual({ url: 'app://kiosk/index.html', isMainFrame: true, id: OUR_ID });
  });
  it('is robust to a null or disposed senderFrame', () => {
    expect(senderInfoOf({ sender: ourWindow, senderFrame: null })).toEqual({ url: '', isMainFrame: false, id: OUR_ID });
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(senderInfoOf({ sender: { id: OUR_ID, mainFrame: disposed }, senderFrame: disposed })).toMatchObject({ url: '' });
  });
});

describe('createShellDispatch: the core sender rule with the app:// origin', () => {
  const handlers = { 'kiosk:info': async () => ({}) } as unknown as Handlers;
  const ids = new Set<number | string>([1]);
  const dispatch = createShellDispatch(handlers, { log: capturingLogger().log, trustedIds: ids });
  const refused = async (sender: { url: string; isMainFrame: boolean; id: number }) =>
    (await dispatch('kiosk:info', {}, sender)).ok === false &&
    JSON.stringify(await dispatch('kiosk:info', {}, sender)).includes('forbidden_sender');
  it('needs all three: our id, main frame, our origin', async () => {
    expect(await refused({ url: 'app://kiosk/index.html', isMainFrame: true, id: 1 })).toBe(false);
    expect(await refused({ url: 'app://kiosk/index.html', isMainFrame: false, id: 1 })).toBe(true);
    expect(await refused({ url: 'app://kiosk/index.html', isMainFrame: true, id: 2 })).toBe(true);
    expect(await refused({ url: 'app://kioskx/index.html', isMainFrame: true, id: 1 })).toBe(true);
    expect(await refused({ url: 'https://kiosk.invalid/index.html', isMainFrame: true, id: 1 })).toBe(true);
    expect(await refused({ url: '', isMainFrame: true, id: 1 })).toBe(true);
  });
});
