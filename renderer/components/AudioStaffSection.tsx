/** Staff panel: whether audio guidance is on, how many sessions used it, and a voice test for the headphones. */
import { audioWords } from '../audio/words.js';
import { useI18n } from '../i18n/index.js';

export interface AudioStaffInfo {
  enabled: boolean;
  sessions: number;
  onTest: () => void;
}

export function AudioStaffSection({ enabled, sessions, onTest }: AudioStaffInfo) {
  const { lang } = useI18n();
  const w = audioWords[lang];
  return (
    <section class="staff-audio" aria-labelledby="staff-audio-title" data-audio-enabled={enabled}>
      <h2 id="staff-audio-title">{w.staffTitle}</h2>
      <p>{enabled ? w.staffOn : w.staffOff}</p>
      <p data-audio-sessions={sessions}>{w.staffSessions(sessions)}</p>
      {enabled ? (
        <button type="button" class="btn secondary" onClick={onTest}>
          {w.testVoice}
        </button>
      ) : null}
    </section>
  );
}
