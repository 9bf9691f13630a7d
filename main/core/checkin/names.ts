/**
 * Forgiving name matching. Records and what people type differ in case, accents, spacing, hyphens and
 * apostrophes ("garcia lopez" vs "García-López", "obrien" vs "O'Brien"), and exact-match entry is the
 * top complaint about kiosks. Many patients also give one part of a multi-part family name ("Ruiz" for
 * "Hernández Ruiz", "Silva" for "da Silva Santos", "Berg" for "van der Berg"): any whole part matches,
 * with or without its particles. Identity still needs the birth date to match exactly.
 */
import type { HumanName, Patient } from '@medplum/fhirtypes';

/** Lower-case letters and digits only: accents folded, separators and punctuation dropped. */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßẞ]/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Words that lead a surname part rather than stand for one (Spanish, Portuguese, Italian, French,
 * Dutch, German, Arabic). Compared before accents are folded, so Vietnamese "Lê" or "Đỗ" stay names.
 * A particle is one only when a name word follows it.
 */
const PARTICLES: ReadonlySet<string> = new Set(
  'de del la las los da das do dos di du des van der den ter ten von zu bin ibn bint al el'.split(' '),
);
/** Joiners between parts ("Ortega y Gasset", "Silva e Santos"): neither a part nor a particle. */
const JOINERS: ReadonlySet<string> = new Set(['y', 'e', 'i']);
/** A part must have this many letters to identify anyone on its own ("O" of "O-Neil" does not). */
const MIN_PART = 2;

interface Part {
  /** Normalised particles before the name word ("de la" → "dela"); empty if none. */
  particles: string;
  /** The normalised name word. */
  core: string;
}

/** "García de la Cruz" → [{'', garcia}, {dela, cruz}]; "Al-Rashid" → [{al, rashid}]. */
export function familyParts(recorded: string): Part[] {
  const words = recorded.split(/[\s\-‐‑–]+/u).filter((w) => normaliseName(w));
  const parts: Part[] = [];
  let particles = '';
  words.forEach((word, i) => {
    const lower = word.toLowerCase();
    const last = i === words.length - 1;
    if (!last && JOINERS.has(lower) && parts.length) return;
    if (!last && PARTICLES.has(lower)) {
      particles += normaliseName(word);
      return;
    }
    parts.push({ particles, core: normaliseName(word) });
    particles = '';
  });
  return parts;
}

/**
 * The full family name in any spelling of separators, or any run of its whole parts, each run with
 * or without the particles of its first part: "Ruiz", "Hernandez" and "Hernández Ruiz" all match
 * "Hernández Ruiz"; "Cruz" and "de la Cruz" match "García de la Cruz". A bare particle ("van") or a
 * prefix of a part ("Gar") does not.
 */
export function familyMatches(typed: string, recorded: string): boolean {
  const t = normaliseName(typed);
  if (!t) return false;
  if (t === normaliseName(recorded)) return true;
  const parts = familyParts(recorded);
  if (parts.length === 1 && !parts[0]!.particles) return false;
  for (let i = 0; i < parts.length; i++) {
    const first = parts[i]!;
    if (first.core.length < MIN_PART) continue;
    let run = '';
    for (let j = i; j < parts.length; j++) {
      run += (j === i ? '' : parts[j]!.particles) + parts[j]!.core;
      if (t === run || t === first.particles + run) return true;
    }
  }
  return false;
}

/** A given name, a later given name, a nickname, or a prefix of the first name of 3+ letters ("Alex"). */
export function givenMatches(typed: string, names: HumanName[]): boolean {
  const t = normaliseName(typed);
  if (!t) return false;
  return names.some((n) =>
    (n.given ?? []).some((g, i) => {
      const ng = normaliseName(g);
      return ng === t || (i === 0 && t.length >= 3 && ng.startsWith(t)) || normaliseName((n.given ?? []).join(' ')) === t;
    }),
  );
}

/** Names that identify the person (official or usual, or unspecified use), not nicknames or maiden names. */
export function identityNames(p: Patient): HumanName[] {
  const names = p.name ?? [];
  const preferred = names.filter((n) => !n.use || n.use === 'official' || n.use === 'usual');
  return preferred.length ? preferred : names;
}

/** "Amara O.": first name + last initial, the minimum needed to greet someone. */
export function greetingName(p: Patient): string {
  const n = identityNames(p)[0];
  const nick = (p.name ?? []).find((x) => x.use === 'nickname')?.given?.[0];
  const first = nick ?? n?.given?.[0] ?? '';
  const initial = n?.family?.trim().charAt(0);
  return [first, initial ? `${initial.toUpperCase()}.` : ''].filter(Boolean).join(' ').slice(0, 80);
}
