/**
 * Phone-style multi-tap on the digit keys: 2 = A B C … 9 = W X Y Z, 0 = space, 1 = hyphen and
 * apostrophe. Pressing the same digit again within `MULTITAP_MS` replaces the letter just typed
 * with the next one on that key; any other key, or a pause, keeps it.
 */
export const MULTITAP_MS = 1200;

export const TAP_LETTERS: Readonly<Record<string, string>> = {
  '0': ' ',
  '1': "-'",
  '2': 'ABC',
  '3': 'DEF',
  '4': 'GHI',
  '5': 'JKL',
  '6': 'MNO',
  '7': 'PQRS',
  '8': 'TUV',
  '9': 'WXYZ',
};

export interface Tap {
  digit: string;
  count: number;
  at: number;
}

export interface TapResult {
  tap: Tap;
  ch: string;
  /** Replace the character typed by the previous press (same key, soon enough). */
  replace: boolean;
}

export function press(prev: Tap | null, digit: string, now: number): TapResult | null {
  const letters = TAP_LETTERS[digit];
  if (!letters) return null;
  const again = prev !== null && prev.digit === digit && now - prev.at <= MULTITAP_MS && letters.length > 1;
  const count = again ? prev.count + 1 : 0;
  return { tap: { digit, count, at: now }, ch: letters[count % letters.length]!, replace: again };
}
