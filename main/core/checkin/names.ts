/**
 * Forgiving name matching. Records and what people type differ in case, accents, spacing, hyphens and
 * apostrophes ("garcia lopez" vs "García-López", "obrien" vs "O'Brien"), and exact-match entry is the
 * top complaint about kiosks. Identity still needs the birth date to match exactly.
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

/** Full family name in any spelling of separators, or one part of a compound (hyphenated) surname. */
export function familyMatches(typed: string, recorded: string): boolean {
  const t = normaliseName(typed);
  if (!t) return false;
  if (t === normaliseName(recorded)) return true;
  const parts = recorded
    .split('-')
    .map(normaliseName)
    .filter((p) => p.length >= 2);
  return parts.length > 1 && parts.includes(t);
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
