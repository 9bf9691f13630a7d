/**
 * Electron entry (bundled to build/main/electron.cjs). Thin wiring only: every decision lives in a
 * sibling module that takes Electron objects as parameters and is unit-tested with fakes.
 */
import { app, BrowserWindow, Menu, net, powerMonitor, powerSaveBlocker, protocol, session, utilityProcess } from 'electron';
import path from 'node:path';
import { configPath } from '../core/config.js';
import { createKiosk, type Kiosk } from '../core/kiosk.js';
import { runCli } from '../admin/cli.js';
import { createLogger, dailyFileSink, stderrSink } from '../core/log.js';
import { loginItemSettingsFor, parseShellFlags, refusedSwitches, type ShellFlags } from './flags.js';
import { createShellDispatch, registerElectronIpc } from './ipc.js';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME } from '../core/origin.js';
import { exitOnOsSignals, relaunchOptions } from './lifecycle.js';
import { createNetFetch, FHIR_PARTITION, FHIR_SESSION_OPTIONS, type NetRequest } from './net-fetch.js';
import { describeError, guardMainProcess } from './process-guard.js';
import { APP_SCHEME_PRIVILEGES, handleAppProtocol } from './protocol.js';
import { denyPermissions, filterKeyboard, hardenSession, hardenWebContents } from './security.js';
import { RecoveryPolicy } from './self-heal.js';
import { resolveConfig, resolveSecrets, scrubUnsafeEnvironment } from './startup.js';
import { utilityProcessChannel } from '../core/keychain/client.js';
import { openKeychain } from '../core/secrets.js';
import { startUpdater, type ShellUpdater } from './updater.js';
import { createExitControl, createWindowHost } from './window-host.js';
import { windowOptions } from './window.js';

const LOG_RETENTION_DAYS = 30;

const flags = parseShellFlags(process.argv);
const log = createLogger([dailyFileSink(path.join(app.getPath('userData'), 'logs'), 'kiosk', LOG_RETENTION_DAYS), stderrSink]);
const exit = createExitControl({ quit: () => app.quit(), log });

/** For the core's staff mode (after its PIN check): the only way out of a locked kiosk. */
export const requestExit = (reason: string): void => exit.requestExit(reason);

guardMainProcess(process, {
  log,
  // A storm of errors means broken state: a packaged kiosk starts over; a dev run keeps the evidence.
  onStorm: () => {
    if (!app.isPackaged) return;
    app.relaunch(relaunchOptions(process.env, process.argv, process.platform));
    app.exit(1);
  },
});

const refused = refusedSwitches(process.argv, process.platform, app.isPackaged);
const scrubbedEnv = scrubUnsafeEnvironment(process.env, app.isPackaged);
if (scrubbedEnv.length) log.warn('shell.environment_scrubbed', { variables: scrubbedEnv });

if (refused.length) {
  log.error('shell.refused_switches', { switches: refused });
  app.exit(1);
} else if (process.argv.includes('--admin')) {
  // Provisioning from the installed app (`<app> --admin check --config F`): with the RunAsNode fuse
  // off, the packaged binary cannot run build/main/admin.cjs as a Node script.
  void runAdmin(process.argv.slice(process.argv.indexOf('--admin') + 1));
} else if (flags.loginItem) {
  void setLoginItem(flags.loginItem);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A signal from the OS session (systemctl stop, Ctrl+C) ends the kiosk; see lifecycle.ts.
  exitOnOsSignals(process, {
    log,
    allowExit: (reason) => exit.allowExit(reason),
    stopKiosk: () => running?.stop(),
    exit: (code) => app.exit(code),
  });
  // Touch kiosks: no swipe-to-go-back, no pinch zoom.
  app.commandLine.appendSwitch('overscroll-history-navigation', '0');
  app.commandLine.appendSwitch('disable-pinch');
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, APP_ORIGIN, log));
  app.on('child-process-gone', (_event, details) => log.warn('shell.child_process_gone', { type: details.type, reason: details.reason }));
  app
    .whenReady()
    .then(() => startKiosk(flags))
    .catch((err: unknown) => {
      log.error('shell.start_failed', describeError(err));
      app.exit(1);
    });
}

