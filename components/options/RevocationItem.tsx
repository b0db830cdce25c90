import { PERSONAL_ACCESS_TOKENS_URL } from '../../lib/api/origins';
import { revocationWording } from '../../lib/reminders/wording';
import type { RevocationReminder } from '../../lib/state/types';
import { formatDate } from '../../lib/text/calendar-date';
import { t } from '../../lib/text/i18n';
import { ExternalLink } from '../ExternalLink';
import { OutcomeMessage } from './OutcomeMessage';
import { useOutcome } from './use-outcome';

/** One removed token that may still work: what to do, where, and a way to say it is done. */
export function RevocationItem({ reminder, onConfirmed }: { reminder: RevocationReminder; onConfirmed: (name: string) => void }) {
  const outcome = useOutcome<'confirm'>();

  async function confirm() {
    if (outcome.busy) return;
    const ok = await outcome.send('confirm', { type: 'confirmRevoked', id: reminder.id });
    if (ok) onConfirmed(reminder.name);
  }
  return (
    <li class="item item-stacked">
      <p class="item-title">{revocationWording(reminder)}</p>
      <p class="item-meta">{t('revocationRemovedOn', formatDate(reminder.removedAt))}</p>
      <div class="actions">
        <ExternalLink href={PERSONAL_ACCESS_TOKENS_URL}>{t('openDashboard')}</ExternalLink>
        <button
          type="button"
          aria-label={t('revokedItNamed', reminder.name, reminder.last4)}
          disabled={outcome.busy !== null}
          onClick={() => void confirm()}
        >
          {t('revokedIt')}
        </button>
      </div>
      <OutcomeMessage outcome={outcome.at('confirm')?.kind === 'error' ? outcome.at('confirm') : null} />
    </li>
  );
}
