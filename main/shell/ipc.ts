/**
 * The only place `ipcMain` is used. Requests for declared channels go to the core's router with a
 * description of the sender; the router refuses anything not from our window's main frame.
 */
import { ipcMain as electronIpcMain } from 'electron';
import { channels as declaredChannels, type Channel } from '../../preload/contract.js';
import { createIpcRouter, isTrustedSender, type Dispatch, type Handlers, type SenderInfo } from '../core/ipc-router.js';
import type { Logger } from '../core/log.js';
import { APP_ORIGIN } from '../core/origin.js';

export interface InvokeEventLike {
  sender: { id: number; mainFrame: unknown };
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => unknown): void;
  removeHandler(channel: string): void;
}

/** Who sent an invoke. A frame that already navigated away or was destroyed arrives as null: untrusted. */
export function senderInfoOf(event: InvokeEventLike): SenderInfo {
  const frame = event.senderFrame;
  let url = '';
  try {
    url = frame?.url ?? '';
  } catch {
    // A disposed WebFrameMain throws on access; treat it like a missing frame.
  }
  return { url, isMainFrame: frame !== null && frame === event.sender.mainFrame, id: event.sender.id };
}

/**
 * Trusted = a webContents id we registered (our kiosk window), its main frame, and the URL's origin
 * is exactly `app://kiosk`: the core's one sender rule (isTrustedSender), with the Electron origin.
 */
export function createShellDispatch(handlers: Handlers, opts: { log: Logger; trustedIds: ReadonlySet<number | string> }): Dispatch {
  return createIpcRouter(handlers, {
    log: opts.log,
    isTrusted: (sender) => isTrustedSender(sender, { origin: APP_ORIGIN, trustedIds: opts.trustedIds }),
  });
}

/** Registers one handler per declared channel; returns a function that removes them all. */
export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch, channels: readonly Channel[] = declaredChannels): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload) => dispatch(channel, payload, senderInfoOf(event)));
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}

/** The production wiring: Electron's ipcMain. */
export function registerElectronIpc(dispatch: Dispatch): () => void {
  return registerIpc(electronIpcMain, dispatch);
}
