import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time/units';
import { t, uiLocale } from './i18n';
import { formatDateTime as formatDateTimeIn, formatRelativeTime, type RelativeUnit } from './intl-formatters';

/** Largest whole unit that fits, so "in 29 days" rather than "in 1 month" (rounded down, like the badge). */
function wholeUnits(ms: number): { value: number; unit: RelativeUnit } {
  if (ms >= DAY_MS) return { value: Math.floor(ms / DAY_MS), unit: 'day' };
  if (ms >= HOUR_MS) return { value: Math.floor(ms / HOUR_MS), unit: 'hour' };
  return { value: Math.max(1, Math.floor(ms / MINUTE_MS)), unit: 'minute' };
}

function relative(value: number, unit: RelativeUnit): string {
  return formatRelativeTime(uiLocale(), value, unit);
}

/** "Expires in 5 days" / "Expired 2 hours ago" / "No expiry date recorded". */
export function describeExpiry(expiresAt: number | null, now: number): string {
  if (expiresAt === null) return t('expiryNone');
  const remaining = expiresAt - now;
  if (remaining > 0) {
    if (remaining < MINUTE_MS) return t('expiresWithinMinute');
    const { value, unit } = wholeUnits(remaining);
    return t('expiresIn', relative(value, unit));
  }
  const elapsed = now - expiresAt;
  if (elapsed < MINUTE_MS) return t('expiredJustNow');
  const { value, unit } = wholeUnits(elapsed);
  return t('expiredAgo', relative(-value, unit));
}

/** "just now" / "3 minutes ago", to follow a verb: "Updated 3 minutes ago". */
export function describeAge(at: number, now: number): string {
  const elapsed = Math.max(0, now - at);
  if (elapsed < MINUTE_MS) return t('ageJustNow');
  const { value, unit } = wholeUnits(elapsed);
  return relative(-value, unit);
}

export function formatDateTime(at: number): string {
  return formatDateTimeIn(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }, at);
}
