import type { RevocationReminder } from '../state/types';
import { formatDate } from '../text/calendar-date';
import { describeExpiry } from '../text/expiry-wording';
import { t } from '../text/i18n';

/** What an expiry reminder says. Never a token: only its name and dates. */
export function expiryNotification(tokenName: string, expiresAt: number, now: number): { title: string; message: string } {
  const when = describeExpiry(expiresAt, now);
  const expired = expiresAt <= now;
  return {
    title: t(expired ? 'notifyExpiredTitle' : 'notifyExpiringTitle', tokenName),
    message: expired ? t('notifyExpiredMessage', when) : t('notifyExpiringMessage', when, formatDate(expiresAt)),
  };
}

export function rejectedNotification(): { title: string; message: string } {
  return { title: t('notifyRejectedTitle'), message: t('notifyRejectedMessage') };
}

/** The words of a revocation reminder, the same in the options page and in a notification. */
export function revocationWording(reminder: Pick<RevocationReminder, 'name' | 'last4'>): string {
  return t('revokeInDashboard', reminder.name, reminder.last4);
}
