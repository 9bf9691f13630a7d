/** The typed PIN as dots only: its digits are never put in the DOM (screen readers hear how many). */
import { useI18n } from '../i18n/index.js';
import { PIN_MIN } from '../state/index.js';

export function PinDots({ length }: { length: number }) {
  const { t } = useI18n();
  // At least PIN_MIN places, so the shortest valid PIN reads as "fill these"; longer PINs add dots.
  const places = Math.max(PIN_MIN, length);
  return (
    <div class="pin-dots" role="img" aria-label={`${t.pinLabel}: ${t.pinEntered(length)}`}>
      {Array.from({ length: places }, (_, i) => (
        <span class={i < length ? 'pin-dot filled' : 'pin-dot'} key={i} />
      ))}
    </div>
  );
}
