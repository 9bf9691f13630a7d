/**
 * Inactivity: after `idleSeconds` without a touch or key, a modal asks "Are you still there?" with a
 * visible countdown, then `onExpire` (a full reset). With `warn` off it expires silently (used on the
 * welcome screen to restore the default language). Paused while `enabled` is false (a call to main
 * is in flight, or nothing to protect), and the count starts afresh when it resumes. On staff screens
 * the same timer relocks staff mode, and the warning says so.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ACTIVE, idlePhase, samePhase, type IdlePhase } from '../idle.js';
import { useI18n } from '../i18n/index.js';
import { StartOverButton } from './Buttons.js';

interface Props {
  enabled: boolean;
  warn: boolean;
  idleSeconds: number;
  warningSeconds: number;
  /** The warning tells staff that staff mode will lock, rather than a patient that details will clear. */
  staff?: boolean;
  onExpire: () => void;
  /** Audio mode: any key, even inside the warning, means "I'm here". */
  anyKeyMeansHere?: boolean;
  /** Told the seconds left while the warning shows, and null when it closes (audio mode speaks it). */
  onWarning?: (secondsLeft: number | null) => void;
}

const ACTIVITY = ['pointerdown', 'keydown', 'wheel'] as const;

export function IdleGuard({
  enabled,
  warn,
  idleSeconds,
  warningSeconds,
  staff = false,
  onExpire,
  anyKeyMeansHere = false,
  onWarning,
}: Props) {
  const { t } = useI18n();
  const lastInput = useRef(Date.now());
  const [phase, setPhase] = useState<IdlePhase>(ACTIVE);
  const dialog = useRef<HTMLDialogElement>(null);
  const expire = useRef(onExpire);
  expire.current = onExpire;
  const audio = useRef({ anyKeyMeansHere, onWarning });
  audio.current = { anyKeyMeansHere, onWarning };

  const stillHere = () => {
    lastInput.current = Date.now();
    setPhase(ACTIVE);
  };

  useEffect(() => {
    // Input on the page shows someone is there; the warning's own buttons decide for themselves.
    const seen = (e: Event) => {
      const inDialog = e.target instanceof Element && e.target.closest('dialog');
      if (inDialog && !(audio.current.anyKeyMeansHere && e.type === 'keydown')) return;
      lastInput.current = Date.now();
      setPhase((p) => (p.phase === 'active' ? p : ACTIVE));
    };
    for (const type of ACTIVITY) document.addEventListener(type, seen, { capture: true, passive: true });
    return () => {
      for (const type of ACTIVITY) document.removeEventListener(type, seen, { capture: true });
    };
  }, []);

  useEffect(() => {
    lastInput.current = Date.now();
    setPhase(ACTIVE);
    if (!enabled) return;
    const id = setInterval(() => {
      const next = idlePhase(Date.now() - lastInput.current, idleSeconds, warningSeconds, warn);
      if (next.phase === 'expired') {
        clearInterval(id);
        setPhase(ACTIVE);
        expire.current();
      } else {
        setPhase((p) => (samePhase(p, next) ? p : next));
      }
    }, 250);
    return () => clearInterval(id);
  }, [enabled, warn, idleSeconds, warningSeconds]);

  const warning = phase.phase === 'warning';
  const secondsLeft = phase.phase === 'warning' ? phase.secondsLeft : null;
  useEffect(() => audio.current.onWarning?.(secondsLeft), [secondsLeft]);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (warning && !d.open) d.showModal();
    if (!warning && d.open) d.close();
  }, [warning]);

  return (
    <dialog
      ref={dialog}
      class="idle-dialog"
      aria-labelledby="idle-title"
      aria-describedby="idle-body"
      onCancel={(e) => {
        e.preventDefault(); // Escape means "I'm here", not "dismiss and let the reset happen later"
        stillHere();
      }}
    >
      {warning ? (
        <>
          <h2 id="idle-title">{t.idleTitle}</h2>
          <p id="idle-body">{staff ? t.staffIdleBody : t.idleBody}</p>
          <p class="countdown" aria-live="polite" aria-atomic="true">
            <span class="countdown-number">{phase.secondsLeft}</span> {t.secondsLeft(phase.secondsLeft)}
          </p>
          <div class="actions">
            {staff ? (
              // Staff leave by locking: the button says what it does.
              <button type="button" class="btn secondary" onClick={() => expire.current()}>
                {t.lock}
              </button>
            ) : (
              <StartOverButton onClick={() => expire.current()} />
            )}
            <button type="button" class="btn primary" autofocus onClick={stillHere}>
              {t.moreTime}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
