/** The welcome screen's way into audio guidance for someone who can see a little (the keypad's Enter is the other). */
import { audioWords } from '../audio/words.js';
import { useI18n } from '../i18n/index.js';

export function ListenButton({ onListen }: { onListen: () => void }) {
  const { lang } = useI18n();
  const w = audioWords[lang];
  return (
    <button type="button" class="btn secondary listen" aria-describedby="listen-hint" onClick={onListen}>
      {w.listen}
      <span class="listen-hint" id="listen-hint">
        {w.listenHint}
      </span>
    </button>
  );
}
