import { DAY_MS } from './dates';

/** The expiration windows TelemetryDeck's dashboard offers when a personal access token is created. */
export const DASHBOARD_EXPIRY_WINDOWS = [
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 60, label: '60 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
] as const;

/** No personal access token lives longer than a year; a day of slack covers leap years and time zones. */
export const MAX_PAT_LIFETIME_MS = 366 * DAY_MS;

export type ExpiryCheck = { ok: true; expiresAt: number | null } | { ok: false; message: string };

export function checkPatExpiry(expiresAt: number | null | undefined, now: number): ExpiryCheck {
  if (expiresAt === null || expiresAt === undefined) return { ok: true, expiresAt: null };
  if (!Number.isFinite(expiresAt)) return { ok: false, message: 'That expiry date is not a valid date.' };
  if (expiresAt <= now) return { ok: false, message: 'That expiry date has already passed. Pick today or a later date.' };
  if (expiresAt > now + MAX_PAT_LIFETIME_MS) {
    return { ok: false, message: 'A personal access token lives at most one year. Pick a date within a year from today.' };
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
