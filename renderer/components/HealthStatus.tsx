/** Small connection indicator: icon + words (never colour alone). */
import type { Health } from '../../preload/contract.js';
import { useI18n } from '../i18n/index.js';
import { Icon } from './Icon.js';

export function HealthStatus({ health }: { health: Health | null }) {
  const { t } = useI18n();
  const state = health?.state;
  const tone = !state ? 'unknown' : state === 'ok' ? 'ok' : 'problem';
  const text = state ? t.health[state] : t.healthUnknown;
  return (
    <p class={`health health-${tone}`} data-health={state ?? 'unknown'}>
      <Icon name={tone === 'ok' ? 'check' : tone === 'problem' ? 'offline' : 'clock'} />
      <span class="sr-only">{t.connection}: </span>
      {text}
    </p>
  );
}
