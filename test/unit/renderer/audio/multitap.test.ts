import { describe, expect, it } from 'vitest';
import { MULTITAP_MS, press } from '../../../../renderer/audio/multitap.js';

describe('phone-style multi-tap', () => {
  it('the same key again soon cycles through its letters, replacing the last one', () => {
    const a = press(null, '2', 0)!;
    expect(a).toMatchObject({ ch: 'A', replace: false });
    const b = press(a.tap, '2', 300)!;
    expect(b).toMatchObject({ ch: 'B', replace: true });
    const c = press(b.tap, '2', 600)!;
    const back = press(c.tap, '2', 900)!;
    expect([c.ch, back.ch, back.replace]).toEqual(['C', 'A', true]);
  });

  it('a pause or another key starts a new letter', () => {
    const g = press(null, '4', 0)!;
    expect(press(g.tap, '4', MULTITAP_MS + 1)).toMatchObject({ ch: 'G', replace: false });
    expect(press(g.tap, '2', 100)).toMatchObject({ ch: 'A', replace: false });
  });

  it('7 and 9 have four letters; 0 is a space; 1 is hyphen then apostrophe', () => {
    let r = press(null, '7', 0)!;
    for (let i = 1; i < 4; i++) r = press(r.tap, '7', i * 100)!;
    expect(r.ch).toBe('S');
    expect(press(null, '0', 0)!.ch).toBe(' ');
    const h = press(null, '1', 0)!;
    expect([h.ch, press(h.tap, '1', 10)!.ch]).toEqual(['-', "'"]);
  });
});
