/** Typing a name on the kiosk: which characters count, casing of on-screen keys, and the length cap. */

/** Same cap as the IPC contract (zod counts UTF-16 units, so do we). */
export const NAME_MAX = 60;

const NAME_CHAR = /^[\p{L}\p{M}' -]$/u;

/** Maps look-alike punctuation from physical keyboards to what we store; null if not allowed in a name. */
export function nameChar(ch: string): string | null {
  const c = ch === '\u2019' || ch === '\u02bc' ? "'" : ch === '\u2010' || ch === '\u2013' ? '-' : ch;
  return NAME_CHAR.test(c) ? c : null;
}

/** Appends one character, ignoring what a name cannot hold (leading or double spaces, symbols, overflow). */
export function typeInto(text: string, ch: string, max = NAME_MAX): string {
  const c = nameChar(ch);
  if (c === null) return text;
  if (c === ' ' && (text === '' || text.endsWith(' '))) return text;
  const next = (text + c).normalize('NFC');
  return next.length > max ? text : next;
}

/**
 * On-screen keys are shown in capitals but typed in name case ("O'Brien", "Smith-Jones"), which is
 * easier to read back than all capitals; matching in main ignores case anyway.
 */
export function keyCase(text: string, letter: string): string {
  const wordStart = text === '' || /[ '-]$/.test(text);
  return wordStart ? letter.toUpperCase() : letter.toLowerCase();
}

/** Removes the last character (a whole code point, so accented letters go in one press). */
export function deleteLast(text: string): string {
  return Array.from(text).slice(0, -1).join('');
}

/** A name needs at least one letter; punctuation alone is not a name. */
export function canSubmitName(text: string): boolean {
  return /\p{L}/u.test(text);
}

/** What is sent to main: trimmed, single spaces, composed accents. */
export function finalName(text: string): string {
  return text.trim().replace(/\s+/g, ' ').normalize('NFC');
}
