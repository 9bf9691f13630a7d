/**
 * One way to start the real Electron kiosk for this lane, with the rules the lane must keep:
 *  - Linux gets a display: the caller's DISPLAY (xvfb-run, a desktop), else a private Xvfb started here.
 *  - Never `--no-sandbox`. Chromium refuses to run as root with its sandbox on, so as root the lane
 *    skips with a reason instead of testing a kiosk weaker than the one that ships.
 *  - Unpackaged (build/main/electron.cjs): Playwright needs the inspect switches a packaged build refuses.
 */
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBinary, NO_ELECTRON_MESSAGE } from '../../dev/electron-binary.js';

export const root = process.cwd();
export const binary = electronBinary(root);

export const ROOT_MESSAGE =
  'e2e-electron runs as a normal user: Chromium will not start its sandbox as root, and this lane never adds ' +
  '--no-sandbox (the shipped kiosk keeps its sandbox). Run it as an unprivileged user, e.g. `runuser -u ci -- npm test`.';

/** Why this lane cannot run here, or null when it can. */
export function skipReason(): string | null {
  if (!binary) return NO_ELECTRON_MESSAGE;
  if (process.platform === 'linux' && process.getuid?.() === 0) return ROOT_MESSAGE;
  return null;
}

export interface Display {
  env: NodeJS.ProcessEnv;
  stop(): void;
}

/** The caller's display, or on Linux without one, a private Xvfb (it picks a free display number). */
export async function ensureDisplay(env: NodeJS.ProcessEnv = process.env): Promise<Display> {
  if (process.platform !== 'linux' || env['DISPLAY'] || env['WAYLAND_DISPLAY']) return { env, stop: () => {} };
  const xvfb: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    xvfb.once('error', (err) => reject(new Error(`Xvfb did not start (${err.message}): install xvfb or run under xvfb-run`)));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${String(code)}`)));
  });
  return { env: { ...env, DISPLAY: `:${display}` }, stop: () => xvfb.kill() };
}

export interface Kiosk {
  app: ElectronApplication;
  page: Page;
  userData: string;
  display: Display;
  /** Resolves with the exit code when the Electron process ends. */
  exited: Promise<number | null>;
  close(): Promise<void>;
}

export async function launchKiosk(o: { args?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<Kiosk> {
  if (!existsSync(path.join(root, 'build/main/electron.cjs'))) throw new Error('build/ is missing: run `npm run build` first');
  const userData = mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-e2e-'));
  const display = await ensureDisplay(o.env ?? process.env);
  const app = await electron.launch({
    executablePath: binary!,
    args: o.args ?? [root, `--user-data-dir=${userData}`],
    env: Object.fromEntries(Object.entries(display.env).filter((e): e is [string, string] => e[1] !== undefined)),
    timeout: 30_000,
  });
  const exited = new Promise<number | null>((resolve) => app.process().once('exit', (code) => resolve(code)));
  const page = await app.firstWindow({ timeout: 30_000 });
  await page.waitForLoadState('domcontentloaded');
  return {
    app,
    page,
    userData,
    display,
    exited,
    async close() {
      // app.close() asks app.quit(), which a locked kiosk refuses by design: exit directly.
      if (app.process().exitCode === null) {
        await app.evaluate(({ app: a }) => setTimeout(() => a.exit(0), 50)).catch(() => {});
      }
      await exited;
      display.stop();
      rmSync(userData, { recursive: true, force: true });
    },
  };
}

/** The kiosk window's state, polled by callers until it settles (macOS/Windows go full screen asynchronously). */
export function windowState(app: ElectronApplication) {
  return app.evaluate(({ BrowserWindow }) => {
    const windows = BrowserWindow.getAllWindows();
    const win = windows[0];
    return win
      ? { count: windows.length, kiosk: win.isKiosk(), fullScreen: win.isFullScreen(), visible: win.isVisible() }
      : { count: 0, kiosk: false, fullScreen: false, visible: false };
  });
}

export const screen = (page: Page, name: string) => page.locator(`[data-screen="${name}"]`);
