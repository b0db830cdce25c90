import { t } from '../text/i18n';
import { DAY_MS } from '../time/units';

/** The expiration windows TelemetryDeck's dashboard offers when a personal access token is created. */
export const DASHBOARD_EXPIRY_WINDOWS_DAYS = [7, 30, 60, 90, 365] as const;

/** "30 days from now" / "1 year from now": a window as the sign-in form offers it. */
export function expiryWindowLabel(days: number): string {
  return days === 365 ? t('patExpiryInYear') : t('patExpiryInDays', days);
}

/**
 * No personal access token lives longer than a year: the latest expiry is the end of the day a calendar
 * year from today (29 February counts like any day), plus a day for the dashboard's time zone.
 */
export function latestPatExpiry(now: number): number {
  const today = new Date(now);
  return new Date(today.getFullYear() + 1, today.getMonth(), today.getDate() + 1, 23, 59, 59, 999).getTime();
}

export type ExpiryCheck = { ok: true; expiresAt: number | null } | { ok: false; message: string };

export function checkPatExpiry(expiresAt: number | null | undefined, now: number): ExpiryCheck {
  if (expiresAt === null || expiresAt === undefined) return { ok: true, expiresAt: null };
  if (!Number.isFinite(expiresAt)) return { ok: false, message: t('dateInvalid') };
  if (expiresAt <= now) return { ok: false, message: t('datePassed') };
  if (expiresAt > latestPatExpiry(now)) {
    return { ok: false, message: t('dateTooFar') };
  }
  return { ok: true, expiresAt };
}

/** A window counted from the start of the day the token was made, so never later than its real expiry. */
export function expiryAfterWindow(createdAt: number, days: number): number {
  return createdAt + days * DAY_MS;
}

/** The day a token was made: not after now, and within the last year, since none lives longer. */
export function checkCreatedAt(createdAt: number, now: number): { ok: true } | { ok: false; message: string } {
  if (!Number.isFinite(createdAt)) return { ok: false, message: t('dateInvalid') };
  if (createdAt > now) return { ok: false, message: t('createdAfterToday') };
  if (latestPatExpiry(createdAt) < now) return { ok: false, message: t('createdTooLongAgo') };
  return { ok: true };
}
