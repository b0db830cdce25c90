import { t } from '../text/i18n';

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
