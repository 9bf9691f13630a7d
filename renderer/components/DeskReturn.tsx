/**
 * On a screen that sends the patient to the front desk the patient has usually walked away: the
 * screen clears itself after a short countdown (the kiosk's `deskReturnSeconds`), shown on screen,
 * unless someone taps "Stay" (the idle timer then applies as on any screen).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/index.js';

/** When the kiosk does not say (an older main): short, because nobody is expected to stay. */
export const DESK_RETURN_SECONDS = 15;

export function DeskReturn({ seconds, onExpire }: { seconds: number; onExpire: () => void }) {
  const { t } = useI18n();
  const [left, setLeft] = useState(seconds);
  const [stayed, setStayed] = useState(false);
  const expire = useRef(onExpire);
  expire.current = onExpire;

  useEffect(() => {
    if (stayed) return;
    const started = Date.now();
    const id = setInterval(() => {
      const next = seconds - Math.floor((Date.now() - started) / 1000);
      if (next > 0) return setLeft(next);
      clearInterval(id);
      expire.current();
    }, 250);
    return () => clearInterval(id);
  }, [stayed, seconds]);

  if (stayed) return null;
  return (
    <div class="desk-return" data-desk-return={left}>
      <p class="desk-return-text" role="timer">
        {t.deskReturn(left)}
      </p>
      <button type="button" class="btn secondary" onClick={() => setStayed(true)}>
        {t.stay}
      </button>
    </div>
  );
}
