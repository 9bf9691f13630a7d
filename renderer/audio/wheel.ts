/**
 * The alphabet wheel for typing a name with only up, down and select: A to Z, then space, hyphen,
 * apostrophe, then Continue, round and round. It starts on A, so Continue is one press up from it.
 */
export type WheelItem = { kind: 'letter'; ch: string } | { kind: 'space' | 'hyphen' | 'apostrophe' | 'continue' };

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const WHEEL: readonly WheelItem[] = [
  ...[...LETTERS].map((ch) => ({ kind: 'letter' as const, ch })),
  { kind: 'space' },
  { kind: 'hyphen' },
  { kind: 'apostrophe' },
  { kind: 'continue' },
];
export const WHEEL_START = 0;
export const CONTINUE_AT = WHEEL.length - 1;

export function turn(at: number, by: number): number {
  const n = WHEEL.length;
  return (((at + by) % n) + n) % n;
}

export function itemAt(at: number): WheelItem {
  return WHEEL[turn(at, 0)]!;
}

/** The character the item types (null for Continue). */
export function charOf(item: WheelItem): string | null {
  switch (item.kind) {
    case 'letter':
      return item.ch;
    case 'space':
      return ' ';
    case 'hyphen':
      return '-';
    case 'apostrophe':
      return "'";
    case 'continue':
      return null;
  }
}
