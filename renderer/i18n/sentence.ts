/**
 * The one place a sentence is closed after an inserted value: a Spanish time already ends with a
 * period ("10:40 a. m." / "10:40 a.m."), and "a.m.." is what a naive template prints.
 */
export function sentence(text: string): string {
  return /[.!?…]$/.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`;
}
