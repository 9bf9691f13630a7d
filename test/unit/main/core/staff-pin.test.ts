import { beforeAll, describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../../../main/core/staff-pin.js';

const PIN = '482913';
let stored = '';
let parts: string[] = [];

beforeAll(async () => {
  stored = await hashPin(PIN);
  parts = stored.split('$');
});

const withPart = (i: number, value: string) => parts.map((p, j) => (j === i ? value : p)).join('$');

describe('hashPin', () => {
  it('is self-describing scrypt$N$r$p$salt$hash with a 16-byte salt and a 32-byte key', () => {
    expect(parts).toHaveLength(6);
    expect(parts.slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(parts[4]!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(parts[5]!, 'base64url')).toHaveLength(32);
    expect(stored).not.toContain(PIN);
  });

  it('uses a new salt each time, so the same PIN hashes differently', async () => {
    const again = await hashPin(PIN);
    expect(again).not.toBe(stored);
    expect(again.split('$')[4]).not.toBe(parts[4]);
    expect(await verifyPin(PIN, again)).toBe(true);
  });
});

describe('verifyPin', () => {
  it('accepts the PIN that was hashed', async () => {
    expect(await verifyPin(PIN, stored)).toBe(true);
  });

  it.each(['482914', '48291', '4829130', '', ' 482913', '482913 ', '０４８２９１３'])('rejects the wrong PIN %j', async (pin) => {
    expect(await verifyPin(pin, stored)).toBe(false);
  });

  it('works for non-digit and unicode PINs', async () => {
    const h = await hashPin('pässwörd-🔑');
    expect(await verifyPin('pässwörd-🔑', h)).toBe(true);
    expect(await verifyPin('passwörd-🔑', h)).toBe(false);
  });

  it.each([
    ['empty', () => ''],
    ['garbage', () => 'not-a-hash'],
    ['only separators', () => '$$$$$'],
    ['scrypt with nothing', () => 'scrypt$$$$$'],
    ['another algorithm', () => withPart(0, 'bcrypt')],
    ['missing salt', () => withPart(4, '')],
    ['missing hash', () => withPart(5, '')],
    ['hash of the wrong length', () => withPart(5, Buffer.alloc(16).toString('base64url'))],
    ['hash flipped', () => withPart(5, Buffer.from(Buffer.from(parts[5]!, 'base64url').map((b) => b ^ 1)).toString('base64url'))],
    ['salt changed', () => withPart(4, Buffer.alloc(16, 7).toString('base64url'))],
    ['lower cost N', () => withPart(1, String(2 ** 14))],
  ])('a tampered or garbage stored hash (%s) gives false', async (_label, make) => {
    await expect(verifyPin(PIN, make())).resolves.toBe(false);
  });

  // Regression (staff-pin.ts verifyPin, fixed): the stored N/r/p go to scrypt unchecked; invalid ones make it throw/reject.
  it.each([
    ['N not a number', () => withPart(1, 'abc')],
    ['N not a power of two', () => withPart(1, '1000')],
    ['N of 1', () => withPart(1, '1')],
    ['N beyond the memory limit', () => withPart(1, String(2 ** 20))],
    ['r not a number', () => withPart(2, 'x')],
  ])('a stored hash with invalid parameters (%s) gives false instead of throwing', async (_label, make) => {
    await expect(verifyPin(PIN, make())).resolves.toBe(false);
  });
});
