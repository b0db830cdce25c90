/**
 * Intl's formatters, each made once per locale and options. Making one costs far more than using it (1-2.4 ms
 * each in a profile of the popup's first frame, which formats a few dozen values), so the screens share them.
 */
type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.PluralRules;

const made = new Map<string, Formatter>();

function once<T extends Formatter>(key: string, make: () => T): T {
  const known = made.get(key) as T | undefined;
  if (known) return known;
  const formatter = make();
  made.set(key, formatter);
  return formatter;
}

export function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return once(`number ${locale} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return once(`date ${locale} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

export function relativeTimeFormat(locale: string): Intl.RelativeTimeFormat {
  return once(`relative ${locale}`, () => new Intl.RelativeTimeFormat(locale));
}

export function pluralRules(locale: string): Intl.PluralRules {
  return once(`plural ${locale}`, () => new Intl.PluralRules(locale));
}
