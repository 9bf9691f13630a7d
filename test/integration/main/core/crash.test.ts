/**
 * Crash test: the kiosk core runs in a child process that is killed with SIGKILL at random points of
 * check-ins (with network faults so the outbox is in use), then restarted. Every check-in a patient was
 * told about is eventually delivered, and delivered exactly once (one successful PUT per appointment).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Appointment } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../../../dev/demo-server/index.js';
import { demoServer, tenAm } from '../../../support/fixtures.js';
import { bookPatient } from '../../../support/booking.js';

function runChild(server: DemoServer, mode: 'checkin' | 'flush', dataDir: string, input: string[], killAfterMs?: number) {
  return new Promise<{ lines: string[]; killed: boolean }>((resolve) => {
    const child = spawn(
      'npx',
      [
        'tsx',
        'test/support/crash-child.ts',
        mode,
        server.baseUrl,
        server.tokenUrl,
        server.clientId,
        server.clientSecret,
        dataDir,
        String(tenAm().getTime()),
      ],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
        detached: true, // its own process group, so SIGKILL reaches node and not just npx
      },
    );
    const lines: string[] = [];
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const parts = buf.split('\n');
      buf = parts.pop()!;
      for (const line of parts.filter(Boolean)) {
        if (line === 'READY') arm();
        else lines.push(line);
      }
    });
    let killed = false;
    let timer: NodeJS.Timeout | null = null;
    // The kill lands a random time after the child is ready, so it interrupts check-ins, not start-up.
    const arm = () => {
      if (killAfterMs === undefined || timer) return;
      timer = setTimeout(() => {
        killed = true;
        process.kill(-child.pid!, 'SIGKILL');
      }, killAfterMs);
    };
    child.on('close', () => {
      if (timer) clearTimeout(timer);
      resolve({ lines, killed });
    });
    child.stdin.end(input.join('\n') + '\n');
  });
}

describe('crash safety of check-ins (SIGKILL at random points)', () => {
  let server: DemoServer;
  beforeAll(async () => void (server = await demoServer()));
  afterAll(() => server.close());

  it('every accepted check-in is delivered exactly once after restarts', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-crash-'));
    const soon = new Date(tenAm().getTime() + 10 * 60_000);
    const bookings = await Promise.all(Array.from({ length: 24 }, () => bookPatient(server, soon)));
    const accepted = new Map<string, string>();
    let kills = 0;
    let rand = 7;
    const random = () => (rand = (rand * 48271) % 2147483647) / 2147483647;
    // Rounds of: some faults, a child that gets killed somewhere in the middle, then a restart.
    for (let round = 0; round < 6; round++) {
      const batch = bookings.slice(round * 4, round * 4 + 4);
      server.faults.clear();
      if (round % 2 === 1) server.faults.add({ method: 'PUT', path: /^\/Appointment\//, kind: 'reset', times: 4 });
      if (round % 3 === 2) server.faults.add({ method: 'PUT', path: /^\/Appointment\//, kind: 'hang', hangMs: 700, times: 2 });
      const { lines, killed } = await runChild(
        server,
        'checkin',
        dataDir,
        batch.map((b) => JSON.stringify({ family: b.family, birthDate: b.birthDate })),
        150 + Math.floor(random() * 900),
      );
      if (killed) kills++;
      for (const l of lines) {
        const [tag, id, outcome] = l.split(' ');
        if (tag === 'ACCEPTED' && (outcome === 'checked_in' || outcome === 'recorded_offline')) accepted.set(id!, outcome);
      }
      server.faults.clear();
      await runChild(server, 'flush', dataDir, []);
    }
    const final = await runChild(server, 'flush', dataDir, []);
    expect(final.lines).toEqual(['REMAINING 0']);
    expect(kills, 'children killed mid-run').toBeGreaterThanOrEqual(3);
    expect(accepted.size).toBeGreaterThan(0);
    for (const id of accepted.keys()) {
      expect((await server.repo.readResource<Appointment>('Appointment', id)).status, id).toBe('checked-in');
      const writes = server.requests.filter((r) => r.method === 'PUT' && r.path === `/Appointment/${id}` && r.status === 200);
      expect(writes.length, `successful PUTs for ${id}`).toBe(1);
    }
  }, 180_000);
});
