import { formatNumber } from '../../text/intl-formatters';

/** Numbers in the user's locale: whole below ten thousand ("1,234"), compact above ("35.2K", "1,2 Mio."). */

const COMPACT_FROM = 10_000;

// Users are an estimate (a float): like events, they are shown rounded to a whole.
export function formatCount(value: number, locale?: string): string {
  const whole = Number.isFinite(value) ? Math.round(value) : 0;
  const compact = Math.abs(whole) >= COMPACT_FROM;
  return formatNumber(locale, compact ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }, whole);
}

/** A fraction as a percentage: 0.109 → "10.9%" ("10,9 %" in German). */
export function formatPercent(fraction: number, locale?: string): string {
  return formatNumber(locale, { style: 'percent', maximumFractionDigits: 1 }, Number.isFinite(fraction) ? fraction : 0);
}
