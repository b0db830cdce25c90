import { DAY_MS } from './dates';
import { t } from './i18n';

/** The expiration windows TelemetryDeck's dashboard offers when a personal access token is created. */
export const DASHBOARD_EXPIRY_WINDOWS_DAYS = [7, 30, 60, 90, 365] as const;

/** "30 days from now" / "1 year from now": a window as the sign-in form offers it. */
export function expiryWindowLabel(days: number): string {
  return days === 365 ? t('patExpiryInYear') : t('patExpiryInDays', days);
}

/** No personal access token lives longer than a year; a day of slack covers leap years and time zones. */
export const MAX_PAT_LIFETIME_MS = 366 * DAY_MS;

export type ExpiryCheck = { ok: true; expiresAt: number | null } | { ok: false; message: string };

export function checkPatExpiry(expiresAt: number | null | undefined, now: number): ExpiryCheck {
  if (expiresAt === null || expiresAt === undefined) return { ok: true, expiresAt: null };
  if (!Number.isFinite(expiresAt)) return { ok: false, message: t('dateInvalid') };
  if (expiresAt <= now) return { ok: false, message: t('datePassed') };
  if (expiresAt > now + MAX_PAT_LIFETIME_MS) {
    return { ok: false, message: t('dateTooFar') };
  }
  return { ok: true, expiresAt };
}

/**
 * `<input type="date">` gives `YYYY-MM-DD`. A token "expiring on" a day still works that day,
 * so the moment is the end of that day in the user's time zone.
 */
export function expiryFromDateInput(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day, 23, 59, 59, 999);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date.getTime();
}

/** The inverse, for pre-filling a date field in the user's time zone. */
export function dateInputFromExpiry(expiresAt: number): string {
  const date = new Date(expiresAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
