/**
 * The one seeded PRNG of the demo data, the benchmarks and the tests: a failure or a bench run is
 * reproducible from its seed. mulberry32 (hand-written, 8 lines): small, fast, not cryptographic.
 */
export type Rand = () => number;

/** A stream of numbers in [0, 1) that depends only on `seed`. */
export function prng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random item of a non-empty list. */
export function pick<T>(rand: Rand, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
}

/** `length` lowercase hex digits, e.g. for resource ids. */
export function randomHex(rand: Rand, length: number): string {
  let s = '';
  while (s.length < length)
    s += Math.floor(rand() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  return s.slice(0, length);
}
