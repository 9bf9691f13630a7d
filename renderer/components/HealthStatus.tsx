/** Small connection indicator: icon + words (never colour alone). */
import type { Health } from '../../preload/contract.js';
import { healthView } from '../health.js';
import { useI18n } from '../i18n/index.js';
import { Icon } from './Icon.js';

export function HealthStatus({ health }: { health: Health | null }) {
  const { t } = useI18n();
  const state = healthView(health);
  const tone = state === 'unknown' ? 'unknown' : state === 'ok' ? 'ok' : 'problem';
  const text = state === 'unknown' ? t.healthUnknown : t.health[state];
  return (
    <p class={`health health-${tone}`} data-health={state}>
      <Icon name={tone === 'ok' ? 'check' : tone === 'problem' ? 'offline' : 'clock'} />
      <span class="sr-only">{t.connection}: </span>
      {text}
    </p>
  );
}
