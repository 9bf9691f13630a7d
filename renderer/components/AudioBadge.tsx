/** Shown on every screen while a patient uses audio guidance, so staff passing by can see it. */
import { audioWords } from '../audio/words.js';
import { useI18n } from '../i18n/index.js';
import { Icon } from './Icon.js';

export function AudioBadge() {
  const { lang } = useI18n();
  return (
    <p class="audio-badge" data-audio="on">
      <Icon name="info" />
      {audioWords[lang].badge}
    </p>
  );
}
