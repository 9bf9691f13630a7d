/**
 * Always-visible bar: where you are (clinic), the language (on every patient screen; welcome has its
 * own big switch), Larger text (steps) and High contrast. In portrait it sits at the bottom, within
 * reach (see styles.css).
 */
import type { Language } from '../../preload/contract.js';
import { LANGUAGE_NAMES, useI18n } from '../i18n/index.js';
import { TEXT_SIZES } from '../state/index.js';
import { Icon } from './Icon.js';

interface Props {
  clinicName: string | null;
  /** Offered languages when the switch belongs here; empty to hide it. */
  languages: readonly Language[];
  textSize: number;
  highContrast: boolean;
  disabled: boolean;
  onLang: (lang: Language) => void;
  onTextSize: () => void;
  onContrast: () => void;
}

export function TopBar({ clinicName, languages, textSize, highContrast, disabled, onLang, onTextSize, onContrast }: Props) {
  const { t, lang } = useI18n();
  return (
    <header class="topbar">
      <span class="topbar-clinic">{clinicName ?? ''}</span>
      <div class="topbar-controls">
        {languages.length > 1 ? (
          <div class="lang-switch" role="group" aria-label={t.language}>
            {languages.map((l) => (
              <button
                type="button"
                class="btn toggle"
                key={l}
                lang={l}
                aria-pressed={l === lang}
                disabled={disabled}
                onClick={() => onLang(l)}
              >
                {LANGUAGE_NAMES[l]}
              </button>
            ))}
          </div>
        ) : null}
        <button type="button" class="btn toggle" aria-pressed={textSize > 0} disabled={disabled} onClick={onTextSize}>
          <Icon name="textSize" />
          {t.largerText}
          <span class="size-steps" aria-hidden="true">
            {Array.from({ length: TEXT_SIZES - 1 }, (_, i) => (
              <span class={i < textSize ? 'size-step on' : 'size-step'} key={i} />
            ))}
          </span>
          <span class="sr-only">{t.textSizeStep(textSize, TEXT_SIZES - 1)}</span>
        </button>
        <button type="button" class="btn toggle" aria-pressed={highContrast} disabled={disabled} onClick={onContrast}>
          <Icon name="contrast" />
          {t.highContrast}
        </button>
      </div>
    </header>
  );
}
