import type { Check, RevocationReminder, TokenInfo } from '../state/types';
import { t } from '../text/i18n';

/**
 * Removing a personal access token here does not revoke it. Unless TelemetryDeck already rejects it,
 * keep a reminder to revoke it in the dashboard: its name, last four characters and dates, never the secret.
 */
export function revocationReminderFor(token: TokenInfo, check: Check, now: number, id: string): RevocationReminder | null {
  if (token.kind !== 'pat' || check.status === 'rejected') return null;
  if (token.expiresAt !== null && token.expiresAt <= now) return null;
  return {
    id,
    name: token.name ?? t('unnamedToken'),
    last4: token.masked.slice(-4),
    removedAt: now,
    confirmed: false,
    lastNotifiedAt: null,
  };
}
