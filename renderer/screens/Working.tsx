/** While main works: progress in a live region, no buttons at all (nothing can be tapped twice). */
import { useI18n } from '../i18n/index.js';

interface Props {
  task: 'identify' | 'check-in' | 'undo';
  slow: boolean;
  /** Staff helping a patient: the words are about "the patient", not "you". */
  staff: boolean;
}

export function Working({ task, slow, staff }: Props) {
  const { t } = useI18n();
  const titles = {
    identify: staff ? t.assistFinding : t.findingYou,
    'check-in': staff ? t.assistCheckingIn : t.checkingIn,
    undo: t.undoing,
  };
  return (
    <section class="screen centered" data-screen="working" aria-labelledby="screen-title">
      <div class="screen-body" role="status" aria-live="polite">
        <span class="spinner" aria-hidden="true" />
        <h1 id="screen-title" tabIndex={-1}>
          {titles[task]}
        </h1>
        <p class="lead">{slow ? t.stillWorking : ''}</p>
      </div>
    </section>
  );
}
