/** kiosk-admin end to end: real keychain, real demo server, the built CLI as IT would run it. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
    expect((await cli(['set-client-secret', '--config', file], server.clientSecret)).code).toBe(EXIT.ok);
    expect((await cli(['check', '--config', file])).code).toBe(EXIT.network);
    expect((await cli(['set-client-secret', '--config', good], server.clientSecret)).code).toBe(EXIT.ok);
  });

  it('check --config evil.json (tokenUrl → a hostile listener) sends the provisioned secret nowhere', async () => {
    expect((await cli(['set-client-secret', '--config', good], server.clientSecret)).code).toBe(EXIT.ok);
    let requests = 0;
    const listener = createServer((_q, s) => (requests++, s.end('{}')));
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    const evilUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    const evil = writeConfig('evil.json', {
      fhir: { baseUrl: server.baseUrl, tokenUrl: `${evilUrl}/auth/token/`, clientId: server.clientId },
      clinic: { timezone: 'UTC' },
    });
    const r = await cli(['check', '--config', evil]);
    listener.close();
    expect(r.code).toBe(EXIT.auth);
    expect(r.err).toMatch(/token origin differs/);
    expect(requests).toBe(0);
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/usage: kiosk-admin/);
    expect(r.out).toMatch(/set-staff-pin/);
  });

  it('the interactive PIN prompt does not echo the PIN (a real pseudo-terminal)', async () => {
    // python3's pty module gives the CLI a real terminal; the transcript is everything the terminal showed.
    const drive = [
      'import os, pty, sys, time',
      'pid, fd = pty.fork()',
      'if pid == 0:',
      '    os.execvp("npx", ["npx", "tsx", "main/admin/cli.ts", "set-staff-pin", "--config", sys.argv[1]])',
      'out = b""',
      'def read_until(token, limit=60):',
      '    global out',
      '    end = time.time() + limit',
      '    while token not in out and time.time() < end:',
      '        try: out += os.read(fd, 1024)',
      '        except OSError: break',
      'read_until(b"not shown")',
      'os.write(fd, b"482916\\r")',
      'read_until(b"stored", 30)',
      'try:',
      '    while True:',
      '        chunk = os.read(fd, 1024)',
      '        if not chunk: break',
      '        out += chunk',
      'except OSError: pass',
      '_, status = os.waitpid(pid, 0)',
      'sys.stdout.write(out.decode("utf8", "replace") + "\\nEXIT=" + str(os.waitstatus_to_exitcode(status)))',
    ].join('\n');
    const transcript = await new Promise<string>((resolve) => {
      const child = spawn('python3', ['-c', drive, good], { env });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('close', () => resolve(out));
    });
    expect(transcript).toMatch(/Staff PIN stored/);
    expect(transcript).toMatch(/EXIT=0/);
    expect(transcript).not.toContain('482916');
  }, 90_000);

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
    const short = await cli(['set-staff-pin', '--config', good], '2468');
    expect(short.code).toBe(EXIT.usage);
    expect(short.err).toMatch(/6 to 12 digits/);
    expect((await cli(['set-staff-pin', '--config', good], '482915')).code).toBe(EXIT.ok);
    expect(JSON.parse((await cli(['show-config', '--config', good])).out).secrets.staffPin).toBe('present');
    expect((await cli(['set-client-secret', '--config', good, 'secret-on-argv'])).code).toBe(EXIT.usage);
  }, 90_000);
});
