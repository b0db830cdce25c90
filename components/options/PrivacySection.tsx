import { sendIntent } from '../../lib/protocol/screen/send-intent';
import { t } from '../../lib/text/i18n';
import { OutcomeMessage } from './OutcomeMessage';
import { useOutcome } from './use-outcome';
import { usePendingValue } from './use-pending-value';

/** Where the token lives: on disk (kept across restarts) or in memory only. */
export function PrivacySection({ keepSignedIn }: { keepSignedIn: boolean }) {
  const outcome = useOutcome<'keep'>();
  const [shown, setShown, settle] = usePendingValue(keepSignedIn);

  async function toggle(event: Event & { currentTarget: HTMLInputElement }) {
    const next = event.currentTarget.checked;
    setShown(next);
    outcome.clear();
    const result = await sendIntent({ type: 'setKeepSignedIn', keepSignedIn: next });
    if (result.ok) {
      outcome.saved('keep');
    } else {
      settle();
      outcome.failed('keep', result.error.message);
    }
  }

  return (
    <section class="card" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('privacyHeading')}</h2>
      <label class="check">
        <input type="checkbox" checked={shown} onChange={(event) => void toggle(event)} aria-describedby="keep-signed-in-hint" />
        {t('keepSignedIn')}
      </label>
      <p id="keep-signed-in-hint" class="hint check-hint">
        {t('keepSignedInHint')}
      </p>
      <OutcomeMessage outcome={outcome.at('keep')} />
    </section>
  );
}
