/**
 * The real electron-updater (DebUpdater: the Linux build here) against a real update feed on
 * loopback: latest-linux.yml + an artifact with its sha512, as electron-builder publishes them.
 * Faked are only the Electron parts: the `app` adapter, Electron's `net` (a Node HTTP executor on the
 * same base class) and the final quit-and-install (it would quit the process and run dpkg).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DebUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SoftwareStatus } from '../../../preload/contract.js';
import type { AuditEntry } from '../../../main/core/audit.js';
import { silentLogger } from '../../../main/core/log.js';
import { UpdateController } from '../../../main/core/update/controller.js';
import { configureForKiosk, electronUpdaterPort } from '../../../main/core/update/electron-updater-port.js';
import type { UpdateSettings } from '../../../main/core/update/policy.js';
import { NodeHttpExecutor } from './node-http-executor.js';

const NIGHT = Date.parse('2026-06-15T08:00:00Z'); // 03:00 in Chicago
const DAY = Date.parse('2026-06-15T15:00:00Z'); // 10:00 in Chicago
const ARTIFACT = 'clinic-kiosk-1.1.0-linux-x64.deb';

let root: string;
let server: http.Server;
let feedUrl: string;
/** What the feed serves, by path; changed per test. */
const served = new Map<string, Buffer>();
const requests: string[] = [];

function feed(o: { version: string; artifact: Buffer; stagingPercentage?: number; tamper?: boolean }) {
  const sha512 = createHash('sha512').update(o.artifact).digest('base64');
  const yml = [
    `version: ${o.version}`,
    'files:',
    `  - url: ${ARTIFACT}`,
    `    sha512: ${sha512}`,
    `    size: ${o.artifact.length}`,
    `path: ${ARTIFACT}`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-06-14T12:00:00.000Z'",
    ...(o.stagingPercentage === undefined ? [] : [`stagingPercentage: ${o.stagingPercentage}`]),
    '',
  ].join('\n');
  served.clear();
  served.set('/latest-linux.yml', Buffer.from(yml));
  served.set(`/${ARTIFACT}`, o.tamper ? Buffer.concat([o.artifact.subarray(1), Buffer.from('!')]) : o.artifact);
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'kiosk-update-'));
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname);
    const body = served.get(url.pathname);
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-length': body.length, connection: 'close' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(root, { recursive: true, force: true });
});

let n = 0;
function kiosk(
  o: { pinnedVersion?: string | null; stagingId?: string; onFlush?: (clock: { now: number; lastInput: number }) => void } = {},
) {
  const dir = path.join(root, `kiosk-${++n}`);
  const userData = path.join(dir, 'userData');
  mkdirSync(userData, { recursive: true });
  // electron-builder writes this next to app.asar; electron-updater reads the cache dir name from it.
  const appUpdateYml = path.join(dir, 'app-update.yml');
  writeFileSync(appUpdateYml, `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: clinic-kiosk-updater\n`);
  // The per-install rollout id electron-updater keeps in userData (its last 4 bytes place the kiosk in the rollout).
  if (o.stagingId) writeFileSync(path.join(userData, '.updaterId'), o.stagingId);
  const app: AppAdapter = {
    version: '1.0.0',
    name: 'clinic-kiosk',
    isPackaged: true,
    appUpdateConfigPath: appUpdateYml,
    userDataPath: userData,
    baseCachePath: path.join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => {},
    quit: () => {},
    onQuit: () => {},
  };
  const updater = new DebUpdater(null, app);
  (updater as unknown as { httpExecutor: NodeHttpExecutor }).httpExecutor = new NodeHttpExecutor();
  updater.logger = null;
  const pinnedVersion = o.pinnedVersion ?? null;
  configureForKiosk(updater, pinnedVersion);

  const clock = { now: DAY, lastInput: DAY };
  const events: string[] = [];
  const audit: AuditEntry[] = [];
  const settings: UpdateSettings = {
    checkEveryMs: 4 * 3600_000,
    window: { start: '01:00', end: '05:00' },
    quietMs: 10 * 60_000,
    pinnedVersion,
    timezone: 'America/Chicago',
    autoInstall: true,
  };
  const controller = new UpdateController({
    updater: electronUpdaterPort(updater, () => events.push('install')),
    settings,
    audit: { record: (e) => void audit.push(e) },
    log: silentLogger,
    now: () => clock.now,
    lastInputAt: () => clock.lastInput,
    flushOutbox: async () => {
      events.push('flush');
      o.onFlush?.(clock);
      return 1;
    },
  });
  const outcomes = () => audit.map((e) => `${e.event} ${e.outcome}`);
  return { controller, clock, events, outcomes, cacheDir: path.join(dir, 'cache', 'clinic-kiosk-updater') };
}

