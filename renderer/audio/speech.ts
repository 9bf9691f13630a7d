/**
 * The renderer's one seam to speech. Audio guidance says everything through a `Speech`; in
 * production that is main's OS engine through `window.kiosk` (main/core/speech). Failures are
 * swallowed: speech must never break the check-in flow.
 */
import type { KioskApi } from '../../preload/api.js';
import type { Language } from '../../preload/contract.js';

export interface SayOptions {
  lang: Language;
  /** Stop what is being said first (a key press, a new screen); otherwise it waits its turn. */
  interrupt: boolean;
  /** The session's speed, a multiple of the configured rate. */
  rate?: number;
  volume?: number;
}

export interface Speech {
  say(text: string, o: SayOptions): void;
  stop(): void;
}

export function kioskSpeech(api: () => KioskApi | null): Speech {
  return {
    say(text, o) {
      const k = api();
      if (!k || !text.trim()) return;
      void k
        .speak({
          text,
          lang: o.lang,
          interrupt: o.interrupt,
          ...(o.rate ? { rate: o.rate } : {}),
          ...(o.volume ? { volume: o.volume } : {}),
        })
        .catch(() => {});
    },
    stop() {
      void api()
        ?.stopSpeaking()
        .catch(() => {});
    },
  };
}
