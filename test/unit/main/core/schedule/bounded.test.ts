import { describe, expect, it } from 'vitest';
import { mapBounded } from '../../../../../main/core/schedule/bounded.js';

describe('mapBounded', () => {
  it('never runs more than the limit at once, runs each item once, keeps input order', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    const out = await mapBounded([...Array(40).keys()], 4, async (n) => {
      running++;
      peak = Math.max(peak, running);
      seen.push(n);
      await new Promise((r) => setTimeout(r, (n * 7) % 5));
      running--;
      return n * 2;
    });
    expect(peak).toBe(4);
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(40).keys()]);
    expect(out).toEqual([...Array(40).keys()].map((n) => n * 2));
  });

  it('the first failure rejects and no new item starts after it', async () => {
    const started: number[] = [];
    await expect(
      mapBounded([...Array(20).keys()], 2, async (n) => {
        started.push(n);
        await new Promise((r) => setTimeout(r, 1));
        if (n === 3) throw new Error('boom');
        return n;
      }),
    ).rejects.toThrow('boom');
    await new Promise((r) => setTimeout(r, 20));
    expect(Math.max(...started)).toBeLessThanOrEqual(4);
  });
});
