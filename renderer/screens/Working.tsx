/** While main works: progress in a live region, no buttons at all (nothing can be tapped twice). */
import { useI18n } from '../i18n/index.js';

export function Working({ task, slow }: { task: 'identify' | 'check-in'; slow: boolean }) {
  const { t } = useI18n();
  return (
    <section class="screen centered" data-screen="working" aria-labelledby="screen-title">
      <div class="screen-body" role="status" aria-live="polite">
        <span class="spinner" aria-hidden="true" />
        <h1 id="screen-title" tabIndex={-1}>
          {task === 'identify' ? t.findingYou : t.checkingIn}
        </h1>
        <p class="lead">{slow ? t.stillWorking : ''}</p>
      </div>
    </section>
  );
}
