/**
 * Keypad keys → audio commands, from the configured bindings (config `audio.keys`, defaults in
 * main/core/speech/settings.ts). A binding matches `KeyboardEvent.key` ("ArrowUp", "+") or
 * `KeyboardEvent.code` ("NumpadSubtract"), so numpad keys can mean something the main keyboard's
 * same character does not (the hyphen in a name).
 */
import type { AudioCommand, AudioKeys } from '../../preload/contract.js';

export interface KeyPress {
  key: string;
  code: string;
}

export type KeyMap = ReadonlyMap<string, AudioCommand>;

export function keyMap(keys: AudioKeys): KeyMap {
  const m = new Map<string, AudioCommand>();
  for (const [command, names] of Object.entries(keys) as Array<[AudioCommand, string[]]>) for (const n of names) m.set(n, command);
  return m;
}

/** `code` first: "NumpadAdd" is more specific than its key "+". */
export function commandFor(e: KeyPress, map: KeyMap): AudioCommand | null {
  return map.get(e.code) ?? map.get(e.key) ?? null;
}

/** A digit key (main row or numpad with Num Lock on). */
export function digitOf(e: KeyPress): string | null {
  return /^[0-9]$/.test(e.key) ? e.key : null;
}
