/** Audio guidance in main: the OS engine for this platform, configured from the `audio` section. */
import type { Logger } from '../log.js';
import { engineFor } from './engines.js';
import { AUDIO_DEFAULTS, type AudioConfig } from './settings.js';
import { Speaker } from './speaker.js';

export { speechHandlers } from './handlers.js';
export { Speaker } from './speaker.js';

/** Null when audio guidance is turned off. Spawns nothing until something is said. */
export function createSpeaker(audio: AudioConfig | undefined, log: Logger, platform: NodeJS.Platform = process.platform): Speaker | null {
  const a = audio ?? AUDIO_DEFAULTS;
  if (!a.enabled) return null;
  return new Speaker({ engine: engineFor(platform), log, rateWpm: a.rateWpm, volume: a.volume, voices: a.voices });
}