let running: Kiosk | null = null;

/**
 * Main's FHIR and token calls go through Chromium's network stack (OS trust store, system proxy) in
 * a session of their own: in memory, no cache, no permissions, never attached to a window, so the
 * renderer's deny-all request filter does not apply and nothing of it reaches the disk.
 */
function fhirFetch(): typeof fetch {
  const fhirSession = session.fromPartition(FHIR_PARTITION, FHIR_SESSION_OPTIONS);
  denyPermissions(fhirSession);
  const request: NetRequest = (options) => net.request({ ...options, session: fhirSession });
  return createNetFetch(request);
}

async function startKiosk({ windowed }: ShellFlags): Promise<void> {
  const packaged = app.isPackaged;
  const userData = app.getPath('userData');

  const config = await resolveConfig(configPath(process.argv, process.env, userData, { packaged }));
  // keytar runs isolated (a locked keyring can crash it). Packaged, `fork` is closed by the runAsNode
  // fuse, so the keychain child is an Electron utility process instead.
  const openKeychainHere = packaged ? () => openKeychain(undefined, { spawn: () => utilityProcessChannel(utilityProcess) }) : undefined;
  const { secrets, mode } = await resolveSecrets({
    packaged,
    env: process.env,
    log,
    ...(openKeychainHere ? { openKeychain: openKeychainHere } : {}),
  });
  let updater: ShellUpdater | null = null;
  const software = () => updater?.status() ?? null;
  const kiosk = createKiosk({ config, secrets, dataDir: userData, log, mode, fetch: fhirFetch(), shell: { requestExit }, software });
  running = kiosk;
  kiosk.start();
  if (!('problem' in config)) updater = startUpdater({ config, kiosk, log, allowExit: (reason) => exit.allowExit(reason) });
  app.on('will-quit', () => {
    kiosk.stop();
    updater?.stop();
  });

  Menu.setApplicationMenu(null);
  hardenSession(session.defaultSession, { origin: APP_ORIGIN, allowDevtools: !packaged }, log);
  const rendererDir = path.join(app.getAppPath(), 'build', 'renderer');
  protocol.handle(APP_SCHEME, (request) => handleAppProtocol(request, rendererDir));

  const trustedIds = new Set<number | string>();
  registerElectronIpc(createShellDispatch(kiosk.handlers, { log, trustedIds }));

  const preloadPath = path.join(app.getAppPath(), 'build', 'preload', 'index.cjs');
  const host = createWindowHost({
    create: () => {
      const win = new BrowserWindow(windowOptions({ preloadPath, windowed, packaged, title: kiosk.info().clinicName }));
      filterKeyboard(win.webContents, { packaged });
      win.on('session-end', () => exit.allowExit('os-session-end'));
      return win;
    },
    url: APP_ENTRY_URL,
    trustedIds,
    policy: new RecoveryPolicy(),
    log,
    mayClose: () => windowed || exit.isExiting(),
  });
  app.on('second-instance', () => host.focus());
  // Registering this listener also stops Electron's default quit while a window is being recreated.
  app.on('window-all-closed', () => {
    if (!host.isRecreating()) app.quit();
  });
  powerMonitor.on('shutdown', () => exit.allowExit('os-shutdown'));

  powerSaveBlocker.start('prevent-display-sleep');
  host.open();
  log.info('shell.started', { mode: kiosk.info().mode, windowed, packaged });
}

async function runAdmin(args: string[]): Promise<void> {
  const io = {
    stdin: process.stdin,
    out: (l: string) => process.stdout.write(l + '\n'),
    err: (l: string) => process.stderr.write(l + '\n'),
    env: process.env,
  };
  app.exit(await runCli(args, io).catch(() => 1));
}

async function setLoginItem(request: NonNullable<ShellFlags['loginItem']>): Promise<void> {
  await app.whenReady();
  const settings = loginItemSettingsFor(request, process.platform);
  if ('unsupported' in settings) {
    log.warn('shell.login_item_unsupported', { note: settings.unsupported });
    app.exit(2);
    return;
  }
  app.setLoginItemSettings(settings);
  log.info('shell.login_item_set', { openAtLogin: settings.openAtLogin });
  app.exit(0);
}
