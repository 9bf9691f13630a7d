/**
 * The audio channels of the IPC handler table, spread into it by kiosk.ts. Audio guidance turned
 * off in config refuses to speak (not_configured), so a renderer bug cannot make a silent kiosk talk.
 */
import type { Handlers } from '../ipc-router.js';
import { KioskError } from '../errors.js';
import type { Speaker } from './speaker.js';

export type SpeechHandlers = Pick<Handlers, 'audio:speak' | 'audio:stop'>;

export function speechHandlers(speaker: Speaker | null): SpeechHandlers {
  return {
    'audio:speak': async (req) => {
      if (!speaker) throw new KioskError('not_configured', 'Audio guidance is off on this kiosk.');
      speaker.speak(req);
      return {};
    },
    'audio:stop': async () => {
      speaker?.stop();
      return {};
    },
  };
}
