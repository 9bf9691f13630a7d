/**
 * The `audio` config section: audio guidance on or off, the keypad's key bindings, speaking rate,
 * volume, and optional voice names per language. Defaults suit a common USB numeric/navigation
 * keypad (see docs/accessibility.md); a clinic overrides only the commands it needs to.
 */
import { z } from 'zod';
import { AudioCommand, KeyName, type AudioInfo, type AudioKeys } from '../../../preload/contract.js';

/**
 * Matched against `KeyboardEvent.key` and `.code`. Numpad codes keep the main keyboard's hyphen
 * free for typing names; letters are never bound (a sighted helper may type at the same time).
 */
export const DEFAULT_AUDIO_KEYS: AudioKeys = {
  up: ['ArrowUp'],
  down: ['ArrowDown'],
  select: ['Enter'],
  back: ['Escape', 'Backspace', 'ArrowLeft'],
  help: ['F1', '?', 'NumpadMultiply'],
  readBack: ['ArrowRight', 'F2', 'NumpadDivide'],
  volumeUp: ['AudioVolumeUp', 'NumpadAdd', '+'],
  volumeDown: ['AudioVolumeDown', 'NumpadSubtract'],
  faster: [']', 'PageUp'],
  slower: ['[', 'PageDown'],
};

const VoiceName = z.string().regex(/^[A-Za-z0-9 ._+()-]{1,64}$/, 'expected an engine voice name such as en-us or Samantha');

export const AudioConfig = z
  .object({
    enabled: z.boolean().default(true),
    rateWpm: z.number().int().min(80).max(400).default(175),
    volume: z.number().min(0.1).max(1).default(0.8),
    keys: z.partialRecord(AudioCommand, z.array(KeyName).min(1).max(8)).default({}),
    voices: z.object({ en: VoiceName.optional(), es: VoiceName.optional() }).strict().default({}),
  })
  .strict()
  .superRefine((a, ctx) => {
    // One key, one meaning: a key bound to two commands would do one of them at random.
    const seen = new Map<string, string>();
    for (const [command, keys] of Object.entries(resolveKeys(a.keys))) {
      for (const k of keys) {
        const other = seen.get(k);
        if (other && other !== command)
          ctx.addIssue({ code: 'custom', path: ['keys', command], message: `"${k}" is already bound to ${other}` });
        seen.set(k, command);
      }
    }
  });

export type AudioConfig = z.infer<typeof AudioConfig>;
export const AUDIO_DEFAULTS: AudioConfig = { enabled: true, rateWpm: 175, volume: 0.8, keys: {}, voices: {} };

/** The configured bindings over the defaults, command by command. */
export function resolveKeys(keys: AudioConfig['keys']): AudioKeys {
  return { ...DEFAULT_AUDIO_KEYS, ...keys } as AudioKeys;
}

/** What the renderer is told (kiosk info): no voice names, nothing the patient flow does not need. */
export function audioInfo(a: AudioConfig | undefined): AudioInfo {
  const c = a ?? AUDIO_DEFAULTS;
  return { enabled: c.enabled, keys: resolveKeys(c.keys), volume: c.volume, rateWpm: c.rateWpm };
}
