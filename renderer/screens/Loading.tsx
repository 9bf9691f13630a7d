import { Screen } from '../components/Screen.js';
import { useI18n } from '../i18n/index.js';

export function Loading() {
  const { t } = useI18n();
  return (
    <Screen name="loading" variant="centered" title={t.loading}>
      <span class="spinner" aria-hidden="true" />
    </Screen>
  );
}
