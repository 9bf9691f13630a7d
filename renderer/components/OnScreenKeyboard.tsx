/**
 * A large on-screen keyboard for names, plus physical-keyboard typing. Keys are real buttons; the
 * glyph-only ones carry an aria-label. Text editing itself happens in the reducer (no stale state
 * when keys arrive faster than renders).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/index.js';
import { Icon } from './Icon.js';

const LETTERS = ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];
const ACCENTED = ['ÁÉÍÓÚÜÑÇ', 'ÀÈÌÒÙÂÊÔ', 'ÄËÏÖÅØÃÕ'];

interface Props {
  onKey: (ch: string, onScreenKey: boolean) => void;
  onDelete: () => void;
  /** Enter on a physical keyboard. */
  onSubmit: () => void;
}

export function OnScreenKeyboard({ onKey, onDelete, onSubmit }: Props) {
  const { t } = useI18n();
  const [accents, setAccents] = useState(false);
  const handlers = useRef({ onKey, onDelete, onSubmit });
  handlers.current = { onKey, onDelete, onSubmit };

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || (e.ctrlKey && !e.altKey) || e.isComposing) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('dialog')) return; // the idle warning has its own buttons
      const onButton = target?.closest('button') != null;
      const h = handlers.current;
      if (e.key === 'Backspace') {
        e.preventDefault();
        h.onDelete();
      } else if (e.key === 'Enter') {
        if (onButton) return; // Enter activates the focused button instead
        e.preventDefault();
        h.onSubmit();
      } else if ([...e.key].length === 1) {
        if (e.key === ' ' && onButton) return; // Space activates the focused button
        e.preventDefault();
        h.onKey(e.key, false);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const rows = accents ? ACCENTED : LETTERS;
  return (
    <div class="keyboard" role="group" aria-label={t.keyboard}>
      {rows.map((row) => (
        <div class="key-row" key={row}>
          {[...row].map((letter) => (
            <button type="button" class="key" key={letter} onClick={() => onKey(letter, true)}>
              {letter}
            </button>
          ))}
        </div>
      ))}
      <div class="key-row">
        {/* Switches the letter rows; its name is its visible text, so it changes with the mode. */}
        <button type="button" class="key key-mode" onClick={() => setAccents(!accents)}>
          <span class="key-glyph">{accents ? 'ABC' : 'ÁÉÑ'}</span>
          <span class="key-caption">{accents ? t.keyLetters : t.keyAccents}</span>
        </button>
        {/* The glyph is decoration; the name is the visible caption (label in name). */}
        <button type="button" class="key key-mark" aria-label={t.keyApostrophe} onClick={() => onKey("'", true)}>
          <span class="key-glyph" aria-hidden="true">
            '
          </span>
          <span class="key-caption">{t.keyApostrophe}</span>
        </button>
        <button type="button" class="key key-mark" aria-label={t.keyHyphen} onClick={() => onKey('-', true)}>
          <span class="key-glyph" aria-hidden="true">
            -
          </span>
          <span class="key-caption">{t.keyHyphen}</span>
        </button>
        <button type="button" class="key key-space" aria-label={t.keySpace} onClick={() => onKey(' ', true)}>
          {t.keySpace}
        </button>
        <button type="button" class="key key-delete" aria-label={t.keyDelete} onClick={onDelete}>
          <Icon name="backspace" />
        </button>
      </div>
    </div>
  );
}
