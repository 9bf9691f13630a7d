/** The frame every screen shares: one <h1> (focused on arrival by the App) and a marker for tests. */
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/index.js';
import { TOTAL_STEPS, stepOf, type ScreenName } from '../state/index.js';
import { Icon, type IconName } from './Icon.js';

interface Props {
  name: ScreenName;
  title: ComponentChildren;
  /** A large illustrative icon above the heading (outcome screens). */
  icon?: IconName;
  /** Text under the heading. */
  lead?: ComponentChildren;
  /** Extra classes for layout variants (e.g. "centered"). */
  variant?: string;
  children?: ComponentChildren;
  actions?: ComponentChildren;
}

export function Screen({ name, title, icon, lead, variant, children, actions }: Props) {
  const { t } = useI18n();
  // Outcome screens (centered) stand alone; the step bar belongs to the questions along the way.
  const step = variant?.includes('centered') ? null : stepOf(name);
  return (
    <section class={variant ? `screen ${variant}` : 'screen'} data-screen={name} aria-labelledby="screen-title">
      <div class="screen-head">
        {icon ? <Icon name={icon} class="hero-icon" /> : null}
        {step ? (
          <p class="step">
            <span class="step-bar" aria-hidden="true">
              {Array.from({ length: TOTAL_STEPS }, (_, i) => (
                <span class={i < step ? 'step-seg done' : 'step-seg'} key={i} />
              ))}
            </span>
            {t.step(step, TOTAL_STEPS)}
          </p>
        ) : null}
        <h1 id="screen-title" tabIndex={-1}>
          {title}
        </h1>
        {lead ? <p class="lead">{lead}</p> : null}
      </div>
      <div class="screen-body">{children}</div>
      {actions ? <div class="actions">{actions}</div> : null}
    </section>
  );
}
