/** The bench's pure helpers: result judging and table, trace parsing, keypad digits. */
import { describe, expect, it } from 'vitest';
import { dobDigits } from '../../../dev/patient-driver.js';
import { longestTaskFromTrace } from '../../../scripts/bench/renderer-cost.js';
import { formatTable, judge } from '../../../scripts/bench/table.js';

describe('judge and formatTable', () => {
  it('ratio is value / limit; a limit of 0 has no ratio but is still judged', () => {
    expect(judge({ group: 'g', measure: 'm', value: 1, unit: '', limit: 2, kind: 'limit' })).toMatchObject({ ratio: 0.5, ok: true });
    expect(judge({ group: 'g', measure: 'm', value: 3, unit: 'ms', limit: 2, kind: 'target' })).toMatchObject({ ratio: 1.5, ok: false });
    expect(judge({ group: 'g', measure: 'm', value: 0, unit: '', limit: 0, kind: 'limit' })).toMatchObject({ ratio: null, ok: true });
    expect(judge({ group: 'g', measure: 'm', value: 1, unit: '', limit: 0, kind: 'limit' })).toMatchObject({ ratio: null, ok: false });
    expect(judge({ group: 'g', measure: 'm', value: 5, unit: '', limit: null, kind: 'info' })).toMatchObject({ ratio: null, ok: null });
    expect(judge({ group: 'g', measure: 'm', value: null, unit: '', limit: 5, kind: 'target' })).toMatchObject({ ok: false });
  });

  it('prints one row per measure under its group, with MISS on a miss', () => {
    const text = formatTable([
      judge({ group: 'round trips', measure: 'identification', value: 2, unit: '', limit: 2, kind: 'limit' }),
      judge({ group: 'latency', measure: 'find: median', value: 420.4, unit: 'ms', limit: 350, kind: 'target', note: 'floor 200 ms' }),
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^measure\s+value\s+limit\/target\s+ratio\s+ok\s+note$/);
    expect(lines[1]).toBe('[round trips]');
    expect(lines[2]).toMatch(/^ {2}identification\s+2\s+≤ 2\s+1\.00\s+ok$/);
    expect(lines[4]).toMatch(/find: median\s+420 ms\s+≤ 350 ms \(target\)\s+1\.20\s+MISS\s+floor 200 ms$/);
  });
});

describe('longestTaskFromTrace', () => {
  it('takes the longest RunTask on the renderer main thread that handled a click', () => {
    const trace = {
      traceEvents: [
        { ph: 'M', name: 'thread_name', pid: 1, tid: 10, args: { name: 'CrRendererMain' } },
        { ph: 'M', name: 'thread_name', pid: 2, tid: 20, args: { name: 'CrRendererMain' } },
        { ph: 'M', name: 'thread_name', pid: 1, tid: 11, args: { name: 'Compositor' } },
        { ph: 'X', name: 'EventDispatch', pid: 1, tid: 10, dur: 900, args: { data: { type: 'click' } } },
        { ph: 'X', name: 'RunTask', pid: 1, tid: 10, dur: 12_500 },
        { ph: 'X', name: 'RunTask', pid: 1, tid: 10, dur: 3_000 },
        { ph: 'X', name: 'RunTask', pid: 1, tid: 11, dur: 90_000 }, // compositor thread
        { ph: 'X', name: 'RunTask', pid: 2, tid: 20, dur: 80_000 }, // another page, no clicks
      ],
    };
    expect(longestTaskFromTrace(JSON.stringify(trace))).toEqual({ longestMs: 12.5, tasks: 2 });
    expect(longestTaskFromTrace('[]')).toEqual({ longestMs: 0, tasks: 0 });
  });
});

describe('dobDigits', () => {
  it('follows the language’s field order', async () => {
    expect(await dobDigits('1984-03-12', 'en')).toBe('03121984');
    expect(await dobDigits('1984-03-12', 'es')).toBe('12031984');
    await expect(dobDigits('12/03/1984', 'en')).rejects.toThrow(/ISO/);
  });
});
