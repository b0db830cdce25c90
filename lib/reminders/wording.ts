import type { RevocationReminder, TokenKind } from '../state/types';
import { formatDate } from '../text/calendar-date';
import { describeExpiry } from '../text/expiry-wording';
import { t } from '../text/i18n';

/**
 * What an expiry reminder says. Never a token: only its name and dates. A session is renewed by signing in
 * again, never by making a personal access token in the dashboard.
 */
export function expiryNotification(
  token: { kind: TokenKind; name: string },
  expiresAt: number,
  now: number,
): { title: string; message: string } {
  const when = describeExpiry(expiresAt, now);
  const expired = expiresAt <= now;
  if (token.kind === 'session') {
    return {
      title: t(expired ? 'notifySessionExpiredTitle' : 'notifySessionExpiringTitle'),
      message: expired ? t('notifySessionExpiredMessage', when) : t('notifySessionExpiringMessage', when, formatDate(expiresAt)),
    };
  }
  return {
    title: t(expired ? 'notifyExpiredTitle' : 'notifyExpiringTitle', token.name),
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
