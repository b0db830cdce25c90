/** Numbers in the user's locale: whole below ten thousand ("1,234"), compact above ("35.2K", "1,2 Mio."). */

const COMPACT_FROM = 10_000;
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string | undefined, kind: 'whole' | 'compact' | 'percent'): Intl.NumberFormat {
  const key = `${locale ?? ''}|${kind}`;
  let format = formatters.get(key);
  if (!format) {
    const options: Intl.NumberFormatOptions =
      kind === 'whole'
        ? { maximumFractionDigits: 0 }
        : kind === 'compact'
          ? { notation: 'compact', maximumFractionDigits: 1 }
          : { style: 'percent', maximumFractionDigits: 1 };
    format = new Intl.NumberFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

export function formatCount(value: number, locale?: string): string {
  const whole = Number.isFinite(value) ? Math.round(value) : 0;
  return formatter(locale, Math.abs(whole) < COMPACT_FROM ? 'whole' : 'compact').format(whole);
}

/** `Users` is an estimate (a float): shown rounded to a whole person. */
export function formatEstimate(value: number, locale?: string): string {
  return formatCount(value, locale);
}

/** A fraction as a percentage: 0.109 → "10.9%" ("10,9 %" in German). */
export function formatPercent(fraction: number, locale?: string): string {
  return formatter(locale, 'percent').format(Number.isFinite(fraction) ? fraction : 0);
}
