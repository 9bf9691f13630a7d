/**
 * The birth-date mask: fields in the language's order, each labelled, typed digits over a faint
 * MM/DD/YYYY placeholder. The digits come from the shared `NumberPad`.
 */
import { Fragment } from 'preact';
import { activeField, type DobDraft, type DobField } from '../dob.js';
import { useI18n } from '../i18n/index.js';

interface Props {
  dob: DobDraft;
  order: readonly DobField[];
  invalid: boolean;
}

export function DateMask({ dob, order, invalid }: Props) {
  const { t } = useI18n();
  const active = activeField(dob, order);
  // Read back as typed, field by field ("Month 03, Day 1"), for anyone who cannot see the mask.
  const typed = order
    .filter((f) => dob[f])
    .map((f) => `${t.dobFields[f]} ${dob[f]}`)
    .join(', ');
  return (
    <div class={invalid ? 'dob-mask invalid' : 'dob-mask'} role="group" aria-label={t.dobLabel}>
      <p class="sr-only dob-readback" aria-live="polite" aria-atomic="true">
        {typed}
      </p>
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
