import { browser } from 'wxt/browser';
import type catalog from '../../public/_locales/en/messages.json';
import { pluralCategory } from './intl-formatters';

/** A message of the catalogs in `public/_locales/<language>/messages.json`; English is the reference. */
export type MessageKey = keyof typeof catalog;

/**
 * The message in the browser's language, with `$1`, `$2`… replaced by `substitutions` in order.
 * The browser's own i18n, so that every context (worker, pages, manifest) picks the same language and
 * the strings live in the catalogs, not in the scripts.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String));
}

let locale: string | undefined;

/**
 * The locale for `Intl` (dates, numbers, relative times, plurals): the language of the catalog in use,
 * in the browser's regional variant where it has one ("en-GB" dates for a British English browser).
 */
export function uiLocale(): string {
  if (locale) return locale;
  const language = t('localeLanguage') || 'en';
  const preferred = typeof navigator === 'undefined' ? undefined : navigator.language;
  locale = preferred && preferred.split('-')[0]!.toLowerCase() === language ? preferred : language;
  return locale;
}

/** Forgets the cached locale; only tests switch languages. */
export function resetUiLocale(): void {
  locale = undefined;
}

/** `one` or `other` by the language's plural rules: "1 more app" / "3 more apps". */
export function plural(count: number, one: MessageKey, other: MessageKey): string {
  return t(pluralCategory(uiLocale(), count) === 'one' ? one : other, count);
}
