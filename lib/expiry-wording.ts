import { DAY_MS, HOUR_MS, MINUTE_MS } from './dates';

/** Largest whole unit that fits, so "in 29 days" rather than "in 1 month" (rounded down, like the badge). */
function wholeUnits(ms: number): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  if (ms >= DAY_MS) return { value: Math.floor(ms / DAY_MS), unit: 'day' };
  if (ms >= HOUR_MS) return { value: Math.floor(ms / HOUR_MS), unit: 'hour' };
  return { value: Math.max(1, Math.floor(ms / MINUTE_MS)), unit: 'minute' };
}

function relative(value: number, unit: Intl.RelativeTimeFormatUnit, locale: string): string {
  return new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(value, unit);
}

/** "Expires in 5 days" / "Expired 2 hours ago" / "No expiry date recorded". */
export function describeExpiry(expiresAt: number | null, now: number, locale = 'en'): string {
  if (expiresAt === null) return 'No expiry date recorded';
  const remaining = expiresAt - now;
  if (remaining > 0) {
    if (remaining < MINUTE_MS) return 'Expires in less than a minute';
    const { value, unit } = wholeUnits(remaining);
    return `Expires ${relative(value, unit, locale)}`;
  }
  const elapsed = now - expiresAt;
  if (elapsed < MINUTE_MS) return 'Expired just now';
  const { value, unit } = wholeUnits(elapsed);
  return `Expired ${relative(-value, unit, locale)}`;
}

/** "Updated just now" / "Updated 3 minutes ago". */
export function describeAge(at: number, now: number, locale = 'en'): string {
  const elapsed = Math.max(0, now - at);
  if (elapsed < MINUTE_MS) return 'just now';
  const { value, unit } = wholeUnits(elapsed);
  return relative(-value, unit, locale);
}

/** A calendar date in the user's words, e.g. "Dec 4, 2026". */
export function formatDate(at: number, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(at);
}

export function formatDateTime(at: number, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
