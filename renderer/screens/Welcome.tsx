/** The attract screen: clinic, time, language first, then one huge button. */
import type { Health, KioskInfo, Language } from '../../preload/contract.js';
import { Clock } from '../components/Clock.js';
import { HealthStatus } from '../components/HealthStatus.js';
import { Icon } from '../components/Icon.js';
import { formatTime } from '../format.js';
import { ListenButton } from '../components/ListenButton.js';
import { LANGUAGE_NAMES, useI18n } from '../i18n/index.js';
import type { Action } from '../state/index.js';

interface Props {
  info: KioskInfo;
  health: Health | null;
  dispatch: (a: Action) => void;
  /** Audio guidance, when the kiosk offers it. */
  onListen?: (() => void) | undefined;
}

export function Welcome({ info, health, dispatch, onListen }: Props) {
  const { t, lang } = useI18n();
  // Before anyone types: a kiosk paused by too many misses says so here, not after the birth date.
  const paused = info.pausedUntil && Date.parse(info.pausedUntil) > Date.now() ? formatTime(info.pausedUntil, lang, info.timezone) : null;
  return (
    <section class="screen welcome" data-screen="welcome" aria-labelledby="screen-title">
      <div class="welcome-top">
        <h1 id="screen-title" tabIndex={-1}>
          <span class="eyebrow">{t.welcomeTo}</span> <span class="clinic-name">{info.clinicName}</span>
        </h1>
        <Clock timezone={info.timezone} />
      </div>
      <div class="welcome-actions">
        {info.languages.length > 1 ? (
          <div class="language" role="group" aria-labelledby="language-label">
            <span class="language-label" id="language-label">
              <Icon name="globe" />
              {t.language}
            </span>
            <div class="language-options">
              {info.languages.map((l: Language) => (
                <button
                  type="button"
                  class="btn choice"
                  key={l}
                  lang={l}
                  aria-pressed={l === lang}
                  onClick={() => dispatch({ type: 'set-lang', lang: l })}
                >
                  <span class="choice-mark" aria-hidden="true">
                    {l === lang ? <Icon name="check" /> : null}
                  </span>
                  {LANGUAGE_NAMES[l]}
                </button>
              ))}
            </div>
          </div>
        ) : null}
        {paused ? (
          <p class="lead paused-notice" role="status">
            {t.cooldownTitle}. {t.cooldownBody(paused)}
          </p>
        ) : (
          <>
            <p class="lead">{t.welcomeLead}</p>
            <button type="button" class="btn primary huge" onClick={() => dispatch({ type: 'start' })}>
              {t.checkInStart}
              <Icon name="arrow" />
            </button>
            {onListen ? <ListenButton onListen={onListen} /> : null}
          </>
        )}
      </div>
      <HealthStatus health={health} />
    </section>
  );
}
