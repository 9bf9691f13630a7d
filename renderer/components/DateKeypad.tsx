/**
 * The birth-date mask (fields in the language's order, each labelled, typed digits over a faint
 * MM/DD/YYYY placeholder) and the number pad that fills it. Also takes physical digits.
 */
import { Fragment } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { activeField, type DobDraft, type DobField } from '../dob.js';
import { useI18n } from '../i18n/index.js';
import { Icon } from './Icon.js';

interface Props {
  dob: DobDraft;
  order: readonly DobField[];
  onDigit: (d: string) => void;
  onDelete: () => void;
  onClear: () => void;
  onSubmit: () => void;
  invalid: boolean;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function DateMask({ dob, order, invalid }: Pick<Props, 'dob' | 'order' | 'invalid'>) {
  const { t } = useI18n();
  const active = activeField(dob, order);
  return (
    <div class={invalid ? 'dob-mask invalid' : 'dob-mask'} role="group" aria-label={t.dobLabel}>
      {order.map((f, i) => {
        const v = dob[f];
        const rest = t.dobMasks[f].slice(v.length);
        return (
          <Fragment key={f}>
            {i > 0 ? (
              <span class="dob-sep" aria-hidden="true">
                /
              </span>
            ) : null}
            <div class={`dob-field dob-${f}${f === active ? ' active' : ''}`}>
              <span class="dob-label">{t.dobFields[f]}</span>
              <span class="dob-value" aria-hidden="true">
                <span class="dob-typed">{v}</span>
                <span class="dob-rest">{rest}</span>
              </span>
              <span class="sr-only">{v || t.dobEmpty}</span>
            </div>
          </Fragment>
        );
      })}
    </div>
  );
}

export function DateKeypad({ onDigit, onDelete, onClear, onSubmit }: Omit<Props, 'dob' | 'order' | 'invalid'>) {
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
