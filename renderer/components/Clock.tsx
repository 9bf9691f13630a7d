/** Live time and date in the clinic's zone, in the current language. */
import { useEffect, useState } from 'preact/hooks';
import { formatLongDate, formatTime } from '../format.js';
import { useI18n } from '../i18n/index.js';

export function Clock({ timezone }: { timezone: string }) {
  const { lang } = useI18n();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    // Ticks every second so the minute never shows late; only this small subtree re-renders.
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);
  return (
    <div class="clock">
      <time class="clock-time" dateTime={now.toISOString()}>
        {formatTime(now, lang, timezone)}
      </time>
      <span class="clock-date">{formatLongDate(now, lang, timezone)}</span>
    </div>
  );
}
