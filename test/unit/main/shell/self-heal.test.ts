import { describe, expect, it, vi } from 'vitest';
import { attachSelfHeal, RecoveryPolicy } from '../../../../main/shell/self-heal.js';
import { capturingLogger, FakeEmitter, FakeTimers } from './fakes.js';

describe('RecoveryPolicy', () => {
  const policyAt = (timers: FakeTimers) => new RecoveryPolicy({ now: () => timers.now });

  it('reloads on the first and second crash', () => {
    const t = new FakeTimers();
    const p = policyAt(t);
    expect(p.onRendererGone()).toEqual({ action: 'reload' });
    t.advance(5_000);
    expect(p.onRendererGone()).toEqual({ action: 'reload' });
  });

  it('recreates the window on the third crash within 60 s, with backoff 1 s, 2 s, 4 s … capped at 60 s', () => {
    const t = new FakeTimers();
    const p = policyAt(t);
    const delays: number[] = [];
    for (let round = 0; round < 9; round++) {
      expect(p.onRendererGone().action).toBe('reload');
      expect(p.onRendererGone().action).toBe('reload');
      const third = p.onRendererGone();
      expect(third.action).toBe('recreate');
      if (third.action === 'recreate') delays.push(third.delayMs);
      t.advance(1_000);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('crashes spread over more than 60 s only reload', () => {
    const t = new FakeTimers();
    const p = policyAt(t);
    for (let i = 0; i < 10; i++) {
      expect(p.onRendererGone()).toEqual({ action: 'reload' });
      t.advance(31_000);
    }
  });

  it('starts the backoff again after a stable period', () => {
    const t = new FakeTimers();
    const p = new RecoveryPolicy({ now: () => t.now, stableAfterMs: 600_000 });
    const burst = () => [p.onRendererGone(), p.onRendererGone(), p.onRendererGone()][2];
    expect(burst()).toEqual({ action: 'recreate', delayMs: 1_000 });
    expect(burst()).toEqual({ action: 'recreate', delayMs: 2_000 });
    t.advance(600_000);
    expect(burst()).toEqual({ action: 'recreate', delayMs: 1_000 });
  });
});

class FakeContents extends FakeEmitter {
  destroyed = false;
  reload = vi.fn();
  /** reload() calls already made when the render-process-gone handler returned. */
  reloadsWhenHandlerReturned: number | null = null;
  forcefullyCrashRenderer = vi.fn(() => {
    this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    this.reloadsWhenHandlerReturned = this.reload.mock.calls.length;
  });
  isDestroyed = () => this.destroyed;
}

function setup() {
  const timers = new FakeTimers();
  const contents = new FakeContents();
  const recreate = vi.fn();
  const { log, lines } = capturingLogger();
  attachSelfHeal(contents, { policy: new RecoveryPolicy({ now: () => timers.now, unresponsiveGraceMs: 10_000 }), log, recreate, timers });
  return { timers, contents, recreate, lines };
}

describe('attachSelfHeal', () => {
  it('reloads after a crash on a later tick, never inside the render-process-gone handler', () => {
    const { contents, recreate, lines, timers } = setup();
    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    // Electron < 41.8.0 dies on a synchronous reload() here (electron#51900): nothing may run yet.
    expect(contents.reload).not.toHaveBeenCalled();
    expect(lines.at(-1)).toMatch(/"event":"shell.renderer_gone".*"reason":"oom"/);
    timers.advance(0);
    expect(contents.reload).toHaveBeenCalledTimes(1);
    expect(recreate).not.toHaveBeenCalled();
  });

  it('asks for a new window after repeated crashes, also on a later tick', () => {
    const { contents, recreate, timers } = setup();
    for (let i = 0; i < 3; i++) contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(contents.reload).not.toHaveBeenCalled();
    expect(recreate).not.toHaveBeenCalled();
    timers.advance(0);
    expect(contents.reload).toHaveBeenCalledTimes(2);
    expect(recreate).toHaveBeenCalledExactlyOnceWith(1_000);
  });

  it('kills a renderer that stays unresponsive past the grace period (from a timer), then reloads on a later tick', () => {
    const { contents, timers } = setup();
    contents.emit('unresponsive');
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    timers.advance(9_999);
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    timers.advance(1);
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    // The fake emits render-process-gone synchronously from forcefullyCrashRenderer: no reload inside it,
    expect(contents.reloadsWhenHandlerReturned).toBe(0);
    // but one on the 0 ms timer that followed.
    expect(contents.reload).toHaveBeenCalledTimes(1);
  });

  it('does nothing when the renderer becomes responsive again in time', () => {
    const { contents, timers } = setup();
    contents.emit('unresponsive');
    timers.advance(5_000);
    contents.emit('responsive');
    timers.advance(60_000);
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(contents.reload).not.toHaveBeenCalled();
  });

  it('repeated unresponsive events keep one timer', () => {
    const { contents, timers } = setup();
    contents.emit('unresponsive');
    timers.advance(4_000);
    contents.emit('unresponsive');
    expect(timers.size).toBe(1);
    timers.advance(6_000);
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
  });

  it('never touches a destroyed webContents', () => {
    const { contents, timers, recreate } = setup();
    contents.emit('unresponsive');
    contents.destroyed = true;
    contents.emit('destroyed');
    timers.advance(60_000);
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    timers.advance(0);
    expect(contents.reload).not.toHaveBeenCalled();
    expect(recreate).not.toHaveBeenCalled();
  });

  it('skips the deferred reload or recreate when the webContents is destroyed between the event and the tick', () => {
    const { contents, timers, recreate } = setup();
    for (let i = 0; i < 3; i++) contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    contents.destroyed = true;
    timers.advance(0);
    expect(contents.reload).not.toHaveBeenCalled();
    expect(recreate).not.toHaveBeenCalled();
  });

  it('with the real timers, recovery runs after the handler returns (setTimeout 0), not inside it', async () => {
    const contents = new FakeContents();
    const recreate = vi.fn();
    attachSelfHeal(contents, { policy: new RecoveryPolicy(), log: capturingLogger().log, recreate });
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(contents.reload).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(contents.reload).toHaveBeenCalledTimes(1);
  });
});
