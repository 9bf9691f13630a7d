import { describe, expect, it, vi } from 'vitest';
import { describeError, guardMainProcess } from '../../../../main/shell/process-guard.js';
import { capturingLogger, FakeEmitter, FakeTimers } from './fakes.js';

describe('guardMainProcess', () => {
  it('logs uncaught errors and rejections without their message (may quote PHI) and keeps running', () => {
    const proc = new FakeEmitter();
    const onStorm = vi.fn();
    const { log, lines } = capturingLogger();
    guardMainProcess(proc, { log, onStorm });
    let parseError: unknown;
    try {
      JSON.parse('{"name":"Maria Garcia", birthDate: 1970-01-01}');
    } catch (err) {
      parseError = err;
    }
    proc.emit('uncaughtException', parseError);
    proc.emit('unhandledRejection', new Error('patient Maria Garcia not found'));
    proc.emit('unhandledRejection', 'a string reason mentioning Garcia');
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).not.toMatch(/Garcia|1970/);
    expect(lines[0]).toMatch(/"kind":"uncaughtException".*"error":"SyntaxError"/);
    expect(onStorm).not.toHaveBeenCalled();
  });

  it('asks for a relaunch once when errors storm', () => {
    const proc = new FakeEmitter();
    const clock = new FakeTimers();
    const onStorm = vi.fn();
    guardMainProcess(proc, { log: capturingLogger().log, onStorm, stormCount: 5, stormWindowMs: 10_000, now: () => clock.now });
    for (let i = 0; i < 4; i++) {
      proc.emit('uncaughtException', new Error('x'));
      clock.advance(3_000);
    }
    expect(onStorm).not.toHaveBeenCalled();
    for (let i = 0; i < 10; i++) proc.emit('uncaughtException', new Error('x'));
    expect(onStorm).toHaveBeenCalledTimes(1);
  });
});

describe('describeError', () => {
  it('keeps the class, code and top frames', () => {
    const err = Object.assign(new Error('ENOENT: /home/x/Smith.json'), { code: 'ENOENT' });
    const d = describeError(err);
    expect(d).toMatchObject({ error: 'Error', code: 'ENOENT' });
    expect(JSON.stringify(d)).not.toContain('Smith');
    expect((d['frames'] as string[]).length).toBeGreaterThan(0);
  });
});
