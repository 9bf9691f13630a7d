/** kiosk-admin end to end: real keychain, real demo server, the built CLI as IT would run it. */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../../main/admin/cli.js';
import type { DemoServer } from '../../../../dev/demo-server/index.js';
import { demoServer } from '../../../support/fixtures.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-admin-'));
const env = { ...process.env, KIOSK_KEYCHAIN_SERVICE: `clinic-kiosk-cli-${randomBytes(4).toString('hex')}` };

/** Async, so the demo server in this process keeps answering while the CLI runs. */
function cli(args: string[], input = ''): Promise<{ code: number | null; out: string; err: string; all: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'main/admin/cli.ts', ...args], { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err, all: out + err }));
    child.stdin.end(input);
  });
}
function writeConfig(name: string, config: unknown) {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(config));
  return file;
}

describe('kiosk-admin', () => {
  let server: DemoServer;
  let good: string;
  beforeAll(async () => {
    server = await demoServer({ seed: false });
    good = writeConfig('good.json', {
      fhir: { baseUrl: server.baseUrl, tokenUrl: server.tokenUrl, clientId: server.clientId },
      clinic: { name: 'Test Clinic', timezone: 'America/Chicago' },
    });
  });
  afterAll(() => server.close());

  it('set-client-secret reads stdin, stores it in the keychain, and never echoes it', async () => {
    const r = await cli(['set-client-secret', '--config', good], server.clientSecret + '\n');
    expect(r.code).toBe(EXIT.ok);
    expect(r.all).not.toContain(server.clientSecret);
  });

  it('check succeeds against the demo server and prints no secret or token', async () => {
    server.resetRequests();
    const r = await cli(['check', '--config', good]);
    expect(r.code, r.all).toBe(EXIT.ok);
    expect(r.out).toMatch(/token\s+ok/);
    expect(r.out).toMatch(/fhir read\s+ok/);
    expect(r.all).not.toContain(server.clientSecret);
    expect(server.requests.some((q) => q.tokenRequest && q.status === 200)).toBe(true);
  });

  it('show-config reports the secret as present, never its value', async () => {
    const r = await cli(['show-config', '--config', good]);
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(r.out).secrets).toEqual({ clientSecret: 'present', staffPin: 'absent' });
    expect(r.all).not.toContain(server.clientSecret);
  });

  it('a wrong secret → auth exit code', async () => {
    expect((await cli(['set-client-secret', '--config', good], 'definitely-wrong')).code).toBe(EXIT.ok);
    const r = await cli(['check', '--config', good]);
    expect(r.code).toBe(EXIT.auth);
    expect(r.err).toMatch(/rejected the client credentials/);
    expect((await cli(['set-client-secret', '--config', good], server.clientSecret)).code).toBe(EXIT.ok);
  });

  it('an unreachable URL → network exit code', async () => {
    const file = writeConfig('down.json', {
      fhir: { baseUrl: 'http://127.0.0.1:9', tokenUrl: 'http://127.0.0.1:9/auth/token/', clientId: 'x' },
      clinic: { timezone: 'UTC' },
    });
    expect((await cli(['check', '--config', file])).code).toBe(EXIT.network);
  });

  it('a broken config → config exit code naming the key; a secret in the config is refused', async () => {
    const bad = writeConfig('bad.json', { fhir: { baseUrl: 'ftp://x', clientId: 'a' }, clinic: { timezone: 'Mars/Olympus' } });
    const r = await cli(['check', '--config', bad]);
    expect(r.code).toBe(EXIT.config);
    expect(r.err).toMatch(/fhir\.baseUrl/);
    expect(r.err).toMatch(/clinic\.timezone/);
    const secret = writeConfig('secret.json', { fhir: { baseUrl: server.baseUrl, clientId: 'a', clientSecret: 'oops-secret' } });
    const s = await cli(['check', '--config', secret]);
    expect(s.code).toBe(EXIT.config);
    expect(s.err).toMatch(/kiosk-admin set-client-secret/);
    expect(s.all).not.toContain('oops-secret');
  });

  it('a 403 on the FHIR read → permission exit code', async () => {
    server.faults.add({ path: '/Location', kind: 'status', status: 403 });
    expect((await cli(['check', '--config', good])).code).toBe(EXIT.permission);
  });

  it('set-staff-pin stores a scrypt hash; a non-numeric PIN is refused; argv is never read for secrets', async () => {
    expect((await cli(['set-staff-pin', '--config', good], 'abcd')).code).toBe(EXIT.usage);
    expect((await cli(['set-staff-pin', '--config', good], '482915')).code).toBe(EXIT.ok);
    expect(JSON.parse((await cli(['show-config', '--config', good])).out).secrets.staffPin).toBe('present');
    expect((await cli(['set-client-secret', '--config', good, 'secret-on-argv'])).code).toBe(EXIT.usage);
  });
});
