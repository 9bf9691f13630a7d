/**
 * Synthetic people for bookings made on the fly (tests, bench, soak): names that can be typed on the
 * kiosk's keyboard and real birth dates. All made up; drawn from a seeded PRNG, so reproducible.
 */
import { pick, type Rand } from './prng.js';

const SYLLABLES = ['ka', 'lo', 'mer', 'tan', 'vi', 'ros', 'del', 'an', 'bri', 'sol', 'ven', 'tor', 'mi', 'la', 'gre', 'hol', 'par', 'du'];
const GIVEN = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Juno', 'Kai', 'Lena', 'Milo', 'Nia', 'Omar', 'Pia'];
const ACCENTED = ['é', 'ñ', 'ü', 'ó', 'ç', 'á', 'ø'];

/**
 * A family name of 6–9 letters, unique per `n` (a base-18 counter spelled in syllables), with a
 * touch of variety: about one in six has an accent, one in ten a hyphen or apostrophe.
 */
export function syntheticName(rand: Rand, n: number): string {
  let s = '';
  let k = n + 18; // at least two syllables
  while (k > 0) {
    s += SYLLABLES[k % SYLLABLES.length];
    k = Math.floor(k / SYLLABLES.length);
  }
  const r = rand();
  if (r < 0.16) {
    const i = 1 + Math.floor(rand() * (s.length - 1));
    s = s.slice(0, i) + pick(rand, ACCENTED) + s.slice(i + 1);
  } else if (r < 0.21) s = `${s.slice(0, 2)}-${s.slice(2)}`;
  else if (r < 0.26) s = `O'${s}`;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const syntheticGivenName = (rand: Rand): string => pick(rand, GIVEN);

/** A birth date 1940–2005 (never the 29th–31st, so every month has it), avoiding `reserved` dates. */
export function syntheticBirthDate(rand: Rand, reserved: ReadonlySet<string> = new Set()): string {
  for (;;) {
    const y = 1940 + Math.floor(rand() * 66);
    const m = 1 + Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (!reserved.has(date)) return date;
  }
}
