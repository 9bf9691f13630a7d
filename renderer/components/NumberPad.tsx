/**
 * A phone-style number pad (1-9, then Clear, 0, Delete) for the birth date and the staff PIN. Also
 * takes physical digits, Backspace and Enter, except inside a dialog (the idle warning's own buttons).
 */
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/index.js';
import { Icon } from './Icon.js';

interface Props {
  onDigit: (d: string) => void;
  onDelete: () => void;
  onClear: () => void;
  onSubmit: () => void;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function NumberPad({ onDigit, onDelete, onClear, onSubmit }: Props) {
  const { t } = useI18n();
  const handlers = useRef({ onDigit, onDelete, onSubmit });
  handlers.current = { onDigit, onDelete, onSubmit };

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('dialog')) return;
      const h = handlers.current;
      if (/^[0-9]$/.test(e.key)) {
        e.preventDefault();
        h.onDigit(e.key);
      } else if (e.key === 'Backspace') {
        e.preventDefault();
        h.onDelete();
      } else if (e.key === 'Enter' && !target?.closest('button')) {
        e.preventDefault();
        h.onSubmit();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div class="keypad" role="group" aria-label={t.keypad}>
      {DIGITS.map((d) => (
        <button type="button" class="key" key={d} onClick={() => onDigit(d)}>
          {d}
        </button>
      ))}
      <button type="button" class="key key-clear" onClick={onClear}>
        {t.keyClear}
      </button>
      <button type="button" class="key" onClick={() => onDigit('0')}>
        0
      </button>
      <button type="button" class="key key-delete" aria-label={t.keyDeleteDigit} onClick={onDelete}>
        <Icon name="backspace" />
      </button>
    </div>
  );
}
