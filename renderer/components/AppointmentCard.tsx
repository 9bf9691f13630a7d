/**
 * One appointment as both the patient's and the staff-assisted list show it: the time (the card's
 * heading, which its button points to), clinician and location (or "Video visit": a video visit has
 * no room to go to). What can be done about it is up to the list, passed in as children.
 */
import type { ComponentChildren } from 'preact';
import type { AppointmentView, Language } from '../../preload/contract.js';
import { formatTime } from '../format.js';
import { useI18n, type Messages } from '../i18n/index.js';
import { Icon, type IconName } from './Icon.js';

/** The id of a card's heading, for `aria-describedby` on its buttons ("Check in" — at which time?). */
export const cardTitleId = (key: string) => `appt-${key}`;

export function AppointmentCard({ a, timezone, children }: { a: AppointmentView; timezone: string; children: ComponentChildren }) {
  const { t, lang } = useI18n();
  return (
    <li class={`card state-${a.state} visit-${a.visit}`} data-appointment={a.key} data-state={a.state} data-visit={a.visit}>
      <h2 class="card-time" id={cardTitleId(a.key)}>
        {formatTime(a.start, lang, timezone)}
      </h2>
      <dl class="card-facts">
        <div>
          <dt>
            <Icon name="person" />
            <span class="sr-only">{t.clinician}</span>
          </dt>
          <dd>{a.clinician}</dd>
        </div>
        {a.visit === 'video' ? (
          <div class="card-visit">
            <dt>
              <Icon name="video" />
              <span class="sr-only">{t.location}</span>
            </dt>
            <dd>{t.videoVisit}</dd>
          </div>
        ) : (
          <div>
            <dt>
              <Icon name="pin" />
              <span class="sr-only">{t.location}</span>
            </dt>
            <dd>{a.location}</dd>
          </div>
        )}
      </dl>
      {children}
    </li>
  );
}

/** What a card says instead of (or next to) a button; the icon is decoration, the words carry the meaning. */
export function CardNote({ icon, text, tone }: { icon: IconName; text: string; tone: string }) {
  return (
    <p class={`notice tone-${tone}`}>
      <Icon name={icon} />
      <span>{text}</span>
    </p>
  );
}

/** The card's one big action, shared by the patient and staff-assist lists. */
export function CheckInButton({ apptKey, onClick }: { apptKey: string; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" class="btn primary card-action" aria-describedby={cardTitleId(apptKey)} onClick={onClick}>
      {t.checkIn}
      <Icon name="arrow" />
    </button>
  );
}

/**
 * What a card says when it has no button; null for an open appointment (it gets the button). A video
 * visit the patient cannot check in here says what to do instead, in the clinic's words.
 */
export function cardNote(
  a: AppointmentView,
  t: Messages,
  lang: Language,
  tz: string,
): { icon: IconName; text: string; tone: string } | null {
  if (a.visit === 'video' && a.state === 'not_eligible') return { icon: 'video', text: t.videoVisitText, tone: 'info' };
  switch (a.state) {
    case 'open':
      return null;
    case 'too_early':
      return { icon: 'clock', text: a.opensAt ? t.opensAt(formatTime(a.opensAt, lang, tz)) : t.outcomeLine.too_early, tone: 'info' };
    case 'too_late':
      return { icon: 'desk', text: t.tooLate, tone: 'warn' };
    case 'checked_in':
      return { icon: 'check', text: t.alreadyIn, tone: 'ok' };
    case 'not_eligible':
      return { icon: 'desk', text: t.notEligible, tone: 'warn' };
  }
}
