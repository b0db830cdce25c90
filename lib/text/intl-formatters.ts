/**
 * Intl's formatters, each made once per locale and options: making one costs far more than using it, and a
 * screen formats a few dozen values. In the screens, what they write is kept (./screen/formatted-words.ts): a
 * value formatted once is not formatted again, not even in a new process, where the first formatter waits for
 * Intl's data to be set up (docs/performance.md).
 */
import { isKept, keptWords } from './word-memo';

type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.PluralRules;

const made = new Map<string, Formatter>();

function once<T extends Formatter>(key: string, make: () => T): T {
  const known = made.get(key) as T | undefined;
  if (known) return known;
  const formatter = make();
  made.set(key, formatter);
  return formatter;
}

/** `value` as `Intl.NumberFormat(locale, options)` writes it. */
export function formatNumber(locale: string | undefined, options: Intl.NumberFormatOptions, value: number): string {
  const kind = `number ${locale} ${JSON.stringify(options)}`;
  return keptWords(`${kind} ${value}`, () => once(kind, () => new Intl.NumberFormat(locale, options)).format(value));
}

/** The moment `at` as `Intl.DateTimeFormat(locale, options)` writes it, in the local time zone. */
export function formatDateTime(locale: string, options: Intl.DateTimeFormatOptions, at: number): string {
  const kind = `date ${locale} ${JSON.stringify(options)}`;
  // The words depend on the time zone only through its offset from UTC at that moment (no zone is named).
  const offset = new Date(at).getTimezoneOffset();
  return keptWords(`${kind} ${at} ${offset}`, () => once(kind, () => new Intl.DateTimeFormat(locale, options)).format(at));
}

export type RelativeUnit = 'day' | 'hour' | 'minute';

/** "in 3 days", "5 minutes ago", as `Intl.RelativeTimeFormat(locale)` writes it. */
export function formatRelativeTime(locale: string, value: number, unit: RelativeUnit): string {
  const kind = `relative ${locale}`;
  const key = (count: number) => `${kind} ${count} ${unit}`;
  return keptWords(key(value), () => {
    const format = once(kind, () => new Intl.RelativeTimeFormat(locale));
    // Intl is set up now anyway: the words this one turns into as time passes are kept too, for later pages.
    for (const next of relativeNeighbours(value, unit)) {
      if (!isKept(key(next))) keptWords(key(next), () => format.format(next, unit));
    }
    return format.format(value, unit);
  });
}

const UNIT_SPAN: Record<RelativeUnit, number> = { minute: 59, hour: 23, day: 7 };

/**
 * The counts a relative time of `value` `unit`s can read next: every count of a minute or an hour, both
 * ways, and the week either side of a count of days.
 */
export function relativeNeighbours(value: number, unit: RelativeUnit): number[] {
  const span = UNIT_SPAN[unit];
  const counts: number[] = [];
  if (unit === 'day') for (let count = value - span; count <= value + span; count++) counts.push(count);
  else for (let count = 1; count <= span; count++) counts.push(count, -count);
  return counts.filter((count) => count !== 0 && count !== value);
}

/**
 * `one`, `other`…: the plural category of `count` in `locale`. Not kept: `PluralRules` needs none of the
 * set-up the other formatters share.
 */
export function pluralCategory(locale: string, count: number): string {
  return once(`plural ${locale}`, () => new Intl.PluralRules(locale)).select(count);
}