describe('auto-update against a loopback feed (real electron-updater)', () => {
  it('checks, downloads in the background, waits for the night window and a quiet kiosk, flushes, then installs', async () => {
    const artifact = randomBytes(64 * 1024);
    feed({ version: '1.1.0', artifact });
    requests.length = 0;
    const k = kiosk();

    expect(await k.controller.tick()).toEqual({ action: 'check' });
    expect(requests).toEqual(['/latest-linux.yml']);
    expect(await k.controller.tick()).toEqual({ action: 'download', version: '1.1.0' });
    expect(requests).toContain(`/${ARTIFACT}`);
    expect(readFileSync(path.join(k.cacheDir, 'pending', ARTIFACT)).equals(artifact)).toBe(true);
    // What staff mode shows, through the IPC contract's own schema.
    expect(SoftwareStatus.parse(k.controller.status())).toEqual({
      version: '1.0.0',
      update: 'ready',
      pendingVersion: '1.1.0',
      pinnedVersion: null,
    });

    // Daytime, a patient at the screen: nothing restarts.
    expect(await k.controller.tick()).toEqual({ action: 'wait', reason: 'outside_window' });
    k.clock.now = NIGHT;
    k.clock.lastInput = NIGHT - 60_000;
    expect(await k.controller.tick()).toEqual({ action: 'wait', reason: 'kiosk_in_use' });
    expect(k.events).toEqual([]);

    k.clock.lastInput = NIGHT - 11 * 60_000;
    expect(await k.controller.tick()).toEqual({ action: 'install', version: '1.1.0' });
    expect(k.events).toEqual(['flush', 'install']);
    expect(k.outcomes()).toEqual([
      'update.check available:1.1.0',
      'update.download started:1.1.0',
      'update.download verified:1.1.0',
      'update.outbox_flush remaining:1',
      'update.install restarting:1.1.0',
    ]);
  });

  it('refuses an artifact whose checksum does not match the feed, and installs nothing', async () => {
    feed({ version: '1.1.0', artifact: randomBytes(32 * 1024), tamper: true });
    const k = kiosk();
    k.clock.now = NIGHT;
    k.clock.lastInput = NIGHT - 3600_000;
    await k.controller.tick(); // check
    await k.controller.tick(); // download → checksum mismatch
    expect(k.outcomes()).toEqual([
      'update.check available:1.1.0',
      'update.download started:1.1.0',
      'update.download failed:ERR_CHECKSUM_MISMATCH',
    ]);
    expect(k.controller.status()).toMatchObject({ update: 'error', pendingVersion: null });
    expect(await k.controller.tick()).toEqual({ action: 'wait', reason: 'not_due' });
    expect(k.events).toEqual([]);
  });

  it('follows the staged rollout in latest-linux.yml (stagingPercentage) by the kiosk’s rollout id', async () => {
    feed({ version: '1.1.0', artifact: randomBytes(1024), stagingPercentage: 50 });
    const outside = kiosk({ stagingId: '5c1a7f6e-1d3b-4b8e-9c2a-ffffffffffff' });
    const inside = kiosk({ stagingId: '5c1a7f6e-1d3b-4b8e-9c2a-000000000001' });
    await outside.controller.tick();
    await inside.controller.tick();
    expect(outside.outcomes()).toEqual(['update.check none']);
    expect(inside.outcomes()).toEqual(['update.check available:1.1.0']);
  });

  it('with a pinned version, skips any other version and never downloads it', async () => {
    feed({ version: '1.2.0', artifact: randomBytes(1024) });
    requests.length = 0;
    const k = kiosk({ pinnedVersion: '1.1.0' });
    await k.controller.tick();
    expect(await k.controller.tick()).toEqual({ action: 'wait', reason: 'not_due' });
    expect(k.outcomes()).toEqual(['update.check skipped:1.2.0:pinned:1.1.0']);
    expect(requests).toEqual(['/latest-linux.yml']);
  });

  it('rolls back to the pinned older version when IT points the feed at it', async () => {
    feed({ version: '0.9.0', artifact: randomBytes(1024) });
    const unpinned = kiosk();
    const pinned = kiosk({ pinnedVersion: '0.9.0' });
    await unpinned.controller.tick();
    await pinned.controller.tick();
    expect(unpinned.outcomes()).toEqual(['update.check none']);
    expect(pinned.outcomes()).toEqual(['update.check available:0.9.0']);
  });

  it('a burst of concurrent ticks makes one check and one download (the step is shared, not repeated)', async () => {
    feed({ version: '1.1.0', artifact: randomBytes(4096) });
    requests.length = 0;
    const k = kiosk();
    await Promise.all(Array.from({ length: 5 }, () => k.controller.tick()));
    await Promise.all(Array.from({ length: 5 }, () => k.controller.tick()));
    expect(requests).toEqual(['/latest-linux.yml', `/${ARTIFACT}`]);
    expect(k.outcomes()).toEqual(['update.check available:1.1.0', 'update.download started:1.1.0', 'update.download verified:1.1.0']);
  });

  it('a patient who walks up during the outbox flush defers the restart', async () => {
    feed({ version: '1.1.0', artifact: randomBytes(4096) });
    const k = kiosk({
      // A touch while the flush runs.
      onFlush: (clock) => void (clock.lastInput = clock.now),
    });
    await k.controller.tick();
    await k.controller.tick();
    k.clock.now = NIGHT;
    k.clock.lastInput = NIGHT - 3600_000;
    await k.controller.tick();
    expect(k.events).toEqual(['flush']);
    expect(k.outcomes().slice(-2)).toEqual(['update.outbox_flush remaining:1', 'update.install deferred:kiosk_in_use']);
    expect(k.controller.status().update).toBe('ready');
  });

  it('reports a feed that cannot be read, and keeps running', async () => {
    served.clear();
    const k = kiosk();
    await k.controller.tick();
    expect(k.outcomes()).toHaveLength(1);
    expect(k.outcomes()[0]).toMatch(/^update\.check failed:/);
    expect(k.controller.status().update).toBe('error');
  });
});
